package geo

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold returns the lookup key of a place name: lower case, without
// diacritics or apostrophes, with every other run of punctuation and space
// turned into one space ("Kandahār" and "KANDAHAR" → "kandahar",
// "Ma'rib" → "marib", "Khan-Younis" → "khan younis").
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if !ascii {
		s = norm.NFD.String(s)
	}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		case r == '\'' || r == '’' || r == 'ʼ' || r == '`' || r == 'ʻ' || r == '‘' || r == 'ʿ' || r == 'ʾ':
			continue
		case r < 0x80:
			space = b.Len() > 0
			continue
		case unicode.Is(unicode.Mn, r):
			continue
		default:
			if sp, ok := specialFold(r); ok {
				if space {
					b.WriteByte(' ')
					space = false
				}
				b.WriteString(sp)
				continue
			}
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				r = unicode.ToLower(r)
			} else {
				space = b.Len() > 0
				continue
			}
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// specialFold spells the Latin letters that do not decompose into a base
// letter and a diacritic.
func specialFold(r rune) (string, bool) {
	switch r {
	case 'ł', 'Ł':
		return "l", true
	case 'ø', 'Ø':
		return "o", true
	case 'đ', 'Đ', 'ð', 'Ð':
		return "d", true
	case 'ß':
		return "ss", true
	case 'æ', 'Æ':
		return "ae", true
	case 'œ', 'Œ':
		return "oe", true
	case 'ı':
		return "i", true
	case 'þ', 'Þ':
		return "th", true
	case 'ħ', 'Ħ':
		return "h", true
	}
	return "", false
}

// isLatin reports whether a folded key is written in plain Latin letters,
// digits and spaces; only such alternate names are kept from GeoNames.
func isLatin(key string) bool {
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ' ') {
			return false
		}
	}
	return key != ""
}
