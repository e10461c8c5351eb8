//go:build race

package render

// raceEnabled trims the whole-bank check under the race detector, which
// makes glamour about ten times slower: every question is still rendered
// in djq's dark, light, 16-colour and notty styles, at the narrowest and
// widest widths only. The full matrix runs
// in every test run without -race.
const raceEnabled = true
