package main

import "flag"

func main() {
	var in, out string
	flag.StringVar(&in, "in", "", "input")
	flag.StringVar(&out, "out", "", "output")

	flag.Parse()
	run(in, out)
}
