package http

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/export"
)

// params reads query parameters, refusing unknown ones so that a typo is
// an error rather than a silently ignored filter.
type params struct {
	v   url.Values
	err error
}

func newParams(r *http.Request, known ...string) *params {
	p := &params{v: r.URL.Query()}
	for k := range p.v {
		found := false
		for _, n := range known {
			if k == n {
				found = true
				break
			}
		}
		if !found {
			p.err = dyad.Errorf(dyad.EINVALID, "unknown parameter %q: want one of %s", k, strings.Join(known, ", "))
			return p
		}
	}
	return p
}

func (p *params) str(name string) string { return p.v.Get(name) }

func (p *params) int(name string) int {
	s := p.v.Get(name)
	if s == "" || p.err != nil {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		p.err = dyad.Errorf(dyad.EINVALID, "bad %s %q: want an integer", name, s)
	}
	return n
}

// pair reads "A,B".
func (p *params) pair(name string) [2]string {
	s := p.v.Get(name)
	if s == "" || p.err != nil {
		return [2]string{}
	}
	a, b, ok := strings.Cut(s, ",")
	if !ok || a == "" || b == "" || strings.Contains(b, ",") {
		p.err = dyad.Errorf(dyad.EINVALID, "bad %s %q: want two actor codes, such as PAK,AFG", name, s)
	}
	return [2]string{a, b}
}

// bbox reads "min_lon,min_lat,max_lon,max_lat".
func (p *params) bbox(name string) *dyad.BBox {
	s := p.v.Get(name)
	if s == "" || p.err != nil {
		return nil
	}
	parts := strings.Split(s, ",")
	var f [4]float64
	var err error
	if len(parts) == 4 {
		for i, x := range parts {
			if f[i], err = strconv.ParseFloat(strings.TrimSpace(x), 64); err != nil {
				break
			}
		}
	}
	if len(parts) != 4 || err != nil {
		p.err = dyad.Errorf(dyad.EINVALID, "bad %s %q: want min_lon,min_lat,max_lon,max_lat", name, s)
		return nil
	}
	return &dyad.BBox{MinLon: f[0], MinLat: f[1], MaxLon: f[2], MaxLat: f[3]}
}

// filterParams are the parameters of an event filter.
var filterParams = []string{"from", "to", "source", "target", "actor", "dyad", "code", "root", "quad", "plover", "modality", "country", "bbox", "outlet", "q", "sort", "cursor", "limit"}

func (p *params) eventFilter() dyad.EventFilter {
	f := dyad.EventFilter{
		From: p.str("from"), To: p.str("to"),
		Source: p.str("source"), Target: p.str("target"), Actor: p.str("actor"),
		Dyad: p.pair("dyad"), Code: p.str("code"), Root: p.str("root"),
		QuadClass: p.int("quad"), PLOVER: p.str("plover"), Modality: dyad.Modality(p.str("modality")),
		Country: p.str("country"), BBox: p.bbox("bbox"), Outlet: p.str("outlet"), Query: p.str("q"),
		Sort: p.str("sort"), Cursor: p.str("cursor"), Limit: p.int("limit"),
	}
	if p.err == nil {
		p.err = f.Validate()
	}
	return f
}

func (s *Server) handleEvents(w http.ResponseWriter, r *http.Request) {
	p := newParams(r, filterParams...)
	f := p.eventFilter()
	if p.err != nil {
		s.Error(w, r, p.err)
		return
	}
	if s.writeEventsJSON(w, r, f) {
		return
	}
	page, err := s.Store.Events(r.Context(), f)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, page)
}

func (s *Server) handleEvent(w http.ResponseWriter, r *http.Request) {
	d, err := s.Store.Event(r.Context(), r.PathValue("id"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, d)
}

func (s *Server) handleSeries(w http.ResponseWriter, r *http.Request) {
	p := newParams(r, "actor", "dyad", "by", "measure", "from", "to")
	f := dyad.SeriesFilter{Actor: p.str("actor"), Dyad: p.pair("dyad"), By: p.str("by"), From: p.str("from"), To: p.str("to")}
	measure := p.str("measure")
	switch measure {
	case "":
		measure = "count"
	case "count", "goldstein", "quad":
	default:
		if p.err == nil {
			p.err = dyad.Errorf(dyad.EINVALID, "bad measure %q: want count, goldstein or quad", measure)
		}
	}
	if p.err == nil {
		p.err = f.Validate()
	}
	if p.err != nil {
		s.Error(w, r, p.err)
		return
	}
	if f.By == "" {
		f.By = dyad.ByMonth
	}
	series, err := s.Store.Series(r.Context(), f)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	// Every point carries every measure (count, quad counts, mean
	// Goldstein); measure echoes which one the client means to chart.
	writeJSON(w, map[string]any{"by": f.By, "measure": measure, "series": series})
}

func (s *Server) handleTop(fn func(dyad.EventReader, context.Context, dyad.TopFilter) ([]dyad.Count, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p := newParams(r, "from", "to", "prefix", "limit")
		f := dyad.TopFilter{From: p.str("from"), To: p.str("to"), Prefix: p.str("prefix"), Limit: p.int("limit")}
		if p.err == nil {
			p.err = f.Validate()
		}
		if p.err != nil {
			s.Error(w, r, p.err)
			return
		}
		counts, err := fn(s.Store, r.Context(), f)
		if err != nil {
			s.Error(w, r, err)
			return
		}
		writeJSON(w, map[string]any{"counts": counts})
	}
}

func (s *Server) handleExport(w http.ResponseWriter, r *http.Request) {
	p := newParams(r, append([]string{"format"}, filterParams...)...)
	f := p.eventFilter()
	format := p.str("format")
	if format == "" {
		format = "jsonl"
	}
	if p.err != nil {
		s.Error(w, r, p.err)
		return
	}
	if f.Cursor != "" || f.Limit != 0 {
		s.Error(w, r, dyad.Errorf(dyad.EINVALID, "export streams every matching event: cursor and limit do not apply"))
		return
	}
	ew, err := export.NewWriter(format, io.Discard) // validates the format
	if err != nil {
		s.Error(w, r, err)
		return
	}
	cw := &countingWriter{w: w}
	ew, _ = export.NewWriter(format, cw)
	w.Header().Set("Content-Type", export.ContentType(format))
	w.Header().Set("Content-Disposition", `attachment; filename="dyad-events`+export.Extension(format)+`"`)
	n := 0
	err = s.Store.EachEvent(r.Context(), f, func(e *dyad.StoredEvent) error {
		n++
		if s.ExportLimit > 0 && n > s.ExportLimit {
			return errExportLimit
		}
		return ew.Write(e)
	})
	if err == nil || err == errExportLimit {
		err = ew.Close()
	}
	switch {
	case err == nil:
	case cw.n == 0:
		// Nothing is sent yet: the client gets a JSON error.
		w.Header().Del("Content-Disposition")
		s.Error(w, r, err)
	case s.Logger != nil && r.Context().Err() == nil:
		// The status is sent already: a failed stream ends short.
		s.Logger.Error("export failed", "error", err)
	}
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

var errExportLimit = dyad.Errorf(dyad.EINVALID, "export limit reached")
