package sqlstore

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/dyad-events/dyad"
)

// EventsJSON returns what Events returns, encoded as the API's JSON
// ({"events": […], "next": "…"}), without decoding the stored events: each
// is the stored JSON of its Event with the store's fields (first seen,
// source URL, numbers of mentions, sources and articles) appended, which
// is what encoding a dyad.StoredEvent gives. It is the API's fast path.
func (s *Store) EventsJSON(ctx context.Context, f dyad.EventFilter) ([]byte, error) {
	q, err := s.pageRows(ctx, &f)
	if err != nil {
		return nil, err
	}
	defer q.done()
	rows, limit := q.rows, q.limit
	defer rows.Close()
	b := bytes.NewBuffer(make([]byte, 0, limit*1024))
	b.WriteString(`{"events":[`)
	var last sortKeys
	next, n := "", 0
	var body sql.RawBytes // valid until the next row: copied out before
	for rows.Next() {
		if n == limit {
			next = encodeCursor(f.Sort, last)
			break
		}
		var first int64
		var se dyad.StoredEvent
		if err := rows.Scan(&body, &first, &se.SourceURL, &se.NumMentions, &se.NumSources, &se.NumArticles, &last.date, &last.goldstein); err != nil {
			return nil, q.fail(err)
		}
		last.mentions = se.NumMentions
		if last.id, err = bodyID(body); err != nil {
			return nil, err
		}
		if n > 0 {
			b.WriteByte(',')
		}
		if len(body) < 2 || body[len(body)-1] != '}' {
			return nil, fmt.Errorf("events: event %s: stored JSON is not an object", last.id)
		}
		b.Write(body[:len(body)-1])
		b.WriteString(`,"first_seen":`)
		t, err := fromMicros(first).MarshalJSON()
		if err != nil {
			return nil, err
		}
		b.Write(t)
		if se.SourceURL != "" {
			b.WriteString(`,"source_url":`)
			u, err := json.Marshal(se.SourceURL)
			if err != nil {
				return nil, err
			}
			b.Write(u)
		}
		fmt.Fprintf(b, `,"num_mentions":%d,"num_sources":%d,"num_articles":%d}`, se.NumMentions, se.NumSources, se.NumArticles)
		n++
	}
	if err := rows.Err(); err != nil {
		return nil, q.fail(err)
	}
	b.WriteString(`],"next":`)
	b.WriteString(strconv.Quote(next)) // base64url: nothing to escape
	b.WriteString("}\n")
	return b.Bytes(), nil
}

// bodyID returns the ID of a stored event: its JSON begins with it.
func bodyID(body []byte) (string, error) {
	const prefix = `{"id":"`
	if rest, ok := bytes.CutPrefix(body, []byte(prefix)); ok {
		if i := bytes.IndexByte(rest, '"'); i >= 0 && bytes.IndexByte(rest[:i], '\\') < 0 {
			return string(rest[:i]), nil
		}
	}
	var e struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(body, &e); err != nil {
		return "", fmt.Errorf("events: stored event: %w", err)
	}
	return e.ID, nil
}
