package main

func main() {
	run()
}

func other() int {
	return 2
}
