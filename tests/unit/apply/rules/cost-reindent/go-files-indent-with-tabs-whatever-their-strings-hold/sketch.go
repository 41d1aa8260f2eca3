	// ... existing code ...
	func writeFlag(name string) string {
		format := "--"
		if name == "" {
			format += "none"
		}
		defer trace("writeFlag")()
		return format + name
	}
