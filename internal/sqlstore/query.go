package sqlstore

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/dyad-events/dyad"
)

// prefixEnd returns the least string greater than every string starting
// with p, for the ASCII prefixes filters accept: "PAK" → "PAL".
func prefixEnd(p string) string {
	return p[:len(p)-1] + string(rune(p[len(p)-1]+1))
}

// query accumulates conditions and their arguments.
type query struct {
	conds []string
	args  []any
}

func (q *query) add(cond string, args ...any) {
	q.conds = append(q.conds, cond)
	q.args = append(q.args, args...)
}

// prefix adds a condition that col starts with p.
func (q *query) prefix(col, p string) {
	q.add("("+col+" >= ? AND "+col+" < ?)", p, prefixEnd(p))
}

func (q *query) where() string {
	if len(q.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(q.conds, " AND ")
}

// side returns the condition that an actor column (e.source, e.target)
// starts with p, written so that a prefix of three letters or more goes
// through the column of first blocks (source3, target3) and its index,
// which lists events in date order.
func side(col, p string) (string, []any) {
	switch {
	case len(p) == 3:
		return col + "3 = ?", []any{p}
	case len(p) > 3:
		return "(" + col + "3 = ? AND " + col + " >= ? AND " + col + " < ?)", []any{p[:3], p, prefixEnd(p)}
	}
	return "(" + col + " >= ? AND " + col + " < ?)", []any{p, prefixEnd(p)}
}

// both joins two conditions with AND.
func both(c1 string, a1 []any, c2 string, a2 []any) (string, []any) {
	return "(" + c1 + " AND " + c2 + ")", append(append([]any{}, a1...), a2...)
}

// eventQuery returns the conditions selecting the events of f: common ones,
// and two alternative branches (either side of an actor, either direction
// of a dyad) when f has them, of which an event must match one. The
// full-text query is not among them: text is the argument of its
// condition (nil when f has none).
func (s *Store) eventQuery(f *dyad.EventFilter) (q *query, branches []query, text any, err error) {
	q = &query{}
	if f.From != "" {
		q.add("e.date >= ?", f.From)
	}
	if f.To != "" {
		q.add("e.date <= ?", f.To)
	}
	if f.Source != "" {
		c, a := side("e.source", f.Source)
		q.add(c, a...)
	}
	if f.Target != "" {
		c, a := side("e.target", f.Target)
		q.add(c, a...)
	}
	if a, b := f.Dyad[0], f.Dyad[1]; a != "" {
		sa, saArgs := side("e.source", a)
		tb, tbArgs := side("e.target", b)
		sb, sbArgs := side("e.source", b)
		ta, taArgs := side("e.target", a)
		c1, a1 := both(sa, saArgs, tb, tbArgs)
		c2, a2 := both(sb, sbArgs, ta, taArgs)
		branches = []query{{conds: []string{c1}, args: a1}, {conds: []string{c2}, args: a2}}
	}
	if p := f.Actor; p != "" {
		cs, as := side("e.source", p)
		ct, at := side("e.target", p)
		if branches == nil {
			branches = []query{{conds: []string{cs}, args: as}, {conds: []string{ct}, args: at}}
		} else {
			q.add("("+cs+" OR "+ct+")", append(as, at...)...)
		}
	}
	if f.Code != "" {
		q.prefix("e.code", f.Code)
	}
	if f.Root != "" {
		q.prefix("e.code", f.Root)
	}
	if f.QuadClass != 0 {
		q.add("e.quad_class = ?", f.QuadClass)
	}
	if f.PLOVER != "" {
		q.add("e.plover = ?", f.PLOVER)
	}
	if f.Modality != "" {
		q.add("e.modality = ?", string(f.Modality))
	}
	if f.Country != "" {
		q.add("e.country = ?", f.Country)
	}
	if b := f.BBox; b != nil {
		q.add("e.lat >= ? AND e.lat <= ? AND e.lon >= ? AND e.lon <= ?", b.MinLat, b.MaxLat, b.MinLon, b.MaxLon)
	}
	if f.Outlet != "" {
		q.add("e.id IN (SELECT event_id FROM mentions WHERE outlet = ?)", f.Outlet)
	}
	if f.Query != "" {
		if text, err = s.Dialect.Match(f.Query); err != nil {
			return nil, nil, nil, err
		}
	}
	return q, branches, text, nil
}

// sortColumn returns the column of a sort order and whether it descends.
func sortColumn(sort string) (col string, desc bool) {
	if sort == "" {
		sort = dyad.SortDateDesc
	}
	desc = strings.HasPrefix(sort, "-")
	switch strings.TrimPrefix(sort, "-") {
	case dyad.SortGoldstein:
		return "e.goldstein", desc
	case dyad.SortMentions:
		return "e.num_mentions", desc
	}
	return "e.date", desc
}

// cursor is the decoded form of EventPage.Next: the sort and the sort key
// of the last event returned.
type cursor struct {
	Sort  string          `json:"s"`
	Value json.RawMessage `json:"v"`
	ID    string          `json:"id"`
}

func encodeCursor(sort string, k sortKeys) string {
	if sort == "" {
		sort = dyad.SortDateDesc
	}
	var v any
	switch strings.TrimPrefix(sort, "-") {
	case dyad.SortGoldstein:
		v = k.goldstein
	case dyad.SortMentions:
		v = k.mentions
	default:
		v = k.date
	}
	raw, _ := json.Marshal(v)
	b, _ := json.Marshal(cursor{Sort: sort, Value: raw, ID: k.id})
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeCursor returns the value to bind for the cursor's sort key.
func decodeCursor(s, sort string) (value any, id string, err error) {
	if sort == "" {
		sort = dyad.SortDateDesc
	}
	bad := dyad.Errorf(dyad.EINVALID, "bad cursor: pass the \"next\" of the previous page, with the same sort")
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, "", bad
	}
	var c cursor
	if err := json.Unmarshal(b, &c); err != nil || c.Sort != sort || c.ID == "" {
		return nil, "", bad
	}
	switch strings.TrimPrefix(sort, "-") {
	case dyad.SortGoldstein:
		var f float64
		err = json.Unmarshal(c.Value, &f)
		value = f
	case dyad.SortMentions:
		var n int
		err = json.Unmarshal(c.Value, &n)
		value = n
	default:
		var d string
		err = json.Unmarshal(c.Value, &d)
		value = d
	}
	if err != nil {
		return nil, "", bad
	}
	return value, c.ID, nil
}

// withTimeout bounds ctx by the query timeout.
func (s *Store) withTimeout(ctx context.Context) (context.Context, context.CancelFunc) {
	if s.QueryTimeout <= 0 {
		return context.WithCancel(ctx)
	}
	return context.WithTimeout(ctx, s.QueryTimeout)
}

// queryError wraps a query's error, turning our own timeout into EINVALID.
func (s *Store) queryError(parent, ctx context.Context, what string, err error) error {
	if parent.Err() == nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return dyad.Errorf(dyad.EINVALID, "%s: the query took longer than %s: narrow the filter (dates, actors, codes)", what, s.QueryTimeout)
	}
	return fmt.Errorf("%s: %w", what, err)
}

// selectEvents builds the SELECT of events for f, ordered, with an
// optional keyset condition from the cursor and a limit (0 for none).
//
// With a limit, a filter with two branches (either side of an actor,
// either direction of a dyad) becomes a union of two limited queries, each
// of which walks an index in date order and stops at a page, rather than
// one OR that collects and sorts every event of both sides. A page sorted
// by date with a full-text query first finds its events by walking the
// full-text matches in date order (textPage), which runs queries on ctx.
func (s *Store) selectEvents(ctx context.Context, f *dyad.EventFilter, useCursor bool, limit int) (string, []any, error) {
	q, branches, text, err := s.eventQuery(f)
	if err != nil {
		return "", nil, err
	}
	col, desc := sortColumn(f.Sort)
	var after string // the day of the cursor, for a page sorted by date
	if useCursor && f.Cursor != "" {
		v, id, err := decodeCursor(f.Cursor, f.Sort)
		if err != nil {
			return "", nil, err
		}
		op := ">"
		if desc {
			op = "<"
		}
		q.add("("+col+", e.id) "+op+" (?, ?)", v, id)
		after, _ = v.(string)
	}
	dir := " ASC"
	if desc {
		dir = " DESC"
	}
	order := " ORDER BY " + col + dir + ", e.id" + dir
	probe := false // test each event's mentions instead of walking the matches
	if text != nil && col == "e.date" && limit > 0 {
		ids, err := s.textPage(ctx, q, branches, text, textBounds{from: f.From, to: f.To, after: after}, desc, limit)
		switch {
		case errors.Is(err, errLongWalk):
			probe = true
		case err != nil:
			return "", nil, err
		case len(ids) == 0:
			return "SELECT " + eventColumns + " FROM events e WHERE 1 = 0", nil, nil
		default:
			args := make([]any, len(ids), len(ids)+1)
			for i, id := range ids {
				args[i] = id
			}
			sqlText := "SELECT " + eventColumns + " FROM events e WHERE e.id IN (?" + strings.Repeat(", ?", len(ids)-1) + ")" + order + " LIMIT ?"
			return s.rebind(sqlText), append(args, limit), nil
		}
	}
	switch {
	case probe:
		q.add("EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.id AND "+s.Dialect.Text.Probe+")", text)
	case text != nil:
		q.add("e.id IN (SELECT m.event_id FROM mentions m WHERE "+s.Dialect.Text.Mentions+")", text)
	}
	if len(branches) == 0 || limit == 0 {
		if len(branches) > 0 {
			q.add("("+strings.Join(branches[0].conds, " AND ")+" OR "+strings.Join(branches[1].conds, " AND ")+")", append(append([]any{}, branches[0].args...), branches[1].args...)...)
		}
		sqlText := "SELECT " + eventColumns + " FROM events e" + q.where() + order
		if limit > 0 {
			sqlText += " LIMIT ?"
			q.args = append(q.args, limit)
		}
		return s.rebind(sqlText), q.args, nil
	}
	var args []any
	parts := make([]string, len(branches))
	for i, b := range branches {
		bq := query{conds: append(append([]string{}, q.conds...), b.conds...), args: append(append([]any{}, q.args...), b.args...)}
		parts[i] = fmt.Sprintf("SELECT id FROM (SELECT e.id FROM events e%s%s LIMIT ?) b%d", bq.where(), order, i)
		args = append(append(args, bq.args...), limit)
	}
	sqlText := "SELECT " + eventColumns + " FROM events e WHERE e.id IN (" + strings.Join(parts, " UNION ") + ")" + order + " LIMIT ?"
	return s.rebind(sqlText), append(args, limit), nil
}

// Events implements dyad.EventReader.
func (s *Store) Events(ctx context.Context, f dyad.EventFilter) (dyad.EventPage, error) {
	page := dyad.EventPage{Events: []dyad.StoredEvent{}}
	q, err := s.pageRows(ctx, &f)
	if err != nil {
		return page, err
	}
	defer q.done()
	defer q.rows.Close()
	var last sortKeys
	for q.rows.Next() {
		if len(page.Events) == q.limit {
			page.Next = encodeCursor(f.Sort, last)
			break
		}
		var se dyad.StoredEvent
		k, err := scanEvent(q.rows, &se)
		if err != nil {
			return page, q.fail(err)
		}
		last = k
		page.Events = append(page.Events, se)
	}
	if err := q.rows.Err(); err != nil {
		return dyad.EventPage{Events: []dyad.StoredEvent{}}, q.fail(err)
	}
	return page, nil
}

// pageQuery is the running query of one page of events.
type pageQuery struct {
	rows  *sql.Rows // at most limit+1: the last one says there is a next page
	limit int
	fail  func(error) error // reports a query error as the page's callers do
	done  context.CancelFunc
}

// pageRows validates f and runs the query of one page of the events it
// selects, under the store's query timeout. The caller closes q.rows,
// then calls q.done.
func (s *Store) pageRows(ctx context.Context, f *dyad.EventFilter) (*pageQuery, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	limit := f.Limit
	if limit == 0 {
		limit = dyad.DefaultPageSize
	}
	qctx, cancel := s.withTimeout(ctx)
	fail := func(err error) error { return s.queryError(ctx, qctx, "events", err) }
	sqlText, args, err := s.selectEvents(qctx, f, true, limit+1)
	if err != nil {
		if qctx.Err() != nil {
			err = fail(err)
		}
		cancel()
		return nil, err
	}
	rows, err := s.Read.QueryContext(qctx, sqlText, args...)
	if err != nil {
		err = fail(err)
		cancel()
		return nil, err
	}
	return &pageQuery{rows: rows, limit: limit, fail: fail, done: cancel}, nil
}

// EachEvent implements dyad.EventReader.
func (s *Store) EachEvent(ctx context.Context, f dyad.EventFilter, fn func(*dyad.StoredEvent) error) error {
	f.Limit, f.Cursor = 0, ""
	if err := f.Validate(); err != nil {
		return err
	}
	sqlText, args, err := s.selectEvents(ctx, &f, false, 0)
	if err != nil {
		return err
	}
	rows, err := s.Read.QueryContext(ctx, sqlText, args...)
	if err != nil {
		return fmt.Errorf("events: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var se dyad.StoredEvent
		if _, err := scanEvent(rows, &se); err != nil {
			return fmt.Errorf("events: %w", err)
		}
		if err := fn(&se); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("events: %w", err)
	}
	return nil
}

// Series implements dyad.EventReader.
func (s *Store) Series(ctx context.Context, f dyad.SeriesFilter) ([]dyad.SeriesPoint, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	// Three-letter prefixes (countries, mostly) read the smaller table of
	// first blocks; others the full codes, through the block columns.
	var q query
	table := "agg_dyad3"
	sideCond := func(col, p string) (string, []any) { return col + "3 = ?", []any{p} }
	if use3 := len(f.Actor) == 3 || f.Actor == "" && len(f.Dyad[0]) == 3 && len(f.Dyad[1]) == 3; !use3 {
		table = "agg_dyad"
		sideCond = func(col, p string) (string, []any) {
			return "(" + col + " >= ? AND " + col + " < ?)", []any{p, prefixEnd(p)}
		}
	}
	if p := f.Actor; p != "" {
		cs, as := sideCond("source", p)
		ct, at := sideCond("target", p)
		q.add("("+cs+" OR "+ct+")", append(as, at...)...)
	} else {
		a, b := f.Dyad[0], f.Dyad[1]
		sa, saArgs := sideCond("source", a)
		tb, tbArgs := sideCond("target", b)
		sb, sbArgs := sideCond("source", b)
		ta, taArgs := sideCond("target", a)
		c1, a1 := both(sa, saArgs, tb, tbArgs)
		c2, a2 := both(sb, sbArgs, ta, taArgs)
		q.add("("+c1+" OR "+c2+")", append(a1, a2...)...)
	}
	if f.From != "" {
		q.add("day >= ?", f.From)
	}
	if f.To != "" {
		q.add("day <= ?", f.To)
	}
	qctx, cancel := s.withTimeout(ctx)
	defer cancel()
	rows, err := s.Read.QueryContext(qctx, s.rebind(`SELECT day, quad_class, SUM(n), SUM(goldstein) FROM `+table+q.where()+` GROUP BY day, quad_class`), q.args...)
	if err != nil {
		return nil, s.queryError(ctx, qctx, "series", err)
	}
	defer rows.Close()
	type acc struct {
		p  dyad.SeriesPoint
		gs float64
	}
	byPeriod := map[string]*acc{}
	for rows.Next() {
		var day string
		var quad, n int
		var gs float64
		if err := rows.Scan(&day, &quad, &n, &gs); err != nil {
			return nil, s.queryError(ctx, qctx, "series", err)
		}
		p, err := period(day, f.By)
		if err != nil {
			return nil, fmt.Errorf("series: %w", err)
		}
		a := byPeriod[p]
		if a == nil {
			a = &acc{p: dyad.SeriesPoint{Period: p}}
			byPeriod[p] = a
		}
		a.p.Count += n
		if quad >= 1 && quad <= 4 {
			a.p.Quad[quad-1] += n
		}
		a.gs += gs
	}
	if err := rows.Err(); err != nil {
		return nil, s.queryError(ctx, qctx, "series", err)
	}
	out := make([]dyad.SeriesPoint, 0, len(byPeriod))
	for _, a := range byPeriod {
		if a.p.Count > 0 {
			a.p.Goldstein = a.gs / float64(a.p.Count)
		}
		out = append(out, a.p)
	}
	slices.SortFunc(out, func(x, y dyad.SeriesPoint) int { return strings.Compare(x.Period, y.Period) })
	return out, nil
}

// period returns the first day of the period of a YYYY-MM-DD day.
func period(day, by string) (string, error) {
	switch by {
	case dyad.ByDay:
		return day, nil
	case dyad.ByWeek:
		t, err := time.Parse(time.DateOnly, day)
		if err != nil {
			return "", err
		}
		back := (int(t.Weekday()) + 6) % 7 // days since Monday
		return t.AddDate(0, 0, -back).Format(time.DateOnly), nil
	default:
		if len(day) < 7 {
			return "", fmt.Errorf("bad day %q", day)
		}
		return day[:7] + "-01", nil
	}
}

// TopActors implements dyad.EventReader.
func (s *Store) TopActors(ctx context.Context, f dyad.TopFilter) ([]dyad.Count, error) {
	return s.top(ctx, f, "top actors", "agg_actor", "actor")
}

// TopCodes implements dyad.EventReader.
func (s *Store) TopCodes(ctx context.Context, f dyad.TopFilter) ([]dyad.Count, error) {
	return s.top(ctx, f, "top codes", "agg_code", "code")
}

// Countries implements dyad.EventReader.
func (s *Store) Countries(ctx context.Context, f dyad.TopFilter) ([]dyad.Count, error) {
	return s.top(ctx, f, "countries", "agg_country", "country")
}

func (s *Store) top(ctx context.Context, f dyad.TopFilter, what, table, col string) ([]dyad.Count, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	limit := f.Limit
	if limit == 0 {
		limit = 10
	}
	// Whole years come from the yearly table, the whole months at either
	// end of the range from the monthly one and the days beyond them from
	// the daily one: a top list over five years reads a few rows per key.
	m1, m2, edges := monthSpan(f.From, f.To)
	y1, y2, monthEdges := yearSpan(m1, m2)
	var parts []string
	var args []any
	part := func(tbl, unit, lo, hi string) {
		var q query
		q.add(unit+" >= ?", lo)
		q.add(unit+" <= ?", hi)
		if f.Prefix != "" {
			q.prefix(col, f.Prefix)
		}
		parts = append(parts, "SELECT "+col+" AS k, n FROM "+tbl+q.where())
		args = append(args, q.args...)
	}
	if y1 <= y2 {
		part(table+"_year", "year", y1, y2)
	}
	for _, e := range monthEdges {
		part(table+"_month", "month", e[0], e[1])
	}
	for _, e := range edges {
		part(table, "day", e[0], e[1])
	}
	args = append(args, limit)
	sqlText := `SELECT k, SUM(n) AS c FROM (` + strings.Join(parts, " UNION ALL ") + `) t GROUP BY k ORDER BY c DESC, k LIMIT ?`
	qctx, cancel := s.withTimeout(ctx)
	defer cancel()
	rows, err := s.Read.QueryContext(qctx, s.rebind(sqlText), args...)
	if err != nil {
		return nil, s.queryError(ctx, qctx, what, err)
	}
	defer rows.Close()
	out := []dyad.Count{}
	for rows.Next() {
		var c dyad.Count
		if err := rows.Scan(&c.Key, &c.Count); err != nil {
			return nil, s.queryError(ctx, qctx, what, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, s.queryError(ctx, qctx, what, err)
	}
	return out, nil
}

// monthSpan splits the inclusive day range [from, to] ("" for open ends)
// into the whole months it covers, m1 to m2 (YYYY-MM; none when m1 > m2),
// and the day ranges outside them.
func monthSpan(from, to string) (m1, m2 string, edges [][2]string) {
	m1, m2 = "0000-00", "9999-99"
	var fromT, toT time.Time
	if from != "" {
		fromT, _ = time.Parse(time.DateOnly, from)
	}
	if to != "" {
		toT, _ = time.Parse(time.DateOnly, to)
	}
	if from != "" && to != "" && from[:7] == to[:7] {
		if fromT.Day() == 1 && toT.AddDate(0, 0, 1).Day() == 1 {
			return from[:7], from[:7], nil
		}
		return "1", "0", [][2]string{{from, to}}
	}
	if from != "" {
		if fromT.Day() == 1 {
			m1 = from[:7]
		} else {
			next := time.Date(fromT.Year(), fromT.Month()+1, 1, 0, 0, 0, 0, time.UTC)
			m1 = next.Format("2006-01")
			edges = append(edges, [2]string{from, next.AddDate(0, 0, -1).Format(time.DateOnly)})
		}
	}
	if to != "" {
		if toT.AddDate(0, 0, 1).Day() == 1 {
			m2 = to[:7]
		} else {
			first := time.Date(toT.Year(), toT.Month(), 1, 0, 0, 0, 0, time.UTC)
			m2 = first.AddDate(0, 0, -1).Format("2006-01")
			edges = append(edges, [2]string{first.Format(time.DateOnly), to})
		}
	}
	return m1, m2, edges
}

// yearSpan splits the inclusive month range [m1, m2] (YYYY-MM, with
// "0000-00" and "9999-99" for open ends, as monthSpan gives it; none when
// m1 > m2) into the whole years it covers, y1 to y2 (YYYY; none when
// y1 > y2), and the month ranges outside them.
func yearSpan(m1, m2 string) (y1, y2 string, edges [][2]string) {
	if m1 > m2 {
		return "1", "0", nil
	}
	y1, y2 = m1[:4], m2[:4]
	startsYear := m1 == "0000-00" || m1[5:] == "01"
	endsYear := m2 == "9999-99" || m2[5:] == "12"
	if y1 == y2 && !(startsYear && endsYear) {
		return "1", "0", [][2]string{{m1, m2}}
	}
	if !startsYear {
		edges = append(edges, [2]string{m1, y1 + "-12"})
		y1 = addYears(y1, 1)
	}
	if !endsYear {
		edges = append(edges, [2]string{y2 + "-01", m2})
		y2 = addYears(y2, -1)
	}
	return y1, y2, edges
}

// addYears adds n to a four-digit year.
func addYears(year string, n int) string {
	y, _ := strconv.Atoi(year)
	return fmt.Sprintf("%04d", y+n)
}

// Words returns the words (runs of letters and digits) of a full-text
// query, at most 32 of them.
func Words(query string) []string {
	words := strings.FieldsFunc(query, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) > 32 {
		words = words[:32]
	}
	return words
}
