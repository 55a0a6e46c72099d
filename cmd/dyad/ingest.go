package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/acquire"
	"github.com/dyad-events/dyad/nlp"
	"github.com/dyad-events/dyad/pipeline"
)

// ingestOptions are the flags of "dyad ingest".
type ingestOptions struct {
	dicts        dictOptions
	db           string
	date         string
	allowPrivate bool
	json         bool
	quiet        bool
	feeds        string
	every        time.Duration
	recode       bool
	hostDelay    time.Duration
}

// minEvery is the shortest --every: polling a feed more often is rude.
const minEvery = time.Minute

// ingestSummary is what an ingest did; "dyad ingest --json" prints it.
type ingestSummary struct {
	Items int `json:"items"`
	// Articles is the number of articles coded and stored, near-duplicates
	// included.
	Articles int `json:"articles"`
	// Duplicates are exact copies of stored articles (same canonical URL,
	// or same words from the same outlet): not stored again.
	Duplicates int `json:"duplicates"`
	// NearDuplicates are syndicated or lightly edited copies: stored,
	// linked to their original, their events further mentions of its.
	NearDuplicates int `json:"near_duplicates"`
	// Skipped counts articles stored but not coded, by reason: "language
	// de" for an article in German.
	Skipped   map[string]int `json:"skipped,omitempty"`
	Sentences int            `json:"sentences"`
	Events    int            `json:"events"`
	NewEvents int            `json:"new_events"`
	Errors    int            `json:"errors"`
	// ErrorKinds counts the errors by kind (see acquire.ErrorKind).
	ErrorKinds map[string]int `json:"error_kinds,omitempty"`
	// Feeds is set when feeds were polled (--feeds).
	Feeds   *feedSummary `json:"feeds,omitempty"`
	Seconds float64      `json:"seconds"`
}

// feedSummary is what polling feeds did.
type feedSummary struct {
	Feeds       int `json:"feeds"`
	Polls       int `json:"polls"`
	NotModified int `json:"not_modified"`
	Failed      int `json:"failed"`
	BackingOff  int `json:"backing_off"`
}

// ingestStore is a store that also keeps feed state and article
// fingerprints; the sqlite and postgres stores are.
type ingestStore interface {
	store
	acquire.FeedState
	pipeline.CopyIndex
}

func runIngest(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var o ingestOptions
	fs := newFlagSet("ingest", `ingest [flags] FILE|DIR|URL|- ...
       dyad ingest [flags] --feeds FILE [--every 15m]

Reads articles (HTML, .txt, .jsonl with {url,title,text,published}, feeds, URLs,
lists of URLs, standard input), codes them and stores articles, sentences and events.
Copies of stored articles are recognised: exact ones are skipped, syndicated or
edited ones stored linked to their original.

With --feeds, polls the feeds listed in FILE (one URL a line, # comments): once, or
every --every until interrupted. Seen items, ETags and each feed's errors and
back-off are kept in the store, so a restart resumes where it stopped.`, stderr)
	o.dicts.register(fs, "phoenix")
	registerDB(fs, &o.db)
	fs.StringVar(&o.date, "date", "", "publication `DATE` (YYYY-MM-DD) for articles that carry none (default today)")
	fs.BoolVar(&o.allowPrivate, "allow-private", false, "allow fetching from loopback and private addresses (off by default: SSRF guard)")
	fs.BoolVar(&o.json, "json", false, "print the summary as JSON")
	fs.BoolVar(&o.quiet, "quiet", false, "print no progress (errors are still reported)")
	fs.StringVar(&o.feeds, "feeds", "", "poll the feeds listed in `FILE` (one URL a line)")
	fs.DurationVar(&o.every, "every", 0, "with --feeds, poll every `INTERVAL` (15m, 1h; at least 1m) until interrupted; 0 polls once")
	fs.DurationVar(&o.hostDelay, "host-delay", acquire.DefaultHostDelay, "least `TIME` between two requests to one host (a longer robots.txt Crawl-delay wins)")
	fs.BoolVar(&o.recode, "recode", false, "code again articles already stored (after a dictionary change) instead of skipping them")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var feeds []string
	switch {
	case o.every < 0 || o.every > 0 && o.every < minEvery:
		return dyad.Errorf(dyad.EINVALID, "bad --every %v: want %v or more (0 polls once)", o.every, minEvery)
	case o.every > 0 && o.feeds == "":
		return dyad.Errorf(dyad.EINVALID, "--every needs --feeds FILE")
	case o.feeds != "" && fs.NArg() > 0:
		return dyad.Errorf(dyad.EINVALID, "give inputs or --feeds, not both")
	case o.feeds != "":
		var err error
		if feeds, err = readFeedList(o.feeds); err != nil {
			return err
		}
	case fs.NArg() == 0:
		return dyad.Errorf(dyad.EINVALID, "no input: give files, folders, URLs or - for standard input, or --feeds FILE")
	}
	now, err := dateFlag(o.date)
	if err != nil {
		return err
	}
	opened, err := openStore(ctx, o.db, false)
	if err != nil {
		return err
	}
	defer opened.Close()
	st, ok := opened.(ingestStore)
	if !ok {
		return fmt.Errorf("store %T keeps no feed state or fingerprints", opened)
	}
	p, err := newPipeline(o.dicts, false, st, now)
	if err != nil {
		return err
	}
	p.Recode = o.recode
	delay := o.hostDelay
	if delay <= 0 {
		delay = -1 // no delay (the Options zero value means the default)
	}
	fetcher := acquire.NewFetcher(acquire.Options{AllowPrivate: o.allowPrivate, HostDelay: delay})
	defer fetcher.Close()
	in := &acquire.Inputs{Fetcher: fetcher}
	m := progressTo(stderr, o.quiet)
	var sum *ingestSummary
	if feeds != nil {
		sum, err = ingestFeeds(ctx, p, &acquire.Poller{Reader: acquire.NewFeedReader(fetcher, st, 0), Inputs: in, Every: o.every}, feeds, m)
	} else {
		sum, err = ingest(ctx, p, in, fs.Args(), stdin, m)
	}
	if err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	if o.json {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if jerr := enc.Encode(sum); jerr != nil {
			return jerr
		}
		return err
	}
	printSummary(stdout, sum)
	return err
}

// readFeedList reads the --feeds file.
func readFeedList(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "read feed list: %v", err)
	}
	defer f.Close()
	feeds, err := acquire.ReadFeedList(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(feeds) == 0 {
		return nil, dyad.Errorf(dyad.EINVALID, "%s lists no feeds", path)
	}
	return feeds, nil
}

// printSummary writes the summary as text.
func printSummary(w io.Writer, sum *ingestSummary) {
	var parts []string
	add := func(n int, format string, args ...any) {
		if n > 0 {
			parts = append(parts, fmt.Sprintf(format, args...))
		}
	}
	coded := fmt.Sprintf("%d articles coded", sum.Articles)
	if sum.NearDuplicates > 0 {
		coded += fmt.Sprintf(" (%d near-duplicates linked to their originals)", sum.NearDuplicates)
	}
	parts = append(parts, coded)
	add(sum.Duplicates, "%d duplicates not stored again", sum.Duplicates)
	nonEnglish, langs := 0, []string{}
	for _, reason := range sortedKeys(sum.Skipped) {
		n := sum.Skipped[reason]
		if lang, ok := strings.CutPrefix(reason, "language "); ok {
			nonEnglish += n
			langs = append(langs, fmt.Sprintf("%s %d", lang, n))
			continue
		}
		add(n, "%d skipped (%s)", n, reason)
	}
	add(nonEnglish, "%d non-English stored uncoded (%s)", nonEnglish, strings.Join(langs, ", "))
	if sum.Errors == 1 {
		parts = append(parts, "1 error")
	} else {
		parts = append(parts, fmt.Sprintf("%d errors", sum.Errors))
	}
	fmt.Fprintf(w, "%d items in %.1f s: %s\n", sum.Items, sum.Seconds, strings.Join(parts, ", "))
	fmt.Fprintf(w, "%d sentences, %d events (%d new)\n", sum.Sentences, sum.Events, sum.NewEvents)
	if len(sum.ErrorKinds) > 0 {
		kinds := sortedKeys(sum.ErrorKinds)
		slices.SortStableFunc(kinds, func(a, b string) int { return sum.ErrorKinds[b] - sum.ErrorKinds[a] })
		for i, k := range kinds {
			kinds[i] = fmt.Sprintf("%d %s", sum.ErrorKinds[k], k)
		}
		fmt.Fprintf(w, "errors: %s\n", strings.Join(kinds, ", "))
	}
	if f := sum.Feeds; f != nil {
		fmt.Fprintf(w, "feeds: %d, polled %d times: %d not modified, %d failed, %d skipped while backing off\n", f.Feeds, f.Polls, f.NotModified, f.Failed, f.BackingOff)
	}
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// ingester codes and stores items one at a time, keeping the summary.
type ingester struct {
	p     *pipeline.Pipeline
	m     *meter
	sum   *ingestSummary
	start time.Time
}

func newIngester(p *pipeline.Pipeline, m *meter) *ingester {
	return &ingester{p: p, m: m, sum: &ingestSummary{Skipped: map[string]int{}, ErrorKinds: map[string]int{}}, start: time.Now()}
}

// fail counts and reports an item that could not be read or coded.
func (g *ingester) fail(source string, err error) {
	g.sum.Errors++
	g.sum.ErrorKinds[acquire.ErrorKind(err)]++
	g.m.printf("%s: %v", source, err)
}

// item codes and stores one item. An item that cannot be read or coded is
// counted and reported, and nil returned; an error means the store or the
// machine failed, and the run must stop.
func (g *ingester) item(ctx context.Context, it acquire.Item) error {
	g.sum.Items++
	defer g.m.item(g.sum.Items)
	if it.Err != nil {
		g.fail(it.Source, it.Err)
		return nil
	}
	res, err := g.p.Process(ctx, it.Article)
	switch code := dyad.ErrorCode(err); {
	case err == nil:
	case code == dyad.ECONFLICT:
		// Another article already has this URL: a duplicate.
		g.sum.Duplicates++
		return nil
	case code == dyad.EINVALID:
		g.fail(it.Source, err)
		return nil
	default:
		return err // the store or the machine, not the item
	}
	switch {
	case res.Copy.Exact():
		g.sum.Duplicates++
		return nil
	case res.Copy.Kind != "":
		g.sum.NearDuplicates++
	}
	if res.Skipped != "" {
		g.sum.Skipped[res.Skipped]++
	} else {
		g.sum.Articles++
	}
	g.sum.Sentences += len(res.Sentences)
	g.sum.Events += len(res.Events)
	g.sum.NewEvents += res.Saved.NewEvents
	return nil
}

// finish completes the summary.
func (g *ingester) finish() *ingestSummary {
	g.m.finish()
	g.sum.Seconds = time.Since(g.start).Seconds()
	return g.sum
}

// ingest codes and stores every item of the inputs. An item that cannot be
// read or coded is counted and reported, and the others go on; a store or
// context failure stops the run.
func ingest(ctx context.Context, p *pipeline.Pipeline, in *acquire.Inputs, args []string, stdin io.Reader, m *meter) (*ingestSummary, error) {
	if n, ok := in.Count(args); ok {
		m.setTotal(n)
	}
	g := newIngester(p, m)
	for item := range in.Items(ctx, args, stdin) {
		if err := ctx.Err(); err != nil {
			return g.finish(), err
		}
		if err := g.item(ctx, item); err != nil {
			return g.finish(), err
		}
	}
	return g.finish(), ctx.Err()
}

// ingestFeeds polls feeds with poller, coding and storing their new items,
// until ctx ends (or once, when poller.Every is zero). It returns nil when
// interrupted, after the item in progress is stored.
func ingestFeeds(ctx context.Context, p *pipeline.Pipeline, poller *acquire.Poller, feeds []string, m *meter) (*ingestSummary, error) {
	g := newIngester(p, m)
	fsum := &feedSummary{Feeds: len(feeds)}
	g.sum.Feeds = fsum
	poller.Handle = g.item
	poller.OnPoll = func(r acquire.PollResult) {
		switch {
		case errors.Is(r.Err, acquire.ErrBackingOff):
			fsum.BackingOff++
			m.printf("feed %s: skipped after %s in a row until %s (last error: %s)", r.FeedURL, failures(r.Status.Failures), r.Status.BackoffUntil.Local().Format(time.DateTime), r.Status.LastError)
			return
		case r.Err != nil:
			fsum.Polls++
			fsum.Failed++
			m.printf("feed %s: %v (%s in a row; next try at %s)", r.FeedURL, r.Err, failures(r.Status.Failures), r.Status.BackoffUntil.Local().Format(time.DateTime))
			return
		}
		fsum.Polls++
		if r.NotModified {
			fsum.NotModified++
		}
		if !m.quiet && r.New > 0 {
			m.printf("feed %s: %d new items", r.FeedURL, r.New)
		}
	}
	poller.OnWait = func(next time.Time) {
		if !m.quiet {
			m.printf("%d items so far; next poll at %s", g.sum.Items, next.Local().Format(time.DateTime))
		}
	}
	err := poller.Run(ctx, feeds)
	return g.finish(), err
}

// failures says "1 failure" or "N failures".
func failures(n int) string {
	if n == 1 {
		return "1 failure"
	}
	return fmt.Sprintf("%d failures", n)
}

// nlpParser parses text with dyad's built-in models.
type nlpParser struct{ p *nlp.Pipeline }

// ParseText implements pipeline.Parser.
func (n nlpParser) ParseText(_ context.Context, text string) ([]*dyad.Sentence, error) {
	sents, _ := n.p.Parse(text)
	return sents, nil
}
