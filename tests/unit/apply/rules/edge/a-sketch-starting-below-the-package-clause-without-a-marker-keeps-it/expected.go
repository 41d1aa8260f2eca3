package main

import "fmt"

func hello() {
	fmt.Println("hello")
}

func bye() {
	fmt.Println("bye")
}
