package extract

import (
	"strings"
	"unicode"

	"github.com/RadhiFadlillah/whatlanggo"
)

// language returns the ISO 639-1 code of the article's language:
// detected is what trafilatura's trigram detector (whatlanggo, run over
// the extracted text) found, declared the page's <html lang>. The
// detector wins; the declaration fills in when it found nothing.
func language(detected, declared string) string {
	if d := primaryTag(detected); d != "" {
		return d
	}
	return primaryTag(declared)
}

// primaryTag returns the lower-case primary subtag of a BCP 47 tag
// ("en-GB" → "en"), or "" if it is not a two- or three-letter code.
func primaryTag(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) < 2 || len(tag) > 3 {
		return ""
	}
	for _, r := range tag {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	return tag
}

// Language returns the ISO 639-1 code of text's language as a small
// trigram detector (whatlanggo, the one trafilatura uses) sees it on the
// first few thousand bytes, or "" when it cannot tell.
func Language(text string) string {
	if len(text) > 3000 {
		text = strings.ToValidUTF8(text[:3000], "")
	}
	info := whatlanggo.DetectWithOptions(text, whatlanggo.Options{Whitelist: newsLanguages})
	if info.Lang == -1 {
		return ""
	}
	if info.Lang != whatlanggo.Eng && info.Script == unicode.Latin && len(text) < shortText && !info.IsReliable() {
		// Trigrams of a sentence or two in Latin script say little:
		// "Israeli warplanes struck Houthi military targets in Sanaa."
		// scores as Javanese. Unknown is better than a wrong language
		// that would keep an English text from being coded.
		return ""
	}
	return primaryTag(whatlanggo.LangToStringShort(info.Lang))
}

// shortText is the length under which an unreliable guess of a Latin
// script language other than English is not trusted.
const shortText = 400

// newsLanguages are the languages the detector chooses among: the
// languages of most of the world's news. Leaving out the rare ones keeps
// short English texts from being taken for Tagalog or Esperanto.
var newsLanguages = map[whatlanggo.Lang]bool{
	whatlanggo.Eng: true, whatlanggo.Fra: true, whatlanggo.Deu: true, whatlanggo.Spa: true, whatlanggo.Por: true,
	whatlanggo.Ita: true, whatlanggo.Nld: true, whatlanggo.Rus: true, whatlanggo.Ukr: true, whatlanggo.Pol: true,
	whatlanggo.Arb: true, whatlanggo.Pes: true, whatlanggo.Urd: true, whatlanggo.Hin: true, whatlanggo.Ben: true,
	whatlanggo.Cmn: true, whatlanggo.Jpn: true, whatlanggo.Kor: true, whatlanggo.Tur: true, whatlanggo.Ind: true,
	whatlanggo.Heb: true, whatlanggo.Vie: true, whatlanggo.Tha: true, whatlanggo.Swe: true, whatlanggo.Ell: true,
	whatlanggo.Ron: true, whatlanggo.Hun: true, whatlanggo.Ces: true, whatlanggo.Fin: true, whatlanggo.Dan: true,
	whatlanggo.Nob: true, whatlanggo.Amh: true,
}
