package acquire

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/dyad-events/dyad"
)

// DefaultGrace is how long Poller lets the item in progress finish after
// its context is done.
const DefaultGrace = 30 * time.Second

// Poller polls a list of feeds, once or at an interval, and hands each new
// item to Handle. Its fields are set before Run.
//
// A feed is due Every after its last successful poll, or when its
// back-off ends after failures; both are kept in the FeedReader's state,
// so a restarted Poller neither re-fetches a feed polled a moment ago nor
// ingests an item twice. Each item is marked seen once Handle has taken
// it, and the feed's validators are saved once all its new items are
// handled.
type Poller struct {
	// Reader fetches the feeds and keeps their state.
	Reader *FeedReader
	// Inputs turns feed entries into articles (see Inputs.FeedItem).
	Inputs *Inputs
	// Every is the polling interval; zero polls each feed once (a feed
	// still backing off is reported with ErrBackingOff) and returns.
	Every time.Duration
	// Grace is how long the item being handled may run on after Run's
	// context is done (DefaultGrace if zero): it is coded and stored,
	// marked seen, and Run returns. Fetches under way are abandoned; their
	// items stay unseen for the next run.
	Grace time.Duration
	// Workers is how many feeds are fetched at once (DefaultPollWorkers
	// if zero). Handle is called from one goroutine only.
	Workers int
	// Handle takes one new item: an article, or an item whose Err says
	// why it could not be read. It returns an error only for a failure
	// that must stop the polling (the store is down), never for a bad
	// item.
	Handle func(ctx context.Context, it Item) error
	// OnPoll, when set, is told the outcome of each poll of a feed, from
	// the goroutine that calls Handle.
	OnPoll func(PollResult)
	// OnWait, when set, is told when the next round of polls starts.
	OnWait func(next time.Time)
}

// PollResult is the outcome of one poll of a feed.
type PollResult struct {
	FeedURL string
	// New is the number of new items handed to Handle.
	New int
	// NotModified is set when the feed had not changed (HTTP 304).
	NotModified bool
	// Err is why the poll failed; it wraps ErrBackingOff for a feed that
	// was not fetched because it is backing off. Status then holds the
	// failures and when the feed is tried next.
	Err    error
	Status dyad.FeedStatus
}

// ReadFeedList reads a list of feed URLs, one a line; blank lines and
// lines starting with # are skipped. A line that is not an http(s) URL is
// EINVALID, naming its line.
func ReadFeedList(r io.Reader) ([]string, error) {
	var feeds []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	seen := map[string]bool{}
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !isURL(line) {
			return nil, dyad.Errorf(dyad.EINVALID, "feed list line %d: not an http(s) URL: %.80q", n, line)
		}
		if !seen[line] {
			seen[line] = true
			feeds = append(feeds, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "read feed list: %v", err)
	}
	return feeds, nil
}

// DefaultPollWorkers is how many feeds a Poller fetches at once by
// default.
const DefaultPollWorkers = 4

// Run polls feeds until ctx is done (or, when Every is zero, once each).
// Up to Workers feeds, and their items' pages, are fetched at once; Handle
// takes the items one at a time, those of one feed in its order. A feed's
// failures are reported through OnPoll and backed off, and never stop the
// others. Run returns nil when ctx ends it, and the error of Handle or of
// the feed state otherwise.
func (p *Poller) Run(ctx context.Context, feeds []string) error {
	grace := p.Grace
	if grace <= 0 {
		grace = DefaultGrace
	}
	// work outlives ctx by the grace, so that the item in progress ends
	// cleanly; it ends with Run.
	work, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	stop := context.AfterFunc(ctx, func() {
		t := time.NewTimer(grace)
		defer t.Stop()
		select {
		case <-t.C:
			cancel()
		case <-work.Done():
		}
	})
	defer stop()
	for {
		var due []string
		for _, u := range feeds {
			st, err := p.Reader.Status(work, u)
			if err != nil {
				return err
			}
			if p.Every <= 0 || !p.Reader.Now().Before(p.due(st)) {
				due = append(due, u)
			}
		}
		if err := p.round(ctx, work, due); err != nil {
			return err
		}
		if p.Every <= 0 || ctx.Err() != nil {
			return nil
		}
		var next time.Time
		for _, u := range feeds {
			st, err := p.Reader.Status(work, u)
			if err != nil {
				return err
			}
			if d := p.due(st); next.IsZero() || d.Before(next) {
				next = d
			}
		}
		if p.OnWait != nil {
			p.OnWait(next)
		}
		t := time.NewTimer(time.Until(next))
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		}
	}
}

// due returns when a feed with status st is next due.
func (p *Poller) due(st dyad.FeedStatus) time.Time {
	due := st.BackoffUntil
	if !st.LastPolled.IsZero() && st.Failures == 0 {
		if d := st.LastPolled.Add(p.Every); d.After(due) {
			due = d
		}
	}
	return due
}

// pollMsg is what a fetching worker sends the handling goroutine: an
// item of a feed, the end of a feed's items, or a failed poll.
type pollMsg struct {
	feedURL string
	up      *FeedUpdate
	item    *Item
	key     string // of item
	done    bool   // all of up.New were sent
	err     error  // the poll failed
}

// round polls the feeds once: workers fetch the feeds and their items'
// pages, and this goroutine hands the items to Handle, marks them seen
// and commits each feed whose items were all handled. Once ctx is done,
// fetches stop; the items already fetched whole (at most one a worker)
// are still handled, and no feed is committed.
func (p *Poller) round(ctx, work context.Context, feeds []string) error {
	if len(feeds) == 0 {
		return nil
	}
	workers := p.Workers
	if workers <= 0 {
		workers = DefaultPollWorkers
	}
	fetch, stopFetch := context.WithCancel(ctx)
	defer stopFetch()
	jobs := make(chan string)
	msgs := make(chan pollMsg)
	var wg sync.WaitGroup
	for range min(workers, len(feeds)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for u := range jobs {
				p.fetchFeed(fetch, u, msgs)
			}
		}()
	}
	go func() {
		defer close(msgs)
		defer wg.Wait()
		defer close(jobs)
		for _, u := range feeds {
			select {
			case jobs <- u:
			case <-fetch.Done():
				return
			}
		}
	}()
	var err error
	for m := range msgs { // drained to the end, so that no worker blocks
		// An item a worker sent was fetched whole before it saw ctx done
		// (it checks before sending): it is handled even if ctx is done
		// by the time it is received, as the fetch of the next item may
		// be what ended it. Nothing else is taken once ctx is done.
		if err != nil || ctx.Err() != nil && m.item == nil {
			continue
		}
		if err = p.take(work, m); err != nil {
			stopFetch()
		}
	}
	return err
}

// take handles one message of a worker.
func (p *Poller) take(work context.Context, m pollMsg) error {
	var se *StateError
	switch {
	case errors.As(m.err, &se):
		return m.err
	case m.err != nil:
		res := PollResult{FeedURL: m.feedURL, Err: m.err}
		res.Status, _ = p.Reader.Status(work, m.feedURL)
		p.report(res)
	case m.item != nil:
		if err := p.Handle(work, *m.item); err != nil {
			return fmt.Errorf("feed %s: %w", m.feedURL, err)
		}
		return p.Reader.MarkSeen(work, m.up, m.key)
	case m.done:
		if err := p.Reader.Commit(work, m.up); err != nil {
			return err
		}
		p.report(PollResult{FeedURL: m.feedURL, New: len(m.up.New), NotModified: m.up.NotModified, Status: m.up.status})
	}
	return nil
}

// fetchFeed polls one feed and fetches its new items, sending each to
// msgs, then the end of the feed. It stops, sending nothing more, when
// ctx is done: an item fetched half-way is not handed on.
func (p *Poller) fetchFeed(ctx context.Context, feedURL string, msgs chan<- pollMsg) {
	up, err := p.Reader.Poll(ctx, feedURL)
	if ctx.Err() != nil {
		return // interrupted: not the feed's failure
	}
	if err != nil {
		msgs <- pollMsg{feedURL: feedURL, err: err}
		return
	}
	for _, fi := range up.New {
		it := p.Inputs.FeedItem(ctx, feedURL, fi)
		if ctx.Err() != nil {
			return
		}
		msgs <- pollMsg{feedURL: feedURL, up: up, item: &it, key: fi.Key}
	}
	msgs <- pollMsg{feedURL: feedURL, up: up, done: true}
}

func (p *Poller) report(r PollResult) {
	if p.OnPoll != nil {
		p.OnPoll(r)
	}
}
