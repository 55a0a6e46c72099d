-- The first schema: articles, sentences, events (one row per distinct
-- event), mentions (event ↔ article/sentence) with a full-text index over
-- the mention sentences, and the aggregate tables kept current on save.
-- Times are microseconds since the Unix epoch (0 when unknown).

-- +goose Up
CREATE TABLE articles (
	id TEXT PRIMARY KEY,
	url TEXT NOT NULL DEFAULT '',
	canonical_url TEXT NOT NULL DEFAULT '',
	outlet TEXT NOT NULL DEFAULT '',
	title TEXT NOT NULL DEFAULT '',
	published INTEGER NOT NULL DEFAULT 0,
	published_precision TEXT NOT NULL DEFAULT '',
	authors TEXT NOT NULL DEFAULT '[]',
	language TEXT NOT NULL DEFAULT '',
	text TEXT NOT NULL DEFAULT '',
	fingerprint TEXT NOT NULL DEFAULT '',
	duplicate_of TEXT NOT NULL DEFAULT '',
	saved_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX articles_url ON articles (url) WHERE url <> '';
CREATE INDEX articles_fingerprint ON articles (fingerprint) WHERE fingerprint <> '';

CREATE TABLE sentences (
	article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	idx INTEGER NOT NULL,
	sent_id TEXT NOT NULL DEFAULT '',
	text TEXT NOT NULL,
	parse TEXT NOT NULL,
	PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE events (
	id TEXT PRIMARY KEY,
	date TEXT NOT NULL,
	source TEXT NOT NULL,
	target TEXT NOT NULL,
	source3 TEXT NOT NULL, -- first three letters of source
	target3 TEXT NOT NULL,
	code TEXT NOT NULL,
	root TEXT NOT NULL,
	quad_class INTEGER NOT NULL,
	goldstein REAL NOT NULL,
	plover TEXT NOT NULL,
	modality TEXT NOT NULL,
	country TEXT NOT NULL,
	lat REAL,
	lon REAL,
	first_seen INTEGER NOT NULL,
	first_article TEXT NOT NULL,
	source_url TEXT NOT NULL,
	num_mentions INTEGER NOT NULL,
	num_sources INTEGER NOT NULL,
	num_articles INTEGER NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX events_date ON events (date, id);
-- Actor and dyad queries walk these in date order and stop at a page.
CREATE INDEX events_source3 ON events (source3, date, id);
CREATE INDEX events_target3 ON events (target3, date, id);
CREATE INDEX events_dyad3 ON events (source3, target3, date, id);
CREATE INDEX events_code ON events (code, date);
CREATE INDEX events_country ON events (country, date, id);

CREATE TABLE mentions (
	id INTEGER PRIMARY KEY,
	article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	event_id TEXT NOT NULL,
	outlet TEXT NOT NULL,
	sentence_index INTEGER NOT NULL,
	sentence_text TEXT NOT NULL,
	body TEXT NOT NULL,
	UNIQUE (article_id, seq)
);
CREATE INDEX mentions_event ON mentions (event_id);
CREATE INDEX mentions_outlet ON mentions (outlet, event_id);

CREATE VIRTUAL TABLE mentions_fts USING fts5 (sentence_text, content = 'mentions', content_rowid = 'id', detail = none, columnsize = 0);
-- Queries only need which rows hold a word (detail = none, no column
-- sizes), and merging segments less often than the default (4) makes
-- saves cheaper.
INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('automerge', 16);

-- +goose StatementBegin
CREATE TRIGGER mentions_fts_insert AFTER INSERT ON mentions BEGIN
	INSERT INTO mentions_fts (rowid, sentence_text) VALUES (new.id, new.sentence_text);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER mentions_fts_delete AFTER DELETE ON mentions BEGIN
	INSERT INTO mentions_fts (mentions_fts, rowid, sentence_text) VALUES ('delete', old.id, old.sentence_text);
END;
-- +goose StatementEnd

CREATE TABLE agg_dyad (
	source TEXT NOT NULL,
	target TEXT NOT NULL,
	day TEXT NOT NULL,
	quad_class INTEGER NOT NULL,
	n INTEGER NOT NULL,
	goldstein REAL NOT NULL,
	PRIMARY KEY (source, target, day, quad_class)
) WITHOUT ROWID;
CREATE INDEX agg_dyad_target ON agg_dyad (target, source, day);

-- agg_dyad3 is agg_dyad by first blocks (countries, mostly): series of
-- three-letter prefixes read it.
CREATE TABLE agg_dyad3 (
	source3 TEXT NOT NULL,
	target3 TEXT NOT NULL,
	day TEXT NOT NULL,
	quad_class INTEGER NOT NULL,
	n INTEGER NOT NULL,
	goldstein REAL NOT NULL,
	PRIMARY KEY (source3, target3, day, quad_class)
) WITHOUT ROWID;
CREATE INDEX agg_dyad3_target ON agg_dyad3 (target3, source3, day, quad_class, n, goldstein);

CREATE TABLE agg_actor (
	actor TEXT NOT NULL,
	day TEXT NOT NULL,
	n INTEGER NOT NULL,
	PRIMARY KEY (actor, day)
) WITHOUT ROWID;
CREATE INDEX agg_actor_day ON agg_actor (day, actor, n);

CREATE TABLE agg_code (
	code TEXT NOT NULL,
	day TEXT NOT NULL,
	n INTEGER NOT NULL,
	PRIMARY KEY (code, day)
) WITHOUT ROWID;
CREATE INDEX agg_code_day ON agg_code (day, code, n);

CREATE TABLE agg_country (
	country TEXT NOT NULL,
	day TEXT NOT NULL,
	n INTEGER NOT NULL,
	PRIMARY KEY (country, day)
) WITHOUT ROWID;
CREATE INDEX agg_country_day ON agg_country (day, country, n);

-- Monthly rollups of agg_actor, agg_code and agg_country: top lists over
-- long ranges read whole months here and only the edge days above.
CREATE TABLE agg_actor_month (
	actor TEXT NOT NULL,
	month TEXT NOT NULL,
	n INTEGER NOT NULL,
	PRIMARY KEY (month, actor)
) WITHOUT ROWID;
CREATE TABLE agg_code_month (
	code TEXT NOT NULL,
	month TEXT NOT NULL,
	n INTEGER NOT NULL,
	PRIMARY KEY (month, code)
) WITHOUT ROWID;
CREATE TABLE agg_country_month (
	country TEXT NOT NULL,
	month TEXT NOT NULL,
	n INTEGER NOT NULL,
	PRIMARY KEY (month, country)
) WITHOUT ROWID;

-- +goose Down
DROP TABLE agg_country_month;
DROP TABLE agg_code_month;
DROP TABLE agg_actor_month;
DROP TABLE agg_country;
DROP TABLE agg_code;
DROP TABLE agg_actor;
DROP TABLE agg_dyad3;
DROP TABLE agg_dyad;
DROP TRIGGER mentions_fts_delete;
DROP TRIGGER mentions_fts_insert;
DROP TABLE mentions_fts;
DROP TABLE mentions;
DROP TABLE events;
DROP TABLE sentences;
DROP TABLE articles;
