package extract

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// ToUTF8 converts an HTML document to valid UTF-8. The encoding is taken
// from a byte-order mark, then contentType (an HTTP Content-Type header
// value, possibly empty), then a <meta charset> declaration in the first
// kilobyte, and otherwise guessed from the bytes (valid UTF-8 stays UTF-8,
// anything else is read as Windows-1252). Bytes that cannot be decoded
// become U+FFFD; ToUTF8 never fails. It returns the text and the name of
// the encoding it used.
func ToUTF8(raw []byte, contentType string) (string, string) {
	enc, name := determineEncoding(raw, contentType)
	if enc == nil || name == "utf-8" {
		raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
		if utf8.Valid(raw) {
			return string(raw), "utf-8"
		}
		return strings.ToValidUTF8(string(raw), "\uFFFD"), "utf-8"
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return strings.ToValidUTF8(string(raw), "\uFFFD"), "utf-8"
	}
	if !utf8.Valid(out) {
		return strings.ToValidUTF8(string(out), "\uFFFD"), name
	}
	return string(out), name
}

// determineEncoding picks the encoding of raw, as the HTML5 encoding
// sniffing algorithm does, but prefers UTF-8 over the algorithm's
// Windows-1252 default when raw is valid UTF-8 and declares nothing.
func determineEncoding(raw []byte, contentType string) (encoding.Encoding, string) {
	switch {
	case bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")):
		return nil, "utf-8"
	case bytes.HasPrefix(raw, []byte("\xfe\xff")):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be"
	case bytes.HasPrefix(raw, []byte("\xff\xfe")):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le"
	}
	enc, name, certain := charset.DetermineEncoding(raw, contentType)
	switch {
	case !certain && name == "windows-1252" && utf8.Valid(raw):
		// Undeclared and valid UTF-8: almost surely UTF-8.
		return nil, "utf-8"
	case name == "utf-8" && !certain && !utf8.Valid(raw) && !hasMultibyte(raw):
		// A <meta> that claims UTF-8 on a legacy page is common: when
		// no valid multi-byte sequence backs the claim, the bytes win.
		return charmap.Windows1252, "windows-1252"
	case name == "utf-8":
		return nil, "utf-8"
	}
	return enc, name
}

// hasMultibyte reports whether raw holds at least one valid multi-byte
// UTF-8 sequence.
func hasMultibyte(raw []byte) bool {
	for i := 0; i < len(raw); {
		if raw[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(raw[i:])
		if r != utf8.RuneError || n > 1 {
			return true
		}
		i += n
	}
	return false
}
