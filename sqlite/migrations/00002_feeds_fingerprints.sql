-- Ingestion state: polled feeds (validators, failures, back-off) and the
-- items seen in each, so that a restarted poller does not ingest an item
-- twice; and article fingerprints, so that copies of a stored story are
-- recognised across runs. A fingerprint's SimHash is also stored cut into
-- 9 bands (bits i*64/9 up to (i+1)*64/9): two hashes at most 8 bits apart
-- agree on at least one band, so the search for near-duplicates looks up
-- 9 index ranges, each limited to a window of days.
-- Times are microseconds since the Unix epoch (0 when unknown).

-- +goose Up
CREATE TABLE feeds (
	url TEXT PRIMARY KEY,
	etag TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	last_polled INTEGER NOT NULL DEFAULT 0,
	last_error TEXT NOT NULL DEFAULT '',
	failures INTEGER NOT NULL DEFAULT 0,
	backoff_until INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE feed_items (
	feed_url TEXT NOT NULL,
	item_key TEXT NOT NULL,
	seen_at INTEGER NOT NULL,
	PRIMARY KEY (feed_url, item_key)
) WITHOUT ROWID;

CREATE TABLE fingerprints (
	article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	outlet TEXT NOT NULL DEFAULT '',
	url_key TEXT NOT NULL DEFAULT '',
	content_hash TEXT NOT NULL,
	simhash INTEGER NOT NULL, -- the 64 bits as a signed integer
	day TEXT NOT NULL,
	duplicate_of TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX fingerprints_url_key ON fingerprints (url_key) WHERE url_key <> '';
CREATE INDEX fingerprints_content_hash ON fingerprints (content_hash);

CREATE TABLE fingerprint_bands (
	band INTEGER NOT NULL,
	value INTEGER NOT NULL,
	day TEXT NOT NULL,
	article_id TEXT NOT NULL REFERENCES fingerprints (article_id) ON DELETE CASCADE,
	PRIMARY KEY (band, value, day, article_id)
) WITHOUT ROWID;
CREATE INDEX fingerprint_bands_article ON fingerprint_bands (article_id);

-- +goose Down
DROP TABLE fingerprint_bands;
DROP TABLE fingerprints;
DROP TABLE feed_items;
DROP TABLE feeds;
