package export

import (
	"io"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/parquet-go/parquet-go"
)

// ParquetRow is one event in a Parquet export. Columns are typed: dates are
// DATE, first_seen a TIMESTAMP (microseconds, UTC), unknown locations and
// fatalities are nulls.
type ParquetRow struct {
	ID                string    `parquet:"id"`
	Date              int32     `parquet:"date,date"`
	DatePrecision     string    `parquet:"date_precision,dict"`
	Source            string    `parquet:"source,dict"`
	SourceText        string    `parquet:"source_text"`
	Target            string    `parquet:"target,dict"`
	TargetText        string    `parquet:"target_text"`
	Code              string    `parquet:"code,dict"`
	Root              string    `parquet:"root,dict"`
	QuadClass         int32     `parquet:"quad_class"`
	Goldstein         float64   `parquet:"goldstein"`
	PLOVERType        string    `parquet:"plover_type,dict"`
	PLOVERMode        string    `parquet:"plover_mode,dict"`
	Modality          string    `parquet:"modality,dict"`
	Location          *string   `parquet:"location,optional"`
	Country           *string   `parquet:"country,optional,dict"`
	ADM1              *string   `parquet:"adm1,optional"`
	Lat               *float64  `parquet:"lat,optional"`
	Lon               *float64  `parquet:"lon,optional"`
	Fatalities        *int32    `parquet:"fatalities,optional"`
	FatalitiesAtLeast *bool     `parquet:"fatalities_at_least,optional"`
	AttributedTo      *string   `parquet:"attributed_to,optional"`
	NumMentions       int32     `parquet:"num_mentions"`
	NumSources        int32     `parquet:"num_sources"`
	NumArticles       int32     `parquet:"num_articles"`
	FirstSeen         time.Time `parquet:"first_seen,timestamp(microsecond)"`
	SourceURL         string    `parquet:"source_url"`
	Sentence          string    `parquet:"sentence"`
	Pattern           string    `parquet:"pattern"`
}

// ParquetWriter writes events as a Parquet file with ParquetRow's columns,
// compressed with Snappy, in row groups of up to 64k events.
type ParquetWriter struct {
	w   *parquet.GenericWriter[ParquetRow]
	buf []ParquetRow
	n   int
}

const parquetRowGroup = 64 << 10

// NewParquetWriter returns a ParquetWriter to w.
func NewParquetWriter(w io.Writer) *ParquetWriter {
	return &ParquetWriter{
		w:   parquet.NewGenericWriter[ParquetRow](w, parquet.Compression(&parquet.Snappy)),
		buf: make([]ParquetRow, 0, 1024),
	}
}

// NewParquetRow converts an event to a row.
func NewParquetRow(e *dyad.StoredEvent) ParquetRow {
	r := ParquetRow{
		ID: e.ID, DatePrecision: string(e.DatePrecision),
		Source: e.Source.Code, SourceText: e.Source.Text, Target: e.Target.Code, TargetText: e.Target.Text,
		Code: e.Code, Root: e.Root, QuadClass: int32(e.QuadClass), Goldstein: e.Goldstein,
		PLOVERType: e.PLOVER.Type, PLOVERMode: e.PLOVER.Mode, Modality: string(e.Modality),
		NumMentions: int32(e.NumMentions), NumSources: int32(e.NumSources), NumArticles: int32(e.NumArticles),
		FirstSeen: e.FirstSeen.UTC(), SourceURL: e.SourceURL, Sentence: e.Sentence.Text, Pattern: e.Pattern,
	}
	if d, err := time.Parse(time.DateOnly, e.Date); err == nil {
		r.Date = int32(d.Unix() / 86400)
	}
	if l := e.Location; l != nil {
		r.Location, r.Country, r.ADM1 = ptr(l.Name), ptr(l.Country), ptr(l.ADM1)
		r.Lat, r.Lon = ptr(l.Lat), ptr(l.Lon)
	}
	if f := e.Fatalities; f != nil {
		r.Fatalities, r.FatalitiesAtLeast = ptr(int32(f.Count)), ptr(f.AtLeast)
	}
	if a := e.Attribution; a != nil {
		r.AttributedTo = ptr(a.By)
	}
	return r
}

func ptr[T any](v T) *T { return &v }

// Write buffers one event, writing a batch when the buffer is full.
func (p *ParquetWriter) Write(e *dyad.StoredEvent) error {
	p.buf = append(p.buf, NewParquetRow(e))
	if len(p.buf) == cap(p.buf) {
		return p.flush()
	}
	return nil
}

func (p *ParquetWriter) flush() error {
	if len(p.buf) == 0 {
		return nil
	}
	if _, err := p.w.Write(p.buf); err != nil {
		return err
	}
	p.n += len(p.buf)
	clear(p.buf)
	p.buf = p.buf[:0]
	if p.n >= parquetRowGroup {
		p.n = 0
		return p.w.Flush()
	}
	return nil
}

// Close writes the buffered rows and the file footer.
func (p *ParquetWriter) Close() error {
	if err := p.flush(); err != nil {
		return err
	}
	return p.w.Close()
}
