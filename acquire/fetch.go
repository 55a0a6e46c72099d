package acquire

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/extract"
)

// Defaults for Options.
const (
	DefaultUserAgent    = "dyad/0.1 (+https://github.com/dyad-events/dyad)"
	DefaultTimeout      = 30 * time.Second
	DefaultMaxBytes     = 10 << 20
	DefaultMaxRedirects = 5
	DefaultRetries      = 2
	DefaultBackoff      = time.Second
	DefaultPerHost      = 2
	DefaultHostDelay    = time.Second
)

// Errors a Fetcher returns (wrapped with the URL); test with errors.Is.
var (
	ErrTooLarge         = errors.New("response is larger than the size limit")
	ErrTooManyRedirects = errors.New("too many redirects")
	ErrRobots           = errors.New("disallowed by robots.txt")
	ErrScheme           = errors.New("only http and https URLs can be fetched")
)

// Options configure a Fetcher. Zero values mean the defaults above.
type Options struct {
	// UserAgent is sent with every request; its first word is the agent
	// matched against robots.txt groups.
	UserAgent string
	// Timeout bounds one attempt, from dialling to the last body byte,
	// so a slow-drip server cannot hold a fetch for longer.
	Timeout time.Duration
	// MaxBytes caps a response body after decompression; larger bodies
	// fail with ErrTooLarge (this also stops decompression bombs).
	MaxBytes int64
	// MaxRedirects is the most redirects one fetch follows.
	MaxRedirects int
	// Retries is how many times a failed attempt (network error, 429,
	// 5xx) is retried, with exponential backoff from Backoff. Negative
	// means no retries.
	Retries int
	// Backoff is the delay before the first retry; it doubles each time,
	// with jitter, and a server's Retry-After is honoured up to a minute.
	Backoff time.Duration
	// PerHost is how many requests may run at once against one host.
	PerHost int
	// HostDelay is the least time between the starts of two requests to
	// one host; a longer robots.txt Crawl-delay (up to a minute) wins.
	// Negative means no delay.
	HostDelay time.Duration
	// IgnoreRobots skips robots.txt.
	IgnoreRobots bool
	// AllowPrivate lets the Fetcher connect to loopback, private,
	// link-local and metadata addresses, which the SSRF guard refuses by
	// default. Tests against local servers and intranet deployments set it.
	AllowPrivate bool
	// AddrPolicy, when set, replaces ForbiddenAddr as the SSRF guard's
	// rule (and AllowPrivate is ignored): it returns why an address may
	// not be dialled, or "" to allow it.
	AddrPolicy func(netip.Addr) string
}

func (o Options) withDefaults() Options {
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = DefaultMaxRedirects
	}
	switch {
	case o.Retries == 0:
		o.Retries = DefaultRetries
	case o.Retries < 0:
		o.Retries = 0
	}
	if o.Backoff <= 0 {
		o.Backoff = DefaultBackoff
	}
	if o.PerHost <= 0 {
		o.PerHost = DefaultPerHost
	}
	switch {
	case o.HostDelay == 0:
		o.HostDelay = DefaultHostDelay
	case o.HostDelay < 0:
		o.HostDelay = 0
	}
	return o
}

// Validators are the HTTP cache validators of a response, sent back on
// the next request to the same URL for a conditional GET.
type Validators struct {
	ETag         string
	LastModified string
}

// Response is a fetched document.
type Response struct {
	// URL is the final URL, after redirects.
	URL         string
	StatusCode  int
	ContentType string
	// Body is the response body, decompressed, at most Options.MaxBytes.
	Body []byte
	// Validators are the response's ETag and Last-Modified.
	Validators Validators
	// NotModified is set when a conditional request was answered with
	// 304 Not Modified; Body is then empty.
	NotModified bool
}

// Text returns the body converted to UTF-8 and the charset it was
// decoded from (see extract.ToUTF8).
func (r *Response) Text() (string, string) {
	return extract.ToUTF8(r.Body, r.ContentType)
}

// StatusError is an HTTP response with a status that is not a success.
type StatusError struct {
	Code int
}

// Error implements the error interface.
func (e *StatusError) Error() string {
	return fmt.Sprintf("http status %d %s", e.Code, http.StatusText(e.Code))
}

// FetchError is a failed fetch. It unwraps to the cause, so errors.Is
// finds ErrTooLarge and the other sentinels, and it converts to a
// *dyad.Error for dyad.ErrorCode: ENOTFOUND for 404 and 410, EINVALID for
// what retrying cannot fix (the SSRF guard, robots.txt, a bad scheme, size
// and redirect limits, other 4xx), EINTERNAL for network failures and
// 5xx.
type FetchError struct {
	URL string
	Err error
}

// Error implements the error interface.
func (e *FetchError) Error() string { return "fetch " + e.URL + ": " + e.Err.Error() }

// Unwrap returns the cause.
func (e *FetchError) Unwrap() error { return e.Err }

// As lets errors.As see the failure as a *dyad.Error with a code.
func (e *FetchError) As(target any) bool {
	t, ok := target.(**dyad.Error)
	if !ok {
		return false
	}
	*t = &dyad.Error{Code: e.code(), Message: e.Error()}
	return true
}

func (e *FetchError) code() string {
	var se *StatusError
	var fe *ForbiddenError
	switch {
	case errors.As(e.Err, &se) && (se.Code == http.StatusNotFound || se.Code == http.StatusGone):
		return dyad.ENOTFOUND
	case errors.As(e.Err, &se):
		if se.Code >= 400 && se.Code < 500 {
			return dyad.EINVALID
		}
		return dyad.EINTERNAL
	case errors.As(e.Err, &fe), errors.Is(e.Err, ErrRobots), errors.Is(e.Err, ErrScheme),
		errors.Is(e.Err, ErrTooLarge), errors.Is(e.Err, ErrTooManyRedirects):
		return dyad.EINVALID
	}
	return dyad.EINTERNAL
}

// Fetcher fetches URLs politely and safely. It is safe for concurrent use.
type Fetcher struct {
	opts   Options
	client *http.Client
	agent  string // robots.txt product token

	mu    sync.Mutex
	hosts map[string]*host
}

// host is the politeness and robots state of one scheme://host:port.
type host struct {
	slots chan struct{}

	mu     sync.Mutex // guards next and robots
	next   time.Time
	robots *Robots
	loaded time.Time
}

// robotsTTL is how long a fetched robots.txt is trusted.
const robotsTTL = time.Hour

// NewFetcher returns a Fetcher with the given options.
func NewFetcher(opts Options) *Fetcher {
	opts = opts.withDefaults()
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	switch {
	case opts.AddrPolicy != nil:
		dialer.Control = guard(opts.AddrPolicy)
	case !opts.AllowPrivate:
		dialer.Control = guard(ForbiddenAddr)
	}
	tr := &http.Transport{
		Proxy:                  nil, // a proxy would dial on our behalf, past the guard
		DialContext:            dialer.DialContext,
		ForceAttemptHTTP2:      true,
		MaxIdleConns:           100,
		MaxIdleConnsPerHost:    opts.PerHost,
		IdleConnTimeout:        90 * time.Second,
		TLSHandshakeTimeout:    10 * time.Second,
		ResponseHeaderTimeout:  opts.Timeout,
		ExpectContinueTimeout:  time.Second,
		MaxResponseHeaderBytes: 64 << 10,
	}
	f := &Fetcher{opts: opts, hosts: make(map[string]*host)}
	f.agent = strings.ToLower(strings.SplitN(strings.Fields(opts.UserAgent + " x")[0], "/", 2)[0])
	f.client = &http.Client{
		Transport: tr,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > opts.MaxRedirects {
				return fmt.Errorf("%w (more than %d)", ErrTooManyRedirects, opts.MaxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to %s: %w", req.URL.Redacted(), ErrScheme)
			}
			if !opts.IgnoreRobots {
				r, err := f.robots(req.Context(), req.URL, f.host(req.URL))
				if err != nil {
					return fmt.Errorf("redirect to %s: robots.txt: %w", req.URL.Redacted(), err)
				}
				if !r.Allowed(robotsPath(req.URL)) {
					return fmt.Errorf("redirect to %s: %w", req.URL.Redacted(), ErrRobots)
				}
			}
			return nil
		},
	}
	return f
}

// Close releases idle connections.
func (f *Fetcher) Close() {
	f.client.CloseIdleConnections()
}

// Fetch GETs rawURL. See FetchConditional.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (*Response, error) {
	return f.FetchConditional(ctx, rawURL, Validators{})
}

// FetchConditional GETs rawURL, sending v as If-None-Match and
// If-Modified-Since when set. It honours robots.txt and per-host
// politeness, retries transient failures, and returns an error wrapping
// ErrScheme, ErrRobots, ErrTooLarge, ErrTooManyRedirects, a *StatusError,
// a *ForbiddenError (SSRF guard) or the network error, always naming the
// URL. A 304 answer is a Response with NotModified set.
func (f *Fetcher) FetchConditional(ctx context.Context, rawURL string, v Validators) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, &FetchError{URL: rawURL, Err: err}
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, &FetchError{URL: rawURL, Err: ErrScheme}
	}
	if u.Host == "" {
		return nil, &FetchError{URL: rawURL, Err: errors.New("no host")}
	}
	h := f.host(u)
	if !f.opts.IgnoreRobots {
		r, err := f.robots(ctx, u, h)
		if err != nil {
			return nil, &FetchError{URL: u.Redacted(), Err: fmt.Errorf("robots.txt: %w", err)}
		}
		if !r.Allowed(robotsPath(u)) {
			return nil, &FetchError{URL: u.Redacted(), Err: ErrRobots}
		}
	}
	resp, err := f.retrying(ctx, u, h, v, f.opts.MaxBytes)
	if err != nil {
		return nil, &FetchError{URL: u.Redacted(), Err: err}
	}
	return resp, nil
}

// robotsPath is the part of u that robots.txt rules match.
func robotsPath(u *url.URL) string {
	path := u.EscapedPath()
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	return path
}

// host returns the state of u's host, creating it.
func (f *Fetcher) host(u *url.URL) *host {
	key := u.Scheme + "://" + strings.ToLower(u.Host)
	f.mu.Lock()
	defer f.mu.Unlock()
	h, ok := f.hosts[key]
	if !ok {
		h = &host{slots: make(chan struct{}, f.opts.PerHost)}
		f.hosts[key] = h
	}
	return h
}

// robots returns the robots.txt rules of u's host, fetching them once per
// robotsTTL. A missing robots.txt (4xx) allows everything; a server error
// or an unreachable host disallows everything, as RFC 9309 asks, until
// the next try.
func (f *Fetcher) robots(ctx context.Context, u *url.URL, h *host) (*Robots, error) {
	h.mu.Lock()
	if h.robots != nil && time.Since(h.loaded) < robotsTTL {
		r := h.robots
		h.mu.Unlock()
		return r, nil
	}
	h.mu.Unlock()
	ru := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	resp, err := f.retrying(ctx, ru, h, Validators{}, 512<<10)
	var r *Robots
	var se *StatusError
	switch {
	case err == nil:
		r = ParseRobots(resp.Body, f.agent)
	case errors.As(err, &se) && se.Code >= 400 && se.Code < 500:
		r = &Robots{}
	case ctx.Err() != nil:
		return nil, ctx.Err()
	default:
		return nil, err
	}
	h.mu.Lock()
	h.robots, h.loaded = r, time.Now()
	h.mu.Unlock()
	return r, nil
}

// retrying runs attempts until one succeeds, fails for good, or the
// retries are spent.
func (f *Fetcher) retrying(ctx context.Context, u *url.URL, h *host, v Validators, limit int64) (*Response, error) {
	backoff := f.opts.Backoff
	for attempt := 0; ; attempt++ {
		resp, retryAfter, err := f.attempt(ctx, u, h, v, limit)
		if err == nil || attempt >= f.opts.Retries || !retryable(err) || ctx.Err() != nil {
			return resp, err
		}
		wait := backoff + time.Duration(rand.Int64N(int64(backoff)/2+1))
		if retryAfter > wait {
			wait = retryAfter
		}
		backoff *= 2
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, fmt.Errorf("%w (after %v)", ctx.Err(), err)
		case <-t.C:
		}
	}
}

// retryable reports whether an attempt's error may go away on retry.
func retryable(err error) bool {
	var se *StatusError
	var fe *ForbiddenError
	switch {
	case errors.As(err, &se):
		return se.Code == http.StatusTooManyRequests || se.Code >= 500
	case errors.As(err, &fe), errors.Is(err, ErrTooLarge), errors.Is(err, ErrTooManyRedirects),
		errors.Is(err, ErrScheme), errors.Is(err, context.Canceled):
		return false
	}
	return true
}

// attempt makes one request, holding one of the host's slots and
// respecting its delay. It returns the Retry-After the server asked for.
func (f *Fetcher) attempt(ctx context.Context, u *url.URL, h *host, v Validators, limit int64) (*Response, time.Duration, error) {
	release, err := f.wait(ctx, h)
	if err != nil {
		return nil, 0, err
	}
	defer release()
	ctx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, 0, err
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.8")
	if v.ETag != "" {
		req.Header.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		req.Header.Set("If-Modified-Since", v.LastModified)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		var fe *ForbiddenError
		if errors.As(err, &fe) {
			return nil, 0, fe
		}
		if errors.Is(err, context.DeadlineExceeded) && ctx.Err() != nil {
			return nil, 0, fmt.Errorf("timed out after %v: %w", f.opts.Timeout, err)
		}
		return nil, 0, err
	}
	defer resp.Body.Close()
	out := &Response{
		URL:         resp.Request.URL.String(),
		StatusCode:  resp.StatusCode,
		ContentType: resp.Header.Get("Content-Type"),
		Validators:  Validators{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")},
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		return out, 0, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		io.CopyN(io.Discard, resp.Body, 4096)
		return nil, retryAfter(resp.Header.Get("Retry-After")), &StatusError{Code: resp.StatusCode}
	case resp.ContentLength > limit:
		return nil, 0, fmt.Errorf("%w: content length %d > %d bytes", ErrTooLarge, resp.ContentLength, limit)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		if ctx.Err() != nil {
			return nil, 0, fmt.Errorf("read body: timed out after %v: %w", f.opts.Timeout, err)
		}
		return nil, 0, fmt.Errorf("read body: %w", err)
	}
	if int64(len(body)) > limit {
		return nil, 0, fmt.Errorf("%w (%d bytes, decompressed)", ErrTooLarge, limit)
	}
	out.Body = body
	return out, 0, nil
}

// wait takes one of h's slots and waits for its delay; release gives
// the slot back.
func (f *Fetcher) wait(ctx context.Context, h *host) (release func(), err error) {
	select {
	case h.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	release = func() { <-h.slots }
	h.mu.Lock()
	delay := f.opts.HostDelay
	if h.robots != nil && !f.opts.IgnoreRobots {
		delay = max(delay, min(h.robots.CrawlDelay(), time.Minute))
	}
	now := time.Now()
	start := h.next
	if start.Before(now) {
		start = now
	}
	h.next = start.Add(delay)
	h.mu.Unlock()
	if d := time.Until(start); d > 0 {
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			release()
			return nil, ctx.Err()
		case <-t.C:
		}
	}
	return release, nil
}

// retryAfter parses a Retry-After header (seconds or an HTTP date),
// capped at a minute.
func retryAfter(s string) time.Duration {
	if s == "" {
		return 0
	}
	var d time.Duration
	if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
		d = time.Duration(n) * time.Second
	} else if t, err := http.ParseTime(s); err == nil {
		d = time.Until(t)
	}
	return max(0, min(d, time.Minute))
}
