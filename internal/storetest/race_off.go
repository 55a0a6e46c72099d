//go:build !race

package storetest

// fullTextEvents is the size of the full-text suite's corpus.
const fullTextEvents = 3000
