// Package extract turns an HTML page into a dyad.Article: the main story
// text with navigation, related-story lists, share widgets and comment
// sections removed, and the page's title, publication date (with
// precision), authors, outlet, canonical URL and language.
//
// Extraction is built on go-trafilatura (main content and metadata) and
// go-htmldate (publication date), with dyad's own charset handling,
// boilerplate rules and provenance detection around them: a note such as
// "Originally published on example.com" is reported as Result.SyndicatedFrom
// rather than left in the story text.
//
// Extraction is synchronous and safe for concurrent use; the caller adds
// concurrency. It never touches the network.
package extract
