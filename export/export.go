// Package export writes stored events in the formats analysts' tools read:
// the GDELT 2.0 events table (tab-separated, no header), CSV with a header,
// JSON lines (the JSONL contract, with the store's counts) and Parquet with
// typed columns.
//
// Each format has a Writer; NewWriter picks one by name. Writers stream: they
// hold at most one row group (Parquet) or one buffer (the others) in memory.
package export

import (
	"io"

	"github.com/dyad-events/dyad"
)

// Formats are the names NewWriter accepts.
var Formats = []string{"gdelt", "csv", "jsonl", "parquet"}

// Writer writes events in one format. Close flushes what is buffered and
// finishes the file (Parquet's footer); it does not close the underlying
// io.Writer.
type Writer interface {
	Write(e *dyad.StoredEvent) error
	Close() error
}

// NewWriter returns a Writer of the named format to w, or EINVALID for an
// unknown format.
func NewWriter(format string, w io.Writer) (Writer, error) {
	switch format {
	case "gdelt":
		return NewGDELTWriter(w), nil
	case "csv":
		return NewCSVWriter(w), nil
	case "jsonl":
		return NewJSONLWriter(w), nil
	case "parquet":
		return NewParquetWriter(w), nil
	}
	return nil, dyad.Errorf(dyad.EINVALID, "unknown export format %q: want gdelt, csv, jsonl or parquet", format)
}

// ContentType returns the media type of a format's files.
func ContentType(format string) string {
	switch format {
	case "gdelt":
		return "text/tab-separated-values; charset=utf-8"
	case "csv":
		return "text/csv; charset=utf-8"
	case "jsonl":
		return "application/x-ndjson"
	case "parquet":
		return "application/vnd.apache.parquet"
	}
	return "application/octet-stream"
}

// Extension returns the usual file name extension of a format.
func Extension(format string) string {
	switch format {
	case "gdelt":
		return ".export.tsv"
	case "jsonl":
		return ".jsonl"
	}
	return "." + format
}
