package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/dyad-events/dyad"
)

// BatchArticle is an article, its sentences and the events coded from it,
// as SaveArticle takes them.
type BatchArticle struct {
	Article   *dyad.Article
	Sentences []dyad.Sentence
	Events    []dyad.Event
}

// Batch is articles prepared for Store.SaveBatch: validated, and with the
// JSON the store keeps already encoded. Preparing is pure computation, so
// a loader can prepare the next batch while the store writes one.
type Batch struct {
	arts   []preparedArticle
	events int
}

type preparedArticle struct {
	*BatchArticle
	authors   string
	parses    []string // per sentence
	bodies    []string // per event: the event's JSON
	mentionJS []string // per event: the mention's JSON
}

// Len returns the number of articles in the batch.
func (b *Batch) Len() int { return len(b.arts) }

// NewBatch validates articles as SaveArticle does and encodes what the
// store keeps. Like SaveArticle, it sets each event's ArticleID. It returns
// EINVALID for a bad article or event, or two articles with one ID.
func NewBatch(arts []BatchArticle) (*Batch, error) {
	b := &Batch{arts: make([]preparedArticle, len(arts))}
	seen := make(map[string]bool, len(arts))
	for i := range arts {
		ba := &arts[i]
		a := ba.Article
		if a == nil || a.ID == "" {
			return nil, dyad.Errorf(dyad.EINVALID, "batch: article %d has no ID", i)
		}
		if seen[a.ID] {
			return nil, dyad.Errorf(dyad.EINVALID, "batch: article %s given twice", a.ID)
		}
		seen[a.ID] = true
		p := preparedArticle{BatchArticle: ba, authors: "[]", parses: make([]string, len(ba.Sentences)), bodies: make([]string, len(ba.Events)), mentionJS: make([]string, len(ba.Events))}
		if a.Authors != nil {
			js, err := json.Marshal(a.Authors)
			if err != nil {
				return nil, fmt.Errorf("batch: article %s: %w", a.ID, err)
			}
			p.authors = string(js)
		}
		for j := range ba.Sentences {
			sn := &ba.Sentences[j]
			js, err := json.Marshal(parse{ID: sn.ID, Tokens: sn.Tokens, Multiwords: sn.Multiwords, Empty: sn.Empty, Comments: sn.Comments})
			if err != nil {
				return nil, fmt.Errorf("batch: article %s: sentence %d: %w", a.ID, sn.Index, err)
			}
			p.parses[j] = string(js)
		}
		for j := range ba.Events {
			e := &ba.Events[j]
			if e.ID == "" {
				return nil, dyad.Errorf(dyad.EINVALID, "batch: article %s: event %d has no ID", a.ID, j)
			}
			if !dyad.ValidDate(e.Date) {
				return nil, dyad.Errorf(dyad.EINVALID, "batch: article %s: event %s has date %q, want YYYY-MM-DD", a.ID, e.ID, e.Date)
			}
			e.ArticleID = a.ID
			body, err := json.Marshal(e)
			if err != nil {
				return nil, fmt.Errorf("batch: event %s: %w", e.ID, err)
			}
			mb, err := json.Marshal(mentionBody{Sentence: e.Sentence, Source: e.Source, Target: e.Target, Evidence: e.Evidence, Modality: e.Modality, Attribution: e.Attribution})
			if err != nil {
				return nil, fmt.Errorf("batch: event %s: %w", e.ID, err)
			}
			p.bodies[j], p.mentionJS[j] = string(body), string(mb)
		}
		b.events += len(ba.Events)
		b.arts[i] = p
	}
	return b, nil
}

// SaveBatch saves the articles of b in one transaction, with the outcome
// of SaveArticle called for each in turn (the result adds theirs up), but
// many times faster for new articles: their rows are written with
// multi-row statements (or the dialect's Copy) and the aggregate tables
// updated once for the batch. Articles already stored are saved as
// SaveArticle saves them. It returns ECONFLICT when an article's URL is
// another stored article's, and then saves nothing of the batch.
//
// While a bulk load is pending (see BeginBulk), the aggregate tables are
// left for FinishBulk to rebuild.
func (s *Store) SaveBatch(ctx context.Context, b *Batch) (dyad.SaveResult, error) {
	var res dyad.SaveResult
	var err error
	for attempt := 1; ; attempt++ {
		res = dyad.SaveResult{Events: b.events}
		err = s.saveBatchTx(ctx, b, &res)
		retry := errors.Is(err, errRaced) || s.Dialect.Retryable != nil && s.Dialect.Retryable(err)
		if err == nil || attempt == saveAttempts || !retry || ctx.Err() != nil {
			break
		}
	}
	if err != nil {
		return dyad.SaveResult{Events: b.events}, fmt.Errorf("save batch: %w", err)
	}
	return res, nil
}

// bulkTx is a write transaction on one connection, which the dialect's
// Copy needs.
type bulkTx struct {
	*sql.Tx
	conn  *sql.Conn
	stmts map[string]*sql.Stmt
}

func (s *Store) saveBatchTx(ctx context.Context, b *Batch, res *dyad.SaveResult) error {
	conn, err := s.Write.Conn(ctx)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	btx := &bulkTx{Tx: tx, conn: conn, stmts: map[string]*sql.Stmt{}}
	defer func() {
		for _, st := range btx.stmts {
			st.Close()
		}
	}()
	if err := s.saveBatch(ctx, btx, b, res); err != nil {
		return s.Dialect.MapError(err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", s.Dialect.MapError(err))
	}
	return nil
}

// batchEvent is an event of a batch: where it is first mentioned, and the
// articles and outlets that mention it.
type batchEvent struct {
	art, idx int
	mentions int
	articles int
	outlets  map[string]bool
}

func (s *Store) saveBatch(ctx context.Context, tx *bulkTx, b *Batch, res *dyad.SaveResult) error {
	for _, q := range s.Dialect.BatchBegin {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	pending, err := s.bulkPending(ctx, tx.Tx)
	if err != nil {
		return err
	}
	ids := make([]string, len(b.arts))
	for i := range b.arts {
		ids[i] = b.arts[i].Article.ID
	}
	stored, err := s.existing(ctx, tx, "articles", ids)
	if err != nil {
		return err
	}
	var arts []*preparedArticle
	for i := range b.arts {
		p := &b.arts[i]
		if !stored[p.Article.ID] {
			arts = append(arts, p)
			continue
		}
		var r dyad.SaveResult
		if err := s.save(ctx, tx.Tx, p.Article, p.Sentences, p.Events, &r); err != nil {
			return err
		}
		res.NewEvents += r.NewEvents
		res.Mentions += r.Mentions
		res.Replaced += r.Replaced
		res.Deleted += r.Deleted
	}
	if len(arts) == 0 {
		return nil
	}
	now := micros(s.Now())
	err = s.insertRows(ctx, tx, "articles", []string{"id", "url", "canonical_url", "outlet", "title", "published", "published_precision", "authors", "language", "text", "fingerprint", "duplicate_of", "saved_at"}, len(arts),
		func(i int, row []any) []any {
			a := arts[i].Article
			return append(row, a.ID, a.URL, a.CanonicalURL, a.Outlet, a.Title, micros(a.Published), string(a.PublishedPrecision), arts[i].authors, a.Language, a.Text, a.Fingerprint, a.DuplicateOf, now)
		})
	if err != nil {
		if dyad.ErrorCode(s.Dialect.MapError(err)) == dyad.ECONFLICT {
			return dyad.Errorf(dyad.ECONFLICT, "an article of the batch has the URL of another article")
		}
		return fmt.Errorf("articles: %w", err)
	}

	type ref struct{ art, idx int }
	var sents []ref
	for i, p := range arts {
		for j := range p.Sentences {
			sents = append(sents, ref{i, j})
		}
	}
	err = s.insertRows(ctx, tx, "sentences", []string{"article_id", "idx", "sent_id", "text", "parse"}, len(sents), func(i int, row []any) []any {
		p := arts[sents[i].art]
		sn := &p.Sentences[sents[i].idx]
		return append(row, p.Article.ID, sn.Index, sn.ID, sn.Text, p.parses[sents[i].idx])
	})
	if err != nil {
		return fmt.Errorf("sentences: %w", err)
	}

	// The batch's events, in order of first mention, with what their
	// mentions in the batch add up to.
	events := map[string]*batchEvent{}
	var order []string
	var mentions []ref
	for i, p := range arts {
		counted := map[string]bool{}
		for j := range p.Events {
			e := &p.Events[j]
			mentions = append(mentions, ref{i, j})
			be := events[e.ID]
			if be == nil {
				be = &batchEvent{art: i, idx: j, outlets: map[string]bool{}}
				events[e.ID] = be
				order = append(order, e.ID)
			}
			be.mentions++
			be.outlets[p.Article.Outlet] = true
			if !counted[e.ID] {
				counted[e.ID] = true
				be.articles++
			}
		}
	}
	old, err := s.existing(ctx, tx, "events", order)
	if err != nil {
		return err
	}
	var fresh []string
	for _, id := range order {
		if !old[id] {
			fresh = append(fresh, id)
		}
	}
	deltas := aggDeltas{}
	err = s.insertRows(ctx, tx, "events", []string{"id", "date", "source", "target", "source3", "target3", "code", "root", "quad_class", "goldstein", "plover", "modality", "country", "lat", "lon",
		"first_seen", "first_article", "source_url", "num_mentions", "num_sources", "num_articles", "body"}, len(fresh),
		func(i int, row []any) []any {
			be := events[fresh[i]]
			p := arts[be.art]
			r := newEventRow(&p.Events[be.idx])
			var lat, lon any
			if r.lat.Valid {
				lat, lon = r.lat.Float64, r.lon.Float64
			}
			return append(row, r.id, r.date, r.source, r.target, block(r.source), block(r.target), r.code, r.root, r.quad, r.goldstein, r.plover, r.modality, r.country, lat, lon,
				now, p.Article.ID, p.Article.URL, be.mentions, len(be.outlets), be.articles, p.bodies[be.idx])
		})
	if err != nil {
		return fmt.Errorf("events: %w", err)
	}
	res.NewEvents += len(fresh)
	if !pending {
		for _, id := range fresh {
			be := events[id]
			r := newEventRow(&arts[be.art].Events[be.idx])
			deltas.add(&r, +1)
		}
	}
	err = s.insertRows(ctx, tx, "mentions", []string{"article_id", "seq", "event_id", "outlet", "sentence_index", "sentence_text", "body"}, len(mentions), func(i int, row []any) []any {
		p := arts[mentions[i].art]
		j := mentions[i].idx
		e := &p.Events[j]
		return append(row, p.Article.ID, j, e.ID, p.Article.Outlet, e.Sentence.Index, e.Sentence.Text, p.mentionJS[j])
	})
	if err != nil {
		return fmt.Errorf("mentions: %w", err)
	}
	res.Mentions += len(mentions)

	// Events stored before the batch gain mentions: recount them.
	if len(old) > 0 {
		ids := make([]string, 0, len(old))
		for id := range old {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		const per = 500
		for start := 0; start < len(ids); start += per {
			chunk := ids[start:min(start+per, len(ids))]
			args := make([]any, len(chunk))
			for i, id := range chunk {
				args[i] = id
			}
			if _, err := tx.ExecContext(ctx, s.rebind(`UPDATE events SET num_mentions = c.n, num_articles = c.a, num_sources = c.o
FROM (SELECT event_id, count(*) AS n, count(DISTINCT article_id) AS a, count(DISTINCT outlet) AS o FROM mentions
WHERE event_id IN (?`+strings.Repeat(", ?", len(chunk)-1)+`) GROUP BY event_id) c WHERE events.id = c.event_id`), args...); err != nil {
				return fmt.Errorf("recount: %w", err)
			}
		}
	}
	return s.addDeltas(ctx, tx, deltas)
}

// maxParams bounds the parameters of one statement (SQLite allows 32,766,
// PostgreSQL 65,535).
const maxParams = 30000

// insertRows inserts n rows into table, calling row(i, buf) for the values
// of row i appended to buf: with the dialect's Copy when it has one, else
// with statements of many rows each.
func (s *Store) insertRows(ctx context.Context, tx *bulkTx, table string, cols []string, n int, row func(i int, buf []any) []any) error {
	if n == 0 {
		return nil
	}
	if s.Dialect.Copy != nil {
		rows := make([][]any, n)
		for i := range rows {
			rows[i] = row(i, make([]any, 0, len(cols)))
		}
		return s.Dialect.Copy(ctx, tx.conn, table, cols, rows)
	}
	return s.insertValues(ctx, tx, table, cols, "", n, row)
}

// insertValues runs INSERT INTO table (cols) VALUES (…), (…), … suffix for
// n rows, many rows to a statement.
func (s *Store) insertValues(ctx context.Context, tx *bulkTx, table string, cols []string, suffix string, n int, row func(i int, buf []any) []any) error {
	per := max(1, min(500, maxParams/len(cols)))
	args := make([]any, 0, per*len(cols))
	for start := 0; start < n; start += per {
		k := min(per, n-start)
		key := fmt.Sprintf("%s/%d", table, k)
		st := tx.stmts[key]
		if st == nil {
			var b strings.Builder
			b.WriteString("INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ")
			one := "(" + strings.Repeat("?, ", len(cols)-1) + "?)"
			for i := 0; i < k; i++ {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString(one)
			}
			b.WriteString(suffix)
			var err error
			if st, err = tx.PrepareContext(ctx, s.rebind(b.String())); err != nil {
				return err
			}
			tx.stmts[key] = st
		}
		args = args[:0]
		for i := start; i < start+k; i++ {
			args = row(i, args)
		}
		if _, err := st.ExecContext(ctx, args...); err != nil {
			return err
		}
	}
	return nil
}

// existing returns which of ids are primary keys of table.
func (s *Store) existing(ctx context.Context, tx *bulkTx, table string, ids []string) (map[string]bool, error) {
	found := map[string]bool{}
	const per = 500
	for start := 0; start < len(ids); start += per {
		chunk := ids[start:min(start+per, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := tx.QueryContext(ctx, s.rebind(`SELECT id FROM `+table+` WHERE id IN (?`+strings.Repeat(", ?", len(chunk)-1)+`)`), args...)
		if err != nil {
			return nil, fmt.Errorf("stored %s: %w", table, err)
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, fmt.Errorf("stored %s: %w", table, err)
			}
			found[id] = true
		}
		if err := rows.Close(); err != nil {
			return nil, fmt.Errorf("stored %s: %w", table, err)
		}
	}
	return found, nil
}

// aggColumns returns the columns of an aggregate table in aggKey order
// (a, then b, day and quad where the table has them), the conflict target
// of an upsert, and whether the table sums Goldstein values.
func aggColumns(table string) (cols []string, conflict string, goldstein bool) {
	switch table {
	case "agg_dyad":
		return []string{"source", "target", "day", "quad_class"}, "source, target, day, quad_class", true
	case "agg_dyad3":
		return []string{"source3", "target3", "day", "quad_class"}, "source3, target3, day, quad_class", true
	}
	name, unit := strings.TrimPrefix(table, "agg_"), "day"
	for _, u := range []string{"month", "year"} {
		if n, ok := strings.CutSuffix(name, "_"+u); ok {
			// Rollups are keyed by period first.
			return []string{n, u}, u + ", " + n, false
		}
	}
	return []string{name, unit}, name + ", " + unit, false
}

// addDeltas adds positive deltas to the aggregate tables, one multi-row
// upsert per table and hundreds of rows, in key order (the order of row
// locks between concurrent writers).
func (s *Store) addDeltas(ctx context.Context, tx *bulkTx, d aggDeltas) error {
	byTable := map[string][]aggKey{}
	for k, v := range d {
		if v.n != 0 {
			byTable[k.table] = append(byTable[k.table], k)
		}
	}
	tables := make([]string, 0, len(byTable))
	for t := range byTable {
		tables = append(tables, t)
	}
	slices.Sort(tables)
	for _, table := range tables {
		keys := byTable[table]
		slices.SortFunc(keys, func(x, y aggKey) int {
			return cmp.Or(strings.Compare(x.a, y.a), strings.Compare(x.b, y.b), strings.Compare(x.day, y.day), cmp.Compare(x.quad, y.quad))
		})
		keyCols, conflict, gs := aggColumns(table)
		cols := append(append([]string{}, keyCols...), "n")
		set := " n = " + table + ".n + excluded.n"
		if gs {
			cols = append(cols, "goldstein")
			set += ", goldstein = " + table + ".goldstein + excluded.goldstein"
		}
		err := s.insertValues(ctx, tx, table, cols, " ON CONFLICT ("+conflict+") DO UPDATE SET"+set, len(keys), func(i int, row []any) []any {
			k, v := keys[i], d[keys[i]]
			switch len(keyCols) {
			case 4:
				row = append(row, k.a, k.b, k.day, k.quad)
			default:
				row = append(row, k.a, k.day)
			}
			row = append(row, v.n)
			if gs {
				row = append(row, v.gs)
			}
			return row
		})
		if err != nil {
			return fmt.Errorf("aggregate %s: %w", table, err)
		}
	}
	return nil
}
