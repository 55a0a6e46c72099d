// Package web serves dyad's dashboard: the page, script, style sheet and
// map outlines built from web/ui (see scripts/build-web) into web/dist and
// embedded in the binary, so that the dashboard needs nothing but the dyad
// server, and no outside network.
//
// Handler serves the assets at the root of whatever it is mounted on; the
// page calls the JSON API relative to itself (api/v1/…), so the API must be
// served beside it, as dyad serve does.
//
// Caching: the page (index.html) is revalidated on every load (no-cache
// with an ETag); the assets it names carry a hash of their content in
// their file names and are cached for a year as immutable. Text assets are
// gzip-compressed once, in memory, and sent compressed to clients that
// accept it.
package web
