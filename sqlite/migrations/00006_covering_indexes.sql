-- Pages filtered by country and event code, or by actor and quad class,
-- walk these indexes in date order and test the code or the quad class in
-- the index entry itself, without reading each event's row: on a store of
-- millions of events, those reads were most of a page's time.

-- +goose Up
DROP INDEX events_country;
CREATE INDEX events_country ON events (country, date, id, code);
DROP INDEX events_source3;
CREATE INDEX events_source3 ON events (source3, date, id, quad_class);
DROP INDEX events_target3;
CREATE INDEX events_target3 ON events (target3, date, id, quad_class);

-- +goose Down
DROP INDEX events_target3;
CREATE INDEX events_target3 ON events (target3, date, id);
DROP INDEX events_source3;
CREATE INDEX events_source3 ON events (source3, date, id);
DROP INDEX events_country;
CREATE INDEX events_country ON events (country, date, id);
