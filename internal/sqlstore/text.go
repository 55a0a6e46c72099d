package sqlstore

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// dayKeySpan is the range of full-text keys of one day: a key is
// DayKey(event date) + mention ID, for mention IDs below 2^36.
const dayKeySpan = 1 << 36

// DayKey returns the least full-text key of a day (YYYY-MM-DD): its number
// of days since 1970-01-01 times 2^36. The databases compute the same in
// SQL (see TextSearch).
func DayKey(day string) (int64, error) {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return 0, fmt.Errorf("full-text key: %w", err)
	}
	return t.Unix() / 86400 * dayKeySpan, nil
}

// defaultTextWalk is the default of Store.TextWalk: past that many
// matches, the other filters select few of them, and the page is found by
// walking their indexes and probing each event's mentions
// (TextSearch.Probe).
const defaultTextWalk = 200000

// errLongWalk is textPage's answer when its walk reaches Store.TextWalk
// matches.
var errLongWalk = errors.New("full text: the walk is long")

// textBounds are the days that bound a page sorted by date: the filter's
// range and the day of the cursor ("" for none).
type textBounds struct{ from, to, after string }

// textPage returns the IDs of the first limit events, in the order of a
// page sorted by date (descending when desc), that satisfy q and one of
// branches (if any) and have a mention whose sentence matches the
// full-text query text.
//
// It walks the full-text matches in key order, which is the order of
// their events' dates, in chunks of growing size, and stops once it holds
// limit events and has read every match of the day of the last one:
// events of one day are ordered by ID, which the keys do not follow. The
// result is then that of the plain query (every matching event sorted),
// but a frequent word costs a page's worth of matches, not all of them.
// The other conditions are tested on each match: when they select so few
// of the matches that the walk reads Store.TextWalk matches, it stops and
// returns errLongWalk.
func (s *Store) textPage(ctx context.Context, q *query, branches []query, text any, b textBounds, desc bool, limit int) ([]string, error) {
	t := s.Dialect.Text
	// The other conditions are computed for each match (ok), not used to
	// skip matches in SQL, so that the walk knows how many it has read.
	other := query{conds: slices.Clone(q.conds), args: slices.Clone(q.args)}
	if len(branches) > 0 {
		other.add("("+strings.Join(branches[0].conds, " AND ")+" OR "+strings.Join(branches[1].conds, " AND ")+")", append(append([]any{}, branches[0].args...), branches[1].args...)...)
	}
	ok := "1"
	if len(other.conds) > 0 {
		ok = "CASE WHEN " + strings.Join(other.conds, " AND ") + " THEN 1 ELSE 0 END"
	}
	w := query{conds: []string{t.Match}, args: []any{text}}
	// Key bounds from the days, which the index can seek to (the
	// conditions on e.date stay, and decide).
	lo, hi := b.from, b.to
	if b.after != "" && desc && (hi == "" || b.after < hi) {
		hi = b.after
	}
	if b.after != "" && !desc && b.after > lo {
		lo = b.after
	}
	if lo != "" {
		k, err := DayKey(lo)
		if err != nil {
			return nil, err
		}
		w.add(t.Key+" >= ?", k)
	}
	if hi != "" {
		k, err := DayKey(hi)
		if err != nil {
			return nil, err
		}
		w.add(t.Key+" < ?", k+dayKeySpan)
	}
	dir, op := " ASC", " > ?"
	if desc {
		dir, op = " DESC", " < ?"
	}
	type found struct{ id, date string }
	var events []found
	seen := map[string]bool{}
	last := ""    // the day of the limit-th event, once found
	var at *int64 // the key of the last match read
	maxWalk := s.TextWalk
	if maxWalk <= 0 {
		maxWalk = defaultTextWalk
	}
	walked := 0
	for chunk := min(2*limit, maxWalk); ; chunk = min(4*chunk, maxWalk-walked) {
		if chunk == 0 {
			return nil, errLongWalk
		}
		cq := query{conds: slices.Clone(w.conds), args: slices.Clone(w.args)}
		if at != nil {
			cq.add(t.Key+op, *at)
		}
		args := append(append(slices.Clone(other.args), cq.args...), chunk)
		rows, err := s.Read.QueryContext(ctx, s.rebind("SELECT "+t.Key+", e.id, e.date, "+ok+" FROM "+t.From+cq.where()+" ORDER BY "+t.Key+dir+" LIMIT ?"), args...)
		if err != nil {
			return nil, fmt.Errorf("full text: %w", err)
		}
		n, done := 0, false
		for rows.Next() {
			var key int64
			var f found
			var pass int
			if err := rows.Scan(&key, &f.id, &f.date, &pass); err != nil {
				rows.Close()
				return nil, fmt.Errorf("full text: %w", err)
			}
			n++
			at = &key
			if last != "" && f.date != last {
				done = true
				break
			}
			if pass == 0 {
				continue
			}
			if !seen[f.id] {
				seen[f.id] = true
				events = append(events, f)
				if len(events) == limit {
					last = f.date
				}
			}
		}
		if err := rows.Close(); err != nil {
			return nil, fmt.Errorf("full text: %w", err)
		}
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("full text: %w", err)
		}
		if done || n < chunk {
			break
		}
		walked += n
	}
	slices.SortFunc(events, func(x, y found) int {
		c := cmp.Or(strings.Compare(x.date, y.date), strings.Compare(x.id, y.id))
		if desc {
			return -c
		}
		return c
	})
	ids := make([]string, 0, min(limit, len(events)))
	for _, e := range events[:min(limit, len(events))] {
		ids = append(ids, e.id)
	}
	return ids, nil
}
