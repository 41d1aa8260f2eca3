package sys

func Name() string {
	return "Linux"
}

// ... existing code ...
