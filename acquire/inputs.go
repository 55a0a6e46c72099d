package acquire

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"mime"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/extract"
)

// Item is one article read from the inputs, or the error that kept it
// from being read. Items with an error are part of the stream: the rest
// continue.
type Item struct {
	// Source says where the item came from: a file path (with ":LINE"
	// for a line of a list or .jsonl file), a URL, or "stdin".
	Source string
	// Article is the extracted article; nil when Err is set.
	Article *dyad.Article
	// SyndicatedFrom is the original publisher named by the page, if any
	// (see extract.Result).
	SyndicatedFrom string
	// FeedURL and FeedKey identify the feed entry the item came from.
	FeedURL string
	FeedKey string
	// Err is why the item could not be read.
	Err error
}

// Inputs expands command-line inputs into articles. The zero value reads
// files and stdin but refuses URLs; set Fetcher to fetch them.
type Inputs struct {
	// Fetcher fetches URLs and remote feeds; nil makes each URL input
	// fail with EINVALID.
	Fetcher *Fetcher
	// Extractor extracts articles from HTML; nil means the defaults.
	Extractor *extract.Extractor
	// MaxFeedItems caps the items taken from one feed
	// (DefaultMaxFeedItems if 0).
	MaxFeedItems int
	// MaxFileBytes caps one input file or stdin document
	// (DefaultMaxBytes if 0); .jsonl and URL lists are streamed and capped
	// per line instead.
	MaxFileBytes int64
}

// inputExts are the file name extensions read from a folder.
var inputExts = map[string]bool{
	".html": true, ".htm": true, ".xhtml": true, ".txt": true, ".jsonl": true, ".ndjson": true,
	".rss": true, ".atom": true, ".xml": true,
}

// Items returns the articles in args, in order. Inputs is not changed by
// reading, so several goroutines may share one. Each arg is "-" (stdin),
// an http(s) URL (a page or a feed), a folder (read recursively: .html,
// .htm, .xhtml, .txt, .jsonl, .ndjson, .rss, .atom, .xml files in name
// order), or a file: .html/.htm (a page), .txt (a list of URLs or feeds,
// one a line, when its first line that is not blank or a # comment is a
// URL; otherwise an article's plain text), .jsonl
// (one {"url","title","text","published"} record per line; a record
// without text is fetched from its url), .rss/.atom/.xml (a feed; its
// items are fetched, or read from their content when fetching is not
// possible). Files of other kinds are sniffed. Items stops early when ctx
// is done or the consumer stops.
func (in *Inputs) Items(ctx context.Context, args []string, stdin io.Reader) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		for _, arg := range args {
			if ctx.Err() != nil {
				return
			}
			if !in.arg(ctx, arg, stdin, yield) {
				return
			}
		}
	}
}

// Resolve fetches and extracts one URL: a page yields one item, a feed
// its items. It is Items for a single URL.
func (in *Inputs) Resolve(ctx context.Context, rawURL string) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		in.url(ctx, rawURL, rawURL, yield)
	}
}

func (in *Inputs) extractor() *extract.Extractor {
	if in.Extractor == nil {
		return extract.New(extract.Options{}) // cheap: options only
	}
	return in.Extractor
}

func (in *Inputs) maxBytes() int64 {
	if in.MaxFileBytes <= 0 {
		return DefaultMaxBytes
	}
	return in.MaxFileBytes
}

// fail yields an error item.
func fail(yield func(Item) bool, source string, err error) bool {
	return yield(Item{Source: source, Err: err})
}

// firstLine returns the first line of b that is neither blank nor a
// # comment.
func firstLine(b []byte) string {
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			return l
		}
	}
	return ""
}

func isURL(s string) bool {
	ls := strings.ToLower(s)
	return strings.HasPrefix(ls, "http://") || strings.HasPrefix(ls, "https://")
}

func (in *Inputs) arg(ctx context.Context, arg string, stdin io.Reader, yield func(Item) bool) bool {
	switch {
	case arg == "-":
		if stdin == nil {
			return fail(yield, "stdin", dyad.Errorf(dyad.EINVALID, "no stdin"))
		}
		return in.stream(ctx, "stdin", stdin, "", yield)
	case isURL(arg):
		return in.url(ctx, arg, arg, yield)
	}
	fi, err := os.Stat(arg)
	if err != nil {
		return fail(yield, arg, dyad.Errorf(dyad.EINVALID, "read input: %v", err))
	}
	if !fi.IsDir() {
		return in.file(ctx, arg, yield)
	}
	var files []string
	err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == arg {
				return err
			}
			files = append(files, path) // reported when opened
			return nil
		}
		if !d.IsDir() && inputExts[strings.ToLower(filepath.Ext(path))] {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		return fail(yield, arg, dyad.Errorf(dyad.EINVALID, "read folder: %v", err))
	}
	sort.Strings(files)
	for _, f := range files {
		if ctx.Err() != nil || !in.file(ctx, f, yield) {
			return false
		}
	}
	return true
}

// file reads one input file.
func (in *Inputs) file(ctx context.Context, path string, yield func(Item) bool) bool {
	f, err := os.Open(path)
	if err != nil {
		return fail(yield, path, dyad.Errorf(dyad.EINVALID, "read input: %v", err))
	}
	defer f.Close()
	return in.stream(ctx, path, f, strings.ToLower(filepath.Ext(path)), yield)
}

// stream reads one document or list from r, by its extension or, without
// one, by sniffing its first bytes.
func (in *Inputs) stream(ctx context.Context, source string, r io.Reader, ext string, yield func(Item) bool) bool {
	br := bufio.NewReaderSize(r, 64<<10)
	if ext == "" || ext == ".txt" {
		head, _ := br.Peek(4096)
		head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
		switch {
		case ext == "" && bytes.HasPrefix(head, []byte("{")) && !looksLikeFeed("", head):
			ext = ".jsonl"
		case ext == "" && looksLikeFeed("", head):
			ext = ".xml"
		case ext == "" && bytes.HasPrefix(head, []byte("<")):
			ext = ".html"
		case isURL(firstLine(head)):
			return in.urlList(ctx, source, br, yield)
		default:
			ext = ".txt"
		}
	}
	switch ext {
	case ".jsonl", ".ndjson":
		return in.jsonl(ctx, source, br, yield)
	}
	raw, err := io.ReadAll(io.LimitReader(br, in.maxBytes()+1))
	if err != nil {
		return fail(yield, source, fmt.Errorf("read %s: %w", source, err))
	}
	if int64(len(raw)) > in.maxBytes() {
		return fail(yield, source, dyad.Errorf(dyad.EINVALID, "%s is larger than %d bytes", source, in.maxBytes()))
	}
	switch ext {
	case ".rss", ".atom", ".xml":
		return in.feed(ctx, source, "", raw, yield)
	case ".txt":
		return in.plain(source, raw, yield)
	}
	return in.page(ctx, source, "", "", raw, yield)
}

// plain yields a plain-text article.
func (in *Inputs) plain(source string, raw []byte, yield func(Item) bool) bool {
	text, _ := extract.ToUTF8(raw, "text/plain")
	text = strings.TrimSpace(text)
	if text == "" {
		return fail(yield, source, dyad.Errorf(dyad.EINVALID, "%s is empty", source))
	}
	return yield(Item{Source: source, Article: textArticle("", "", text)})
}

// textArticle makes an article from plain text, detecting its language
// and taking the outlet from the URL's host.
func textArticle(rawURL, title, text string) *dyad.Article {
	a := &dyad.Article{URL: rawURL, Title: title, Text: text, Language: extract.Language(text)}
	if u, err := url.Parse(rawURL); err == nil {
		a.Outlet = strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	return a
}

// page extracts an HTML page.
func (in *Inputs) page(ctx context.Context, source, pageURL, contentType string, raw []byte, yield func(Item) bool) bool {
	res, err := in.extractor().ExtractBytes(ctx, raw, pageURL, contentType)
	if err != nil {
		return fail(yield, source, fmt.Errorf("extract %s: %w", source, err))
	}
	return yield(Item{Source: source, Article: &res.Article, SyndicatedFrom: res.SyndicatedFrom})
}

// urlList yields the pages or feeds listed one URL a line; blank lines
// and lines starting with # are skipped.
func (in *Inputs) urlList(ctx context.Context, source string, r *bufio.Reader, yield func(Item) bool) bool {
	return eachLine(source, r, yield, func(where, line string) bool {
		if line == "" || strings.HasPrefix(line, "#") {
			return true
		}
		if !isURL(line) {
			return fail(yield, where, dyad.Errorf(dyad.EINVALID, "not a URL: %.80q", line))
		}
		return ctx.Err() == nil && in.url(ctx, where, line, yield)
	})
}

// maxLine is the longest line read from a list or .jsonl input.
const maxLine = 16 << 20

// eachLine calls fn for each line of r, trimmed; a line too long is an
// error item and the reading goes on.
func eachLine(source string, r *bufio.Reader, yield func(Item) bool, fn func(where, line string) bool) bool {
	for n := 1; ; n++ {
		line, err := readLine(r, maxLine)
		where := fmt.Sprintf("%s:%d", source, n)
		if errors.Is(err, errLongLine) {
			if !fail(yield, where, dyad.Errorf(dyad.EINVALID, "line longer than %d bytes", maxLine)) {
				return false
			}
			continue
		}
		if len(line) > 0 && !fn(where, strings.TrimSpace(string(line))) {
			return false
		}
		if err == io.EOF {
			return true
		}
		if err != nil {
			return fail(yield, where, fmt.Errorf("read %s: %w", source, err))
		}
	}
}

var errLongLine = errors.New("line too long")

// readLine reads one line of at most limit bytes, discarding the rest of
// a longer line (and returning errLongLine).
func readLine(r *bufio.Reader, limit int) ([]byte, error) {
	var line []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if len(line)+len(chunk) > limit {
			line = nil
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = r.ReadSlice('\n')
			}
			if err != nil && err != io.EOF {
				return nil, err
			}
			return nil, errLongLine
		}
		line = append(line, chunk...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return bytes.TrimRight(line, "\r\n"), err
	}
}

// jsonlRecord is one line of a .jsonl input.
type jsonlRecord struct {
	URL       string `json:"url"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Published string `json:"published"`
}

func (in *Inputs) jsonl(ctx context.Context, source string, r *bufio.Reader, yield func(Item) bool) bool {
	return eachLine(source, r, yield, func(where, line string) bool {
		if line == "" || ctx.Err() != nil {
			return ctx.Err() == nil
		}
		var rec jsonlRecord
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			return fail(yield, where, dyad.Errorf(dyad.EINVALID, "bad JSON record: %v", err))
		}
		var pub time.Time
		var prec dyad.Precision
		if rec.Published != "" {
			var err error
			if pub, prec, err = ParseDate(rec.Published); err != nil {
				return fail(yield, where, dyad.Errorf(dyad.EINVALID, "bad published date %q", rec.Published))
			}
		}
		if strings.TrimSpace(rec.Text) != "" {
			a := textArticle(rec.URL, strings.TrimSpace(rec.Title), strings.TrimSpace(rec.Text))
			a.Published, a.PublishedPrecision = pub, prec
			return yield(Item{Source: where, Article: a})
		}
		if rec.URL == "" {
			return fail(yield, where, dyad.Errorf(dyad.EINVALID, "record has neither text nor url"))
		}
		return in.url(ctx, where, rec.URL, func(it Item) bool {
			if it.Article != nil {
				if rec.Title != "" {
					it.Article.Title = rec.Title
				}
				if !pub.IsZero() {
					it.Article.Published, it.Article.PublishedPrecision = pub, prec
				}
			}
			return yield(it)
		})
	})
}

// ParseDate parses a date as found in feeds and .jsonl records: RFC 3339
// (with or without seconds or zone), a plain day, a month or a year. It
// returns the time (UTC) and how precise it is.
func ParseDate(s string) (time.Time, dyad.Precision, error) {
	s = strings.TrimSpace(s)
	for _, l := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", time.RFC1123Z, time.RFC1123} {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), dyad.PrecisionDay, nil
		}
	}
	for _, p := range []struct {
		layout string
		prec   dyad.Precision
	}{{"2006-01-02", dyad.PrecisionDay}, {"2006-01", dyad.PrecisionMonth}, {"2006", dyad.PrecisionYear}} {
		if t, err := time.Parse(p.layout, s); err == nil {
			return t, p.prec, nil
		}
	}
	return time.Time{}, "", fmt.Errorf("unknown date format %q", s)
}

// url fetches a URL and yields the page's article or the feed's items.
func (in *Inputs) url(ctx context.Context, source, rawURL string, yield func(Item) bool) bool {
	if in.Fetcher == nil {
		return fail(yield, source, dyad.Errorf(dyad.EINVALID, "cannot fetch %s: fetching is off", rawURL))
	}
	resp, err := in.Fetcher.Fetch(ctx, rawURL)
	if err != nil {
		return fail(yield, source, err)
	}
	if looksLikeFeed(resp.ContentType, resp.Body) {
		return in.feed(ctx, source, resp.URL, resp.Body, yield)
	}
	if err := checkPageType(resp.ContentType); err != nil {
		return fail(yield, source, fmt.Errorf("fetch %s: %w", rawURL, err))
	}
	if mt, _, _ := mime.ParseMediaType(resp.ContentType); mt == "text/plain" {
		return in.plain(source, resp.Body, func(it Item) bool {
			if it.Article != nil {
				a := textArticle(resp.URL, "", it.Article.Text)
				it.Article = a
			}
			return yield(it)
		})
	}
	return in.page(ctx, source, resp.URL, resp.ContentType, resp.Body, yield)
}

// checkPageType refuses content types that are not pages.
func checkPageType(contentType string) error {
	if contentType == "" {
		return nil
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return dyad.Errorf(dyad.EINVALID, "bad content type %q", contentType)
	}
	switch {
	case mt == "text/html", mt == "application/xhtml+xml", mt == "text/plain", mt == "application/xml", mt == "text/xml":
		return nil
	}
	return dyad.Errorf(dyad.EINVALID, "not a web page: content type %s", mt)
}

// feed yields the articles of a feed: each item's page when it can be
// fetched, else the item's own content.
func (in *Inputs) feed(ctx context.Context, source, feedURL string, raw []byte, yield func(Item) bool) bool {
	feed, err := ParseFeed(bytes.NewReader(raw), in.MaxFeedItems)
	if err != nil {
		return fail(yield, source, fmt.Errorf("read feed %s: %w", source, err))
	}
	for _, fi := range feed.Items {
		if ctx.Err() != nil {
			return false
		}
		if !in.feedItem(ctx, source, feedURL, fi, yield) {
			return false
		}
	}
	if feed.Dropped > 0 {
		return fail(yield, source, dyad.Errorf(dyad.EINVALID, "feed %s: %d items beyond the limit of %d were skipped", source, feed.Dropped, len(feed.Items)))
	}
	return true
}

// FeedItem turns one entry of a polled feed (see FeedReader) into an
// article: the linked page is fetched and extracted; when that fails, or
// there is no Fetcher, the entry's own content stands in if it has at
// least 50 words. Title, date and authors missing from the page are
// taken from the entry. The item's Err says why neither worked.
func (in *Inputs) FeedItem(ctx context.Context, feedURL string, fi FeedItem) Item {
	var got Item
	in.feedItem(ctx, feedURL, feedURL, fi, func(it Item) bool { got = it; return false })
	return got
}

// minFeedContentWords is the fewest words a feed item's own content needs
// to stand in for its page.
const minFeedContentWords = 50

func (in *Inputs) feedItem(ctx context.Context, source, feedURL string, fi FeedItem, yield func(Item) bool) bool {
	where := source + " " + fi.Key
	fill := func(it Item) Item {
		it.FeedURL, it.FeedKey = feedURL, fi.Key
		if a := it.Article; a != nil {
			if a.Title == "" {
				a.Title = fi.Title
			}
			if a.Published.IsZero() && !fi.Published.IsZero() {
				a.Published, a.PublishedPrecision = fi.Published, dyad.PrecisionDay
			}
			if len(a.Authors) == 0 {
				a.Authors = fi.Authors
			}
		}
		return it
	}
	content := fi.Content
	if content == "" {
		content = fi.Summary
	}
	own := func(cause error) bool {
		text := extract.HTMLText(content)
		if len(strings.Fields(text)) < minFeedContentWords {
			if cause == nil {
				cause = dyad.Errorf(dyad.EINVALID, "feed item has no link and too little content")
			}
			return yield(fill(Item{Source: where, Err: cause}))
		}
		return yield(fill(Item{Source: where, Article: textArticle(fi.URL, "", text)}))
	}
	if fi.URL == "" || !isURL(fi.URL) || in.Fetcher == nil {
		return own(nil)
	}
	var got Item
	in.url(ctx, where, fi.URL, func(it Item) bool { got = it; return false })
	if got.Err != nil {
		return own(got.Err)
	}
	return yield(fill(got))
}
