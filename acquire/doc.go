// Package acquire brings news into dyad: it fetches pages and feeds over
// HTTP safely and politely, and expands command-line inputs (files,
// folders, .txt lists, .jsonl records, URLs, feeds, stdin) into a stream
// of items, each an extracted dyad.Article or a per-item error.
//
// A Fetcher enforces, for every request: an SSRF guard that refuses
// loopback, private, link-local and cloud-metadata addresses after DNS
// resolution and on every redirect (Options.AllowPrivate lifts it, for
// tests and intranets); robots.txt; per-host concurrency and delay;
// timeouts; retries with exponential backoff; a redirect limit; a cap on
// the decompressed response size (which also defuses gzip bombs); and
// charset conversion to UTF-8. Failures are *FetchError values: they
// unwrap to sentinels (ErrTooLarge, ErrRobots, …) and carry a dyad error
// code for dyad.ErrorCode.
//
// Feeds (RSS 0.9x/1.0/2.0, Atom, JSON Feed) are read with gofeed. A
// FeedReader fetches them with conditional GET and keeps seen items,
// validators, failures and back-off in a FeedState, which the stores
// implement (MemFeedState is an in-memory one for tests and one-shot
// runs); a Poller polls a list of feeds at an interval on top of it.
//
// Subpackage dedup recognises the same story arriving twice: by
// normalised URL, by content hash, and as a near-duplicate by SimHash.
//
// The package never prints; callers observe progress through the items
// they receive.
package acquire
