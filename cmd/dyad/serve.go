package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/acquire"
	dyadhttp "github.com/dyad-events/dyad/http"
	"github.com/dyad-events/dyad/pipeline"
	"github.com/dyad-events/dyad/web"
)

// serveOptions are the flags of "dyad serve".
type serveOptions struct {
	dicts dictOptions
	db    string
	addr  string
	// Tokens default to $DYAD_READ_TOKEN and $DYAD_WRITE_TOKEN, which do
	// not show in process listings as flags do.
	readToken, writeToken string
	allowPrivate          bool
	cache                 time.Duration
}

func runServe(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	o := serveOptions{}
	fs := newFlagSet("serve", "serve [--db DB] [--addr HOST:PORT] [--write-token TOKEN] [--read-token TOKEN]\n\n"+
		"Serves the JSON API (/api/v1/, described at /api/v1/openapi.json) and the dashboard (/).\n"+
		"Reads are open unless a read token is set. Writes (POST /api/v1/code, /api/v1/articles,\n"+
		"/api/v1/articles/{id}/recode) need the write token as \"Authorization: Bearer TOKEN\", and are\n"+
		"refused when none is set. Prefer the environment variables to the flags: flags show in\n"+
		"process listings.", stderr)
	registerDB(fs, &o.db)
	o.dicts.register(fs, "phoenix")
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8080", "listen on `HOST:PORT`")
	fs.StringVar(&o.readToken, "read-token", os.Getenv("DYAD_READ_TOKEN"), "bearer `TOKEN` reads require (default $DYAD_READ_TOKEN; none: reads are open)")
	fs.StringVar(&o.writeToken, "write-token", os.Getenv("DYAD_WRITE_TOKEN"), "bearer `TOKEN` writes require (default $DYAD_WRITE_TOKEN; none: writes are refused)")
	fs.DurationVar(&o.cache, "cache", time.Second, "keep read responses this `long` and share them between clients (0: off); writes through the API clear them")
	fs.BoolVar(&o.allowPrivate, "allow-private", false, "let POST /api/v1/articles fetch from loopback and private addresses (off: SSRF guard)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return dyad.Errorf(dyad.EINVALID, "dyad serve takes no arguments, only flags (got %q)", fs.Arg(0))
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return dyad.Errorf(dyad.EINVALID, "listen on %s: %v", o.addr, err)
	}
	return serveRun(ctx, o, ln, stderr)
}

// serveRun serves the API on ln until ctx is done. The coding pipeline
// of the write endpoints is loaded only when writes are allowed.
func serveRun(ctx context.Context, o serveOptions, ln net.Listener, stderr io.Writer) error {
	st, err := openStore(ctx, o.db, false)
	if err != nil {
		ln.Close()
		return err
	}
	defer st.Close()
	var p *pipeline.Pipeline
	if o.writeToken != "" {
		if p, err = newPipeline(o.dicts, false, st, nil); err != nil {
			ln.Close()
			return err
		}
	}
	return serveStore(ctx, o, st, p, ln, stderr)
}

// serveStore serves the API over an open store until ctx is done; p
// codes the texts of the write endpoints (nil: none).
func serveStore(ctx context.Context, o serveOptions, st store, p *pipeline.Pipeline, ln net.Listener, stderr io.Writer) error {
	srv := dyadhttp.NewServer(st)
	srv.ReadToken, srv.WriteToken = o.readToken, o.writeToken
	srv.UI = web.Handler()
	srv.CacheTTL = o.cache
	srv.Logger = slog.New(slog.NewTextHandler(stderr, nil))
	srv.Pipeline = p
	if p != nil {
		f := acquire.NewFetcher(acquire.Options{AllowPrivate: o.allowPrivate})
		defer f.Close()
		srv.Fetcher = f
	}
	writes := "writes refused (no write token)"
	if o.writeToken != "" {
		writes = "writes need the write token"
	}
	reads := "reads open"
	if o.readToken != "" {
		reads = "reads need the read token"
	}
	fmt.Fprintf(stderr, "dyad: serving %s: dashboard on http://%s/, API on /api/v1/ (OpenAPI: /api/v1/openapi.json); %s, %s\n", redact(o.db), ln.Addr(), reads, writes)
	if err := srv.Serve(ctx, ln); err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// redact hides the password of a database URL.
func redact(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.Scheme != "" {
		return u.Redacted()
	}
	return dsn
}
