package cart

func Total(prices []int) int {
	sum := 0
	for _, p := range prices {
		sum += p
	}
	return sum
}

func Count(prices []int) int {
	return len(prices)
}

func CountV2(prices []int) int {
	return len(prices)
}
