-- Pages of events sorted by Goldstein value or by number of mentions walk
-- these in order and stop at a page, instead of sorting every event.

-- +goose Up
CREATE INDEX events_goldstein ON events (goldstein, id);
CREATE INDEX events_mentions ON events (num_mentions, id);

-- +goose Down
DROP INDEX events_mentions;
DROP INDEX events_goldstein;
