package toml

import "testing"

func TestPositionString(t *testing.T) {
	p := Position{123, 456}
	expected := "(123, 456)"
	value := p.String()

	if value != expected {
		t.Errorf("Expected %v, got %v instead", expected, value)
	}
}

func TestInvalid(t *testing.T) {
	for _, p := range []Position{{0, 0}, {1, 0}, {0, 1}} {
		if !p.Invalid() {
			t.Errorf("Position at %v is valid: %v", p, p)
		}
	}
}
