// ... existing code ...
	return sum
}

func CountV2(prices []int) int {
	return len(prices)
}

func Count(prices []int) int {
// ... existing code ...
