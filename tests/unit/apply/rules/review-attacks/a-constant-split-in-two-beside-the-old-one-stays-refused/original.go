package cfg

const (
	AppName = "app"

	MaxRetries = 3

	// Timeouts
	Timeout = 30
)
