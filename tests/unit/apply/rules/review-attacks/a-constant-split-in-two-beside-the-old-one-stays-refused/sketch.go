// ... existing code ...

	MaxReadRetries = 3
	MaxWriteRetries = 5

	// Timeouts
// ... existing code ...
