package cmd

import "fmt"

const helpText = `Usage: sync [flags] SRC DST

Flags:
  -n, --dry-run   show what would be copied
  -v, --verbose   print every file
      --delete    remove extra files in DST
  -q, --quiet     print nothing
`

func PrintHelp() {
	fmt.Print(helpText)
}
