package geo

import (
	"regexp"
	"strings"
)

// Dateline is the place line that opens a news article: "KABUL, Oct 12
// (Reuters) -", "ISLAMABAD —", "GAZA CITY, Gaza Strip (AP) —".
type Dateline struct {
	// Place is the place as written ("KABUL") and Region what follows it
	// after a comma ("Gaza Strip"), "" when nothing does.
	Place  string
	Region string
	// Date is the date as written ("Oct 12"), "" when there is none.
	Date string
	// Agency is the news agency in parentheses ("Reuters"), "" if none.
	Agency string
	// End is the byte offset in the text where the story itself begins.
	End int
}

// datelineRE matches a dateline: an upper-case place (or a title-case
// one), up to two regions, a date and an agency, each optional, and a
// dash or colon (or, after an agency, nothing: "Hong Kong (CNN Business)
// A muddled …").
var datelineRE = regexp.MustCompile(`^\s*` +
	`(?P<place>(?:[A-Z][A-Z.'’]*(?:[ -][A-Z][A-Z.'’]*){0,4})|(?:[A-Z][a-z'’.]+(?:[ -][A-Z][a-z'’.]+){0,3}))` +
	`(?:,\s*(?P<region>[A-Z][A-Za-z.'’]*(?:[ -][A-Za-z.'’]+){0,3}))?` +
	`(?:,\s*[A-Z][A-Za-z.'’]*(?:[ -][A-Za-z.'’]+){0,3})?` +
	`(?:,?\s+(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{4})?))?` +
	`(?:\s*(?:\((?P<agency>[^()]{1,40})\))?\s*(?P<sep>-{1,2}|—|–|:)\s*|\s*\((?P<agency2>[^()]{1,40})\)\s+)`)

// ParseDateline finds the dateline at the start of an article's text. It
// reports false when the text does not open with one. Region is the first
// region after the place ("DC" in "Washington, DC, United States:"). The
// caller resolves Place (Gazetteer.NewContext does); this function knows
// no places.
func ParseDateline(text string) (Dateline, bool) {
	if len(text) > 200 {
		text = text[:200]
	}
	m := datelineRE.FindStringSubmatchIndex(text)
	if m == nil {
		return Dateline{}, false
	}
	group := func(name string) (string, bool) {
		i := datelineRE.SubexpIndex(name)
		if m[2*i] < 0 {
			return "", false
		}
		return text[m[2*i]:m[2*i+1]], true
	}
	d := Dateline{End: m[1]}
	d.Place, _ = group("place")
	d.Region, _ = group("region")
	d.Date, _ = group("date")
	d.Agency, _ = group("agency")
	if a, ok := group("agency2"); ok {
		d.Agency = a
	}
	d.Agency = strings.TrimSpace(d.Agency)
	sep, hasSep := group("sep")
	switch {
	case !hasSep:
		// Only "PLACE (Agency) Story": the story starts with a capital.
		if d.Agency == "" || m[1] >= len(text) || text[m[1]] < 'A' || text[m[1]] > 'Z' {
			return Dateline{}, false
		}
	case sep == ":":
		// A title-case place with a colon needs a region or an agency
		// ("Washington, DC, United States:"), not "Meanwhile: …".
		if strings.ToUpper(d.Place) != d.Place && d.Agency == "" && d.Region == "" {
			return Dateline{}, false
		}
	case sep[0] == '-':
		// A plain hyphen needs a space after it ("Kabul - ", not
		// "Kabul-based").
		i := datelineRE.SubexpIndex("sep")
		if m[1] == m[2*i+1] && m[1] < len(text) {
			return Dateline{}, false
		}
	}
	if d.Region != "" && isMonth(strings.Fields(d.Region)[0]) {
		return Dateline{}, false
	}
	if isMonth(d.Place) {
		return Dateline{}, false
	}
	return d, true
}

// isMonth reports whether w names a month or a weekday ("Oct", "Monday").
func isMonth(w string) bool {
	w = strings.TrimSuffix(strings.ToLower(w), ".")
	switch w {
	case "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
		"jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	return false
}
