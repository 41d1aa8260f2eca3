// ... existing code ...
func TestActiveHelp(t *testing.T) {
	rootCmd := &Command{Use: "root"}
	if rootCmd.Use != "root" {
		t.Error("bad use")
	}
}

func TestActiveHelpV2(t *testing.T) {
	rootCmd := &Command{Use: "root"}
	// ... existing code ...
