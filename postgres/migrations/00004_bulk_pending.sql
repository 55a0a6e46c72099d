-- What a pending bulk load has dropped and must recreate: the indexes and
-- triggers of events and mentions (with the SQL that creates them), and a
-- row of kind 'aggregates' while the aggregate tables wait to be rebuilt
-- from the events. Empty except during a bulk load, or after one was
-- killed (the next Open completes it).

-- +goose Up
CREATE TABLE bulk_pending (
	name TEXT PRIMARY KEY,
	kind TEXT NOT NULL,
	sql TEXT NOT NULL
);

-- +goose Down
DROP TABLE bulk_pending;
