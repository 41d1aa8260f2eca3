//go:build linux

package sys

func Name() string {
	return "linux"
}

func Arch() string {
	return "amd64"
}
