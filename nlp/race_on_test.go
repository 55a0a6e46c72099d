//go:build race

package nlp_test

// raceEnabled reports whether the race detector is on; tests then use
// smaller slices of data.
const raceEnabled = true
