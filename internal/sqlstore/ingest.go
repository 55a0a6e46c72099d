package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/bits"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
)

// FeedStatus returns what is stored of the feed at feedURL, or a status
// with only URL set when the feed was never saved.
func (s *Store) FeedStatus(ctx context.Context, feedURL string) (dyad.FeedStatus, error) {
	st := dyad.FeedStatus{URL: feedURL}
	var polled, until int64
	err := s.Read.QueryRowContext(ctx, s.rebind(`SELECT etag, last_modified, last_polled, last_error, failures, backoff_until FROM feeds WHERE url = ?`), feedURL).
		Scan(&st.ETag, &st.LastModified, &polled, &st.LastError, &st.Failures, &until)
	if errors.Is(err, sql.ErrNoRows) {
		return st, nil
	}
	if err != nil {
		return st, fmt.Errorf("feed status %s: %w", feedURL, err)
	}
	st.LastPolled, st.BackoffUntil = fromMicros(polled), fromMicros(until)
	return st, nil
}

// SaveFeedStatus stores st, replacing what was stored for st.URL. It
// returns EINVALID for a status without a URL.
func (s *Store) SaveFeedStatus(ctx context.Context, st dyad.FeedStatus) error {
	if st.URL == "" {
		return dyad.Errorf(dyad.EINVALID, "save feed status: no feed URL")
	}
	_, err := s.Write.ExecContext(ctx, s.rebind(`INSERT INTO feeds (url, etag, last_modified, last_polled, last_error, failures, backoff_until) VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, last_polled = excluded.last_polled,
last_error = excluded.last_error, failures = excluded.failures, backoff_until = excluded.backoff_until`),
		st.URL, st.ETag, st.LastModified, micros(st.LastPolled), st.LastError, st.Failures, micros(st.BackoffUntil))
	if err != nil {
		return fmt.Errorf("save feed status %s: %w", st.URL, s.Dialect.MapError(err))
	}
	return nil
}

// keyChunk is how many keys one IN (…) list holds.
const keyChunk = 500

// UnseenFeedItems returns the keys among keys that were not marked seen
// for feedURL, in their order.
func (s *Store) UnseenFeedItems(ctx context.Context, feedURL string, keys []string) ([]string, error) {
	seen := make(map[string]bool)
	for start := 0; start < len(keys); start += keyChunk {
		chunk := keys[start:min(start+keyChunk, len(keys))]
		args := make([]any, 0, len(chunk)+1)
		args = append(args, feedURL)
		for _, k := range chunk {
			args = append(args, k)
		}
		q := `SELECT item_key FROM feed_items WHERE feed_url = ? AND item_key IN (?` + strings.Repeat(", ?", len(chunk)-1) + `)`
		if err := s.eachString(ctx, q, args, func(k string) { seen[k] = true }); err != nil {
			return nil, fmt.Errorf("seen items of %s: %w", feedURL, err)
		}
	}
	var out []string
	for _, k := range keys {
		if !seen[k] {
			out = append(out, k)
		}
	}
	return out, nil
}

// eachString runs a query of one text column and calls fn for each row.
func (s *Store) eachString(ctx context.Context, q string, args []any, fn func(string)) error {
	rows, err := s.Read.QueryContext(ctx, s.rebind(q), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return err
		}
		fn(v)
	}
	return rows.Err()
}

// MarkFeedItemsSeen records keys as seen in feedURL, in one transaction.
// Keys already seen stay as they were.
func (s *Store) MarkFeedItemsSeen(ctx context.Context, feedURL string, keys []string) error {
	if len(keys) == 0 {
		return nil
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(ctx, s.rebind(`INSERT INTO feed_items (feed_url, item_key, seen_at) VALUES (?, ?, ?) ON CONFLICT (feed_url, item_key) DO NOTHING`))
		if err != nil {
			return err
		}
		defer st.Close()
		now := micros(s.Now())
		for _, k := range keys {
			if _, err := st.ExecContext(ctx, feedURL, k, now); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("mark items of %s seen: %w", feedURL, err)
	}
	return nil
}

// inTx runs fn in a write transaction and commits it when fn succeeds.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.Write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return s.Dialect.MapError(err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", s.Dialect.MapError(err))
	}
	return nil
}

// nearBands is the number of bands a SimHash is cut into in the
// fingerprint_bands table: two hashes at most dyad.MaxNearDistance bits
// apart agree on at least one of them.
const nearBands = dyad.MaxNearDistance + 1

// band returns band i of the SimHash h: bits i*64/nearBands up to
// (i+1)*64/nearBands.
func band(h uint64, i int) int64 {
	lo, hi := i*64/nearBands, (i+1)*64/nearBands
	return int64((h >> lo) & (1<<(hi-lo) - 1))
}

// SaveFingerprint stores fp, replacing an earlier fingerprint of the same
// article. It returns EINVALID for a fingerprint without an article ID or
// with a day not in YYYY-MM-DD form, and ENOTFOUND when the article is not
// stored.
func (s *Store) SaveFingerprint(ctx context.Context, fp dyad.Fingerprint) error {
	if fp.ArticleID == "" {
		return dyad.Errorf(dyad.EINVALID, "save fingerprint: no article ID")
	}
	if !dyad.ValidDate(fp.Day) {
		return dyad.Errorf(dyad.EINVALID, "save fingerprint of %s: day %q, want YYYY-MM-DD", fp.ArticleID, fp.Day)
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var one int
		err := tx.QueryRowContext(ctx, s.rebind(`SELECT 1 FROM articles WHERE id = ?`), fp.ArticleID).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return dyad.Errorf(dyad.ENOTFOUND, "no article %q", fp.ArticleID)
		}
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, s.rebind(`INSERT INTO fingerprints (article_id, outlet, url_key, content_hash, simhash, day, duplicate_of) VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (article_id) DO UPDATE SET outlet = excluded.outlet, url_key = excluded.url_key, content_hash = excluded.content_hash,
simhash = excluded.simhash, day = excluded.day, duplicate_of = excluded.duplicate_of`),
			fp.ArticleID, fp.Outlet, fp.URLKey, fp.ContentHash, int64(fp.SimHash), fp.Day, fp.DuplicateOf)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.rebind(`DELETE FROM fingerprint_bands WHERE article_id = ?`), fp.ArticleID); err != nil {
			return err
		}
		ins, err := tx.PrepareContext(ctx, s.rebind(`INSERT INTO fingerprint_bands (band, value, day, article_id) VALUES (?, ?, ?, ?)`))
		if err != nil {
			return err
		}
		defer ins.Close()
		for i := range nearBands {
			if _, err := ins.ExecContext(ctx, i, band(fp.SimHash, i), fp.Day, fp.ArticleID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		if dyad.ErrorCode(err) != dyad.EINTERNAL {
			return err
		}
		return fmt.Errorf("save fingerprint of %s: %w", fp.ArticleID, err)
	}
	return nil
}

// FindCopies returns the stored fingerprints that have fp's URLKey (when
// it is not empty) or its ContentHash, and those whose SimHash is at most
// maxDist bits from fp's and whose Day is at most days from fp.Day, each
// once, in article ID order. It returns EINVALID when maxDist is above
// dyad.MaxNearDistance or fp.Day is not in YYYY-MM-DD form.
func (s *Store) FindCopies(ctx context.Context, fp dyad.Fingerprint, maxDist, days int) ([]dyad.Fingerprint, error) {
	if maxDist < 0 || maxDist > dyad.MaxNearDistance {
		return nil, dyad.Errorf(dyad.EINVALID, "find copies: SimHash distance %d, want 0 to %d", maxDist, dyad.MaxNearDistance)
	}
	day, err := time.Parse(time.DateOnly, fp.Day)
	if err != nil || !dyad.ValidDate(fp.Day) {
		return nil, dyad.Errorf(dyad.EINVALID, "find copies: day %q, want YYYY-MM-DD", fp.Day)
	}
	from, to := day.AddDate(0, 0, -days).Format(time.DateOnly), day.AddDate(0, 0, days).Format(time.DateOnly)
	// One indexed look-up per key, in a UNION: an OR of them would scan
	// the table.
	const cols = `f.article_id, f.outlet, f.url_key, f.content_hash, f.simhash, f.day, f.duplicate_of`
	var q strings.Builder
	args := make([]any, 0, 2+4*nearBands)
	q.WriteString(`SELECT ` + cols + ` FROM fingerprints f WHERE f.content_hash = ?`)
	args = append(args, fp.ContentHash)
	if fp.URLKey != "" {
		q.WriteString(` UNION SELECT ` + cols + ` FROM fingerprints f WHERE f.url_key = ? AND f.url_key <> ''`) // the partial index's condition
		args = append(args, fp.URLKey)
	}
	for i := range nearBands {
		q.WriteString(` UNION SELECT ` + cols + ` FROM fingerprint_bands b JOIN fingerprints f ON f.article_id = b.article_id
WHERE b.band = ? AND b.value = ? AND b.day >= ? AND b.day <= ?`)
		args = append(args, i, band(fp.SimHash, i), from, to)
	}
	q.WriteString(` ORDER BY 1`)
	rows, err := s.Read.QueryContext(ctx, s.rebind(q.String()), args...)
	if err != nil {
		return nil, fmt.Errorf("find copies: %w", err)
	}
	defer rows.Close()
	var out []dyad.Fingerprint
	for rows.Next() {
		var f dyad.Fingerprint
		var sh int64
		if err := rows.Scan(&f.ArticleID, &f.Outlet, &f.URLKey, &f.ContentHash, &sh, &f.Day, &f.DuplicateOf); err != nil {
			return nil, fmt.Errorf("find copies: %w", err)
		}
		f.SimHash = uint64(sh)
		near := bits.OnesCount64(f.SimHash^fp.SimHash) <= maxDist && f.Day >= from && f.Day <= to
		if near || f.ContentHash == fp.ContentHash || fp.URLKey != "" && f.URLKey == fp.URLKey {
			out = append(out, f)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find copies: %w", err)
	}
	return out, nil
}
