package r

func Run(x string) string {
	out := step1(x)
	out = step2(out)
	out = step3(out)

	return out
}
