// Command dyad turns news into political event data: who did what to
// whom, where, when, and who said so.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"

	"github.com/dyad-events/dyad"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// command is one dyad subcommand.
type command struct {
	summary string
	run     func(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error
}

func commands() map[string]command {
	return map[string]command{
		"code": {"code events from parsed sentences (CoNLL-U)", runCode},
		"eval": {"score dyad on a validation suite", runEval},
		"version": {"print the version", func(_ context.Context, _ []string, _ io.Reader, stdout, _ io.Writer) error {
			_, err := fmt.Fprintln(stdout, "dyad", version)
			return err
		}},
		"parse":     {"parse text or CoNLL-U into Universal Dependencies (CoNLL-U)", runParse},
		"train":     {"train the tokenizer, tagger, lemmatizer or parser on a treebank", runTrain},
		"gazetteer": {"import GeoNames dumps into a gazetteer; look places up", runGazetteer},

		"events": {"list stored events (filters, pages, --json)", runEvents},
		"export": {"export stored events: gdelt, csv, jsonl, parquet", runExport},
		"serve":  {"serve the JSON API over the event store", runServe},
		"ingest": {"read, code and store articles from files, folders, URLs and feeds", runIngest},
		"demo":   {"code the bundled sample articles into a fresh store and serve the dashboard", runDemo},
		"load":   {"bulk-load synthetic events into a store (load tests, benchmarks)", runLoad},
	}
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "dyad %s: news to political event data (CAMEO, PLOVER)\n\nUsage: dyad COMMAND [flags] [args]\n\nCommands:\n", version)
	cmds := commands()
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintf(w, "\nRun 'dyad COMMAND --help' for a command's flags.\n")
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// run dispatches to a subcommand.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		usage(stderr)
		return errUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		usage(stdout)
		return nil
	case "-version", "--version":
		args = []string{"version"}
	}
	cmd, ok := commands()[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "dyad: unknown command %q\n\n", args[0])
		usage(stderr)
		return errUsage
	}
	return cmd.run(ctx, args[1:], stdin, stdout, stderr)
}

// errUsage is returned after a usage message was printed.
var errUsage = errors.New("usage")

// exitCode prints err and maps it to an exit code: 0 success, 2 bad usage
// or input, 3 a quality floor was not met, 130 interrupted, 1 otherwise.
func exitCode(err error, stderr io.Writer) int {
	var floor *floorError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "dyad: interrupted")
		return 130
	case errors.As(err, &floor):
		fmt.Fprintln(stderr, "dyad:", err)
		return 3
	case dyad.ErrorCode(err) == dyad.EINVALID || dyad.ErrorCode(err) == dyad.ENOTFOUND:
		fmt.Fprintln(stderr, "dyad:", err)
		return 2
	default:
		fmt.Fprintln(stderr, "dyad:", err)
		return 1
	}
}

// newFlagSet returns a FlagSet for a subcommand that prints its usage to
// stderr and returns errors instead of exiting.
func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: dyad %s\n\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, turning a bad flag into errUsage.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}
