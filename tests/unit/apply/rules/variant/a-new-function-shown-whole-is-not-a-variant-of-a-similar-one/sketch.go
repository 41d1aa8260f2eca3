// ... existing code ...

func helper() int {
	return 1
}
