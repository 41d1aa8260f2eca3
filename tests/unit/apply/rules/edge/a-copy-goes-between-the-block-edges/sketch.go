// ... existing code ...
	return sum
}

func TotalV2(prices []int) int {
	sum := 0
	for _, p := range prices {
		sum += p
	}
	return sum
}

func Count(prices []int) int {
// ... existing code ...
