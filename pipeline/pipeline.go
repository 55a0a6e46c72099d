// Package pipeline runs dyad's stages over one article: split and parse
// its text, code the sentences, and store the article with its sentences
// and events. It is the only place that knows the order of the stages.
package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/claims"
	"github.com/dyad-events/dyad/dates"
	"github.com/dyad-events/dyad/geo"
)

// Parser turns an article's text into parsed sentences.
type Parser interface {
	ParseText(ctx context.Context, text string) ([]*dyad.Sentence, error)
}

// Coder codes the events of an article's parsed sentences, reported on
// date, in order (so that "both sides" can mean the article's dyad), and
// returns each sentence's events.
type Coder interface {
	CodeArticle(sents []*dyad.Sentence, date time.Time) [][]dyad.Event
}

// Pipeline codes articles and, when it has a store, saves them.
type Pipeline struct {
	Parser Parser
	Coder  Coder
	// Store receives each coded article; nil to code without storing.
	Store dyad.EventWriter
	// Places gives events their locations; nil leaves them unplaced.
	Places *geo.Gazetteer
	// Now gives the date of articles that carry none; time.Now when nil.
	Now func() time.Time
	// Copies, when set, recognises articles that repeat stored ones (see
	// Copy): exact copies are neither coded nor stored again, and
	// syndicated or lightly edited copies are stored linked to the
	// original (Article.DuplicateOf), their events coded as further
	// mentions of the original's. Each stored article's fingerprint is
	// saved in it.
	Copies CopyIndex
	// NearDistance is the largest SimHash distance of a near copy
	// (DefaultNearDistance if 0, at most dyad.MaxNearDistance), and
	// NearDays how many days apart a copy and its original may be dated
	// (DefaultNearDays if 0).
	NearDistance, NearDays int
	// Recode codes and stores again an article stored before under the
	// same ID (after a dictionary change, say), where it is otherwise
	// an exact copy of itself and skipped.
	Recode bool
	// KeepMonads keeps events with one side only (target or source
	// "---"); otherwise claims and denials of responsibility whose target
	// the article does not give are dropped (see claims.Resolve).
	KeepMonads bool
}

// Result is what Process did with one article.
type Result struct {
	Article   *dyad.Article
	Sentences []*dyad.Sentence
	Events    []dyad.Event
	// Skipped says why the article was not coded ("" when it was).
	Skipped string
	// Saved is what the store changed; zero without a store.
	Saved dyad.SaveResult
	// Copy names the stored article this one repeats; zero when it is
	// new or the Pipeline has no CopyIndex. An exact copy (Copy.Exact)
	// was neither coded nor stored.
	Copy Copy
}

// Process codes one article and stores it. An article whose language is
// set and is not English is stored uncoded and reported as skipped. With
// Copies set, an exact copy of a stored article is neither coded nor
// stored, and a syndicated or edited copy is linked to its original
// (Result.Copy says which).
func (p *Pipeline) Process(ctx context.Context, a *dyad.Article) (*Result, error) {
	if strings.TrimSpace(a.Text) == "" {
		return nil, dyad.Errorf(dyad.EINVALID, "article %q has no text", a.URL)
	}
	if a.ID == "" {
		a.ID = ArticleID(a)
	}
	now := time.Now
	if p.Now != nil {
		now = p.Now
	}
	dl, dlAt, hasDateline := findDateline(a.Text)
	if a.Published.IsZero() && hasDateline && dl.Date != "" {
		// "ISLAMABAD, Oct. 19, 2025 (Reuters) -": the dateline's date.
		if t, prec, ok := datelineDate(dl.Date, now()); ok {
			a.Published, a.PublishedPrecision = t, prec
		}
	}
	date := a.Published
	if date.IsZero() {
		date = now().UTC()
	}
	res := &Result{Article: a}
	var fp dyad.Fingerprint
	if p.Copies != nil {
		fp = fingerprint(a, date.UTC().Format(time.DateOnly))
		c, err := p.findCopy(ctx, a, fp)
		if err != nil {
			return nil, err
		}
		res.Copy = c
		switch {
		case c.Exact():
			return res, nil
		case c.Kind != "":
			date = linkCopy(a, c, date)
			fp.Day, fp.DuplicateOf = c.Day, c.Of
		}
		a.Fingerprint = fmt.Sprintf("%016x", fp.SimHash)
	}
	if lang := strings.ToLower(a.Language); lang != "" && lang != "en" && !strings.HasPrefix(lang, "en-") {
		res.Skipped = "language " + a.Language
	} else {
		text := a.Text
		if hasDateline {
			// "KABUL, Oct 12 (Reuters) -" is not part of the first sentence.
			text = text[:dlAt] + text[dlAt+dl.End:]
		}
		sents, err := p.Parser.ParseText(ctx, text)
		if err != nil {
			return nil, fmt.Errorf("parse article %s: %w", a.ID, err)
		}
		if title := strings.TrimSpace(a.Title); title != "" && !strings.HasPrefix(strings.TrimSpace(text), title) {
			// The headline is coded too, as the article's first sentence.
			head, err := p.Parser.ParseText(ctx, title)
			if err != nil {
				return nil, fmt.Errorf("parse title of article %s: %w", a.ID, err)
			}
			sents = append(head, sents...)
		}
		for i, s := range sents {
			s.ArticleID, s.Index = a.ID, i
		}
		perSentence := p.Coder.CodeArticle(sents, date)
		for _, h := range headlines(a.Title, sents) {
			dateHeadline(perSentence, h)
		}
		if p.Places != nil {
			lead := a.Text[dlAt:]
			if len(lead) > 200 {
				lead = lead[:200]
			}
			p.place(lead, sents, perSentence)
		}
		// After placing, so that attackers known by their role have the
		// country of the place.
		p.resolveClaims(perSentence)
		for _, evs := range perSentence {
			for _, e := range evs {
				e.ArticleID = a.ID
				res.Events = append(res.Events, e)
			}
		}
		claims.Link(res.Events)
		res.Sentences = sents
	}
	if p.Store != nil {
		sents := make([]dyad.Sentence, len(res.Sentences))
		for i, s := range res.Sentences {
			sents[i] = *s
		}
		saved, err := p.Store.SaveArticle(ctx, a, sents, res.Events)
		if err != nil {
			return nil, fmt.Errorf("save article %s: %w", a.ID, err)
		}
		res.Saved = saved
		if p.Copies != nil {
			if err := p.Copies.SaveFingerprint(ctx, fp); err != nil {
				return nil, fmt.Errorf("save article %s: %w", a.ID, err)
			}
		}
	}
	return res, nil
}

// headlines returns the indexes of the sentences at the top of an
// article that are its title or read as one: no full stop, question or
// exclamation mark at the end ("Islamist militants kill dozens of
// soldiers").
func headlines(title string, sents []*dyad.Sentence) []int {
	title = strings.Join(strings.Fields(title), " ")
	var out []int
	for i, s := range sents {
		if i > 2 {
			break
		}
		text := strings.TrimSpace(s.Text)
		if text == "" {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(text)
		if title != "" && strings.Join(strings.Fields(text), " ") == title || !strings.ContainsRune(".!?\"'”’]", last) {
			out = append(out, i)
		}
	}
	return out
}

// dateHeadline dates the events of the headline (sentence h), which
// rarely says when, by the same events in the body that do: "Islamist
// militants kill dozens of soldiers" happened on the "Tuesday" of the
// lead that tells it.
func dateHeadline(perSentence [][]dyad.Event, h int) {
	for j := range perSentence[h] {
		e := &perSentence[h][j]
		if e.DateSource != dates.FromPublication {
			continue
		}
	body:
		for _, evs := range perSentence[h+1:] {
			for _, b := range evs {
				if b.DateSource != dates.FromPublication && b.Root == e.Root &&
					sameSide(b.Source, e.Source) && sameSide(b.Target, e.Target) {
					e.Date, e.DatePrecision = b.Date, b.DatePrecision
					e.DateSource = b.DateSource + " (in the body)"
					break body
				}
			}
		}
	}
}

// sameSide reports whether two actors may be the same side: of one
// country, or one of them of a country not yet known ("militants").
func sameSide(a, b dyad.Actor) bool {
	return a.Country() == b.Country() || a.Country() == "" || b.Country() == ""
}

// resolveClaims gives claims and denials of responsibility the side they
// answer in the article, and drops those it cannot resolve unless monads
// are kept.
func (p *Pipeline) resolveClaims(perSentence [][]dyad.Event) {
	var all []*dyad.Event
	for i := range perSentence {
		for j := range perSentence[i] {
			all = append(all, &perSentence[i][j])
		}
	}
	if claims.Resolve(all) == 0 || p.KeepMonads {
		return
	}
	for i, evs := range perSentence {
		perSentence[i] = slices.DeleteFunc(evs, func(e dyad.Event) bool { return claims.Unanswered(&e) })
	}
}

// place gives each event the places its sentence (or the article's
// dateline) names; an event in several places becomes one event per place.
func (p *Pipeline) place(lead string, sents []*dyad.Sentence, perSentence [][]dyad.Event) {
	var countries []string
	seen := map[string]bool{}
	for _, evs := range perSentence {
		for _, e := range evs {
			for _, c := range []string{e.Source.Country(), e.Target.Country()} {
				if c != "" && !seen[c] {
					seen[c] = true
					countries = append(countries, c)
				}
			}
		}
	}
	ctx := p.Places.NewContext(lead, countries)
	home := mainCountry(perSentence)
	inDateline := false // some event happened in the dateline's country
	for i, evs := range perSentence {
		var placed []dyad.Event
		for j := range evs {
			out := p.Places.PlaceEvent(sents[i], &evs[j], ctx)
			if len(out) > 1 {
				// One event per place: the place is part of what happened.
				for k := range out {
					sum := sha256.Sum256([]byte(out[k].ID + "\x00" + out[k].Location.Name))
					out[k].ID = hex.EncodeToString(sum[:12])
				}
			}
			for _, e := range out {
				inDateline = inDateline || ctx.Dateline != nil && e.Location != nil &&
					e.LocationSource == geo.SourceSentence && e.Location.Country == ctx.Dateline.Country
			}
			placed = append(placed, out...)
		}
		perSentence[i] = placed
	}
	if inDateline {
		// The dateline is the story's own place (MAPUTO over attacks in
		// Cabo Delgado), not a foreign bureau's.
		home = ""
	}
	for _, evs := range perSentence {
		for j := range evs {
			fillCountry(&evs[j], home)
		}
	}
}

// fillCountry gives actors named only by their role ("---INS" for "the
// attackers", "---COP" for "police") the country where the event took
// place: unnamed police and militants in Mogadishu are Somali ones. When
// the place is only the article's dateline, a foreign bureau's city
// ("BANGKOK" over a story about Myanmar's junta, where no event happened
// in Thailand), the article's main country home, when it has one, comes
// first.
func fillCountry(e *dyad.Event, home string) {
	if e.Location == nil || len(e.Location.Country) != 3 {
		return
	}
	c := e.Location.Country
	if e.LocationSource == geo.SourceDateline && home != "" {
		c = home
	}
	for _, ac := range []*dyad.Actor{&e.Source, &e.Target} {
		if strings.HasPrefix(ac.Code, "---") && len(ac.Code) > 3 {
			ac.Code = c + ac.Code[3:]
		}
	}
}

// mainCountry returns the country the article's events name most often
// as source or target (states only, not international actors), or ""
// when there is none or a tie.
func mainCountry(perSentence [][]dyad.Event) string {
	n := map[string]int{}
	for _, evs := range perSentence {
		for _, e := range evs {
			for _, c := range []string{e.Source.Country(), e.Target.Country()} {
				switch c {
				case "", "---", "IGO", "IMG", "NGO", "MNC":
					continue
				}
				n[c]++
			}
		}
	}
	best, most, tie := "", 0, false
	for c, k := range n {
		switch {
		case k > most:
			best, most, tie = c, k, false
		case k == most:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}

// findDateline looks for a dateline at the start of the first few
// paragraphs of text (a title or a byline may come first) and returns it
// with the offset of its paragraph.
func findDateline(text string) (geo.Dateline, int, bool) {
	at := 0
	for n := 0; n < 12 && at < len(text); n++ {
		para := text[at:]
		if i := strings.IndexByte(para, '\n'); i >= 0 {
			para = para[:i]
		}
		if strings.TrimSpace(para) != "" {
			lead := len(para) - len(strings.TrimLeft(para, " \t"))
			if d, ok := geo.ParseDateline(para[lead:]); ok && d.End < len(para)-lead {
				return d, at + lead, true
			}
		}
		at += len(para) + 1
	}
	return geo.Dateline{}, 0, false
}

// datelineDate reads a dateline's date: "Oct. 19, 2025", "October 19,
// 2025", "19 October 2025", or without the year ("Oct 19"), which is then
// the latest such day not after now.
func datelineDate(s string, now time.Time) (time.Time, dyad.Precision, bool) {
	f := strings.Fields(strings.ReplaceAll(s, ".", ""))
	for i := range f {
		if strings.EqualFold(f[i], "sept") {
			f[i] = "Sep" // AP's "Sept.", which no layout knows
		}
	}
	s = strings.Join(f, " ")
	for _, layout := range []string{"Jan 2, 2006", "January 2, 2006", "2 Jan 2006", "2 January 2006", "Jan 2 2006", "January 2 2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, dyad.PrecisionDay, true
		}
	}
	for _, layout := range []string{"Jan 2", "January 2", "2 Jan", "2 January"} {
		if t, err := time.Parse(layout, s); err == nil {
			t = time.Date(now.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
			if t.After(now) {
				t = t.AddDate(-1, 0, 0)
			}
			return t, dyad.PrecisionDay, true
		}
	}
	return time.Time{}, "", false
}

// ArticleID returns a stable ID for an article: a hash of its canonical
// URL, else its URL, else its text.
func ArticleID(a *dyad.Article) string {
	key := a.CanonicalURL
	if key == "" {
		key = a.URL
	}
	if key == "" {
		key = a.Text
	}
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:10])
}
