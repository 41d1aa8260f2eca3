package main

const script = `
_complete() {
    echo line0
    echo line1
    echo line2
    echo line3
    echo line4
    echo line5
    echo line6
    echo line7
    echo line8
    echo line9
    echo line10
    echo line11
}
`

func writeFlag(name string) string {
	format := "--"
	if name == "" {
		format += "none"
	}
	return format + name
}
