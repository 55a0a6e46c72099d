package export

import (
	"bufio"
	"hash/fnv"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/cameo"
)

// GDELTColumns are the 61 columns of the GDELT 2.0 events table, in order
// (GDELT 2.0 Event Codebook). GDELT's files have no header row; these are
// the names its documentation and tools use.
var GDELTColumns = []string{
	"GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
	"GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// GDELTWriter writes events as rows of the GDELT 2.0 events table: the 61
// columns of GDELTColumns, tab-separated, one event per line, no header.
//
// What dyad knows fills its columns; the rest are empty:
//   - GlobalEventID is a positive 63-bit FNV-1a hash of the dyad event ID
//     (GDELT's IDs are integers).
//   - Actor names are the resolved name, else the words that named the
//     actor; country and Type1–3 codes come from the CAMEO actor code
//     (country block, then agent blocks). Known-group, ethnic and religion
//     codes are empty.
//   - IsRootEvent is 1 for events coded from an article's first sentence.
//   - AvgTone is empty: dyad does not score tone.
//   - Actor1Geo and Actor2Geo are empty; ActionGeo is the event's
//     location, with type 4 (world city) when it has a place name and 1
//     (country) otherwise, and the country code as the geocoder gave it.
//   - DATEADDED is when the store first saw the event (UTC) and SOURCEURL
//     the URL of its first article.
type GDELTWriter struct {
	w   *bufio.Writer
	row []string
}

// NewGDELTWriter returns a GDELTWriter to w.
func NewGDELTWriter(w io.Writer) *GDELTWriter {
	return &GDELTWriter{w: bufio.NewWriterSize(w, 64<<10), row: make([]string, len(GDELTColumns))}
}

// Write writes one event.
func (g *GDELTWriter) Write(e *dyad.StoredEvent) error {
	GDELTRow(e, g.row)
	for i, v := range g.row {
		if i > 0 {
			g.w.WriteByte('\t')
		}
		g.w.WriteString(v)
	}
	return g.w.WriteByte('\n')
}

// Close flushes the buffered rows.
func (g *GDELTWriter) Close() error { return g.w.Flush() }

// GDELTID returns the GlobalEventID of a dyad event ID.
func GDELTID(id string) int64 {
	h := fnv.New64a()
	h.Write([]byte(id))
	return int64(h.Sum64() & (1<<63 - 1))
}

// GDELTRow fills row (len(GDELTColumns) cells) with the event's values.
func GDELTRow(e *dyad.StoredEvent, row []string) {
	clear(row)
	row[0] = strconv.FormatInt(GDELTID(e.ID), 10)
	if d, err := time.Parse(time.DateOnly, e.Date); err == nil {
		row[1] = d.Format("20060102")
		row[2] = d.Format("200601")
		row[3] = d.Format("2006")
		days := 365.0
		if y := d.Year(); y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			days = 366
		}
		row[4] = strconv.FormatFloat(float64(d.Year())+float64(d.YearDay())/days, 'f', 4, 64)
	}
	actor(&e.Source, row[5:15])
	actor(&e.Target, row[15:25])
	if e.Sentence.Index == 0 {
		row[25] = "1"
	} else {
		row[25] = "0"
	}
	row[26] = e.Code
	if len(e.Code) >= 3 {
		row[27] = e.Code[:3]
	} else {
		row[27] = e.Code
	}
	row[28] = e.Root
	row[29] = strconv.Itoa(e.QuadClass)
	row[30] = strconv.FormatFloat(e.Goldstein, 'f', -1, 64)
	row[31] = strconv.Itoa(e.NumMentions)
	row[32] = strconv.Itoa(e.NumSources)
	row[33] = strconv.Itoa(e.NumArticles)
	// 34 AvgTone, 35–50 Actor1Geo and Actor2Geo: unknown.
	if l := e.Location; l != nil {
		if l.Name != "" {
			row[51] = "4"
		} else {
			row[51] = "1"
		}
		row[52] = cell(l.Name)
		row[53] = l.Country
		row[54] = l.ADM1
		row[56] = strconv.FormatFloat(l.Lat, 'f', -1, 64)
		row[57] = strconv.FormatFloat(l.Lon, 'f', -1, 64)
	}
	if !e.FirstSeen.IsZero() {
		row[59] = e.FirstSeen.UTC().Format("20060102150405")
	}
	row[60] = cell(e.SourceURL)
}

// actor fills the ten actor columns: code, name, country, known group,
// ethnic, religion 1 and 2, type 1–3.
func actor(a *dyad.Actor, cols []string) {
	if a.Code == "" {
		return
	}
	cols[0] = a.Code
	name := a.Name
	if name == "" {
		name = a.Text
	}
	cols[1] = cell(strings.ToUpper(name))
	if p, err := cameo.ParseActor(a.Code); err == nil {
		cols[2] = p.Country
		for i, ag := range p.Agents {
			if i == 3 {
				break
			}
			cols[7+i] = ag
		}
	}
}

// cell makes a value safe for one tab-separated cell.
func cell(s string) string {
	if !strings.ContainsAny(s, "\t\r\n") {
		return s
	}
	return strings.NewReplacer("\t", " ", "\r", " ", "\n", " ").Replace(s)
}
