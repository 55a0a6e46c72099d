// Package sqlstore implements dyad.Store over database/sql for the SQL
// databases dyad supports. The sqlite and postgres packages open their
// database, run their own migrations (which create the same tables) and
// hand it here with a Dialect describing what differs between them:
// placeholders, full-text search and driver errors.
//
// Keeping one implementation of the queries is why this package exists: the
// two schemas and the Dialects are all that differ, and the conformance
// suite (internal/storetest) holds both to the same behaviour.
package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
)

// Dialect is what differs between the SQL databases.
type Dialect struct {
	// Name is the database's name, for messages.
	Name string
	// Dollar is set when placeholders are $1, $2, … rather than ?.
	Dollar bool
	// Match returns the argument to bind for a user's full-text query in
	// the conditions of Text, or an EINVALID error.
	Match func(query string) (arg any, err error)
	// Text is how the database searches the evidence sentences.
	Text TextSearch
	// MapError maps a driver error to a *dyad.Error where it has a
	// meaning for users (a unique violation is ECONFLICT), and returns
	// other errors unchanged.
	MapError func(err error) error
	// ForUpdate is set when the database runs writers concurrently and
	// needs SELECT … FOR UPDATE to serialize recounts of shared events.
	ForUpdate bool
	// Retryable reports whether a failed transaction may succeed if run
	// again (a deadlock or serialization failure); nil means never.
	Retryable func(err error) bool
	// Copy, when set, writes rows into a table faster than INSERT
	// statements (PostgreSQL's COPY), on the connection of the current
	// transaction. Store.SaveBatch uses it.
	Copy func(ctx context.Context, conn *sql.Conn, table string, cols []string, rows [][]any) error
	// BulkObjects is a query of the indexes and triggers of events and
	// mentions that a bulk load drops and recreates: their name, kind
	// ("index" or "trigger": DROP kind name drops one) and the SQL that
	// creates them.
	BulkObjects string
	// AfterBulk, when set, is run once a bulk load has recreated them.
	AfterBulk string
	// BatchBegin are statements run first in each transaction of
	// Store.SaveBatch.
	BatchBegin []string
	// FinishBegin are statements run first in the transaction of
	// Store.FinishBulk.
	FinishBegin []string
}

// TextSearch is how a database searches the sentences of mentions, each
// condition with one ? placeholder for the argument Match returns.
//
// Every full-text index row carries a key, DayKey(event date) + mention
// ID, so that walking the index in key order lists the matching mentions
// in the order of their events' dates, and a page of events sorted by
// date stops after its last day instead of collecting every match.
type TextSearch struct {
	// Mentions is a condition on a mention m: its sentence matches.
	Mentions string
	// From names the full-text matches joined to their mention m and its
	// event e, in an order the database can walk by Key without sorting.
	From string
	// Match is the condition selecting the matches in From.
	Match string
	// Key is the SQL expression of a match's key in From.
	Key string
	// Probe is a condition on a mention m of an event e, tested for each
	// mention: its sentence matches. Pages whose other filters are narrow
	// walk those filters' indexes and probe the mentions of each event.
	Probe string
}

// errRaced is returned by a save that lost a race with another writer and
// may succeed if run again.
var errRaced = errors.New("a concurrent save removed an event: retry")

// saveAttempts is how many times SaveArticle runs a transaction that fails
// with a retryable error.
const saveAttempts = 3

// Store implements dyad.Store over one database. Its fields are set before
// first use.
type Store struct {
	// Write is the pool used for writes and Read the pool used for reads;
	// they may be the same.
	Write, Read *sql.DB
	Dialect     Dialect
	// Now returns the current time.
	Now func() time.Time
	// QueryTimeout bounds the queries of Events, Series, TopActors,
	// TopCodes and Countries.
	QueryTimeout time.Duration
	// TextWalk bounds the full-text matches a page of events sorted by
	// date walks before it probes the events of its other filters instead
	// (see textPage); 0 means 200,000.
	TextWalk int
}

var _ dyad.Store = (*Store)(nil)

// rebind turns ? placeholders into $n ones for dialects that need it.
func (s *Store) rebind(q string) string {
	if !s.Dialect.Dollar {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// micros converts a time to stored microseconds since the epoch; the zero
// time is stored as 0.
func micros(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMicro()
}

func fromMicros(us int64) time.Time {
	if us == 0 {
		return time.Time{}
	}
	return time.UnixMicro(us).UTC()
}

// mentionBody is the JSON stored with a mention: what the coder matched in
// the sentence.
type mentionBody struct {
	Sentence    dyad.SentenceRef  `json:"sentence"`
	Source      dyad.Actor        `json:"source"`
	Target      dyad.Actor        `json:"target"`
	Evidence    dyad.Evidence     `json:"evidence"`
	Modality    dyad.Modality     `json:"modality"`
	Attribution *dyad.Attribution `json:"attribution"`
}

// parse is the JSON stored as a sentence's parse.
type parse struct {
	ID         string                `json:"id,omitempty"`
	Tokens     []dyad.Token          `json:"tokens"`
	Multiwords []dyad.MultiwordToken `json:"multiwords,omitempty"`
	Empty      []dyad.EmptyNode      `json:"empty,omitempty"`
	Comments   []string              `json:"comments,omitempty"`
}

// aggKey names one row of an aggregate table.
type aggKey struct {
	table string // agg_dyad, agg_actor, agg_code, agg_country
	a, b  string // actor or code or country; target for agg_dyad
	day   string
	quad  int
}

type aggDelta struct {
	n  int
	gs float64
}

type aggDeltas map[aggKey]aggDelta

// add counts e (sign +1) or uncounts it (sign -1) in every aggregate.
func (d aggDeltas) add(e *eventRow, sign int) {
	g := float64(sign) * e.goldstein
	bump := func(k aggKey, gs float64) {
		v := d[k]
		v.n += sign
		v.gs += gs
		d[k] = v
	}
	bump(aggKey{table: "agg_dyad", a: e.source, b: e.target, day: e.date, quad: e.quad}, g)
	bump(aggKey{table: "agg_dyad3", a: block(e.source), b: block(e.target), day: e.date, quad: e.quad}, g)
	month, year := e.date[:7], e.date[:4]
	if e.source != "" {
		bump(aggKey{table: "agg_actor", a: e.source, day: e.date}, 0)
		bump(aggKey{table: "agg_actor_month", a: e.source, day: month}, 0)
		bump(aggKey{table: "agg_actor_year", a: e.source, day: year}, 0)
	}
	if e.target != "" && e.target != e.source {
		bump(aggKey{table: "agg_actor", a: e.target, day: e.date}, 0)
		bump(aggKey{table: "agg_actor_month", a: e.target, day: month}, 0)
		bump(aggKey{table: "agg_actor_year", a: e.target, day: year}, 0)
	}
	bump(aggKey{table: "agg_code", a: e.code, day: e.date}, 0)
	bump(aggKey{table: "agg_code_month", a: e.code, day: month}, 0)
	bump(aggKey{table: "agg_code_year", a: e.code, day: year}, 0)
	if e.country != "" {
		bump(aggKey{table: "agg_country", a: e.country, day: e.date}, 0)
		bump(aggKey{table: "agg_country_month", a: e.country, day: month}, 0)
		bump(aggKey{table: "agg_country_year", a: e.country, day: year}, 0)
	}
}

// yearly names the key column of each yearly rollup table.
var yearly = map[string]string{"agg_actor_year": "actor", "agg_code_year": "code", "agg_country_year": "country"}

// eventRow is the indexed columns of an event.
type eventRow struct {
	id, date, source, target, code, root, plover, modality, country string
	quad                                                            int
	goldstein                                                       float64
	lat, lon                                                        sql.NullFloat64
}

func newEventRow(e *dyad.Event) eventRow {
	r := eventRow{
		id: e.ID, date: e.Date, source: e.Source.Code, target: e.Target.Code,
		code: e.Code, root: e.Root, plover: e.PLOVER.Type, modality: string(e.Modality),
		quad: e.QuadClass, goldstein: e.Goldstein,
	}
	if r.root == "" && len(r.code) >= 2 {
		r.root = r.code[:2]
	}
	if l := e.Location; l != nil {
		r.country = l.Country
		r.lat = sql.NullFloat64{Float64: l.Lat, Valid: true}
		r.lon = sql.NullFloat64{Float64: l.Lon, Valid: true}
	}
	return r
}

// block returns the first three letters of an actor code: its country or
// first block, which queries by actor use to walk an index in date order.
func block(code string) string {
	return code[:min(3, len(code))]
}

// SaveArticle implements dyad.EventWriter.
func (s *Store) SaveArticle(ctx context.Context, a *dyad.Article, sentences []dyad.Sentence, events []dyad.Event) (dyad.SaveResult, error) {
	res := dyad.SaveResult{Events: len(events)}
	if a == nil || a.ID == "" {
		return res, dyad.Errorf(dyad.EINVALID, "save article: no article ID")
	}
	for i := range events {
		e := &events[i]
		if e.ID == "" {
			return res, dyad.Errorf(dyad.EINVALID, "save article %s: event %d has no ID", a.ID, i)
		}
		if !dyad.ValidDate(e.Date) {
			return res, dyad.Errorf(dyad.EINVALID, "save article %s: event %s has date %q, want YYYY-MM-DD", a.ID, e.ID, e.Date)
		}
	}
	var err error
	for attempt := 1; ; attempt++ {
		res = dyad.SaveResult{Events: len(events)}
		err = s.saveTx(ctx, a, sentences, events, &res)
		retry := errors.Is(err, errRaced) || s.Dialect.Retryable != nil && s.Dialect.Retryable(err)
		if err == nil || attempt == saveAttempts || !retry || ctx.Err() != nil {
			break
		}
	}
	if err != nil {
		return dyad.SaveResult{Events: len(events)}, fmt.Errorf("save article %s: %w", a.ID, err)
	}
	return res, nil
}

// saveTx runs one attempt of SaveArticle in a transaction.
func (s *Store) saveTx(ctx context.Context, a *dyad.Article, sentences []dyad.Sentence, events []dyad.Event, res *dyad.SaveResult) error {
	tx, err := s.Write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if err := s.save(ctx, tx, a, sentences, events, res); err != nil {
		return s.Dialect.MapError(err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", s.Dialect.MapError(err))
	}
	return nil
}

func (s *Store) save(ctx context.Context, tx *sql.Tx, a *dyad.Article, sentences []dyad.Sentence, events []dyad.Event, res *dyad.SaveResult) error {
	now := micros(s.Now())
	authors, err := json.Marshal(a.Authors)
	if err != nil {
		return err
	}
	if a.Authors == nil {
		authors = []byte("[]")
	}
	_, err = tx.ExecContext(ctx, s.rebind(`INSERT INTO articles (id, url, canonical_url, outlet, title, published, published_precision, authors, language, text, fingerprint, duplicate_of, saved_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET url = excluded.url, canonical_url = excluded.canonical_url, outlet = excluded.outlet, title = excluded.title,
published = excluded.published, published_precision = excluded.published_precision, authors = excluded.authors, language = excluded.language,
text = excluded.text, fingerprint = excluded.fingerprint, duplicate_of = excluded.duplicate_of, saved_at = excluded.saved_at`),
		a.ID, a.URL, a.CanonicalURL, a.Outlet, a.Title, micros(a.Published), string(a.PublishedPrecision), string(authors), a.Language, a.Text, a.Fingerprint, a.DuplicateOf, now)
	if err != nil {
		if dyad.ErrorCode(s.Dialect.MapError(err)) == dyad.ECONFLICT {
			return dyad.Errorf(dyad.ECONFLICT, "another article has the URL %s", a.URL)
		}
		return fmt.Errorf("article: %w", err)
	}

	if _, err := tx.ExecContext(ctx, s.rebind(`DELETE FROM sentences WHERE article_id = ?`), a.ID); err != nil {
		return fmt.Errorf("delete sentences: %w", err)
	}
	if len(sentences) > 0 {
		st, err := tx.PrepareContext(ctx, s.rebind(`INSERT INTO sentences (article_id, idx, sent_id, text, parse) VALUES (?, ?, ?, ?, ?)`))
		if err != nil {
			return fmt.Errorf("sentences: %w", err)
		}
		defer st.Close()
		for i := range sentences {
			sn := &sentences[i]
			p, err := json.Marshal(parse{ID: sn.ID, Tokens: sn.Tokens, Multiwords: sn.Multiwords, Empty: sn.Empty, Comments: sn.Comments})
			if err != nil {
				return err
			}
			if _, err := st.ExecContext(ctx, a.ID, sn.Index, sn.ID, sn.Text, string(p)); err != nil {
				return fmt.Errorf("sentence %d: %w", sn.Index, err)
			}
		}
	}

	// Old mentions go first; their events are recounted below.
	affected := map[string]bool{}
	rows, err := tx.QueryContext(ctx, s.rebind(`SELECT event_id FROM mentions WHERE article_id = ?`), a.ID)
	if err != nil {
		return fmt.Errorf("old mentions: %w", err)
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		affected[id] = true
		res.Replaced++
	}
	if err := rows.Close(); err != nil {
		return err
	}
	if res.Replaced > 0 {
		if _, err := tx.ExecContext(ctx, s.rebind(`DELETE FROM mentions WHERE article_id = ?`), a.ID); err != nil {
			return fmt.Errorf("delete mentions: %w", err)
		}
	}

	deltas := aggDeltas{}
	inArticle := map[string]bool{}
	for i := range events {
		inArticle[events[i].ID] = true
	}
	if len(events) > 0 {
		// Mentions per event in this article, so that new events are
		// inserted with their counts and need no recount.
		perEvent := map[string]int{}
		for i := range events {
			perEvent[events[i].ID]++
		}
		insEvent, err := tx.PrepareContext(ctx, s.rebind(`INSERT INTO events (id, date, source, target, source3, target3, code, root, quad_class, goldstein, plover, modality, country, lat, lon,
first_seen, first_article, source_url, num_mentions, num_sources, num_articles, body)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?) ON CONFLICT (id) DO NOTHING`))
		if err != nil {
			return fmt.Errorf("events: %w", err)
		}
		defer insEvent.Close()
		insMention, err := tx.PrepareContext(ctx, s.rebind(`INSERT INTO mentions (article_id, seq, event_id, outlet, sentence_index, sentence_text, body) VALUES (?, ?, ?, ?, ?, ?, ?)`))
		if err != nil {
			return fmt.Errorf("mentions: %w", err)
		}
		defer insMention.Close()
		seen := map[string]bool{}
		for i := range events {
			e := &events[i]
			e.ArticleID = a.ID
			if !seen[e.ID] {
				seen[e.ID] = true
				body, err := json.Marshal(e)
				if err != nil {
					return err
				}
				r := newEventRow(e)
				x, err := insEvent.ExecContext(ctx, r.id, r.date, r.source, r.target, block(r.source), block(r.target), r.code, r.root, r.quad, r.goldstein, r.plover, r.modality, r.country, r.lat, r.lon,
					now, a.ID, a.URL, perEvent[e.ID], string(body))
				if err != nil {
					return fmt.Errorf("event %s: %w", e.ID, err)
				}
				if n, err := x.RowsAffected(); err != nil {
					return err
				} else if n == 1 {
					res.NewEvents++
					deltas.add(&r, +1)
					delete(affected, e.ID)
				} else {
					affected[e.ID] = true
				}
			}
			mb, err := json.Marshal(mentionBody{Sentence: e.Sentence, Source: e.Source, Target: e.Target, Evidence: e.Evidence, Modality: e.Modality, Attribution: e.Attribution})
			if err != nil {
				return err
			}
			if _, err := insMention.ExecContext(ctx, a.ID, i, e.ID, a.Outlet, e.Sentence.Index, e.Sentence.Text, string(mb)); err != nil {
				return fmt.Errorf("mention %d: %w", i, err)
			}
			res.Mentions++
		}
	}

	if len(affected) > 0 {
		ids := make([]string, 0, len(affected))
		for id := range affected {
			ids = append(ids, id)
		}
		slices.Sort(ids) // a stable lock order between concurrent writers
		if s.Dialect.ForUpdate {
			// Lock the events first: the recount below then starts after
			// other writers of the same events have committed, and sees
			// their mentions.
			lock, err := tx.PrepareContext(ctx, s.rebind(`SELECT id FROM events WHERE id = ? FOR UPDATE`))
			if err != nil {
				return fmt.Errorf("lock: %w", err)
			}
			defer lock.Close()
			for _, id := range ids {
				var got string
				err := lock.QueryRowContext(ctx, id).Scan(&got)
				if errors.Is(err, sql.ErrNoRows) && inArticle[id] {
					// Another writer deleted the event after this one
					// found it: run the save again, which re-creates it.
					return errRaced
				}
				if err != nil && !errors.Is(err, sql.ErrNoRows) {
					return fmt.Errorf("lock %s: %w", id, err)
				}
			}
		}
		recount, err := tx.PrepareContext(ctx, s.rebind(`UPDATE events SET
num_mentions = (SELECT count(*) FROM mentions WHERE event_id = events.id),
num_articles = (SELECT count(DISTINCT article_id) FROM mentions WHERE event_id = events.id),
num_sources = (SELECT count(DISTINCT outlet) FROM mentions WHERE event_id = events.id)
WHERE id = ?`))
		if err != nil {
			return fmt.Errorf("recount: %w", err)
		}
		defer recount.Close()
		for _, id := range ids {
			if _, err := recount.ExecContext(ctx, id); err != nil {
				return fmt.Errorf("recount %s: %w", id, err)
			}
		}
		// Events left without a mention are deleted and uncounted.
		for _, id := range ids {
			var r eventRow
			err := tx.QueryRowContext(ctx, s.rebind(`SELECT id, date, source, target, code, quad_class, goldstein, country FROM events WHERE id = ? AND num_mentions = 0`), id).
				Scan(&r.id, &r.date, &r.source, &r.target, &r.code, &r.quad, &r.goldstein, &r.country)
			if errors.Is(err, sql.ErrNoRows) {
				continue
			}
			if err != nil {
				return fmt.Errorf("orphan %s: %w", id, err)
			}
			if _, err := tx.ExecContext(ctx, s.rebind(`DELETE FROM events WHERE id = ?`), id); err != nil {
				return fmt.Errorf("delete event %s: %w", id, err)
			}
			deltas.add(&r, -1)
			res.Deleted++
		}
	}
	return s.applyDeltas(ctx, tx, deltas)
}

// applyDeltas adds the deltas to the aggregate tables, in key order, and
// removes rows that fall to zero.
func (s *Store) applyDeltas(ctx context.Context, tx *sql.Tx, d aggDeltas) error {
	if len(d) == 0 {
		return nil
	}
	keys := make([]aggKey, 0, len(d))
	for k, v := range d {
		if v.n != 0 {
			keys = append(keys, k)
		}
	}
	// A stable order of row locks between concurrent writers.
	slices.SortFunc(keys, func(x, y aggKey) int {
		return cmp.Or(strings.Compare(x.table, y.table), strings.Compare(x.a, y.a), strings.Compare(x.b, y.b), strings.Compare(x.day, y.day), cmp.Compare(x.quad, y.quad))
	})
	stmts := map[string]*sql.Stmt{}
	defer func() {
		for _, st := range stmts {
			st.Close()
		}
	}()
	prep := func(name, q string) (*sql.Stmt, error) {
		if st, ok := stmts[name]; ok {
			return st, nil
		}
		st, err := tx.PrepareContext(ctx, s.rebind(q))
		if err != nil {
			return nil, fmt.Errorf("aggregate %s: %w", name, err)
		}
		stmts[name] = st
		return st, nil
	}
	for _, k := range keys {
		v := d[k]
		var err error
		var st *sql.Stmt
		switch k.table {
		case "agg_dyad":
			if st, err = prep(k.table, `INSERT INTO agg_dyad (source, target, day, quad_class, n, goldstein) VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (source, target, day, quad_class) DO UPDATE SET n = agg_dyad.n + excluded.n, goldstein = agg_dyad.goldstein + excluded.goldstein`); err == nil {
				_, err = st.ExecContext(ctx, k.a, k.b, k.day, k.quad, v.n, v.gs)
			}
		case "agg_dyad3":
			if st, err = prep(k.table, `INSERT INTO agg_dyad3 (source3, target3, day, quad_class, n, goldstein) VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (source3, target3, day, quad_class) DO UPDATE SET n = agg_dyad3.n + excluded.n, goldstein = agg_dyad3.goldstein + excluded.goldstein`); err == nil {
				_, err = st.ExecContext(ctx, k.a, k.b, k.day, k.quad, v.n, v.gs)
			}
		case "agg_actor_month":
			if st, err = prep(k.table, `INSERT INTO agg_actor_month (actor, month, n) VALUES (?, ?, ?) ON CONFLICT (month, actor) DO UPDATE SET n = agg_actor_month.n + excluded.n`); err == nil {
				_, err = st.ExecContext(ctx, k.a, k.day, v.n)
			}
		case "agg_code_month":
			if st, err = prep(k.table, `INSERT INTO agg_code_month (code, month, n) VALUES (?, ?, ?) ON CONFLICT (month, code) DO UPDATE SET n = agg_code_month.n + excluded.n`); err == nil {
				_, err = st.ExecContext(ctx, k.a, k.day, v.n)
			}
		case "agg_country_month":
			if st, err = prep(k.table, `INSERT INTO agg_country_month (country, month, n) VALUES (?, ?, ?) ON CONFLICT (month, country) DO UPDATE SET n = agg_country_month.n + excluded.n`); err == nil {
				_, err = st.ExecContext(ctx, k.a, k.day, v.n)
			}
		case "agg_actor":
			if st, err = prep(k.table, `INSERT INTO agg_actor (actor, day, n) VALUES (?, ?, ?) ON CONFLICT (actor, day) DO UPDATE SET n = agg_actor.n + excluded.n`); err == nil {
				_, err = st.ExecContext(ctx, k.a, k.day, v.n)
			}
		case "agg_code":
			if st, err = prep(k.table, `INSERT INTO agg_code (code, day, n) VALUES (?, ?, ?) ON CONFLICT (code, day) DO UPDATE SET n = agg_code.n + excluded.n`); err == nil {
				_, err = st.ExecContext(ctx, k.a, k.day, v.n)
			}
		case "agg_country":
			if st, err = prep(k.table, `INSERT INTO agg_country (country, day, n) VALUES (?, ?, ?) ON CONFLICT (country, day) DO UPDATE SET n = agg_country.n + excluded.n`); err == nil {
				_, err = st.ExecContext(ctx, k.a, k.day, v.n)
			}
		default:
			col := yearly[k.table]
			if st, err = prep(k.table, `INSERT INTO `+k.table+` (`+col+`, year, n) VALUES (?, ?, ?) ON CONFLICT (year, `+col+`) DO UPDATE SET n = `+k.table+`.n + excluded.n`); err == nil {
				_, err = st.ExecContext(ctx, k.a, k.day, v.n)
			}
		}
		if err != nil {
			return fmt.Errorf("aggregate %s: %w", k.table, err)
		}
		if v.n < 0 {
			q, args := `DELETE FROM agg_dyad WHERE source = ? AND target = ? AND day = ? AND quad_class = ? AND n <= 0`, []any{k.a, k.b, k.day, k.quad}
			switch k.table {
			case "agg_dyad3":
				q, args = `DELETE FROM agg_dyad3 WHERE source3 = ? AND target3 = ? AND day = ? AND quad_class = ? AND n <= 0`, []any{k.a, k.b, k.day, k.quad}
			case "agg_actor_month":
				q, args = `DELETE FROM agg_actor_month WHERE month = ? AND actor = ? AND n <= 0`, []any{k.day, k.a}
			case "agg_code_month":
				q, args = `DELETE FROM agg_code_month WHERE month = ? AND code = ? AND n <= 0`, []any{k.day, k.a}
			case "agg_country_month":
				q, args = `DELETE FROM agg_country_month WHERE month = ? AND country = ? AND n <= 0`, []any{k.day, k.a}
			case "agg_actor":
				q, args = `DELETE FROM agg_actor WHERE actor = ? AND day = ? AND n <= 0`, []any{k.a, k.day}
			case "agg_code":
				q, args = `DELETE FROM agg_code WHERE code = ? AND day = ? AND n <= 0`, []any{k.a, k.day}
			case "agg_country":
				q, args = `DELETE FROM agg_country WHERE country = ? AND day = ? AND n <= 0`, []any{k.a, k.day}
			case "agg_actor_year", "agg_code_year", "agg_country_year":
				q, args = `DELETE FROM `+k.table+` WHERE year = ? AND `+yearly[k.table]+` = ? AND n <= 0`, []any{k.day, k.a}
			}
			if _, err := tx.ExecContext(ctx, s.rebind(q), args...); err != nil {
				return fmt.Errorf("aggregate %s: %w", k.table, err)
			}
		}
	}
	return nil
}

// Article implements dyad.EventReader.
func (s *Store) Article(ctx context.Context, id string) (*dyad.Article, error) {
	var a dyad.Article
	var published int64
	var precision, authors string
	err := s.Read.QueryRowContext(ctx, s.rebind(`SELECT id, url, canonical_url, outlet, title, published, published_precision, authors, language, text, fingerprint, duplicate_of FROM articles WHERE id = ?`), id).
		Scan(&a.ID, &a.URL, &a.CanonicalURL, &a.Outlet, &a.Title, &published, &precision, &authors, &a.Language, &a.Text, &a.Fingerprint, &a.DuplicateOf)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, dyad.Errorf(dyad.ENOTFOUND, "no article %q", id)
	}
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	a.Published = fromMicros(published)
	a.PublishedPrecision = dyad.Precision(precision)
	if err := json.Unmarshal([]byte(authors), &a.Authors); err != nil {
		return nil, fmt.Errorf("article %s: authors: %w", id, err)
	}
	if len(a.Authors) == 0 {
		a.Authors = nil
	}
	return &a, nil
}

// Sentences returns the stored sentences of an article, in order, with
// their parses. It returns an empty slice for an unknown article.
func (s *Store) Sentences(ctx context.Context, articleID string) ([]dyad.Sentence, error) {
	rows, err := s.Read.QueryContext(ctx, s.rebind(`SELECT idx, text, parse FROM sentences WHERE article_id = ? ORDER BY idx`), articleID)
	if err != nil {
		return nil, fmt.Errorf("sentences of %s: %w", articleID, err)
	}
	defer rows.Close()
	var out []dyad.Sentence
	for rows.Next() {
		var sn dyad.Sentence
		var p string
		if err := rows.Scan(&sn.Index, &sn.Text, &p); err != nil {
			return nil, fmt.Errorf("sentences of %s: %w", articleID, err)
		}
		var pp parse
		if err := json.Unmarshal([]byte(p), &pp); err != nil {
			return nil, fmt.Errorf("sentences of %s: parse: %w", articleID, err)
		}
		sn.ArticleID, sn.ID, sn.Tokens, sn.Multiwords, sn.Empty, sn.Comments = articleID, pp.ID, pp.Tokens, pp.Multiwords, pp.Empty, pp.Comments
		out = append(out, sn)
	}
	return out, rows.Err()
}

// Event implements dyad.EventReader.
func (s *Store) Event(ctx context.Context, id string) (*dyad.EventDetail, error) {
	var d dyad.EventDetail
	row := s.Read.QueryRowContext(ctx, s.rebind(`SELECT `+eventColumns+` FROM events e WHERE e.id = ?`), id)
	if _, err := scanEvent(row, &d.StoredEvent); errors.Is(err, sql.ErrNoRows) {
		return nil, dyad.Errorf(dyad.ENOTFOUND, "no event %q", id)
	} else if err != nil {
		return nil, fmt.Errorf("event %s: %w", id, err)
	}
	rows, err := s.Read.QueryContext(ctx, s.rebind(`SELECT m.article_id, a.outlet, a.url, a.title, a.published, m.body
FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id = ? ORDER BY m.id`), id)
	if err != nil {
		return nil, fmt.Errorf("event %s: mentions: %w", id, err)
	}
	defer rows.Close()
	d.Mentions = []dyad.Mention{}
	for rows.Next() {
		var m dyad.Mention
		var published int64
		var body string
		if err := rows.Scan(&m.ArticleID, &m.Outlet, &m.URL, &m.Title, &published, &body); err != nil {
			return nil, fmt.Errorf("event %s: mentions: %w", id, err)
		}
		m.Published = fromMicros(published)
		var mb mentionBody
		if err := json.Unmarshal([]byte(body), &mb); err != nil {
			return nil, fmt.Errorf("event %s: mention: %w", id, err)
		}
		m.Sentence, m.Source, m.Target, m.Evidence, m.Modality, m.Attribution = mb.Sentence, mb.Source, mb.Target, mb.Evidence, mb.Modality, mb.Attribution
		d.Mentions = append(d.Mentions, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("event %s: mentions: %w", id, err)
	}
	return &d, nil
}

// eventColumns are the columns scanEvent reads, from events aliased e.
const eventColumns = `e.body, e.first_seen, e.source_url, e.num_mentions, e.num_sources, e.num_articles, e.date, e.goldstein`

// scanEvent scans eventColumns into se, and returns the sort keys.
func scanEvent(row interface{ Scan(...any) error }, se *dyad.StoredEvent) (keys sortKeys, err error) {
	var body string
	var first int64
	if err := row.Scan(&body, &first, &se.SourceURL, &se.NumMentions, &se.NumSources, &se.NumArticles, &keys.date, &keys.goldstein); err != nil {
		return keys, err
	}
	if err := json.Unmarshal([]byte(body), &se.Event); err != nil {
		return keys, fmt.Errorf("event body: %w", err)
	}
	se.FirstSeen = fromMicros(first)
	keys.mentions = se.NumMentions
	keys.id = se.ID
	return keys, nil
}

type sortKeys struct {
	date      string
	goldstein float64
	mentions  int
	id        string
}
