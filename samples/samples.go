// Package samples holds the sample news articles bundled with dyad: short
// fictional-but-realistic stories written for the project (see README.md),
// each with the events a careful coder would expect. The demo codes them,
// and `dyad eval samples` scores dyad against them.
package samples

import (
	"embed"
	"io/fs"
)

//go:embed *.html *.txt *.events.jsonl README.md
var files embed.FS

// FS returns the sample files: NAME.html or NAME.txt articles, and
// NAME.events.jsonl with their expected events.
func FS() fs.FS { return files }
