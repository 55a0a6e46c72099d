package acquire

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/extract"
	"github.com/mmcdole/gofeed"
	"golang.org/x/text/encoding/charmap"
)

// DefaultMaxFeedItems is how many items of one feed are kept by default.
const DefaultMaxFeedItems = 10000

// Feed is a parsed RSS, Atom or JSON feed.
type Feed struct {
	Title string
	Link  string // the site's home page
	Items []FeedItem
	// Dropped counts items beyond the item limit that were not kept.
	Dropped int
}

// FeedItem is one entry of a feed.
type FeedItem struct {
	// Key identifies the item for "seen" bookkeeping: its GUID, else
	// its link, else its title.
	Key       string
	URL       string
	Title     string
	Summary   string // description, often HTML
	Content   string // full content when the feed carries it, often HTML
	Published time.Time
	Authors   []string
}

// ParseFeed parses an RSS 0.9x/1.0/2.0, Atom or JSON feed and keeps at
// most maxItems items (DefaultMaxFeedItems if maxItems <= 0). Malformed
// feeds fail with EINVALID.
func ParseFeed(r io.Reader, maxItems int) (feed *Feed, err error) {
	if maxItems <= 0 {
		maxItems = DefaultMaxFeedItems
	}
	defer func() {
		// gofeed is well tested, but a parser panic on hostile input
		// must stay one bad feed, not a crashed ingest.
		if p := recover(); p != nil {
			feed, err = nil, dyad.Errorf(dyad.EINVALID, "parse feed: parser panic: %v", p)
		}
	}()
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read feed: %w", err)
	}
	raw = feedUTF8(raw)
	raw, dropped := truncateFeed(raw, maxItems)
	gf, err := gofeed.NewParser().Parse(bytes.NewReader(raw))
	if err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "parse feed: %v", err)
	}
	feed = &Feed{Title: strings.TrimSpace(gf.Title), Link: gf.Link, Dropped: dropped}
	for _, it := range gf.Items {
		if it == nil {
			continue
		}
		if len(feed.Items) >= maxItems {
			feed.Dropped++
			continue
		}
		fi := FeedItem{
			URL:     strings.TrimSpace(it.Link),
			Title:   strings.TrimSpace(it.Title),
			Summary: it.Description,
			Content: it.Content,
		}
		switch {
		case it.PublishedParsed != nil:
			fi.Published = it.PublishedParsed.UTC()
		case it.UpdatedParsed != nil:
			fi.Published = it.UpdatedParsed.UTC()
		}
		for _, p := range it.Authors {
			if p != nil && strings.TrimSpace(p.Name) != "" {
				fi.Authors = append(fi.Authors, strings.TrimSpace(p.Name))
			}
		}
		fi.Key = strings.TrimSpace(it.GUID)
		if fi.Key == "" {
			fi.Key = fi.URL
		}
		if fi.Key == "" {
			fi.Key = fi.Title
		}
		if fi.Key == "" {
			continue
		}
		feed.Items = append(feed.Items, fi)
	}
	return feed, nil
}

// rxXMLEncoding finds the encoding in an XML declaration.
var rxXMLEncoding = regexp.MustCompile(`^\s*<\?xml[^>]*encoding=["']([^"']+)["']`)

// feedUTF8 repairs a feed that declares UTF-8, or no encoding, but is not
// valid UTF-8 (a common fault): as extract.ToUTF8 does for pages, text
// with no valid multi-byte sequence is read as Windows-1252, and other
// bad bytes become U+FFFD. Feeds that declare another encoding are left
// for the XML decoder, which converts them.
func feedUTF8(raw []byte) []byte {
	if utf8.Valid(raw) {
		return raw
	}
	head := raw[:min(len(raw), 200)]
	if m := rxXMLEncoding.FindSubmatch(head); m != nil && !strings.EqualFold(string(m[1]), "utf-8") {
		return raw
	}
	text, _ := extract.ToUTF8(raw, "text/xml; charset=utf-8")
	if !hasMultibyte(raw) {
		if dec, err := charmap.Windows1252.NewDecoder().Bytes(raw); err == nil {
			text = string(dec)
		}
	}
	return []byte(text)
}

// hasMultibyte reports whether raw holds a valid multi-byte UTF-8
// sequence.
func hasMultibyte(raw []byte) bool {
	for i := 0; i < len(raw); {
		if raw[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(raw[i:])
		if r != utf8.RuneError || n > 1 {
			return true
		}
		i += n
	}
	return false
}

// truncateFeed cuts an XML feed with more than maxItems items after the
// last item kept and closes the document, so that a feed of 100,000 items
// is not parsed in full only to be cut. It returns the feed and the
// number of items cut. JSON feeds and feeds it does not recognise are
// returned whole.
func truncateFeed(raw []byte, maxItems int) ([]byte, int) {
	var closeTag, end []byte
	head := bytes.ToLower(raw[:min(len(raw), 4096)])
	switch {
	case bytes.Contains(head, []byte("<rdf:rdf")):
		closeTag, end = []byte("</item>"), []byte("</rdf:RDF>")
	case bytes.Contains(head, []byte("<rss")):
		closeTag, end = []byte("</item>"), []byte("</channel></rss>")
	case bytes.Contains(head, []byte("<feed")):
		closeTag, end = []byte("</entry>"), []byte("</feed>")
	default:
		return raw, 0
	}
	total := bytes.Count(raw, closeTag)
	if total <= maxItems {
		return raw, 0
	}
	cut, rest := 0, raw
	for range maxItems {
		i := bytes.Index(rest, closeTag)
		cut += i + len(closeTag)
		rest = rest[i+len(closeTag):]
	}
	out := make([]byte, 0, cut+len(end))
	out = append(out, raw[:cut]...)
	return append(out, end...), total - maxItems
}

// looksLikeFeed reports whether a fetched document is a feed rather than
// a web page, from its content type and first bytes.
func looksLikeFeed(contentType string, body []byte) bool {
	ct := strings.ToLower(contentType)
	if strings.Contains(ct, "rss") || strings.Contains(ct, "atom") || strings.Contains(ct, "feed+json") {
		return true
	}
	head := body
	if len(head) > 1024 {
		head = head[:1024]
	}
	head = bytes.ToLower(bytes.TrimSpace(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))))
	if bytes.Contains(head, []byte("<html")) {
		return false
	}
	switch {
	case bytes.Contains(head, []byte("<rss")), bytes.Contains(head, []byte("<feed")), bytes.Contains(head, []byte("<rdf:rdf")):
		return true
	case bytes.HasPrefix(head, []byte("{")) && bytes.Contains(head, []byte("jsonfeed.org")):
		return true
	}
	return false
}

// FeedState remembers, per feed URL, the HTTP validators of the last
// response and the keys of the items already seen, so that polling a feed
// again (even after a restart) fetches conditionally and yields only new
// items. A store implements it; MemFeedState is an in-memory one.
type FeedState interface {
	// FeedValidators returns the validators saved for feedURL, or zero
	// Validators when none are.
	FeedValidators(ctx context.Context, feedURL string) (Validators, error)
	// Unseen returns the keys among keys that were not marked seen for
	// feedURL, in their order.
	Unseen(ctx context.Context, feedURL string, keys []string) ([]string, error)
	// Commit saves the validators of feedURL and marks keys seen, in one
	// step, so that a crash between the two cannot lose items.
	Commit(ctx context.Context, feedURL string, v Validators, keys []string) error
}

// MemFeedState is a FeedState in memory. The zero value is ready to use;
// it is safe for concurrent use.
type MemFeedState struct {
	mu    sync.Mutex
	feeds map[string]*memFeed
}

type memFeed struct {
	v    Validators
	seen map[string]bool
}

var _ FeedState = (*MemFeedState)(nil)

func (m *MemFeedState) feed(url string) *memFeed {
	if m.feeds == nil {
		m.feeds = make(map[string]*memFeed)
	}
	f, ok := m.feeds[url]
	if !ok {
		f = &memFeed{seen: make(map[string]bool)}
		m.feeds[url] = f
	}
	return f
}

// FeedValidators implements FeedState.
func (m *MemFeedState) FeedValidators(_ context.Context, feedURL string) (Validators, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.feed(feedURL).v, nil
}

// Unseen implements FeedState.
func (m *MemFeedState) Unseen(_ context.Context, feedURL string, keys []string) ([]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	f := m.feed(feedURL)
	var out []string
	for _, k := range keys {
		if !f.seen[k] {
			out = append(out, k)
		}
	}
	return out, nil
}

// Commit implements FeedState.
func (m *MemFeedState) Commit(_ context.Context, feedURL string, v Validators, keys []string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	f := m.feed(feedURL)
	f.v = v
	for _, k := range keys {
		f.seen[k] = true
	}
	return nil
}

// FeedReader polls feeds: it fetches each conditionally with the
// validators in its FeedState and returns only unseen items. It backs off
// a failing feed without affecting others. It is safe for concurrent use.
type FeedReader struct {
	fetcher  *Fetcher
	state    FeedState
	maxItems int
	now      func() time.Time

	mu       sync.Mutex
	failures map[string]feedFailure
}

type feedFailure struct {
	count int
	until time.Time
}

// ErrBackingOff is returned by Poll for a feed that failed recently and is
// not due again yet.
var ErrBackingOff = errors.New("feed is backing off after errors")

// NewFeedReader returns a FeedReader that fetches with f and remembers
// feeds in state, keeping at most maxItems items per poll
// (DefaultMaxFeedItems if maxItems <= 0).
func NewFeedReader(f *Fetcher, state FeedState, maxItems int) *FeedReader {
	return &FeedReader{fetcher: f, state: state, maxItems: maxItems, now: time.Now, failures: make(map[string]feedFailure)}
}

// FeedUpdate is the result of one poll of a feed.
type FeedUpdate struct {
	FeedURL string
	// Feed is the parsed feed; nil when NotModified.
	Feed *Feed
	// New holds the items not seen before, in feed order.
	New []FeedItem
	// NotModified is set when the server answered 304.
	NotModified bool

	validators Validators
}

// Poll fetches feedURL and returns its unseen items. It does not mark
// them seen: call Commit once they are safely processed. A feed that
// failed is skipped with ErrBackingOff for an interval that doubles with
// each consecutive failure (1 minute up to 6 hours).
func (fr *FeedReader) Poll(ctx context.Context, feedURL string) (*FeedUpdate, error) {
	fr.mu.Lock()
	fail := fr.failures[feedURL]
	fr.mu.Unlock()
	if fr.now().Before(fail.until) {
		return nil, fmt.Errorf("poll %s: %w (%d failures, next try %s)", feedURL, ErrBackingOff, fail.count, fail.until.Format(time.RFC3339))
	}
	up, err := fr.poll(ctx, feedURL)
	if err != nil && ctx.Err() == nil {
		fr.mu.Lock()
		f := fr.failures[feedURL]
		f.count++
		f.until = fr.now().Add(min(time.Minute<<min(f.count-1, 9), 6*time.Hour))
		fr.failures[feedURL] = f
		fr.mu.Unlock()
		return nil, err
	}
	if err == nil {
		fr.mu.Lock()
		delete(fr.failures, feedURL)
		fr.mu.Unlock()
	}
	return up, err
}

func (fr *FeedReader) poll(ctx context.Context, feedURL string) (*FeedUpdate, error) {
	v, err := fr.state.FeedValidators(ctx, feedURL)
	if err != nil {
		return nil, fmt.Errorf("poll %s: load state: %w", feedURL, err)
	}
	resp, err := fr.fetcher.FetchConditional(ctx, feedURL, v)
	if err != nil {
		return nil, fmt.Errorf("poll feed: %w", err)
	}
	up := &FeedUpdate{FeedURL: feedURL, validators: resp.Validators}
	if resp.NotModified {
		up.NotModified = true
		up.validators = v
		return up, nil
	}
	feed, err := ParseFeed(bytes.NewReader(resp.Body), fr.maxItems)
	if err != nil {
		return nil, fmt.Errorf("poll %s: %w", feedURL, err)
	}
	up.Feed = feed
	keys := make([]string, len(feed.Items))
	for i, it := range feed.Items {
		keys[i] = it.Key
	}
	unseen, err := fr.state.Unseen(ctx, feedURL, keys)
	if err != nil {
		return nil, fmt.Errorf("poll %s: load state: %w", feedURL, err)
	}
	want := make(map[string]bool, len(unseen))
	for _, k := range unseen {
		want[k] = true
	}
	for _, it := range feed.Items {
		if want[it.Key] {
			up.New = append(up.New, it)
			delete(want, it.Key) // a key repeated within one feed counts once
		}
	}
	return up, nil
}

// Commit records a processed update: the feed's validators are saved and
// the keys of all its new items marked seen.
func (fr *FeedReader) Commit(ctx context.Context, up *FeedUpdate) error {
	keys := make([]string, len(up.New))
	for i, it := range up.New {
		keys[i] = it.Key
	}
	if err := fr.state.Commit(ctx, up.FeedURL, up.validators, keys); err != nil {
		return fmt.Errorf("commit feed %s: %w", up.FeedURL, err)
	}
	return nil
}
