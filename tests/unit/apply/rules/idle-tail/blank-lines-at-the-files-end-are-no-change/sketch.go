	// ... existing code ...
	return format(data), nil
}

