package extract

import (
	"bytes"
)

// stripped lists the elements whose content never holds story text and
// which stripHTML removes before parsing. Removing them at byte level
// makes the DOM, and so every later pass over it, several times smaller.
var stripped = [][]byte{[]byte("script"), []byte("style"), []byte("svg"), []byte("noscript"), []byte("template"), []byte("iframe")}

// stripHTML returns src without comments and without the elements in
// stripped, except <script type="application/ld+json">, which carries
// metadata. It is a conservative scanner, not a parser: where it is unsure
// (an unclosed element) it keeps the rest of the input as it is.
func stripHTML(src []byte) []byte {
	out := make([]byte, 0, len(src))
	i := 0
	for {
		j := bytes.IndexByte(src[i:], '<')
		if j < 0 {
			return append(out, src[i:]...)
		}
		j += i
		out = append(out, src[i:j]...)
		rest := src[j:]
		if bytes.HasPrefix(rest, []byte("<!--")) {
			end := bytes.Index(rest[4:], []byte("-->"))
			if end < 0 {
				return append(out, rest...)
			}
			i = j + 4 + end + 3
			continue
		}
		name := tagName(rest[1:])
		if name == nil {
			out = append(out, '<')
			i = j + 1
			continue
		}
		skip := -1
		for _, s := range stripped {
			if bytes.EqualFold(name, s) {
				skip = elementEnd(rest, s)
				break
			}
		}
		if skip < 0 {
			out = append(out, '<')
			i = j + 1
			continue
		}
		i = j + skip
	}
}

// tagName returns the name of the tag starting at b (just after '<'), or
// nil if b does not start a start tag.
func tagName(b []byte) []byte {
	n := 0
	for n < len(b) && (b[n] >= 'a' && b[n] <= 'z' || b[n] >= 'A' && b[n] <= 'Z') {
		n++
	}
	if n == 0 || n == len(b) {
		return nil
	}
	switch b[n] {
	case ' ', '\t', '\n', '\r', '\f', '>', '/':
		return b[:n]
	}
	return nil
}

// elementEnd returns the length of the element named name that starts
// rest, up to and including its closing tag, or -1 to keep it (JSON-LD,
// or no closing tag found).
func elementEnd(rest, name []byte) int {
	gt := bytes.IndexByte(rest, '>')
	if gt < 0 {
		return -1
	}
	open := rest[:gt]
	if bytes.EqualFold(name, []byte("script")) && bytes.Contains(bytes.ToLower(open), []byte("ld+json")) {
		return -1
	}
	if gt > 0 && open[gt-1] == '/' { // self-closing, e.g. <svg/>
		return gt + 1
	}
	closing := append([]byte("</"), name...)
	k := indexFold(rest[gt:], closing)
	if k < 0 {
		return -1
	}
	k += gt
	end := bytes.IndexByte(rest[k:], '>')
	if end < 0 {
		return -1
	}
	return k + end + 1
}

// indexFold is bytes.Index ignoring ASCII case; sep must be lower case
// apart from punctuation.
func indexFold(s, sep []byte) int {
	n := len(sep)
	for i := 0; i+n <= len(s); {
		j := bytes.IndexByte(s[i:], sep[0])
		if j < 0 {
			return -1
		}
		i += j
		if i+n > len(s) {
			return -1
		}
		if bytes.EqualFold(s[i:i+n], sep) {
			return i
		}
		i++
	}
	return -1
}
