package c

func Get(key string) int {
	if v, ok := cache[key]; ok {
		return v
	} else {
		return compute(key)
	}
}
