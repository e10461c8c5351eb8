package bank

import (
	"math/rand/v2"
	"time"
)

// Sample chooses n questions from pool (all of them when n is larger) in an
// order fixed by seed: the same seed and pool always give the same
// questions, so a study plan can be shared.
func Sample(pool []*Question, n int, seed int64) []*Question {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x646a71)) // "djq"
	idx := rng.Perm(len(pool))
	n = min(n, len(pool))
	out := make([]*Question, n)
	for i := range n {
		out[i] = pool[idx[i]]
	}
	return out
}

// SeedMax bounds the seeds djq picks itself: far below 2^53, so a seed read
// back from JSON by jq or JavaScript (which hold numbers as doubles) is the
// same seed, and short enough to type.
const SeedMax = 1_000_000_000

// PickSeed is the seed of a random pick: the one given (--seed), else one
// from the clock. The caller keeps it, so that it can print it and a pick
// that was not seeded can still be repeated.
func PickSeed(given int64, set bool, now time.Time) int64 {
	if set {
		return given
	}
	return now.UnixNano() % SeedMax
}
