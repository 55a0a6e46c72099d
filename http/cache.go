package http

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// responseCache keeps the serialised responses of read endpoints for a
// short time (Server.CacheTTL), so that the many clients of a dashboard
// asking for the same page share one query. Concurrent requests for a
// response being computed wait for it rather than running the query
// again. Once a response is older than the TTL, the next request computes
// it again in the background while requests go on getting the old one, for
// at most maxStale, so that no client waits for a query that many ask for.
// A write through the server's write endpoints empties the cache; writes
// by other processes (dyad ingest) show after the TTL and the time of one
// query, as Cache-Control announces.
type responseCache struct {
	ttl time.Duration
	max int

	mu      sync.Mutex
	entries map[string]*cached
}

// maxStale is how long past its TTL a response is served while a fresh
// one is computed.
const maxStale = 10 * time.Second

// cached is one response, or one being computed (ready not yet closed).
type cached struct {
	ready      chan struct{}
	ok         bool // a 200 response was recorded
	header     http.Header
	body       []byte
	etag       string
	expires    time.Time
	refreshing bool // a fresh copy is being computed (under mu)
}

func newResponseCache(ttl time.Duration, max int) *responseCache {
	return &responseCache{ttl: ttl, max: max, entries: map[string]*cached{}}
}

// clear forgets every response.
func (c *responseCache) clear() {
	c.mu.Lock()
	c.entries = map[string]*cached{}
	c.mu.Unlock()
}

// lookup says what a request for key does.
type lookup int

const (
	serve   lookup = iota // serve the entry (waiting until it is ready)
	compute               // compute the entry, then serve it
	refresh               // serve the entry; compute a fresh one in the background
)

// get returns the entry for key and what to do with it.
func (c *responseCache) get(key string, now time.Time) (*cached, lookup) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e := c.entries[key]; e != nil {
		select {
		case <-e.ready:
			switch {
			case now.Before(e.expires):
				return e, serve
			case e.refreshing && now.Before(e.expires.Add(maxStale)):
				return e, serve
			case now.Before(e.expires.Add(maxStale)):
				e.refreshing = true
				return e, refresh
			}
		default:
			return e, serve // being computed
		}
	}
	if len(c.entries) >= c.max {
		// Entries too old to serve go first; when all are younger, all go.
		for k, old := range c.entries {
			select {
			case <-old.ready:
				if !now.Before(old.expires.Add(maxStale)) {
					delete(c.entries, k)
				}
			default:
			}
		}
		if len(c.entries) >= c.max {
			c.entries = map[string]*cached{}
		}
	}
	e := &cached{ready: make(chan struct{})}
	c.entries[key] = e
	return e, compute
}

// run computes e by calling h, records a 200 response in it, and
// publishes it under key (replacing old, the stale entry it refreshes, if
// any). It returns the recorded response.
func (c *responseCache) run(key string, e, old *cached, h http.HandlerFunc, r *http.Request) *recorder {
	rec := &recorder{header: http.Header{}}
	defer func() {
		c.mu.Lock()
		switch cur := c.entries[key]; {
		case e.ok && (cur == old || cur == e):
			c.entries[key] = e
		case !e.ok && cur == e:
			delete(c.entries, key)
		case !e.ok && old != nil:
			old.refreshing = false // the next request tries again
		}
		c.mu.Unlock()
		close(e.ready)
	}()
	h(rec, r)
	if rec.status == http.StatusOK {
		sum := sha256.Sum256(rec.body.Bytes())
		e.ok, e.header, e.body = true, rec.header, rec.body.Bytes()
		e.etag = `"` + base64.RawURLEncoding.EncodeToString(sum[:12]) + `"`
		e.expires = time.Now().Add(c.ttl)
	}
	return rec
}

// recorder records a response for the cache.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }
func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
}
func (r *recorder) Write(p []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.body.Write(p)
}

// responses returns the response cache, nil when CacheTTL is not set.
func (s *Server) responses() *responseCache {
	s.cacheOnce.Do(func() {
		if s.CacheTTL > 0 {
			s.cache = newResponseCache(s.CacheTTL, maxCached)
		}
	})
	return s.cache
}

// maxCached is the most responses the cache holds.
const maxCached = 4096

// cached wraps a read endpoint with the response cache, when the server
// has one: responses of status 200 are kept under the request URI, with
// an ETag that lets clients revalidate (304 Not Modified).
func (s *Server) cached(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c := s.responses()
		if c == nil {
			h(w, r)
			return
		}
		key := r.URL.RequestURI()
		e, do := c.get(key, time.Now())
		switch do {
		case compute:
			if rec := c.run(key, e, nil, h, r); !e.ok {
				// An error or a redirect: sent as it is, not kept.
				for k, v := range rec.header {
					w.Header()[k] = v
				}
				w.WriteHeader(rec.status)
				w.Write(rec.body.Bytes())
				return
			}
		case refresh:
			// The request's own context ends with it: the refresh gets
			// one of its own, bounded like a request.
			ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), maxStale)
			fresh, req := &cached{ready: make(chan struct{})}, r.Clone(ctx)
			go func() {
				defer cancel()
				c.run(key, fresh, e, h, req)
			}()
		default:
			select {
			case <-e.ready:
			case <-r.Context().Done():
				return
			}
			if !e.ok {
				// The request computing it failed: run this one.
				h(w, r)
				return
			}
		}
		for k, v := range e.header {
			w.Header()[k] = v
		}
		w.Header().Set("ETag", e.etag)
		w.Header().Set("Cache-Control", "max-age="+strconv.Itoa(int(c.ttl/time.Second)))
		if r.Header.Get("If-None-Match") == e.etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(e.body)))
		w.Write(e.body)
	}
}
