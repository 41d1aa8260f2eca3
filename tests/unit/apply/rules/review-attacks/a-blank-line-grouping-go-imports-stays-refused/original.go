package main

import (
	"fmt"
	"os"
	"github.com/pkg/errors"
	"github.com/spf13/cobra"

	"example.com/app/internal/config"
)

func main() {
	cfg, err := config.Load()
	if err != nil {
		fmt.Fprintln(os.Stderr, errors.Wrap(err, "load"))
		os.Exit(1)
	}
	_ = cobra.Command{}
	_ = cfg
}
