package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"

	"github.com/dyad-events/dyad"
	dyadhttp "github.com/dyad-events/dyad/http"
	"github.com/dyad-events/dyad/web"
)

// serveOptions are the flags of "dyad serve".
type serveOptions struct {
	db   string
	addr string
	// Tokens come from the environment, not flags, so that they do not show
	// in process listings.
	readToken, writeToken string
}

func runServe(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	o := serveOptions{readToken: os.Getenv("DYAD_READ_TOKEN"), writeToken: os.Getenv("DYAD_WRITE_TOKEN")}
	fs := newFlagSet("serve", "serve [--db DB] [--addr HOST:PORT]\n\nReads are open unless DYAD_READ_TOKEN is set; writes need DYAD_WRITE_TOKEN (bearer tokens).", stderr)
	registerDB(fs, &o.db)
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8080", "listen on `HOST:PORT`")
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

// serveRun serves the API on ln until ctx is done.
func serveRun(ctx context.Context, o serveOptions, ln net.Listener, stderr io.Writer) error {
	s, err := openStore(ctx, o.db, false)
	if err != nil {
		ln.Close()
		return err
	}
	defer s.Close()
	srv := dyadhttp.NewServer(s)
	srv.ReadToken, srv.WriteToken = o.readToken, o.writeToken
	srv.UI = web.Handler()
	srv.Logger = slog.New(slog.NewTextHandler(stderr, nil))
	fmt.Fprintf(stderr, "dyad: serving %s: dashboard on http://%s/, API on /api/v1/ (OpenAPI: /api/v1/openapi.json)\n", redact(o.db), ln.Addr())
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
