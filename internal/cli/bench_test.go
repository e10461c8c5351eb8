package cli

import (
	"context"
	"testing"

	"github.com/djq-cli/djq/internal/iostreams"
)

// benchRun runs djq in-process the way a fresh process would, minus the
// package initialisation every process pays.
func benchRun(b *testing.B, env map[string]string, args ...string) {
	b.Helper()
	for b.Loop() {
		ios, _, _, _ := iostreams.Test()
		ios.SetEnv(env)
		if code := Run(context.Background(), ios, args); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}

// BenchmarkVersion is the floor: building the command tree and printing.
func BenchmarkVersion(b *testing.B) { benchRun(b, nil, "--version") }

// BenchmarkShow renders one answer as Markdown.
func BenchmarkShow(b *testing.B) { benchRun(b, nil, "show", "35") }

// BenchmarkSearchCommandWarm runs a search against a warm cache.
func BenchmarkSearchCommandWarm(b *testing.B) {
	env := map[string]string{"DJQ_CACHE_DIR": b.TempDir()}
	ios, _, _, _ := iostreams.Test()
	ios.SetEnv(env)
	Run(context.Background(), ios, []string{"search", "warm"})
	benchRun(b, env, "search", "select_related")
}

// BenchmarkSearchQuestionWarm runs a long, noisy question (reranked, with
// word pairs and a real-word slip) against a warm cache.
func BenchmarkSearchQuestionWarm(b *testing.B) {
	env := map[string]string{"DJQ_CACHE_DIR": b.TempDir()}
	ios, _, _, _ := iostreams.Test()
	ios.SetEnv(env)
	Run(context.Background(), ios, []string{"search", "warm"})
	benchRun(b, env, "search", "Is there any Django function which will let me get an object form the database, or None if nothing matches")
}

// BenchmarkList lists the built-in bank.
func BenchmarkList(b *testing.B) { benchRun(b, nil, "list") }
