package bank

import "math/rand/v2"

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
