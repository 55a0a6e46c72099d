package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/acquire"
	"github.com/dyad-events/dyad/pipeline"
	"github.com/dyad-events/dyad/samples"
)

// demoOptions are the flags of "dyad demo".
type demoOptions struct {
	db         string
	addr       string
	writeToken string
}

func runDemo(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	o := demoOptions{writeToken: os.Getenv("DYAD_WRITE_TOKEN")}
	fs := newFlagSet("demo", "demo [--db PATH] [--addr HOST:PORT]\n\nCodes the bundled sample articles into a fresh SQLite store and serves the API and the\n"+
		"dashboard over it. Writes (the dashboard's \"code this text\" box, POST /api/v1/…) need\n"+
		"$DYAD_WRITE_TOKEN, or the token the demo makes up and prints. Stop it with Ctrl-C.", stderr)
	fs.StringVar(&o.db, "db", filepath.Join(os.TempDir(), "dyad-demo.db"), "SQLite `PATH` to create (an existing file is replaced)")
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8080", "listen on `HOST:PORT`")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if strings.Contains(o.db, "://") {
		return dyad.Errorf(dyad.EINVALID, "dyad demo writes a fresh SQLite file; give a path, not %q", o.db)
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(o.db + suffix); err != nil && !os.IsNotExist(err) {
			return fmt.Errorf("remove old demo store: %w", err)
		}
	}
	token := o.writeToken
	if token == "" {
		b := make([]byte, 16)
		rand.Read(b) // never fails (crypto/rand)
		token = hex.EncodeToString(b)
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return dyad.Errorf(dyad.EINVALID, "listen on %s: %v", o.addr, err)
	}
	defer ln.Close()
	st, err := openStore(ctx, o.db, false)
	if err != nil {
		return err
	}
	defer st.Close()
	p, err := newPipeline(dictOptions{}, false, st, nil)
	if err != nil {
		return err
	}
	sum, err := demoIngest(ctx, p, stderr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "dyad demo: coded %d sample articles: %d sentences, %d events, in %s\n", sum.Articles, sum.Sentences, sum.Events, o.db)
	fmt.Fprintf(stdout, "dyad demo: dashboard at http://%s/ (API at /api/v1/, Ctrl-C to stop)\n", ln.Addr())
	if o.writeToken == "" {
		fmt.Fprintf(stdout, "dyad demo: write token (the dashboard's code box, POST /api/v1/…): %s\n", token)
	}
	return serveStore(ctx, serveOptions{db: o.db, writeToken: token}, st, p, ln, stderr)
}

// demoIngest codes the bundled samples into the pipeline's store.
func demoIngest(ctx context.Context, p *pipeline.Pipeline, stderr io.Writer) (*ingestSummary, error) {
	dir, err := os.MkdirTemp("", "dyad-samples-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	if err := copySamples(dir); err != nil {
		return nil, err
	}
	return ingest(ctx, p, &acquire.Inputs{}, []string{dir}, nil, progressTo(stderr, true))
}

// copySamples writes the bundled sample articles (not their expected
// events) into dir.
func copySamples(dir string) error {
	return fs.WalkDir(samples.FS(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".txt")) {
			return err
		}
		b, err := fs.ReadFile(samples.FS(), name)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, name), b, 0o644)
	})
}
