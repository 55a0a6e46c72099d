package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestMeter(t *testing.T) {
	t0 := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name       string
		tty, quiet bool
		total      int
		want       []string
		wantNot    []string
	}{
		{"Terminal", true, false, 100, []string{"\r\x1b[K50/100 items [============>           ] 50%, 5.0/s, 10s left", "dyad: a.html: bad page\n"}, nil},
		{"TerminalNoTotal", true, false, 0, []string{"\r\x1b[K50 items, 5.0/s, 10s"}, []string{"left"}},
		{"Plain", false, false, 100, []string{"dyad: 50/100 items 50%, 5.0/s, 10s left\n"}, []string{"\r", "["}},
		{"Quiet", true, true, 100, []string{"dyad: a.html: bad page\n"}, []string{"items"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			clock := t0
			m := &meter{w: &buf, tty: tt.tty, quiet: tt.quiet, start: t0, last: t0, now: func() time.Time { return clock }}
			m.setTotal(tt.total)
			clock = t0.Add(10 * time.Second)
			m.item(50)
			m.printf("%s: %s", "a.html", "bad page")
			m.finish()
			got := buf.String()
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("output %q does not contain %q", got, w)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(got, w) {
					t.Errorf("output %q contains %q", got, w)
				}
			}
		})
	}
}

func TestPrintSummary(t *testing.T) {
	var buf bytes.Buffer
	printSummary(&buf, &ingestSummary{
		Items: 20, Articles: 12, Duplicates: 2, NearDuplicates: 3, Skipped: map[string]int{"language de": 2, "language fr": 1},
		Sentences: 300, Events: 40, NewEvents: 31, Errors: 3, ErrorKinds: map[string]int{"http 404": 2, "timeout": 1}, Seconds: 4.2,
		Feeds: &feedSummary{Feeds: 2, Polls: 4, NotModified: 1, Failed: 1},
	})
	want := "20 items in 4.2 s: 12 articles coded (3 near-duplicates linked to their originals), 2 duplicates not stored again, 3 non-English stored uncoded (de 2, fr 1), 3 errors\n" +
		"300 sentences, 40 events (31 new)\n" +
		"errors: 2 http 404, 1 timeout\n" +
		"feeds: 2, polled 4 times: 1 not modified, 1 failed, 0 skipped while backing off\n"
	if got := buf.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
