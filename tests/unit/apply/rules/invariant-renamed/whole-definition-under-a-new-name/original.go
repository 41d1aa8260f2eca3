package hooks

type Hook struct {
	name string
}

func (h *Hook) Levels() []string {
	return nil
}

func (h *Hook) Fire(e *Entry) error {
	e.Data["name"] = h.name
	return nil
}

func Example() {
	h := &Hook{name: "x"}
	_ = h
}
