package sqlstore

import (
	"math/rand/v2"
	"testing"
	"time"
)

// TestSpans checks that the years, months and days a top list reads for a
// date range (monthSpan, then yearSpan) cover each day of the range once
// and no day outside it, for random ranges, open or not.
func TestSpans(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	lo := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	const days = 6 * 366
	day := func(i int) string { return lo.AddDate(0, 0, i).Format(time.DateOnly) }
	for n := 0; n < 3000; n++ {
		a, b := rng.IntN(days), rng.IntN(days)
		if a > b {
			a, b = b, a
		}
		from, to := day(a), day(b)
		switch n % 5 {
		case 1:
			from = ""
		case 2:
			to = ""
		case 3:
			from, to = "", ""
		case 4:
			// Whole months and years at the ends.
			from = from[:8] + "01"
			to = time.Date(lo.AddDate(0, 0, b).Year(), 12, 31, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
		}
		m1, m2, dayEdges := monthSpan(from, to)
		y1, y2, monthEdges := yearSpan(m1, m2)
		for i := -40; i < days+40; i++ {
			d := day(i)
			want := (from == "" || d >= from) && (to == "" || d <= to)
			got := 0
			if y1 <= y2 && d[:4] >= y1 && d[:4] <= y2 {
				got++
			}
			for _, e := range monthEdges {
				if d[:7] >= e[0] && d[:7] <= e[1] {
					got++
				}
			}
			for _, e := range dayEdges {
				if d >= e[0] && d <= e[1] {
					got++
				}
			}
			if want && got != 1 || !want && got != 0 {
				t.Fatalf("range %q–%q: day %s read %d times (years %s–%s, months %v, days %v)", from, to, d, got, y1, y2, monthEdges, dayEdges)
			}
		}
	}
}
