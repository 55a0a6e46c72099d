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

// FeedState remembers polled feeds between polls, and between runs: each
// feed's status (HTTP validators for a conditional GET, the last poll,
// failures and back-off) and the keys of the items already seen, so that
// polling a feed again fetches conditionally and yields only new items.
// The sqlite and postgres stores implement it; MemFeedState is an
// in-memory one.
type FeedState interface {
	// FeedStatus returns the saved status of feedURL, or a status with
	// only URL set when there is none.
	FeedStatus(ctx context.Context, feedURL string) (dyad.FeedStatus, error)
	// SaveFeedStatus replaces the saved status of st.URL.
	SaveFeedStatus(ctx context.Context, st dyad.FeedStatus) error
	// UnseenFeedItems returns the keys among keys that were not marked
	// seen for feedURL, in their order.
	UnseenFeedItems(ctx context.Context, feedURL string, keys []string) ([]string, error)
	// MarkFeedItemsSeen marks keys seen for feedURL.
	MarkFeedItemsSeen(ctx context.Context, feedURL string, keys []string) error
}

// MemFeedState is a FeedState in memory. The zero value is ready to use;
// it is safe for concurrent use.
type MemFeedState struct {
	mu     sync.Mutex
	status map[string]dyad.FeedStatus
	seen   map[string]map[string]bool
}

var _ FeedState = (*MemFeedState)(nil)

// FeedStatus implements FeedState.
func (m *MemFeedState) FeedStatus(_ context.Context, feedURL string) (dyad.FeedStatus, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	st, ok := m.status[feedURL]
	if !ok {
		st.URL = feedURL
	}
	return st, nil
}

// SaveFeedStatus implements FeedState.
func (m *MemFeedState) SaveFeedStatus(_ context.Context, st dyad.FeedStatus) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.status == nil {
		m.status = make(map[string]dyad.FeedStatus)
	}
	m.status[st.URL] = st
	return nil
}

// UnseenFeedItems implements FeedState.
func (m *MemFeedState) UnseenFeedItems(_ context.Context, feedURL string, keys []string) ([]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []string
	for _, k := range keys {
		if !m.seen[feedURL][k] {
			out = append(out, k)
		}
	}
	return out, nil
}

// MarkFeedItemsSeen implements FeedState.
func (m *MemFeedState) MarkFeedItemsSeen(_ context.Context, feedURL string, keys []string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.seen == nil {
		m.seen = make(map[string]map[string]bool)
	}
	if m.seen[feedURL] == nil {
		m.seen[feedURL] = make(map[string]bool)
	}
	for _, k := range keys {
		m.seen[feedURL][k] = true
	}
	return nil
}

// Back-off of a failing feed: the first failure waits MinFeedBackoff, and
// each further one in a row doubles the wait, up to MaxFeedBackoff.
const (
	MinFeedBackoff = time.Minute
	MaxFeedBackoff = 6 * time.Hour
)

// FeedBackoff returns how long a feed that failed failures times in a row
// waits before its next poll.
func FeedBackoff(failures int) time.Duration {
	if failures <= 0 {
		return 0
	}
	return min(MinFeedBackoff<<min(failures-1, 16), MaxFeedBackoff)
}

// FeedReader polls feeds: it fetches each conditionally with the
// validators in its FeedState and returns only unseen items. A failing
// feed is backed off (see FeedBackoff), recorded in the state, without
// affecting others. It is safe for concurrent use.
type FeedReader struct {
	fetcher  *Fetcher
	state    FeedState
	maxItems int
	// Now returns the current time; time.Now by default.
	Now func() time.Time
}

// ErrBackingOff is returned by Poll for a feed that failed recently and is
// not due again yet.
var ErrBackingOff = errors.New("feed is backing off after errors")

// StateError is a failure of the FeedState (the store), which polling
// other feeds cannot avoid: callers stop on it, where a feed's own
// failure is reported and the other feeds go on.
type StateError struct {
	Err error
}

// Error implements the error interface.
func (e *StateError) Error() string { return "feed state: " + e.Err.Error() }

// Unwrap returns the cause.
func (e *StateError) Unwrap() error { return e.Err }

// NewFeedReader returns a FeedReader that fetches with f and remembers
// feeds in state, keeping at most maxItems items per poll
// (DefaultMaxFeedItems if maxItems <= 0).
func NewFeedReader(f *Fetcher, state FeedState, maxItems int) *FeedReader {
	return &FeedReader{fetcher: f, state: state, maxItems: maxItems, Now: time.Now}
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

	status dyad.FeedStatus // to save on Commit
}

// Status returns the saved status of feedURL.
func (fr *FeedReader) Status(ctx context.Context, feedURL string) (dyad.FeedStatus, error) {
	st, err := fr.state.FeedStatus(ctx, feedURL)
	if err != nil {
		return st, &StateError{Err: fmt.Errorf("load %s: %w", feedURL, err)}
	}
	return st, nil
}

// Poll fetches feedURL and returns its unseen items. It does not mark
// them seen: call MarkSeen as each is processed and Commit once all are,
// which also saves the feed's new validators (saving them first would
// lose the items a crash left unprocessed: the next poll would be
// answered 304). A feed still backing off from earlier failures is not
// fetched: Poll returns ErrBackingOff. A failed fetch or parse is saved
// in the state with the feed's next back-off and returned; a failure of
// the state itself is a *StateError.
func (fr *FeedReader) Poll(ctx context.Context, feedURL string) (*FeedUpdate, error) {
	st, err := fr.Status(ctx, feedURL)
	if err != nil {
		return nil, err
	}
	now := fr.Now()
	if now.Before(st.BackoffUntil) {
		return nil, fmt.Errorf("poll %s: %w (%d failures, next try %s)", feedURL, ErrBackingOff, st.Failures, st.BackoffUntil.UTC().Format(time.RFC3339))
	}
	up, err := fr.poll(ctx, st)
	var se *StateError
	if err == nil || ctx.Err() != nil || errors.As(err, &se) {
		return up, err
	}
	st.LastPolled = now
	st.LastError = err.Error()
	st.Failures++
	st.BackoffUntil = now.Add(FeedBackoff(st.Failures))
	if serr := fr.state.SaveFeedStatus(ctx, st); serr != nil {
		return nil, &StateError{Err: fmt.Errorf("save %s: %w", feedURL, serr)}
	}
	return nil, err
}

func (fr *FeedReader) poll(ctx context.Context, st dyad.FeedStatus) (*FeedUpdate, error) {
	feedURL := st.URL
	resp, err := fr.fetcher.FetchConditional(ctx, feedURL, Validators{ETag: st.ETag, LastModified: st.LastModified})
	if err != nil {
		return nil, fmt.Errorf("poll feed: %w", err)
	}
	ok := dyad.FeedStatus{URL: feedURL, ETag: resp.Validators.ETag, LastModified: resp.Validators.LastModified, LastPolled: fr.Now()}
	up := &FeedUpdate{FeedURL: feedURL, status: ok}
	if resp.NotModified {
		up.NotModified = true
		up.status.ETag, up.status.LastModified = st.ETag, st.LastModified
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
	unseen, err := fr.state.UnseenFeedItems(ctx, feedURL, keys)
	if err != nil {
		return nil, &StateError{Err: fmt.Errorf("seen items of %s: %w", feedURL, err)}
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

// MarkSeen marks items of a polled feed seen, so that later polls, even
// after a restart, do not yield them again.
func (fr *FeedReader) MarkSeen(ctx context.Context, up *FeedUpdate, keys ...string) error {
	if err := fr.state.MarkFeedItemsSeen(ctx, up.FeedURL, keys); err != nil {
		return &StateError{Err: fmt.Errorf("mark items of %s seen: %w", up.FeedURL, err)}
	}
	return nil
}

// Commit records a processed update: all its new items are marked seen,
// then the feed's validators are saved and its failures cleared.
func (fr *FeedReader) Commit(ctx context.Context, up *FeedUpdate) error {
	keys := make([]string, len(up.New))
	for i, it := range up.New {
		keys[i] = it.Key
	}
	if err := fr.MarkSeen(ctx, up, keys...); err != nil {
		return err
	}
	if err := fr.state.SaveFeedStatus(ctx, up.status); err != nil {
		return &StateError{Err: fmt.Errorf("save %s: %w", up.FeedURL, err)}
	}
	return nil
}
