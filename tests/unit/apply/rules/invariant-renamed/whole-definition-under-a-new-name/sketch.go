// ... existing code ...

func (h *Hook) FireV2(e *Entry) error {
	e.Data["name"] = h.name
	return nil
}

func Example() {
	// ... existing code ...
