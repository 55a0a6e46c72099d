package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// meter shows the progress of an ingest on stderr: on a terminal, one line
// redrawn in place (items done of the total when known, a bar, the rate
// and the time left); elsewhere, a plain line every plainEvery. Messages
// (per-item errors, feed polls) go on lines of their own above the bar.
// Quiet silences the progress, not the messages.
type meter struct {
	w     io.Writer
	tty   bool
	quiet bool
	total int // 0 when unknown
	done  int
	start time.Time
	last  time.Time // of the last progress output
	drawn bool      // a bar is on the terminal's last line
	now   func() time.Time
}

// Intervals between progress outputs.
const (
	barEvery   = 200 * time.Millisecond
	plainEvery = 10 * time.Second
	barWidth   = 24
)

// progressTo returns a meter writing to w, which it treats as a terminal
// when it is one.
func progressTo(w io.Writer, quiet bool) *meter {
	now := time.Now()
	return &meter{w: w, tty: isTerminal(w), quiet: quiet, start: now, last: now, now: time.Now}
}

// isTerminal reports whether w is a character device other than a dumb
// terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("TERM") == "dumb" {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// setTotal sets the number of items expected; 0 for unknown.
func (m *meter) setTotal(n int) { m.total = n }

// item records that n items are done and shows progress when it is due.
func (m *meter) item(n int) {
	m.done = n
	if m.quiet {
		return
	}
	now := m.now()
	switch {
	case m.tty && now.Sub(m.last) >= barEvery:
		m.last = now
		fmt.Fprintf(m.w, "\r\x1b[K%s", m.status(now, true))
		m.drawn = true
	case !m.tty && now.Sub(m.last) >= plainEvery:
		m.last = now
		fmt.Fprintf(m.w, "dyad: %s\n", m.status(now, false))
	}
}

// printf writes a message on a line of its own, above the bar.
func (m *meter) printf(format string, args ...any) {
	m.clear()
	fmt.Fprintf(m.w, "dyad: "+format+"\n", args...)
}

// finish clears the bar.
func (m *meter) finish() { m.clear() }

func (m *meter) clear() {
	if m.drawn {
		fmt.Fprint(m.w, "\r\x1b[K")
		m.drawn = false
		m.last = time.Time{} // redraw at the next item
	}
}

// status describes the progress: "120/500 items [=====>   ] 24%, 3.4/s,
// 1m52s left" (the bar only on a terminal), or "120 items, 3.4/s" when
// the total is unknown.
func (m *meter) status(now time.Time, bar bool) string {
	elapsed := now.Sub(m.start)
	rate := 0.0
	if elapsed > 0 {
		rate = float64(m.done) / elapsed.Seconds()
	}
	if m.total <= 0 || m.done > m.total {
		return fmt.Sprintf("%d items, %.1f/s, %s", m.done, rate, elapsed.Round(time.Second))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d/%d items", m.done, m.total)
	if bar {
		fill := barWidth * m.done / m.total
		b.WriteString(" [" + strings.Repeat("=", fill))
		if fill < barWidth {
			b.WriteString(">" + strings.Repeat(" ", barWidth-fill-1))
		}
		b.WriteString("]")
	}
	fmt.Fprintf(&b, " %d%%, %.1f/s", 100*m.done/m.total, rate)
	if rate > 0 {
		left := time.Duration(float64(m.total-m.done) / rate * float64(time.Second))
		fmt.Fprintf(&b, ", %s left", left.Round(time.Second))
	}
	return b.String()
}
