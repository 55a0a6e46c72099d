-- The first schema: articles, sentences, events (one row per distinct
-- event), mentions (event ↔ article/sentence) with a full-text (GIN) index
-- over the mention sentences, and the aggregate tables kept current on save.
-- Text columns use the "C" collation so that actor and code prefix ranges
-- compare bytes. Times are microseconds since the Unix epoch (0 when unknown).

-- +goose Up
CREATE TABLE articles (
	id TEXT COLLATE "C" PRIMARY KEY,
	url TEXT COLLATE "C" NOT NULL DEFAULT '',
	canonical_url TEXT COLLATE "C" NOT NULL DEFAULT '',
	outlet TEXT COLLATE "C" NOT NULL DEFAULT '',
	title TEXT COLLATE "C" NOT NULL DEFAULT '',
	published BIGINT NOT NULL DEFAULT 0,
	published_precision TEXT COLLATE "C" NOT NULL DEFAULT '',
	authors TEXT COLLATE "C" NOT NULL DEFAULT '[]',
	language TEXT COLLATE "C" NOT NULL DEFAULT '',
	text TEXT COLLATE "C" NOT NULL DEFAULT '',
	fingerprint TEXT COLLATE "C" NOT NULL DEFAULT '',
	duplicate_of TEXT COLLATE "C" NOT NULL DEFAULT '',
	saved_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX articles_url ON articles (url) WHERE url <> '';
CREATE INDEX articles_fingerprint ON articles (fingerprint) WHERE fingerprint <> '';

CREATE TABLE sentences (
	article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	idx INTEGER NOT NULL,
	sent_id TEXT COLLATE "C" NOT NULL DEFAULT '',
	text TEXT COLLATE "C" NOT NULL,
	parse TEXT COLLATE "C" NOT NULL,
	PRIMARY KEY (article_id, idx)
);

CREATE TABLE events (
	id TEXT COLLATE "C" PRIMARY KEY,
	date TEXT COLLATE "C" NOT NULL,
	source TEXT COLLATE "C" NOT NULL,
	target TEXT COLLATE "C" NOT NULL,
	source3 TEXT COLLATE "C" NOT NULL, -- first three letters of source
	target3 TEXT COLLATE "C" NOT NULL,
	code TEXT COLLATE "C" NOT NULL,
	root TEXT COLLATE "C" NOT NULL,
	quad_class INTEGER NOT NULL,
	goldstein DOUBLE PRECISION NOT NULL,
	plover TEXT COLLATE "C" NOT NULL,
	modality TEXT COLLATE "C" NOT NULL,
	country TEXT COLLATE "C" NOT NULL,
	lat DOUBLE PRECISION,
	lon DOUBLE PRECISION,
	first_seen BIGINT NOT NULL,
	first_article TEXT COLLATE "C" NOT NULL,
	source_url TEXT COLLATE "C" NOT NULL,
	num_mentions INTEGER NOT NULL,
	num_sources INTEGER NOT NULL,
	num_articles INTEGER NOT NULL,
	body TEXT COLLATE "C" NOT NULL
);
CREATE INDEX events_date ON events (date, id);
-- Actor and dyad queries walk these in date order and stop at a page.
CREATE INDEX events_source3 ON events (source3, date, id);
CREATE INDEX events_target3 ON events (target3, date, id);
CREATE INDEX events_dyad3 ON events (source3, target3, date, id);
CREATE INDEX events_code ON events (code, date);
CREATE INDEX events_country ON events (country, date, id);

CREATE TABLE mentions (
	id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	event_id TEXT COLLATE "C" NOT NULL,
	outlet TEXT COLLATE "C" NOT NULL,
	sentence_index INTEGER NOT NULL,
	sentence_text TEXT COLLATE "C" NOT NULL,
	body TEXT COLLATE "C" NOT NULL,
	UNIQUE (article_id, seq)
);
CREATE INDEX mentions_event ON mentions (event_id);
CREATE INDEX mentions_outlet ON mentions (outlet, event_id);

CREATE INDEX mentions_fts ON mentions USING gin (to_tsvector('english', sentence_text));

CREATE TABLE agg_dyad (
	source TEXT COLLATE "C" NOT NULL,
	target TEXT COLLATE "C" NOT NULL,
	day TEXT COLLATE "C" NOT NULL,
	quad_class INTEGER NOT NULL,
	n INTEGER NOT NULL,
	goldstein DOUBLE PRECISION NOT NULL,
	PRIMARY KEY (source, target, day, quad_class)
);
CREATE INDEX agg_dyad_target ON agg_dyad (target, source, day);

-- agg_dyad3 is agg_dyad by first blocks (countries, mostly): series of
-- three-letter prefixes read it.
CREATE TABLE agg_dyad3 (
	source3 TEXT COLLATE "C" NOT NULL,
	target3 TEXT COLLATE "C" NOT NULL,
	day TEXT COLLATE "C" NOT NULL,
	quad_class INTEGER NOT NULL,
	n INTEGER NOT NULL,
	goldstein DOUBLE PRECISION NOT NULL,
	PRIMARY KEY (source3, target3, day, quad_class)
);
CREATE INDEX agg_dyad3_target ON agg_dyad3 (target3, source3, day, quad_class, n, goldstein);

CREATE TABLE agg_actor (
	actor TEXT COLLATE "C" NOT NULL,
	day TEXT COLLATE "C" NOT NULL,
	n INTEGER NOT NULL,
	PRIMARY KEY (actor, day)
);
CREATE INDEX agg_actor_day ON agg_actor (day, actor, n);

CREATE TABLE agg_code (
	code TEXT COLLATE "C" NOT NULL,
	day TEXT COLLATE "C" NOT NULL,
	n INTEGER NOT NULL,
	PRIMARY KEY (code, day)
);
CREATE INDEX agg_code_day ON agg_code (day, code, n);

CREATE TABLE agg_country (
	country TEXT COLLATE "C" NOT NULL,
	day TEXT COLLATE "C" NOT NULL,
	n INTEGER NOT NULL,
	PRIMARY KEY (country, day)
);
CREATE INDEX agg_country_day ON agg_country (day, country, n);

-- Monthly rollups of agg_actor, agg_code and agg_country: top lists over
-- long ranges read whole months here and only the edge days above.
CREATE TABLE agg_actor_month (
	actor TEXT COLLATE "C" NOT NULL,
	month TEXT COLLATE "C" NOT NULL,
	n INTEGER NOT NULL,
	PRIMARY KEY (month, actor)
);
CREATE TABLE agg_code_month (
	code TEXT COLLATE "C" NOT NULL,
	month TEXT COLLATE "C" NOT NULL,
	n INTEGER NOT NULL,
	PRIMARY KEY (month, code)
);
CREATE TABLE agg_country_month (
	country TEXT COLLATE "C" NOT NULL,
	month TEXT COLLATE "C" NOT NULL,
	n INTEGER NOT NULL,
	PRIMARY KEY (month, country)
);

-- +goose Down
DROP TABLE agg_country_month;
DROP TABLE agg_code_month;
DROP TABLE agg_actor_month;
DROP TABLE agg_country;
DROP TABLE agg_code;
DROP TABLE agg_actor;
DROP TABLE agg_dyad3;
DROP TABLE agg_dyad;
DROP TABLE mentions;
DROP TABLE events;
DROP TABLE sentences;
DROP TABLE articles;
