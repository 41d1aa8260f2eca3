package main

func lint(path string) (string, error) {
	data, err := load(path)
	if err != nil {
		return "", err
	}
	return format(data), nil
}

func lintReader(r io.Reader) (string, error) {
	data, err := read(r)
	if err != nil {
		return "", err
	}
	return format(data), nil
}
