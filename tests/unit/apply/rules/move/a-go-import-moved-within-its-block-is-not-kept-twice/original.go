package main

import (
	"os"
	"fmt"
	"strings"
)

func main() {
	fmt.Println(strings.ToUpper(os.Args[0]))
}
