import "fmt"

func hello() {
	fmt.Println("hello")
}
// ... existing code ...
