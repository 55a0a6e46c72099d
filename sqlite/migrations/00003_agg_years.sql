-- Yearly rollups of agg_actor, agg_code and agg_country, kept current on
-- save like the monthly ones: a top list over years (the dashboard's
-- first view over the whole store) reads a few rows per key here, and
-- only the months and days at the ends of its range from the tables
-- above. Filled from the monthly rollups of the stored events.

-- +goose Up
CREATE TABLE agg_actor_year (
	actor TEXT NOT NULL,
	year TEXT NOT NULL,
	n INTEGER NOT NULL,
	PRIMARY KEY (year, actor)
) WITHOUT ROWID;
CREATE TABLE agg_code_year (
	code TEXT NOT NULL,
	year TEXT NOT NULL,
	n INTEGER NOT NULL,
	PRIMARY KEY (year, code)
) WITHOUT ROWID;
CREATE TABLE agg_country_year (
	country TEXT NOT NULL,
	year TEXT NOT NULL,
	n INTEGER NOT NULL,
	PRIMARY KEY (year, country)
) WITHOUT ROWID;
INSERT INTO agg_actor_year (actor, year, n) SELECT actor, substr(month, 1, 4), SUM(n) FROM agg_actor_month GROUP BY 1, 2;
INSERT INTO agg_code_year (code, year, n) SELECT code, substr(month, 1, 4), SUM(n) FROM agg_code_month GROUP BY 1, 2;
INSERT INTO agg_country_year (country, year, n) SELECT country, substr(month, 1, 4), SUM(n) FROM agg_country_month GROUP BY 1, 2;

-- +goose Down
DROP TABLE agg_country_year;
DROP TABLE agg_code_year;
DROP TABLE agg_actor_year;
