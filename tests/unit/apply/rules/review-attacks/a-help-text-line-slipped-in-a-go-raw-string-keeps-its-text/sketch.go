// ... existing code ...
const helpText = `Usage: sync [flags] SRC DST

Flags:
  -n, --dry-run   show what would be copied
  -v, --verbose   print every file
  --delete    remove extra files in DST
  -q, --quiet     print nothing
`
// ... existing code ...
