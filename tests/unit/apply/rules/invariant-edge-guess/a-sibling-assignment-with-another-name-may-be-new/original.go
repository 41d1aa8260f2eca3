package main

func run(cfg Config) {
	a := load(cfg)
	b := load(cfg)
	use(a, b)
}
