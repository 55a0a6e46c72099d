package pipeline

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/acquire/dedup"
)

// CopyIndex keeps the fingerprints of stored articles and finds those a
// new article repeats. The sqlite and postgres stores implement it.
type CopyIndex interface {
	// SaveFingerprint records the fingerprint of a stored article.
	SaveFingerprint(ctx context.Context, fp dyad.Fingerprint) error
	// FindCopies returns the stored fingerprints with fp's URLKey or
	// ContentHash, and those whose SimHash is at most maxDist bits from
	// fp's and whose Day is at most days from fp.Day.
	FindCopies(ctx context.Context, fp dyad.Fingerprint, maxDist, days int) ([]dyad.Fingerprint, error)
}

// Kinds of Copy.
const (
	// CopyURL is an article with the canonical URL (or URL) of a stored
	// one, normalised: not stored again.
	CopyURL = "url"
	// CopyContent is an article with the words of a stored one from the
	// same outlet: not stored again.
	CopyContent = "content"
	// CopySyndicated is an article with the words of a stored one from
	// another outlet: stored, linked to it.
	CopySyndicated = "syndicated"
	// CopyNear is a lightly edited copy of a stored article (their
	// SimHashes are a few bits apart): stored, linked to it.
	CopyNear = "near"
)

// Copy says which stored article an article repeats, and how.
type Copy struct {
	Of   string `json:"of"`   // the stored article's ID
	Kind string `json:"kind"` // one of the Copy kinds
	// Distance is the SimHash distance of a near copy.
	Distance int `json:"distance,omitempty"`
	// Day is the original's day, YYYY-MM-DD, which the copy's events are
	// coded from.
	Day string `json:"day"`

	copyOfCopy bool // found through another copy of the original
}

// Exact reports whether c is an exact duplicate, which Process neither
// codes nor stores.
func (c Copy) Exact() bool { return c.Kind == CopyURL || c.Kind == CopyContent }

// rank orders copies by how sure the match is: exact URL, same words,
// then the closest SimHash.
func (c Copy) rank() int {
	k := 3
	switch c.Kind {
	case CopyURL:
		k = 0
	case CopyContent:
		k = 1
	case CopySyndicated:
		k = 2
	}
	r := k*100 + c.Distance
	if c.copyOfCopy {
		r += 50 // the original itself, at the same distance, is better
	}
	return r
}

// Defaults of the Pipeline's near-duplicate search.
const (
	DefaultNearDistance = dedup.DefaultMaxDistance
	DefaultNearDays     = 7
	// minNearWords is the fewest words an article needs to be compared
	// by SimHash: the hashes of shorter texts say too little.
	minNearWords = 40
)

// fingerprint returns what the CopyIndex keeps of a.
func fingerprint(a *dyad.Article, day string) dyad.Fingerprint {
	key := a.CanonicalURL
	if key == "" {
		key = a.URL
	}
	if key != "" {
		key = dedup.NormalizeURL(key)
		if i := strings.Index(key, "://"); i >= 0 {
			key = key[i+3:] // the http and https forms are one page
		}
	}
	sh := dedup.SimHash(a.Text)
	return dyad.Fingerprint{
		ArticleID: a.ID, Outlet: outletOf(a), URLKey: key,
		ContentHash: dedup.ContentHash(a.Text), SimHash: sh, Day: day,
	}
}

// outletOf returns a's outlet, else its URL's host, lower case and
// without "www.".
func outletOf(a *dyad.Article) string {
	o := a.Outlet
	if o == "" {
		if u, err := url.Parse(a.URL); err == nil {
			o = u.Hostname()
		}
	}
	return strings.TrimPrefix(strings.ToLower(strings.TrimSpace(o)), "www.")
}

// findCopy returns the stored article that a, with fingerprint fp,
// repeats; a zero Copy when none. A stored article with a's own ID is an
// exact copy unless p.Recode is set.
func (p *Pipeline) findCopy(ctx context.Context, a *dyad.Article, fp dyad.Fingerprint) (Copy, error) {
	maxDist, days := p.NearDistance, p.NearDays
	if maxDist <= 0 {
		maxDist = DefaultNearDistance
	}
	if days <= 0 {
		days = DefaultNearDays
	}
	maxDist = min(maxDist, dyad.MaxNearDistance)
	cands, err := p.Copies.FindCopies(ctx, fp, maxDist, days)
	if err != nil {
		return Copy{}, fmt.Errorf("find copies of article %s: %w", a.ID, err)
	}
	near := len(strings.Fields(a.Text)) >= minNearWords
	var best Copy
	for _, f := range cands {
		var c Copy
		switch {
		case f.ArticleID == a.ID:
			if p.Recode {
				continue
			}
			c = Copy{Of: f.ArticleID, Kind: CopyURL}
		case fp.URLKey != "" && f.URLKey == fp.URLKey:
			c = Copy{Of: f.ArticleID, Kind: CopyURL}
		case f.ContentHash == fp.ContentHash && (f.Outlet == fp.Outlet || f.Outlet == "" || fp.Outlet == ""):
			c = Copy{Of: f.ArticleID, Kind: CopyContent}
		case f.ContentHash == fp.ContentHash:
			c = Copy{Of: f.ArticleID, Kind: CopySyndicated}
		case near && dedup.Distance(f.SimHash, fp.SimHash) <= maxDist:
			c = Copy{Of: f.ArticleID, Kind: CopyNear, Distance: dedup.Distance(f.SimHash, fp.SimHash)}
		default:
			continue
		}
		c.Day = f.Day
		if f.DuplicateOf != "" && !c.Exact() {
			// A copy of a copy is linked to the original, whose day the
			// copy's fingerprint holds.
			c.Of, c.copyOfCopy = f.DuplicateOf, true
		}
		if c.Of == a.ID && f.ArticleID != a.ID {
			continue // a copy of this very article
		}
		if best.Kind == "" || c.rank() < best.rank() || c.rank() == best.rank() && c.Day < best.Day {
			best = c
		}
	}
	return best, nil
}

// linkCopy marks a as a copy of the stored article c names, and returns
// the date its events are coded with: the original's, so that the copy's
// events are further mentions of the original's events, not new events
// dated by a later reprint. A copy without a date of its own takes the
// original's.
func linkCopy(a *dyad.Article, c Copy, date time.Time) time.Time {
	a.DuplicateOf = c.Of
	day, err := time.Parse(time.DateOnly, c.Day)
	if err != nil {
		return date
	}
	if a.Published.IsZero() {
		a.Published, a.PublishedPrecision = day, dyad.PrecisionDay
	}
	return day
}
