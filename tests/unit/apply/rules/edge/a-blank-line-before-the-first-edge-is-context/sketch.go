// ... existing code ...

func Count(prices []int) int {
	return len(prices)
}

func CountV2(prices []int) int {
	return len(prices)
// ... existing code ...
