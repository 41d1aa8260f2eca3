// ... existing code ...
func Count(prices []int) int {
  log.Printf("count")
  return len(prices)
}
