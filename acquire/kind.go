package acquire

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"

	"github.com/dyad-events/dyad"
)

// ErrorKind names the kind of a per-item failure in a few words, so that
// a summary can count failures by kind: "refused address" (the SSRF
// guard), "robots.txt", "too large", "too many redirects", "not http",
// "http 404" (any status), "timeout", "network", "bad feed",
// "not a web page", "no text"; else "invalid input" or "internal error"
// by the error's dyad code.
func ErrorKind(err error) string {
	var se *StatusError
	var fe *ForbiddenError
	var ne net.Error
	msg := ""
	if err != nil {
		msg = err.Error()
	}
	switch {
	case err == nil:
		return ""
	case errors.As(err, &fe):
		return "refused address"
	case errors.Is(err, ErrRobots):
		return "robots.txt"
	case errors.Is(err, ErrTooLarge):
		return "too large"
	case errors.Is(err, ErrTooManyRedirects):
		return "too many redirects"
	case errors.Is(err, ErrScheme):
		return "not http"
	case errors.As(err, &se):
		return fmt.Sprintf("http %d", se.Code)
	case errors.Is(err, context.DeadlineExceeded), strings.Contains(msg, "timed out"):
		return "timeout"
	case errors.As(err, &ne):
		return "network"
	case strings.Contains(msg, "parse feed"):
		return "bad feed"
	case strings.Contains(msg, "not a web page"):
		return "not a web page"
	case strings.Contains(msg, "has no text"), strings.Contains(msg, "is empty"), strings.Contains(msg, "too little content"):
		return "no text"
	case dyad.ErrorCode(err) == dyad.EINVALID, dyad.ErrorCode(err) == dyad.ENOTFOUND:
		return "invalid input"
	}
	return "internal error"
}

// Count returns how many items Items will yield for args, when that is
// known without fetching or parsing: a page or a plain-text file is one
// item and a .jsonl file one per non-blank line. It returns false when
// an arg is a URL, standard input, a feed or a list of URLs, whose items
// are known only once fetched.
func (in *Inputs) Count(args []string) (int, bool) {
	n := 0
	for _, arg := range args {
		if arg == "-" || isURL(arg) {
			return 0, false
		}
		fi, err := os.Stat(arg)
		if err != nil {
			n++ // one error item
			continue
		}
		if !fi.IsDir() {
			c, ok := countFile(arg)
			if !ok {
				return 0, false
			}
			n += c
			continue
		}
		ok := true
		err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !inputExts[strings.ToLower(filepath.Ext(path))] {
				return nil
			}
			c, known := countFile(path)
			if !known {
				ok = false
				return filepath.SkipAll
			}
			n += c
			return nil
		})
		if err != nil || !ok {
			return 0, false
		}
	}
	return n, true
}

// countFile counts the items of one input file; see Count.
func countFile(path string) (int, bool) {
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".rss", ".atom", ".xml":
		return 0, false
	case ".html", ".htm", ".xhtml":
		return 1, true
	}
	f, err := os.Open(path)
	if err != nil {
		return 1, true // one error item
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	head, _ := br.Peek(4096)
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	jsonl := ext == ".jsonl" || ext == ".ndjson" || ext == "" && bytes.HasPrefix(head, []byte("{")) && !looksLikeFeed("", head)
	switch {
	case jsonl:
	case ext == "" && looksLikeFeed("", head), isURL(firstLine(head)):
		return 0, false
	default:
		return 1, true
	}
	n := 0
	for {
		line, err := readLine(br, maxLine)
		if len(bytes.TrimSpace(line)) > 0 || errors.Is(err, errLongLine) {
			n++
		}
		if err != nil && !errors.Is(err, errLongLine) {
			return n, true
		}
	}
}
