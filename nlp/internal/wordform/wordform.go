// Package wordform gives the forms of a word that the taggers' feature
// templates look at: its beginning and end, and its class when it is a
// number.
package wordform

// Prefix returns the first n bytes of w, or w when it is no longer.
func Prefix(w string, n int) string {
	if len(w) <= n {
		return w
	}
	return w[:n]
}

// Suffix returns the last n bytes of w, or w when it is no longer.
func Suffix(w string, n int) string {
	if len(w) <= n {
		return w
	}
	return w[len(w)-n:]
}

// Normalize maps numbers to a class ("!YEAR" for four digits, "!DIGITS"
// for a word at least half digits) and keeps other words.
func Normalize(w string) string {
	digits := 0
	for i := 0; i < len(w); i++ {
		if w[i] >= '0' && w[i] <= '9' {
			digits++
		}
	}
	if digits > 0 && digits*2 >= len(w) {
		if len(w) == 4 && digits == 4 {
			return "!YEAR"
		}
		return "!DIGITS"
	}
	return w
}
