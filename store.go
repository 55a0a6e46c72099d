package dyad

import (
	"context"
	"time"
)

// Store keeps articles, their parsed sentences and the events coded from
// them, and answers the questions analysts ask of them. The sqlite and
// postgres packages implement it; internal/storetest is the conformance
// suite both pass.
//
// Events are stored once per distinct Event.ID: the same event reported by
// many articles is one event with many mentions (GDELT's events/mentions
// split). The event's fields are those of its first mention.
type Store interface {
	EventWriter
	EventReader
}

// EventWriter saves coded articles. It is what ingestion needs.
type EventWriter interface {
	// SaveArticle stores an article with its sentences and the events coded
	// from it, in one transaction: either all of it is committed or none.
	// Saving an article again (same Article.ID) replaces its fields, its
	// sentences and its mentions, so re-ingesting is idempotent and
	// re-coding with new dictionaries replaces the old mentions; events left
	// with no mention are deleted. Each event's ArticleID is set to the
	// article's ID.
	//
	// It returns EINVALID for an article without an ID, or an event without
	// an ID or with a date not in YYYY-MM-DD form, and ECONFLICT when
	// another article already has the same URL.
	SaveArticle(ctx context.Context, a *Article, sentences []Sentence, events []Event) (SaveResult, error)
}

// EventReader queries stored events. It is what the API, the CLI and the
// exporters need.
type EventReader interface {
	// Article returns a stored article, or ENOTFOUND.
	Article(ctx context.Context, id string) (*Article, error)

	// Events returns one page of the events matching f, in f.Sort order,
	// and the cursor of the next page. It returns EINVALID for a bad
	// filter (see EventFilter.Validate), a bad cursor or a limit above
	// MaxPageSize, and EINVALID too when the query runs longer than the
	// store's query timeout.
	Events(ctx context.Context, f EventFilter) (EventPage, error)

	// EachEvent calls fn for every event matching f in f.Sort order,
	// ignoring f.Limit and f.Cursor, streaming without holding the result
	// in memory. It stops at the first error fn returns and returns it.
	// It has no query timeout: callers bound it with ctx.
	EachEvent(ctx context.Context, f EventFilter, fn func(*StoredEvent) error) error

	// Event returns one event with all its mentions, or ENOTFOUND.
	Event(ctx context.Context, id string) (*EventDetail, error)

	// Series returns event counts per period for an actor or a dyad, from
	// pre-aggregated tables. It returns EINVALID for a bad filter.
	Series(ctx context.Context, f SeriesFilter) ([]SeriesPoint, error)

	// TopActors returns the actor codes in the most events (as source or
	// target), most first. It returns EINVALID for a bad filter.
	TopActors(ctx context.Context, f TopFilter) ([]Count, error)

	// TopCodes returns the CAMEO event codes of the most events, most
	// first. It returns EINVALID for a bad filter.
	TopCodes(ctx context.Context, f TopFilter) ([]Count, error)

	// Countries returns the number of events per country of location (ISO
	// code as the geocoder gave it), most first. Events without a location
	// are not counted. It returns EINVALID for a bad filter.
	Countries(ctx context.Context, f TopFilter) ([]Count, error)
}

// Page sizes of Store.Events.
const (
	DefaultPageSize = 100
	MaxPageSize     = 1000
)

// SaveResult says what SaveArticle changed.
type SaveResult struct {
	// Events is the number of events given; NewEvents of them were not
	// stored before.
	Events    int `json:"events"`
	NewEvents int `json:"new_events"`
	// Mentions is the number of mentions written and Replaced the number of
	// earlier mentions of the article that were removed first.
	Mentions int `json:"mentions"`
	Replaced int `json:"replaced"`
	// Deleted is the number of events removed because their last mention
	// was replaced.
	Deleted int `json:"deleted"`
}

// StoredEvent is an event as stored: the event of its first mention (its
// JSON is the JSONL contract's) plus what the store learned across
// mentions.
type StoredEvent struct {
	Event
	// FirstSeen is when the event was first stored.
	FirstSeen time.Time `json:"first_seen"`
	// SourceURL is the URL of the first article that reported the event.
	SourceURL   string `json:"source_url,omitempty"`
	NumMentions int    `json:"num_mentions"`
	NumSources  int    `json:"num_sources"` // distinct outlets
	NumArticles int    `json:"num_articles"`
}

// Mention is one report of an event: an article and a sentence, with what
// the coder matched there.
type Mention struct {
	ArticleID string    `json:"article_id"`
	Outlet    string    `json:"outlet"`
	URL       string    `json:"url"`
	Title     string    `json:"title"`
	Published time.Time `json:"published"`
	// Sentence is the sentence the event was coded from.
	Sentence SentenceRef `json:"sentence"`
	// Source and Target carry the words (and word spans) that named the
	// actors in this sentence.
	Source      Actor        `json:"source"`
	Target      Actor        `json:"target"`
	Evidence    Evidence     `json:"evidence"`
	Modality    Modality     `json:"modality"`
	Attribution *Attribution `json:"attribution"`
}

// EventDetail is an event with every mention, oldest first.
type EventDetail struct {
	StoredEvent
	Mentions []Mention `json:"mentions"`
}

// EventPage is one page of events and the cursor of the next page, empty on
// the last page.
type EventPage struct {
	Events []StoredEvent `json:"events"`
	Next   string        `json:"next"`
}

// BBox is a bounding box in degrees.
type BBox struct {
	MinLon, MinLat, MaxLon, MaxLat float64
}

// Sort orders of EventFilter.Sort; a leading "-" means descending.
const (
	SortDate          = "date"
	SortDateDesc      = "-date"
	SortGoldstein     = "goldstein"
	SortGoldsteinDesc = "-goldstein"
	SortMentions      = "mentions"
	SortMentionsDesc  = "-mentions"
)

// EventFilter selects events. Zero fields do not filter. Actor codes are
// prefixes: "PAK" matches PAK, PAKGOV and PAKGOVMIL.
type EventFilter struct {
	From, To string // inclusive event dates, YYYY-MM-DD
	Source   string // source actor code prefix
	Target   string // target actor code prefix
	Actor    string // source or target actor code prefix
	// Dyad is two actor code prefixes, in either direction.
	Dyad      [2]string
	Code      string // CAMEO event code prefix: "19" for all of root 19
	Root      string // CAMEO root code, exactly
	QuadClass int    // 1–4
	PLOVER    string // PLOVER event type, e.g. "ASSAULT"
	Modality  Modality
	Country   string // country of the location
	BBox      *BBox  // events located inside the box
	Outlet    string // events with a mention from this outlet
	// Query is a full-text query over the evidence sentences: all its words
	// must appear.
	Query string
	// Sort is one of the Sort constants; "" means SortDateDesc.
	Sort string
	// Cursor is the Next of the previous page.
	Cursor string
	// Limit is the page size, DefaultPageSize when zero, at most
	// MaxPageSize.
	Limit int
}

// Validate returns an EINVALID *Error describing the first bad field of f.
func (f *EventFilter) Validate() error {
	for _, d := range [...]struct{ name, v string }{{"from", f.From}, {"to", f.To}} {
		if d.v != "" && !ValidDate(d.v) {
			return Errorf(EINVALID, "bad %s date %q: want YYYY-MM-DD", d.name, d.v)
		}
	}
	if f.From != "" && f.To != "" && f.From > f.To {
		return Errorf(EINVALID, "from date %s is after to date %s", f.From, f.To)
	}
	for _, a := range [...]struct{ name, v string }{{"source", f.Source}, {"target", f.Target}, {"actor", f.Actor}, {"dyad", f.Dyad[0]}, {"dyad", f.Dyad[1]}} {
		if a.v != "" && !validActorPrefix(a.v) {
			return Errorf(EINVALID, "bad %s actor code %q: want upper-case letters, such as PAK or PAKGOV", a.name, a.v)
		}
	}
	if (f.Dyad[0] == "") != (f.Dyad[1] == "") {
		return Errorf(EINVALID, "bad dyad: want two actor codes, such as PAK,AFG")
	}
	if f.Code != "" && !allDigits(f.Code, 2, 4) {
		return Errorf(EINVALID, "bad CAMEO code %q: want 2 to 4 digits", f.Code)
	}
	if f.Root != "" && !allDigits(f.Root, 2, 2) {
		return Errorf(EINVALID, "bad CAMEO root %q: want 2 digits", f.Root)
	}
	if f.QuadClass < 0 || f.QuadClass > 4 {
		return Errorf(EINVALID, "bad quad class %d: want 1 to 4", f.QuadClass)
	}
	switch f.Modality {
	case "", Asserted, Negated, Future, Hypothetical, Reported:
	default:
		return Errorf(EINVALID, "bad modality %q: want asserted, negated, future, hypothetical or reported", f.Modality)
	}
	if b := f.BBox; b != nil {
		if b.MinLat < -90 || b.MaxLat > 90 || b.MinLon < -180 || b.MaxLon > 180 || b.MinLat > b.MaxLat || b.MinLon > b.MaxLon {
			return Errorf(EINVALID, "bad bounding box: want min_lon,min_lat,max_lon,max_lat within ±180,±90")
		}
	}
	switch f.Sort {
	case "", SortDate, SortDateDesc, SortGoldstein, SortGoldsteinDesc, SortMentions, SortMentionsDesc:
	default:
		return Errorf(EINVALID, "bad sort %q: want date, goldstein or mentions, with - for descending", f.Sort)
	}
	if f.Limit < 0 || f.Limit > MaxPageSize {
		return Errorf(EINVALID, "bad limit %d: want 1 to %d", f.Limit, MaxPageSize)
	}
	return nil
}

// Periods of SeriesFilter.By.
const (
	ByDay   = "day"
	ByWeek  = "week" // weeks start on Monday
	ByMonth = "month"
)

// SeriesFilter selects a time series: of events involving Actor (as source
// or target), or of events between the two prefixes of Dyad in either
// direction; exactly one of them is set.
type SeriesFilter struct {
	Actor    string
	Dyad     [2]string
	By       string // ByDay, ByWeek or ByMonth; "" means ByMonth
	From, To string // inclusive, YYYY-MM-DD
}

// Validate returns an EINVALID *Error describing the first bad field of f.
func (f *SeriesFilter) Validate() error {
	hasDyad := f.Dyad[0] != "" || f.Dyad[1] != ""
	switch {
	case f.Actor == "" && !hasDyad:
		return Errorf(EINVALID, "series needs an actor or a dyad")
	case f.Actor != "" && hasDyad:
		return Errorf(EINVALID, "series takes an actor or a dyad, not both")
	}
	ef := EventFilter{From: f.From, To: f.To, Actor: f.Actor, Dyad: f.Dyad}
	if err := ef.Validate(); err != nil {
		return err
	}
	switch f.By {
	case "", ByDay, ByWeek, ByMonth:
	default:
		return Errorf(EINVALID, "bad period %q: want day, week or month", f.By)
	}
	return nil
}

// SeriesPoint is the events of one period.
type SeriesPoint struct {
	Period string `json:"period"` // its first day, YYYY-MM-DD
	Count  int    `json:"count"`
	// Quad counts the events of each quad class: Quad[0] is class 1
	// (verbal cooperation) … Quad[3] class 4 (material conflict).
	Quad [4]int `json:"quad"`
	// Goldstein is the mean Goldstein value of the events.
	Goldstein float64 `json:"goldstein"`
}

// TopFilter selects the events counted by TopActors, TopCodes and
// Countries.
type TopFilter struct {
	From, To string // inclusive, YYYY-MM-DD
	// Prefix keeps only keys that start with it (actor codes, event codes
	// or countries).
	Prefix string
	Limit  int // 10 when zero, at most MaxPageSize
}

// Validate returns an EINVALID *Error describing the first bad field of f.
func (f *TopFilter) Validate() error {
	ef := EventFilter{From: f.From, To: f.To, Limit: f.Limit}
	if err := ef.Validate(); err != nil {
		return err
	}
	for i := 0; i < len(f.Prefix); i++ {
		if c := f.Prefix[i]; !('A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return Errorf(EINVALID, "bad prefix %q: want upper-case letters or digits", f.Prefix)
		}
	}
	return nil
}

// Count is a key (an actor code, an event code, a country) and how many
// events it has.
type Count struct {
	Key   string `json:"key"`
	Count int    `json:"count"`
}

// ValidDate reports whether s is a date in YYYY-MM-DD form.
func ValidDate(s string) bool {
	if len(s) != 10 {
		return false
	}
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

func validActorPrefix(s string) bool {
	if len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('A' <= c && c <= 'Z' || c == '-') {
			return false
		}
	}
	return true
}

func allDigits(s string, min, max int) bool {
	if len(s) < min || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// FeedStatus is what a store remembers of one polled feed between runs:
// its HTTP validators for a conditional GET, when it was last polled, and
// its failures, so that a restarted poller neither re-fetches an
// unchanged feed nor hammers a failing one.
type FeedStatus struct {
	URL          string    `json:"url"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	LastPolled   time.Time `json:"last_polled"` // zero when never polled
	// LastError is the error of the last poll; "" when it succeeded.
	LastError string `json:"last_error,omitempty"`
	// Failures counts the polls that failed in a row, and BackoffUntil is
	// when the feed may be polled again after them.
	Failures     int       `json:"failures"`
	BackoffUntil time.Time `json:"backoff_until"`
}

// Fingerprint is what a store keeps of an article to recognise copies of
// it arriving later: its normalised URL, a hash of its words and a
// SimHash of its word shingles (see package acquire/dedup).
type Fingerprint struct {
	ArticleID string
	Outlet    string
	// URLKey is the article's canonical URL, else its URL, normalised
	// (no scheme, tracking parameters or fragment); "" when it has none.
	URLKey      string
	ContentHash string
	SimHash     uint64
	// Day is the date the article's events are coded from, YYYY-MM-DD:
	// its publication day, else the day it was ingested; for a copy, its
	// original's. Near-duplicates are looked for among articles of nearby
	// days.
	Day string
	// DuplicateOf is the original of an article stored as a copy.
	DuplicateOf string
}

// MaxNearDistance is the largest SimHash distance a store's search for
// near-duplicates is exact for.
const MaxNearDistance = 8
