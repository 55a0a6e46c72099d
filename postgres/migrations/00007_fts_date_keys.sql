-- Full-text matches in the order of their events' dates. Each mention
-- gets a key, the event's day (days since 1970-01-01) times 2^36 plus the
-- mention's ID (set by a trigger from the event, which is inserted before
-- its mentions), with a B-tree index, and its sentence's text-search
-- vector is stored (tsv) rather than computed again for every row tested.
-- A page of events sorted by date with a frequent word walks the keys
-- backwards and tests tsv on each mention until the page is full, in the
-- index alone (it includes tsv and the event: an index-only scan, where
-- reading each mention's row cost a page read per mention); a rare word
-- reads the GIN index and sorts its few matches. The planner picks by the
-- word's frequency (statistics of tsv).
--
-- A bulk load that is pending when this runs had dropped mentions_fts: it
-- is created here on tsv and the load's list forgets it.

-- +goose Up
ALTER TABLE mentions ADD COLUMN fts_key BIGINT,
	ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', sentence_text)) STORED;
UPDATE mentions m SET fts_key = (e.date::date - DATE '1970-01-01')::bigint * 68719476736 + m.id FROM events e WHERE e.id = m.event_id;
DROP INDEX IF EXISTS mentions_fts;
DELETE FROM bulk_pending WHERE name = 'mentions_fts';
CREATE INDEX mentions_fts ON mentions USING gin (tsv);
CREATE INDEX mentions_fts_key ON mentions (fts_key) INCLUDE (event_id, tsv);

-- +goose StatementBegin
CREATE FUNCTION mentions_fts_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	NEW.fts_key := (SELECT (date::date - DATE '1970-01-01')::bigint * 68719476736 + NEW.id FROM events WHERE id = NEW.event_id);
	RETURN NEW;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER mentions_fts_key BEFORE INSERT ON mentions FOR EACH ROW EXECUTE FUNCTION mentions_fts_key();
ANALYZE mentions;

-- +goose Down
DROP TRIGGER mentions_fts_key ON mentions;
DROP FUNCTION mentions_fts_key();
DROP INDEX IF EXISTS mentions_fts_key;
DROP INDEX IF EXISTS mentions_fts;
DELETE FROM bulk_pending WHERE name IN ('mentions_fts', 'mentions_fts_key');
ALTER TABLE mentions DROP COLUMN tsv, DROP COLUMN fts_key;
CREATE INDEX mentions_fts ON mentions USING gin (to_tsvector('english', sentence_text));
