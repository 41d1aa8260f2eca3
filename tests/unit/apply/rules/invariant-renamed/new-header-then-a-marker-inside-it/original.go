package cobra

import "testing"

func TestActiveHelp(t *testing.T) {
	rootCmd := &Command{Use: "root"}
	if rootCmd.Use != "root" {
		t.Error("bad use")
	}
}

func TestMultiActiveHelp(t *testing.T) {
	rootCmd := &Command{Use: "root"}
	childCmd := &Command{Use: "child"}
	rootCmd.AddCommand(childCmd)
}
