//go:build race

package storetest

// fullTextEvents is the size of the full-text suite's corpus: smaller
// under the race detector, which slows the transpiled SQLite about
// tenfold (the suite pages through every match of each query).
const fullTextEvents = 800
