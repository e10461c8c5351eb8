// Command djq is a command-line reference for Django interview questions.
package main

import (
	"os"

	"github.com/djq-cli/djq/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:]))
}
