package ner

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad"
)

// Document is a run of sentences that belong together, as the
// "# newdoc id" comments of an IOB2 file delimit them. Tags holds the gold
// IOB2 tag of every word of every sentence ("O", "B-PER", "I-LOC", ...).
type Document struct {
	ID        string
	Sentences []*dyad.Sentence
	Tags      [][]string
}

// ReadIOB2 reads a UniversalNER IOB2 file: one word a line with the
// tab-separated columns id, word, tag and any others, sentences separated
// by blank lines, "#" comments ("# newdoc id = ..." starts a document,
// "# sent_id = ..." names a sentence, "# text = ..." gives its text).
// Words become the Tokens of dyad sentences; tags other than O, B-X and I-X
// are errors.
func ReadIOB2(r io.Reader) ([]*Document, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var (
		docs []*Document
		doc  *Document
		cur  *dyad.Sentence
		tags []string
		line int
	)
	flush := func() {
		if cur == nil {
			return
		}
		if doc == nil {
			doc = &Document{}
			docs = append(docs, doc)
		}
		doc.Sentences = append(doc.Sentences, cur)
		doc.Tags = append(doc.Tags, tags)
		cur, tags = nil, nil
	}
	for sc.Scan() {
		line++
		l := strings.TrimRight(sc.Text(), "\r")
		switch {
		case l == "":
			flush()
			continue
		case strings.HasPrefix(l, "#"):
			k, v, _ := strings.Cut(strings.TrimSpace(l[1:]), "=")
			k, v = strings.TrimSpace(k), strings.TrimSpace(v)
			switch k {
			case "newdoc id", "newdoc":
				flush()
				doc = &Document{ID: v}
				docs = append(docs, doc)
			case "sent_id":
				if cur == nil {
					cur = &dyad.Sentence{}
				}
				cur.ID = v
			case "text":
				if cur == nil {
					cur = &dyad.Sentence{}
				}
				cur.Text = v
			}
			continue
		}
		cols := strings.Split(l, "\t")
		if len(cols) < 3 {
			return nil, fmt.Errorf("read IOB2: line %d: %d columns, want at least 3", line, len(cols))
		}
		if cur == nil {
			cur = &dyad.Sentence{}
		}
		id, err := strconv.Atoi(cols[0])
		if err != nil || id != len(cur.Tokens)+1 {
			return nil, fmt.Errorf("read IOB2: line %d: word id %q, want %d", line, cols[0], len(cur.Tokens)+1)
		}
		tag := cols[2]
		if !validTag(tag) {
			return nil, fmt.Errorf("read IOB2: line %d: bad tag %q", line, tag)
		}
		cur.Tokens = append(cur.Tokens, dyad.Token{ID: id, Form: cols[1], Head: -1, Start: -1, End: -1})
		tags = append(tags, tag)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read IOB2: %w", err)
	}
	flush()
	return docs, nil
}

// validTag reports whether tag is O or B-X / I-X for a non-empty type X.
func validTag(tag string) bool {
	if tag == "O" {
		return true
	}
	p, t, ok := strings.Cut(tag, "-")
	return ok && t != "" && (p == "B" || p == "I")
}

// LoadIOB2 reads the IOB2 file at path, decompressing it when its name
// ends in ".gz".
func LoadIOB2(path string) ([]*Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load IOB2: %w", err)
	}
	defer f.Close()
	var r io.Reader = bufio.NewReader(f)
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("load IOB2 %s: %w", path, err)
		}
		r = zr
	}
	d, err := ReadIOB2(r)
	if err != nil {
		return nil, fmt.Errorf("load IOB2 %s: %w", path, err)
	}
	return d, nil
}
