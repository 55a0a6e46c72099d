package dyad_test

import (
	"testing"

	"github.com/dyad-events/dyad"
)

func TestEventFilterValidate(t *testing.T) {
	tests := []struct {
		name string
		f    dyad.EventFilter
		ok   bool
	}{
		{"OK", dyad.EventFilter{From: "2024-01-01", To: "2024-12-31", Actor: "PAKGOV", Dyad: [2]string{"PAK", "AFG"}, Code: "19", Root: "19", QuadClass: 4, Sort: dyad.SortGoldsteinDesc, Limit: dyad.MaxPageSize, BBox: &dyad.BBox{MinLon: -10, MinLat: -5, MaxLon: 10, MaxLat: 5}}, true},
		{"OKEmpty", dyad.EventFilter{}, true},
		{"OKUnknownCountry", dyad.EventFilter{Source: "---GOV"}, true},
		{"ErrDate", dyad.EventFilter{From: "2024-02-30"}, false},
		{"ErrRange", dyad.EventFilter{From: "2024-02-01", To: "2024-01-01"}, false},
		{"ErrActorLower", dyad.EventFilter{Actor: "pak"}, false},
		{"ErrActorQuote", dyad.EventFilter{Target: "PAK'"}, false},
		{"ErrHalfDyad", dyad.EventFilter{Dyad: [2]string{"", "AFG"}}, false},
		{"ErrCode", dyad.EventFilter{Code: "12345"}, false},
		{"ErrRoot", dyad.EventFilter{Root: "1"}, false},
		{"ErrQuad", dyad.EventFilter{QuadClass: -1}, false},
		{"ErrModality", dyad.EventFilter{Modality: "maybe"}, false},
		{"ErrBBox", dyad.EventFilter{BBox: &dyad.BBox{MinLat: 10, MaxLat: -10}}, false},
		{"ErrSort", dyad.EventFilter{Sort: "-id"}, false},
		{"ErrLimit", dyad.EventFilter{Limit: dyad.MaxPageSize + 1}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.f.Validate()
			if tt.ok && err != nil {
				t.Errorf("Validate: %v", err)
			}
			if !tt.ok && dyad.ErrorCode(err) != dyad.EINVALID {
				t.Errorf("Validate returned %v, want EINVALID", err)
			}
		})
	}
}

func TestSeriesAndTopFilterValidate(t *testing.T) {
	tests := []struct {
		name string
		err  error
		ok   bool
	}{
		{"OKActor", (&dyad.SeriesFilter{Actor: "PAK", By: dyad.ByWeek}).Validate(), true},
		{"OKDyad", (&dyad.SeriesFilter{Dyad: [2]string{"PAK", "AFG"}}).Validate(), true},
		{"ErrNone", (&dyad.SeriesFilter{}).Validate(), false},
		{"ErrBoth", (&dyad.SeriesFilter{Actor: "PAK", Dyad: [2]string{"PAK", "AFG"}}).Validate(), false},
		{"ErrBy", (&dyad.SeriesFilter{Actor: "PAK", By: "hour"}).Validate(), false},
		{"OKTop", (&dyad.TopFilter{Prefix: "19", Limit: 5}).Validate(), true},
		{"ErrTopPrefix", (&dyad.TopFilter{Prefix: "pak"}).Validate(), false},
		{"ErrTopLimit", (&dyad.TopFilter{Limit: 5000}).Validate(), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.ok != (tt.err == nil) || !tt.ok && dyad.ErrorCode(tt.err) != dyad.EINVALID {
				t.Errorf("got %v", tt.err)
			}
		})
	}
}
