// ... existing code ...
func (h *Hook) Levels() []string {
	return nil
}

func (h *Hook) Handle(e *Entry) error {
	e.Data["name"] = h.name
	return nil
}

func Example() {
	// ... existing code ...
