package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/dyad-events/dyad"
)

// eventsOptions are the flags of "dyad events".
type eventsOptions struct {
	db      string
	filters filterFlags
	limit   int
	cursor  string
	id      string
	json    bool
}

func runEvents(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	var o eventsOptions
	fs := newFlagSet("events", "events [--db DB] [filters] [--json]\n       dyad events [--db DB] --id ID [--json]", stderr)
	registerDB(fs, &o.db)
	o.filters.register(fs)
	fs.IntVar(&o.limit, "limit", dyad.DefaultPageSize, fmt.Sprintf("page size `N` (at most %d)", dyad.MaxPageSize))
	fs.StringVar(&o.cursor, "cursor", "", "continue after the page whose next cursor was `CURSOR`")
	fs.StringVar(&o.id, "id", "", "show one event `ID` with all its mentions")
	fs.BoolVar(&o.json, "json", false, "print JSON: {\"events\": […], \"next\": …}, or the event with --id")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return dyad.Errorf(dyad.EINVALID, "dyad events takes no arguments, only flags (got %q)", fs.Arg(0))
	}
	return eventsRun(ctx, o, stdout, stderr)
}

// eventsRun lists a page of events, or shows one event.
func eventsRun(ctx context.Context, o eventsOptions, stdout, stderr io.Writer) error {
	f, err := o.filters.filter()
	if err != nil {
		return err
	}
	f.Limit, f.Cursor = o.limit, o.cursor
	if err := f.Validate(); err != nil {
		return err
	}
	s, err := openStore(ctx, o.db, true)
	if err != nil {
		return err
	}
	defer s.Close()
	w := bufio.NewWriter(stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if o.id != "" {
		d, err := s.Event(ctx, o.id)
		if err != nil {
			return err
		}
		if o.json {
			enc.SetIndent("", "  ")
			if err := enc.Encode(d); err != nil {
				return err
			}
			return w.Flush()
		}
		printEvent(w, &d.StoredEvent)
		for _, m := range d.Mentions {
			fmt.Fprintf(w, "  mention: %s %s (%s)\n    %q\n    verb %q, source %q, target %q, pattern %q\n",
				m.Outlet, m.URL, m.Published.Format("2006-01-02"), m.Sentence.Text, m.Evidence.VerbText, m.Source.Text, m.Target.Text, m.Evidence.Pattern)
		}
		return w.Flush()
	}
	page, err := s.Events(ctx, f)
	if err != nil {
		return err
	}
	if o.json {
		if err := enc.Encode(page); err != nil {
			return err
		}
		return w.Flush()
	}
	for i := range page.Events {
		printEvent(w, &page.Events[i])
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if page.Next != "" {
		fmt.Fprintf(stderr, "more: --cursor %s\n", page.Next)
	}
	return nil
}

// printEvent prints an event as one line of text.
func printEvent(w io.Writer, e *dyad.StoredEvent) {
	where := ""
	if l := e.Location; l != nil {
		where = " @" + l.Country
		if l.Name != "" {
			where += " " + l.Name
		}
	}
	fmt.Fprintf(w, "%s  %s  %-12s → %-12s %-4s %+5.1f q%d  %dm/%ds%s  %s\n",
		e.Date, e.ID, e.Source.Code, e.Target.Code, e.Code, e.Goldstein, e.QuadClass, e.NumMentions, e.NumSources, where, e.Sentence.Text)
}
