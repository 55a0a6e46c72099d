package extract

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// DefaultMaxBytes is the largest HTML document Extract reads by default.
const DefaultMaxBytes = 10 << 20

// Options configure an Extractor. The zero value is ready to use.
type Options struct {
	// MaxBytes caps how much of a document is read; longer documents are
	// rejected with EINVALID. Zero means DefaultMaxBytes.
	MaxBytes int64
	// Fallback also runs the Readability and DOM Distiller algorithms and
	// lets trafilatura pick the best candidate: a little more accurate on
	// odd layouts, about twice as slow.
	Fallback bool
	// NoDate skips the search for a publication date in the page body
	// (metadata is still read). Faster; dates are found less often.
	NoDate bool
}

// Result is an extracted page: the Article plus what extraction learned
// that the Article has no field for.
type Result struct {
	// Article holds the story text and metadata. Its ID, Fingerprint and
	// DuplicateOf are left empty for later stages.
	Article dyad.Article
	// SyndicatedFrom names the original publisher when the page says the
	// story was "originally published on" or "republished from" another
	// outlet; the note itself is removed from the text.
	SyndicatedFrom string
	// Description is the page's summary (meta description or og:description).
	Description string
	// Charset is the encoding the page was decoded from.
	Charset string
}

// Extractor extracts articles from HTML. It is safe for concurrent use.
type Extractor struct {
	opts Options
}

// New returns an Extractor with the given options.
func New(opts Options) *Extractor {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	return &Extractor{opts: opts}
}

// FromHTML extracts an article from an HTML document with default options.
// pageURL is where the page came from (empty if unknown); it resolves
// relative links and is the Article's URL. It returns EINVALID when the
// document is too large or holds no readable text.
func FromHTML(ctx context.Context, r io.Reader, pageURL string) (*dyad.Article, error) {
	res, err := New(Options{}).Extract(ctx, r, pageURL, "")
	if err != nil {
		return nil, err
	}
	return &res.Article, nil
}

// Extract reads an HTML document from r and extracts its article.
// contentType is the HTTP Content-Type header the page was served with
// (empty if unknown); it only helps to find the charset. pageURL is as for
// FromHTML. Extract returns EINVALID when the document is larger than
// Options.MaxBytes or holds no readable text, and ctx.Err() when ctx is
// done before extraction starts.
func (e *Extractor) Extract(ctx context.Context, r io.Reader, pageURL, contentType string) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(io.LimitReader(r, e.opts.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read html: %w", err)
	}
	if int64(len(raw)) > e.opts.MaxBytes {
		return nil, dyad.Errorf(dyad.EINVALID, "html document is larger than %d bytes", e.opts.MaxBytes)
	}
	return e.ExtractBytes(ctx, raw, pageURL, contentType)
}

// ExtractBytes is Extract on a document already in memory. Extraction
// itself is not interruptible; ctx is checked before it starts.
func (e *Extractor) ExtractBytes(ctx context.Context, raw []byte, pageURL, contentType string) (res *Result, err error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	defer func() {
		// A panic inside a third-party extractor on hostile HTML must stay
		// one bad page, not a crashed ingest.
		if p := recover(); p != nil {
			res, err = nil, dyad.Errorf(dyad.EINVALID, "extract %s: extractor panic: %v", pageURL, p)
		}
	}()
	if int64(len(raw)) > e.opts.MaxBytes {
		return nil, dyad.Errorf(dyad.EINVALID, "html document is larger than %d bytes", e.opts.MaxBytes)
	}
	if looksBinary(raw) {
		return nil, dyad.Errorf(dyad.EINVALID, "not an html document: binary content")
	}
	text, cs := ToUTF8(raw, contentType)
	doc, err := html.Parse(bytes.NewReader(stripHTML([]byte(text))))
	if err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "parse html: %v", err)
	}
	prune(doc)
	pruneLinkBlocks(doc, false)
	var base *url.URL
	if pageURL != "" {
		if u, err := url.Parse(pageURL); err == nil && u.IsAbs() {
			base = u
		}
	}
	// The date is looked for on the whole page (bylines often sit outside
	// the <article>), before focusArticle narrows it.
	var published time.Time
	if !e.opts.NoDate {
		d, err := htmldate.FromDocument(doc, htmldate.Options{UseOriginalDate: true, SkipExtensiveSearch: true, URL: pageURL})
		if err == nil && !d.IsZero() {
			published = d.DateTime
		}
	}
	focusArticle(doc)
	opts := trafilatura.Options{
		EnableFallback:  e.opts.Fallback,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled,
		Focus:           trafilatura.Balanced,
		PruneSelector:   pruneSelector,
		OriginalURL:     base,
	}
	tr, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "extract main text: %v", err)
	}
	story, syndicated := cleanText(nodeText(tr.ContentNode))
	if len(strings.Fields(story)) < minWords {
		return nil, dyad.Errorf(dyad.EINVALID, "no readable text in the page")
	}
	md := tr.Metadata
	res = &Result{
		SyndicatedFrom: syndicated,
		Description:    strings.TrimSpace(md.Description),
		Charset:        cs,
	}
	a := &res.Article
	a.URL = pageURL
	a.CanonicalURL = canonical(md.URL, base)
	a.Outlet = strings.TrimSpace(md.Sitename)
	if a.Outlet == "" {
		a.Outlet = md.Hostname
	}
	a.Title = strings.TrimSpace(md.Title)
	if published.IsZero() {
		published = md.Date // from JSON-LD or <meta>, when htmldate found nothing
	}
	if !published.IsZero() {
		a.Published = published.UTC()
		a.PublishedPrecision = dyad.PrecisionDay
	}
	a.Authors = splitAuthors(md.Author)
	a.Text = story
	a.Language = language(md.Language, htmlLang(doc))
	return res, nil
}

// minWords is the fewest words an article may have.
const minWords = 5

// pruneSelector removes comment, share and related-story containers
// before extraction, on top of trafilatura's own rules.
const pruneSelector = `#comments, .comments-area, #respond, .comment-respond, .sharedaddy, .jp-relatedposts, .share-buttons, .social-share, .related-posts, .yarpp-related`

// canonical returns the canonical URL found in the page's metadata,
// resolved against base.
func canonical(s string, base *url.URL) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if !u.IsAbs() || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	u.Fragment = ""
	return u.String()
}

// splitAuthors splits trafilatura's "A; B" author string.
func splitAuthors(s string) []string {
	var out []string
	for _, a := range strings.Split(s, ";") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// htmlLang returns the lang attribute of the <html> element.
func htmlLang(doc *html.Node) string {
	for n := doc.FirstChild; n != nil; n = n.NextSibling {
		if n.Type == html.ElementNode && n.Data == "html" {
			for _, a := range n.Attr {
				if a.Key == "lang" || a.Key == "xml:lang" {
					return a.Val
				}
			}
		}
	}
	return ""
}

// looksBinary reports whether raw is evidently not text: a NUL byte or a
// well-known binary signature near the start.
func looksBinary(raw []byte) bool {
	head := raw
	if len(head) > 1024 {
		head = head[:1024]
	}
	for _, sig := range [][]byte{[]byte("%PDF-"), []byte("\x89PNG"), []byte("GIF8"), []byte("\xff\xd8\xff"), []byte("PK\x03\x04"), []byte("\x1f\x8b")} {
		if bytes.HasPrefix(head, sig) {
			return true
		}
	}
	if bytes.HasPrefix(head, []byte("\xfe\xff")) || bytes.HasPrefix(head, []byte("\xff\xfe")) {
		return false // UTF-16 has NULs
	}
	return bytes.IndexByte(head, 0) >= 0
}
