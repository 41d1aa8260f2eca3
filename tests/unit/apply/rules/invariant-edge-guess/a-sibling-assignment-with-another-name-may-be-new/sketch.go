package main

func run(cfg Config) {
	a := load(cfg)
	c := load(cfg)
	// ... existing code ...
}
