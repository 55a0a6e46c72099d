// Package dedup recognises the same story arriving twice: exact copies by
// a content hash and a normalised URL, near-duplicates (syndicated or
// lightly edited copies) by a 64-bit SimHash over word shingles.
package dedup

import (
	"crypto/sha256"
	"encoding/hex"
	"hash/fnv"
	"math/bits"
	"net/url"
	"sort"
	"strings"
	"sync"
	"unicode"
)

// words returns the lower-cased words (letter and digit runs) of text.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
}

// ContentHash returns a hex SHA-256 of text's words, so that texts that
// differ only in case, punctuation or white space hash alike.
func ContentHash(text string) string {
	h := sha256.New()
	for _, w := range words(text) {
		h.Write([]byte(w))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// shingleSize is the number of words in a SimHash shingle.
const shingleSize = 3

// SimHash returns the 64-bit SimHash of text over its 3-word shingles:
// near-identical texts get hashes a few bits apart.
func SimHash(text string) uint64 {
	ws := words(text)
	var v [64]int
	add := func(s string) {
		h := fnv.New64a()
		h.Write([]byte(s))
		x := mix(h.Sum64())
		for i := range 64 {
			if x&(1<<i) != 0 {
				v[i]++
			} else {
				v[i]--
			}
		}
	}
	if len(ws) < shingleSize {
		add(strings.Join(ws, " "))
	}
	for i := 0; i+shingleSize <= len(ws); i++ {
		add(strings.Join(ws[i:i+shingleSize], " "))
	}
	var out uint64
	for i := range 64 {
		if v[i] > 0 {
			out |= 1 << i
		}
	}
	return out
}

// mix is the SplitMix64 finaliser: it spreads FNV's weak low bits over
// all 64, which SimHash needs.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Distance returns the number of bits in which two SimHashes differ.
func Distance(a, b uint64) int {
	return bits.OnesCount64(a ^ b)
}

// Fingerprint returns SimHash(text) as 16 hex digits, the form stored in
// dyad.Article.Fingerprint.
func Fingerprint(text string) string {
	const hexdig = "0123456789abcdef"
	x := SimHash(text)
	var b [16]byte
	for i := 15; i >= 0; i-- {
		b[i] = hexdig[x&0xf]
		x >>= 4
	}
	return string(b[:])
}

// trackingParams are query parameters that never change what a URL
// points to.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "msclkid": true, "mc_cid": true, "mc_eid": true,
	"ref": true, "ref_src": true, "cmpid": true, "ocid": true, "igshid": true, "_ga": true,
}

// NormalizeURL returns a canonical form of a URL for exact-duplicate
// checks: lower-case scheme and host, no default port, no fragment, no
// tracking parameters (utm_* and the like), sorted query, no trailing
// slash on a non-root path. Unparsable input is returned trimmed.
func NormalizeURL(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	u.Scheme = strings.ToLower(u.Scheme)
	host := strings.ToLower(u.Hostname())
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	host = strings.TrimPrefix(host, "www.")
	if port != "" {
		host += ":" + port
	}
	u.Host = host
	u.Fragment, u.RawFragment, u.User = "", "", nil
	q := u.Query()
	for k := range q {
		if strings.HasPrefix(strings.ToLower(k), "utm_") || trackingParams[strings.ToLower(k)] {
			q.Del(k)
		}
	}
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var qs []string
	for _, k := range keys {
		for _, v := range q[k] {
			qs = append(qs, url.QueryEscape(k)+"="+url.QueryEscape(v))
		}
	}
	u.RawQuery = strings.Join(qs, "&")
	if len(u.Path) > 1 {
		u.Path = strings.TrimSuffix(u.Path, "/")
		u.RawPath = ""
	}
	return u.String()
}

// urlKey is NormalizeURL without the scheme: the http and https forms of
// a page are the same page.
func urlKey(raw string) string {
	if strings.TrimSpace(raw) == "" {
		return ""
	}
	u := NormalizeURL(raw)
	if i := strings.Index(u, "://"); i >= 0 {
		return u[i+3:]
	}
	return u
}

// Match says how a document relates to one seen before.
type Match struct {
	// ID is the earlier document's ID; "" when the document is new.
	ID string
	// Kind is "url", "content" or "near" for a match, "" otherwise.
	Kind string
	// Distance is the SimHash distance for a "near" match.
	Distance int
}

// Index remembers documents and finds exact and near duplicates among
// them. The zero value is not ready; use NewIndex. It is safe for
// concurrent use.
type Index struct {
	maxDist int

	mu      sync.Mutex
	urls    map[string]string
	hashes  map[string]string
	bands   []map[uint64][]entry // maxDist+1 bands of the hash's bits
	entries int
}

type entry struct {
	id   string
	hash uint64
}

// DefaultMaxDistance is the SimHash distance up to which NewIndex calls
// two texts near-duplicates by default. A few edited sentences in a
// news story move its SimHash by about that much; unrelated stories sit
// near 32.
const DefaultMaxDistance = 8

// NewIndex returns an empty Index that calls two texts near-duplicates
// when their SimHashes differ in at most maxDist bits
// (DefaultMaxDistance if maxDist <= 0, at most 15). The search is exact:
// the hash is cut into maxDist+1 bands, and two hashes that close must
// agree on at least one band.
func NewIndex(maxDist int) *Index {
	if maxDist <= 0 {
		maxDist = DefaultMaxDistance
	}
	maxDist = min(maxDist, 15)
	ix := &Index{maxDist: maxDist, urls: make(map[string]string), hashes: make(map[string]string)}
	ix.bands = make([]map[uint64][]entry, maxDist+1)
	for i := range ix.bands {
		ix.bands[i] = make(map[uint64][]entry)
	}
	return ix
}

// band returns band i of hash h.
func (ix *Index) band(h uint64, i int) uint64 {
	n := len(ix.bands)
	lo, hi := i*64/n, (i+1)*64/n
	return (h >> lo) & (1<<(hi-lo) - 1)
}

// Add looks a document up and then records it under id. urls are its URL
// and canonical URL (empty ones are ignored). It returns the earlier
// document it duplicates, by URL first, then exact content, then SimHash.
func (ix *Index) Add(id, text string, urls ...string) Match {
	sh := SimHash(text)
	ch := ContentHash(text)
	ix.mu.Lock()
	defer ix.mu.Unlock()
	m := ix.lookup(sh, ch, urls)
	for _, u := range urls {
		if u = urlKey(u); u != "" {
			if _, ok := ix.urls[u]; !ok {
				ix.urls[u] = id
			}
		}
	}
	if _, ok := ix.hashes[ch]; !ok {
		ix.hashes[ch] = id
	}
	for i := range ix.bands {
		b := ix.band(sh, i)
		ix.bands[i][b] = append(ix.bands[i][b], entry{id: id, hash: sh})
	}
	ix.entries++
	return m
}

func (ix *Index) lookup(sh uint64, ch string, urls []string) Match {
	for _, u := range urls {
		if u = urlKey(u); u != "" {
			if id, ok := ix.urls[u]; ok {
				return Match{ID: id, Kind: "url"}
			}
		}
	}
	if id, ok := ix.hashes[ch]; ok {
		return Match{ID: id, Kind: "content"}
	}
	best := Match{Distance: 65}
	for i := range ix.bands {
		for _, e := range ix.bands[i][ix.band(sh, i)] {
			if d := Distance(sh, e.hash); d <= ix.maxDist && d < best.Distance {
				best = Match{ID: e.id, Kind: "near", Distance: d}
			}
		}
	}
	if best.ID == "" {
		return Match{}
	}
	return best
}

// Len returns the number of documents added.
func (ix *Index) Len() int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.entries
}
