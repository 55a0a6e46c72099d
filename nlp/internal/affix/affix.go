// Package affix cuts the beginnings and ends of words that the taggers'
// feature templates look at.
package affix

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
