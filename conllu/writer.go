package conllu

import (
	"bufio"
	"io"
	"strconv"

	"github.com/dyad-events/dyad"
)

// Writer writes sentences as CoNLL-U. It buffers its output: call Flush
// when done.
type Writer struct {
	w *bufio.Writer
}

// NewWriter returns a Writer that writes to w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{w: bufio.NewWriter(w)}
}

// Write writes one sentence: its comments, one line per word, multiword
// token and empty node, and a blank line. Empty column values are written
// as "_", and a Head of -1 as "_".
//
// Write returns a *dyad.Error with code dyad.EINVALID, and writes nothing,
// when the sentence cannot be written as valid CoNLL-U: it has no words,
// Tokens[i].ID is not i+1, a head, multiword range or empty node is out of
// range or out of order, or a value holds a line break (or, in a column, a
// tab). Otherwise it returns the error of the underlying writer, if any.
func (w *Writer) Write(s *dyad.Sentence) error {
	if err := check(s); err != nil {
		return err
	}
	bw := w.w
	slotID, slotText := slots(s.Comments)
	if s.ID != "" && slotID < 0 {
		bw.WriteString("# " + keySentID + " = ")
		bw.WriteString(s.ID)
		bw.WriteByte('\n')
	}
	if s.Text != "" && slotText < 0 {
		bw.WriteString("# " + keyText + " = ")
		bw.WriteString(s.Text)
		bw.WriteByte('\n')
	}
	for i, c := range s.Comments {
		switch {
		case i == slotID:
			if s.ID != "" {
				bw.WriteString("# " + keySentID + " = ")
				bw.WriteString(s.ID)
				bw.WriteByte('\n')
			}
		case i == slotText:
			if s.Text != "" {
				bw.WriteString("# " + keyText + " = ")
				bw.WriteString(s.Text)
				bw.WriteByte('\n')
			}
		case c == "":
			bw.WriteString("#\n")
		default:
			bw.WriteString("# ")
			bw.WriteString(c)
			bw.WriteByte('\n')
		}
	}

	mw, en := 0, 0
	for en < len(s.Empty) && s.Empty[en].After == 0 {
		w.writeEmpty(&s.Empty[en])
		en++
	}
	for i := range s.Tokens {
		t := &s.Tokens[i]
		for mw < len(s.Multiwords) && s.Multiwords[mw].First == t.ID {
			m := &s.Multiwords[mw]
			bw.WriteString(strconv.Itoa(m.First))
			bw.WriteByte('-')
			bw.WriteString(strconv.Itoa(m.Last))
			w.field(m.Form)
			bw.WriteString("\t_\t_\t_\t_\t_\t_\t_")
			w.field(m.Misc)
			bw.WriteByte('\n')
			mw++
		}
		bw.WriteString(strconv.Itoa(t.ID))
		w.field(t.Form)
		w.field(t.Lemma)
		w.field(t.UPOS)
		w.field(t.XPOS)
		w.field(t.Feats)
		if t.Head < 0 {
			w.field("")
		} else {
			bw.WriteByte('\t')
			bw.WriteString(strconv.Itoa(t.Head))
		}
		w.field(t.DepRel)
		w.field(t.Deps)
		w.field(t.Misc)
		bw.WriteByte('\n')
		for en < len(s.Empty) && s.Empty[en].After == t.ID {
			w.writeEmpty(&s.Empty[en])
			en++
		}
	}
	return bw.WriteByte('\n')
}

func (w *Writer) writeEmpty(e *dyad.EmptyNode) {
	bw := w.w
	bw.WriteString(strconv.Itoa(e.After))
	bw.WriteByte('.')
	bw.WriteString(strconv.Itoa(e.Index))
	w.field(e.Form)
	w.field(e.Lemma)
	w.field(e.UPOS)
	w.field(e.XPOS)
	w.field(e.Feats)
	bw.WriteString("\t_\t_")
	w.field(e.Deps)
	w.field(e.Misc)
	bw.WriteByte('\n')
}

// field writes a tab and the value v, or "_" when v is empty.
func (w *Writer) field(v string) {
	w.w.WriteByte('\t')
	if v == "" {
		v = "_"
	}
	w.w.WriteString(v)
}

// Flush writes any buffered data to the underlying writer.
func (w *Writer) Flush() error {
	return w.w.Flush()
}

// check reports why s cannot be written, or nil.
func check(s *dyad.Sentence) error {
	if s == nil {
		return invalid("conllu: write: nil sentence")
	}
	name := s.ID
	if name == "" {
		name = "#" + strconv.Itoa(s.Index)
	}
	bad := func(format string, args ...any) error {
		return invalid("conllu: write sentence %s: "+format, append([]any{name}, args...)...)
	}
	n := len(s.Tokens)
	if n == 0 {
		return bad("no words")
	}
	if hasControl(s.ID, false) {
		return bad("line break in ID")
	}
	if hasControl(s.Text, false) {
		return bad("line break in text")
	}
	for i, c := range s.Comments {
		if hasControl(c, false) {
			return bad("line break in comment %d", i+1)
		}
	}
	for i := range s.Tokens {
		t := &s.Tokens[i]
		if t.ID != i+1 {
			return bad("Tokens[%d] has ID %d, want %d", i, t.ID, i+1)
		}
		if t.Head < -1 || t.Head > n {
			return bad("HEAD %d of word %d out of range 0..%d", t.Head, t.ID, n)
		}
		for _, v := range [...]string{t.Form, t.Lemma, t.UPOS, t.XPOS, t.Feats, t.DepRel, t.Deps, t.Misc} {
			if hasControl(v, true) {
				return bad("word %d: tab or line break in %q", t.ID, v)
			}
		}
	}
	last := 0
	for _, m := range s.Multiwords {
		if m.First <= last || m.Last <= m.First || m.Last > n {
			return bad("multiword token %d-%d out of range or order", m.First, m.Last)
		}
		last = m.Last
		if hasControl(m.Form, true) || hasControl(m.Misc, true) {
			return bad("multiword token %d-%d: tab or line break in a value", m.First, m.Last)
		}
	}
	after, index := 0, 0
	for _, e := range s.Empty {
		if e.After < after || e.After > n || e.Index < 1 || (e.After == after && e.Index <= index) {
			return bad("empty node %d.%d out of range or order", e.After, e.Index)
		}
		after, index = e.After, e.Index
		for _, v := range [...]string{e.Form, e.Lemma, e.UPOS, e.XPOS, e.Feats, e.Deps, e.Misc} {
			if hasControl(v, true) {
				return bad("empty node %d.%d: tab or line break in %q", e.After, e.Index, v)
			}
		}
	}
	return nil
}

// hasControl reports whether v holds a line break, or a tab when tab is
// set. A plain loop beats strings.ContainsAny on short column values.
func hasControl(v string, tab bool) bool {
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '\n', '\r':
			return true
		case '\t':
			if tab {
				return true
			}
		}
	}
	return false
}
