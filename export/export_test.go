package export_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/export"
	"github.com/parquet-go/parquet-go"
)

func sample() []dyad.StoredEvent {
	e := dyad.StoredEvent{
		Event: dyad.Event{
			ID: "0a1b2c", Date: "2024-03-01", DatePrecision: dyad.PrecisionDay,
			Source: dyad.Actor{Code: "PAKGOVMIL", Text: "Pakistani army"},
			Target: dyad.Actor{Code: "AFGREB", Text: "Taliban\tfighters"},
			Code:   "1943", Root: "19", QuadClass: 4, Goldstein: -10,
			PLOVER:      dyad.PLOVER{Type: "ASSAULT", Mode: "aerial"},
			Modality:    dyad.Asserted,
			Location:    &dyad.Location{Name: "Kandahar", Country: "AFG", ADM1: "AF23", Lat: 31.61, Lon: 65.71},
			Fatalities:  &dyad.Fatalities{Count: 12, AtLeast: true},
			Attribution: &dyad.Attribution{By: "officials", Verb: "said"},
			Sentence:    dyad.SentenceRef{Index: 0, Text: "The army bombed Taliban positions, \"officials\" said."},
			Pattern:     "- * bomb",
		},
		FirstSeen: time.Date(2024, 3, 2, 8, 15, 30, 0, time.UTC), SourceURL: "https://example.com/a",
		NumMentions: 3, NumSources: 2, NumArticles: 2,
	}
	f := e
	f.ID, f.Location, f.Fatalities, f.Attribution = "ff", nil, nil, nil
	f.Sentence.Index = 4
	return []dyad.StoredEvent{e, f}
}

func write(t *testing.T, format string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := export.NewWriter(format, &buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range sample() {
		if err := w.Write(&e); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGDELT(t *testing.T) {
	if len(export.GDELTColumns) != 61 {
		t.Fatalf("%d GDELT columns, want 61", len(export.GDELTColumns))
	}
	lines := strings.Split(strings.TrimSuffix(string(write(t, "gdelt")), "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2", len(lines))
	}
	row := strings.Split(lines[0], "\t")
	if len(row) != 61 {
		t.Fatalf("%d cells, want 61: %q", len(row), row)
	}
	col := map[string]string{}
	for i, name := range export.GDELTColumns {
		col[name] = row[i]
	}
	want := map[string]string{
		"Day": "20240301", "MonthYear": "202403", "Year": "2024", "FractionDate": "2024.1667",
		"Actor1Code": "PAKGOVMIL", "Actor1Name": "PAKISTANI ARMY", "Actor1CountryCode": "PAK", "Actor1Type1Code": "GOV", "Actor1Type2Code": "MIL",
		"Actor2Code": "AFGREB", "Actor2Name": "TALIBAN FIGHTERS", "Actor2CountryCode": "AFG", "Actor2Type1Code": "REB",
		"IsRootEvent": "1", "EventCode": "1943", "EventBaseCode": "194", "EventRootCode": "19", "QuadClass": "4",
		"GoldsteinScale": "-10", "NumMentions": "3", "NumSources": "2", "NumArticles": "2", "AvgTone": "",
		"ActionGeo_Type": "4", "ActionGeo_FullName": "Kandahar", "ActionGeo_CountryCode": "AFG", "ActionGeo_ADM1Code": "AF23",
		"ActionGeo_Lat": "31.61", "ActionGeo_Long": "65.71", "DATEADDED": "20240302081530", "SOURCEURL": "https://example.com/a",
		"GlobalEventID": row[0],
	}
	for k, v := range want {
		if col[k] != v {
			t.Errorf("%s = %q, want %q", k, col[k], v)
		}
	}
	if row[0] == "" || row[0][0] == '-' {
		t.Errorf("GlobalEventID %q", row[0])
	}
	if r2 := strings.Split(lines[1], "\t"); len(r2) != 61 || r2[25] != "0" || r2[51] != "" {
		t.Errorf("second row %q", r2)
	}
}

func TestCSV(t *testing.T) {
	recs, err := csv.NewReader(bytes.NewReader(write(t, "csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 || strings.Join(recs[0], ",") != strings.Join(export.CSVColumns, ",") {
		t.Fatalf("records %q", recs)
	}
	if recs[1][0] != "0a1b2c" || recs[1][27] != sample()[0].Sentence.Text || recs[1][19] != "12" || recs[2][17] != "" {
		t.Errorf("rows %q", recs[1:])
	}
}

func TestJSONL(t *testing.T) {
	lines := strings.Split(strings.TrimSpace(string(write(t, "jsonl"))), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines", len(lines))
	}
	var got dyad.StoredEvent
	if err := json.Unmarshal([]byte(lines[0]), &got); err != nil {
		t.Fatal(err)
	}
	if got.ID != "0a1b2c" || got.NumMentions != 3 || got.Location.Country != "AFG" || !got.FirstSeen.Equal(sample()[0].FirstSeen) {
		t.Errorf("got %+v", got)
	}
}

func TestParquet(t *testing.T) {
	b := write(t, "parquet")
	rows, err := parquet.Read[export.ParquetRow](bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("%d rows", len(rows))
	}
	r := rows[0]
	if r.ID != "0a1b2c" || r.Date != int32(time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC).Unix()/86400) || r.Country == nil || *r.Country != "AFG" || *r.Fatalities != 12 || !r.FirstSeen.Equal(sample()[0].FirstSeen) {
		t.Errorf("row %+v", r)
	}
	if rows[1].Location != nil || rows[1].Lat != nil {
		t.Errorf("second row has a location: %+v", rows[1])
	}
	f, err := parquet.OpenFile(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	got, ok := f.Schema().Lookup("date")
	if !ok || got.Node.Type().LogicalType() == nil || got.Node.Type().LogicalType().String() != "DATE" {
		t.Errorf("date column is not a DATE: %v", got.Node)
	}
}

func TestNewWriter(t *testing.T) {
	t.Run("ErrUnknown", func(t *testing.T) {
		_, err := export.NewWriter("xml", &bytes.Buffer{})
		if dyad.ErrorCode(err) != dyad.EINVALID {
			t.Errorf("got %v", err)
		}
	})
}
