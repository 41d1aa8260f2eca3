package main

func main() {
	run()
}

func other() int {
	return 2
}

func helper() int {
	return 1
}
