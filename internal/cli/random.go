package cli

import (
	"math/rand/v2"

	"github.com/spf13/cobra"

	"github.com/djq-cli/djq/internal/bank"
)

// RandomOptions is what `djq random` was asked to do.
type RandomOptions struct {
	Filter  filterFlags
	Count   int
	Seed    int64
	SeedSet bool
}

// maxRandomCount bounds --count; larger values are almost certainly typos.
const maxRandomCount = 10000

func newRandomCmd(f *Factory, runF func(*RandomOptions) error) *cobra.Command {
	opts := &RandomOptions{}
	cmd := &cobra.Command{
		Use:   "random",
		Short: "Show one or more random questions",
		Long: `Show random questions with their answers, optionally of one level or tag.

The same --seed always picks the same questions from the same bank, so a
study plan can be shared or repeated.`,
		Example: `  djq random
  djq random --level advanced
  djq random --tag orm --count 3
  djq random --count 5 --seed 42`,
		Annotations: rendersAnswers(),
		Args:        cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.SeedSet = cmd.Flags().Changed("seed")
			if opts.Count < 1 || opts.Count > maxRandomCount {
				return usagef("invalid count %d: use a number from 1 to %d", opts.Count, maxRandomCount)
			}
			if runF != nil {
				return runF(opts)
			}
			return randomRun(f, opts)
		},
	}
	addFilterFlags(cmd, f, &opts.Filter)
	cmd.Flags().IntVarP(&opts.Count, "count", "n", 1, "how many questions to pick")
	cmd.Flags().Int64Var(&opts.Seed, "seed", 0, "seed for the pick; the same seed gives the same questions (default: random)")
	return cmd
}

func randomRun(f *Factory, opts *RandomOptions) error {
	_, _, pool, err := f.selectQuestions(&opts.Filter)
	if err != nil {
		return err
	}
	seed := opts.Seed
	if !opts.SeedSet {
		seed = f.Now().UnixNano()
	}
	return writeQuestions(f, pick(pool, opts.Count, seed))
}

// pick chooses n distinct questions (all of them when n is larger) with a
// generator seeded by seed, so the same seed over the same pool always
// gives the same questions in the same order.
func pick(pool []*bank.Question, n int, seed int64) []*bank.Question {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x646a71)) // "djq"
	idx := rng.Perm(len(pool))
	n = min(n, len(pool))
	out := make([]*bank.Question, n)
	for i := range n {
		out[i] = pool[idx[i]]
	}
	return out
}
