-- The full-text index lists matches in the order of their events' dates:
-- its rowid is a key, the event's day (days since 1970-01-01) times 2^36
-- plus the mention's ID, instead of the mention's ID. A page of events
-- sorted by date then reads the matches of its days only (FTS5 walks
-- rowids in order and seeks to a range of them) where it used to collect
-- and sort every mention that matched. The table is contentless: the
-- triggers give it the text, and the key from the event's date (events
-- are inserted before their mentions and deleted after them).
--
-- Rows are added in rowid order: FTS5 writes its pending terms out as a
-- new segment whenever a rowid is lower than the one before.
--
-- A bulk load that is pending when this runs had dropped the old
-- triggers: the new ones are created here and its list forgets them; its
-- end rebuilds the index from scratch (sqlite.afterBulk).

-- +goose Up
DROP TRIGGER IF EXISTS mentions_fts_insert;
DROP TRIGGER IF EXISTS mentions_fts_delete;
DELETE FROM bulk_pending WHERE name IN ('mentions_fts_insert', 'mentions_fts_delete');
DROP TABLE mentions_fts;
CREATE VIRTUAL TABLE mentions_fts USING fts5 (sentence_text, content = '', detail = none, columnsize = 0);
INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('automerge', 16);
INSERT INTO mentions_fts (rowid, sentence_text)
SELECT (unixepoch(e.date) / 86400) * 68719476736 + m.id, m.sentence_text FROM mentions m JOIN events e ON e.id = m.event_id ORDER BY 1;

-- +goose StatementBegin
CREATE TRIGGER mentions_fts_insert AFTER INSERT ON mentions BEGIN
	INSERT INTO mentions_fts (rowid, sentence_text)
	SELECT (unixepoch(date) / 86400) * 68719476736 + new.id, new.sentence_text FROM events WHERE id = new.event_id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER mentions_fts_delete AFTER DELETE ON mentions BEGIN
	INSERT INTO mentions_fts (mentions_fts, rowid, sentence_text)
	SELECT 'delete', (unixepoch(date) / 86400) * 68719476736 + old.id, old.sentence_text FROM events WHERE id = old.event_id;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER mentions_fts_delete;
DROP TRIGGER mentions_fts_insert;
DELETE FROM bulk_pending WHERE name IN ('mentions_fts_insert', 'mentions_fts_delete');
DROP TABLE mentions_fts;
CREATE VIRTUAL TABLE mentions_fts USING fts5 (sentence_text, content = 'mentions', content_rowid = 'id', detail = none, columnsize = 0);
INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('automerge', 16);
INSERT INTO mentions_fts (mentions_fts) VALUES ('rebuild');

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
