// Command floor is the start-up floor djq is measured against: a binary
// that links the three libraries djq's design chose (glamour, bleve,
// cobra), so pays their package initialisation, and prints one line. See
// internal/perf/startup.sh and BENCHMARKS.md.
package main

import (
	"fmt"

	_ "github.com/blevesearch/bleve/v2"
	_ "github.com/charmbracelet/glamour"
	"github.com/spf13/cobra"
)

func main() {
	root := &cobra.Command{Use: "floor", Run: func(*cobra.Command, []string) { fmt.Println("floor") }}
	_ = root.Execute()
}
