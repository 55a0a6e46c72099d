package export

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"time"

	"github.com/dyad-events/dyad"
)

// CSVColumns are the header of CSV exports.
var CSVColumns = []string{
	"id", "date", "date_precision", "source", "source_text", "target", "target_text",
	"code", "root", "quad_class", "goldstein", "plover_type", "plover_mode", "modality",
	"location", "country", "adm1", "lat", "lon", "fatalities", "fatalities_at_least",
	"attributed_to", "num_mentions", "num_sources", "num_articles", "first_seen",
	"source_url", "sentence", "pattern",
}

// CSVWriter writes events as CSV (RFC 4180) with a header row: one event
// per row, the columns of CSVColumns. Unknown numbers are empty cells.
type CSVWriter struct {
	bw     *bufio.Writer
	w      *csv.Writer
	header bool
	row    []string
}

// NewCSVWriter returns a CSVWriter to w.
func NewCSVWriter(w io.Writer) *CSVWriter {
	bw := bufio.NewWriterSize(w, 64<<10)
	return &CSVWriter{bw: bw, w: csv.NewWriter(bw), row: make([]string, len(CSVColumns))}
}

// Write writes one event, after the header on the first call.
func (c *CSVWriter) Write(e *dyad.StoredEvent) error {
	if !c.header {
		c.header = true
		if err := c.w.Write(CSVColumns); err != nil {
			return err
		}
	}
	r := c.row
	clear(r)
	r[0], r[1], r[2] = e.ID, e.Date, string(e.DatePrecision)
	r[3], r[4], r[5], r[6] = e.Source.Code, e.Source.Text, e.Target.Code, e.Target.Text
	r[7], r[8], r[9] = e.Code, e.Root, strconv.Itoa(e.QuadClass)
	r[10] = strconv.FormatFloat(e.Goldstein, 'f', -1, 64)
	r[11], r[12], r[13] = e.PLOVER.Type, e.PLOVER.Mode, string(e.Modality)
	if l := e.Location; l != nil {
		r[14], r[15], r[16] = l.Name, l.Country, l.ADM1
		r[17] = strconv.FormatFloat(l.Lat, 'f', -1, 64)
		r[18] = strconv.FormatFloat(l.Lon, 'f', -1, 64)
	}
	if f := e.Fatalities; f != nil {
		r[19], r[20] = strconv.Itoa(f.Count), strconv.FormatBool(f.AtLeast)
	}
	if a := e.Attribution; a != nil {
		r[21] = a.By
	}
	r[22], r[23], r[24] = strconv.Itoa(e.NumMentions), strconv.Itoa(e.NumSources), strconv.Itoa(e.NumArticles)
	if !e.FirstSeen.IsZero() {
		r[25] = e.FirstSeen.UTC().Format(time.RFC3339)
	}
	r[26], r[27], r[28] = e.SourceURL, e.Sentence.Text, e.Pattern
	return c.w.Write(r)
}

// Close flushes the buffered rows.
func (c *CSVWriter) Close() error {
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return err
	}
	return c.bw.Flush()
}

// JSONLWriter writes events as JSON lines: each line is a dyad.StoredEvent,
// the JSONL contract's event object plus first_seen, source_url and the
// mention counts.
type JSONLWriter struct {
	bw  *bufio.Writer
	enc *json.Encoder
}

// NewJSONLWriter returns a JSONLWriter to w.
func NewJSONLWriter(w io.Writer) *JSONLWriter {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &JSONLWriter{bw: bw, enc: enc}
}

// Write writes one event.
func (j *JSONLWriter) Write(e *dyad.StoredEvent) error { return j.enc.Encode(e) }

// Close flushes the buffered lines.
func (j *JSONLWriter) Close() error { return j.bw.Flush() }
