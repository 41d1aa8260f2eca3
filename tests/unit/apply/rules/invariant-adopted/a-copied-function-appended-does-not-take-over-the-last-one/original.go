package ring

import "testing"

func TestPush(t *testing.T) {
	r := New(4)

	for i, tc := range []struct {
		In   int
		Want int
	}{
		{1, 1},
		{2, 2},
	} {
		r.Push(tc.In)
		if got := r.Len(); got != tc.Want {
			t.Errorf("case %d: len = %d, want %d", i, got, tc.Want)
		}
	}

	r.Reset()

	for i, tc := range []struct {
		In   int
		Want int
	}{
		{5, 1},
	} {
		r.Push(tc.In)
		if got := r.Len(); got != tc.Want {
			t.Errorf("case %d: len = %d, want %d", i, got, tc.Want)
		}
	}
}
