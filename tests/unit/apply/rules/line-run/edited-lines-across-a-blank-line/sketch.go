	// ... existing code ...
	expected := "(123, 456)"
	valueValue := p.String()

	if valueValue != expected {
		t.Errorf("Expected %v, got %v instead", expected, valueValue)
	}
// ... existing code ...
