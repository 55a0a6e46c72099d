// Package http serves dyad's JSON API over a dyad.EventReader: event
// queries, one event with its mentions, aggregates, streamed exports and
// the API's OpenAPI description. Import it as dyadhttp.
//
// Reads are open unless the operator sets ReadToken. Write endpoints —
// code a text, ingest a document or a URL, re-code a stored article —
// always require the operator's bearer WriteToken and are refused when
// none is set; they run the Server's Pipeline. Every error is JSON:
// {"error": {"code": "invalid", "message": "…"}}.
package http

import (
	"context"
	"crypto/subtle"
	_ "embed"
	"encoding/json"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/acquire"
	"github.com/dyad-events/dyad/pipeline"
)

//go:embed openapi.json
var openAPI []byte

// Server is the API server. Set its fields before calling Handler or Serve.
type Server struct {
	// Store answers the queries.
	Store dyad.EventReader
	// ReadToken, when set, is the bearer token read endpoints require.
	ReadToken string
	// WriteToken is the bearer token write endpoints require; when empty,
	// writes are refused.
	WriteToken string
	// Logger logs internal errors; nil discards them.
	Logger *slog.Logger
	// ExportLimit is the most events one export request streams (0: no
	// limit).
	ExportLimit int
	// UI, when set, serves every path outside /api/ (the dashboard).
	UI http.Handler

	// Pipeline codes the texts of the write endpoints. POST /api/v1/code
	// runs only its stages (Parser, Coder, Places, Now) and stores
	// nothing; POST /api/v1/articles and
	// /api/v1/articles/{id}/recode save through its Store, which must be
	// the store the server reads. Nil: write endpoints answer 501.
	Pipeline *pipeline.Pipeline
	// Fetcher fetches the URLs given to POST /api/v1/articles (with its
	// SSRF guard); nil refuses them.
	Fetcher *acquire.Fetcher
	// MaxBodyBytes caps the body of a write request; DefaultMaxBodyBytes
	// when zero.
	MaxBodyBytes int64
	// CacheTTL, when positive, is how long responses of the event,
	// series and top endpoints are kept and shared between clients (see
	// responseCache). Set it before the first request.
	CacheTTL time.Duration

	mux       *http.ServeMux
	cacheOnce sync.Once
	cache     *responseCache
}

// NewServer returns a server over the store.
func NewServer(store dyad.EventReader) *Server {
	s := &Server{Store: store, mux: http.NewServeMux()}
	s.mux.HandleFunc("GET /api/v1/events", s.read(s.cached(s.handleEvents)))
	s.mux.HandleFunc("GET /api/v1/events/{id}", s.read(s.cached(s.handleEvent)))
	s.mux.HandleFunc("GET /api/v1/series", s.read(s.cached(s.handleSeries)))
	s.mux.HandleFunc("GET /api/v1/top/actors", s.read(s.cached(s.handleTop(dyad.EventReader.TopActors))))
	s.mux.HandleFunc("GET /api/v1/top/codes", s.read(s.cached(s.handleTop(dyad.EventReader.TopCodes))))
	s.mux.HandleFunc("GET /api/v1/countries", s.read(s.cached(s.handleTop(dyad.EventReader.Countries))))
	s.mux.HandleFunc("GET /api/v1/export", s.read(s.handleExport))
	s.mux.HandleFunc("GET /api/v1/articles/{id}", s.read(s.handleArticle))
	s.HandleWrite("POST /api/v1/code", http.HandlerFunc(s.handleCode))
	s.HandleWrite("POST /api/v1/articles", http.HandlerFunc(s.handleIngest))
	s.HandleWrite("POST /api/v1/articles/{id}/recode", http.HandlerFunc(s.handleRecode))
	s.mux.HandleFunc("GET /api/v1/openapi.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(openAPI)
	})
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if s.UI != nil && !strings.HasPrefix(r.URL.Path, "/api/") {
			s.UI.ServeHTTP(w, r)
			return
		}
		s.Error(w, r, dyad.Errorf(dyad.ENOTFOUND, "no endpoint %s %s: see /api/v1/openapi.json", r.Method, r.URL.Path))
	})
	return s
}

// HandleWrite registers a write endpoint (pattern as in http.ServeMux,
// e.g. "POST /api/v1/ingest") behind the bearer WriteToken.
func (s *Server) HandleWrite(pattern string, h http.Handler) {
	s.mux.Handle(pattern, s.requireToken(func() string { return s.WriteToken }, "writes", func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(w, r)
		if c := s.responses(); c != nil {
			c.clear() // cached reads may predate the write
		}
	}))
}

// Handler returns the server's handler.
func (s *Server) Handler() http.Handler { return s.mux }

// Serve serves on ln until ctx is done, then shuts down gracefully, giving
// requests in flight up to five seconds.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s.mux,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := hs.Shutdown(sctx)
	if e := <-errc; !errors.Is(e, http.ErrServerClosed) && err == nil {
		err = e
	}
	return err
}

// read wraps a read endpoint: behind ReadToken when one is set.
func (s *Server) read(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.ReadToken == "" {
			h(w, r)
			return
		}
		s.requireToken(func() string { return s.ReadToken }, "reads", h)(w, r)
	}
}

func (s *Server) requireToken(token func() string, what string, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		want := token()
		if want == "" {
			s.writeError(w, http.StatusForbidden, "forbidden", what+" are disabled: the operator has set no token")
			return
		}
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || subtle.ConstantTimeCompare([]byte(got), []byte(want)) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="dyad"`)
			s.writeError(w, http.StatusUnauthorized, "unauthorized", what+" need the operator's bearer token (Authorization: Bearer …)")
			return
		}
		h(w, r)
	}
}

// statuses maps error codes to HTTP statuses.
var statuses = map[string]int{
	dyad.EINVALID:  http.StatusBadRequest,
	dyad.ENOTFOUND: http.StatusNotFound,
	dyad.ECONFLICT: http.StatusConflict,
	dyad.EINTERNAL: http.StatusInternalServerError,
}

// Error writes err as a JSON error with the status of its code. Internal
// errors are logged and shown as "internal error".
func (s *Server) Error(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, context.Canceled) && r.Context().Err() != nil {
		return // the client went away
	}
	code, status, msg := errorOf(err)
	if code == dyad.EINTERNAL {
		if s.Logger != nil {
			s.Logger.Error("request failed", "method", r.Method, "path", r.URL.Path, "error", err)
		}
	}
	s.writeError(w, status, code, msg)
}

// errorOf returns the code, the HTTP status and the message to show of an
// error; internal errors show as "internal error".
func errorOf(err error) (code string, status int, msg string) {
	var he *httpError
	if errors.As(err, &he) {
		return he.code, he.status, he.msg
	}
	code = dyad.ErrorCode(err)
	if code == dyad.EINTERNAL {
		return code, statuses[code], "internal error"
	}
	return code, statuses[code], err.Error()
}

func (s *Server) writeError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"error": map[string]string{"code": code, "message": msg}})
}

// writeJSON writes v as JSON with status 200.
func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}
