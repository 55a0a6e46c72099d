package eval

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/conllu"
)

// Triple is one event as a validation suite states it: the source and
// target actor codes and the CAMEO event code.
type Triple struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Code   string `json:"code"`
}

// String returns the triple as "SOURCE TARGET CODE", for example
// "ARN GON 050".
func (t Triple) String() string {
	return t.Source + " " + t.Target + " " + t.Code
}

// Record is one <Sentence> of a validation suite.
type Record struct {
	ID       string
	Category string    // the category= attribute, or else the source= attribute
	Date     time.Time // from date="YYYYMMDD"; zero when absent
	Text     string    // the <Text>, white space collapsed to single spaces

	// Sentence is the <Parse>, read as CoNLL-U, with Sentence.ID = ID and
	// Sentence.Text = Text; nil when the record has no <Parse>.
	Sentence *dyad.Sentence

	// Expected are the events of the <EventCoding> elements, in order;
	// empty when the record expects none (noevents="True" or error="...").
	Expected []Triple

	// Error is the error a PETRARCH coder was expected to raise instead of
	// coding, from <EventCoding error="...">: "dateline", "storydiscard",
	// "sentencediscard" or "bad_input_parse". Such a record expects no
	// events. It is "" for other records.
	Error string

	// Options are the <Config option="..." value="..."> settings in force
	// for the record: those in <Environment> and those that come before it
	// in the file, later ones overriding earlier ones (for example
	// "require_dyad": "false"). Records share the map: do not modify it.
	Options map[string]string

	// Evaluated says whether the record is scored; see ReadSuite.
	Evaluated bool
}

// Suite is a PETRARCH validation suite.
type Suite struct {
	// Environment maps the other elements of <Environment> to their
	// text, for example "Verbfile" to "PETR.Validate.verbs.txt".
	Environment map[string]string

	// Include lists the categories that <Include> selects, without the
	// keyword "valid"; nil when the suite has no <Include>, in which case
	// every category is selected. Exclude lists those that <Exclude>
	// deselects.
	Include []string
	Exclude []string

	Records []Record
}

// ReadSuite reads a PETRARCH validation suite whose <Parse> elements hold
// CoNLL-U parses.
//
// A record is evaluated, as in PETRARCH's validation, when all of these
// hold: its evaluate= attribute is "true" or, when it has none, its
// sentence= attribute is "true" (in any case); its category is in <Include>
// (case-sensitive) and not in <Exclude>; and it has at least one
// <EventCoding>. A coding with noevents="True" or error="..." counts: the
// record expects no events. Reading stops at a <Stop> element, as
// PETRARCH's does.
//
// ReadSuite returns a *dyad.Error with code dyad.EINVALID for malformed
// XML, a bad date, an <EventCoding> that states no event, or a <Parse> that
// is not exactly one valid CoNLL-U sentence; the message names the record.
func ReadSuite(r io.Reader) (*Suite, error) {
	er := &errReader{r: r}
	d := xml.NewDecoder(er)
	d.Entity = xml.HTMLEntity
	s := &Suite{Environment: map[string]string{}}
	options := map[string]string{}
	valid := []bool{}  // per record: selected by evaluate= or sentence=
	codings := []int{} // per record: number of <EventCoding> elements
	inEnv := false

loop:
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, xmlError(er, err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if t.Name.Local == "Environment" {
				inEnv = false
			}
		case xml.StartElement:
			switch name := t.Name.Local; name {
			case "Environment":
				inEnv = true
			case "Include", "Exclude":
				var text string
				if err := d.DecodeElement(&text, &t); err != nil {
					return nil, xmlError(er, err)
				}
				words := slices.DeleteFunc(strings.Fields(text), func(w string) bool { return w == "valid" })
				if name == "Include" {
					s.Include = append(make([]string, 0, len(words)), words...)
				} else {
					s.Exclude = words
				}
			case "Config":
				opt, val := attr(t.Attr, "option"), attr(t.Attr, "value")
				if opt != "" {
					options = maps.Clone(options)
					options[opt] = val
				}
			case "Stop":
				break loop
			case "Sentence":
				rec, ok, n, err := readRecord(d, er, &t)
				if err != nil {
					return nil, err
				}
				rec.Options = options
				s.Records = append(s.Records, rec)
				valid = append(valid, ok)
				codings = append(codings, n)
			default:
				if inEnv {
					var text string
					if err := d.DecodeElement(&text, &t); err != nil {
						return nil, xmlError(er, err)
					}
					s.Environment[name] = strings.TrimSpace(text)
				}
			}
		}
	}

	for i := range s.Records {
		rec := &s.Records[i]
		rec.Evaluated = valid[i] && codings[i] > 0 &&
			(s.Include == nil || slices.Contains(s.Include, rec.Category)) &&
			!slices.Contains(s.Exclude, rec.Category)
	}
	return s, nil
}

// xmlRecord is the XML form of a <Sentence>.
type xmlRecord struct {
	Attrs   []xml.Attr `xml:",any,attr"`
	Codings []struct {
		Attrs []xml.Attr `xml:",any,attr"`
	} `xml:"EventCoding"`
	Text  string  `xml:"Text"`
	Parse *string `xml:"Parse"`
}

// readRecord reads the <Sentence> that start opens. It reports whether the
// record's evaluate= or sentence= attribute selects it, and how many
// <EventCoding> elements it has.
func readRecord(d *xml.Decoder, er *errReader, start *xml.StartElement) (rec Record, selected bool, codings int, err error) {
	var x xmlRecord
	if err := d.DecodeElement(&x, start); err != nil {
		return rec, false, 0, xmlError(er, err)
	}
	rec.ID = attr(x.Attrs, "id")
	name := rec.ID
	if name == "" {
		line, _ := d.InputPos()
		name = fmt.Sprintf("ending on line %d", line)
	}
	bad := func(format string, args ...any) error {
		return dyad.Errorf(dyad.EINVALID, "eval: record %s: %s", name, fmt.Sprintf(format, args...))
	}

	rec.Category = attr(x.Attrs, "category")
	if rec.Category == "" {
		rec.Category = attr(x.Attrs, "source")
	}
	if date := attr(x.Attrs, "date"); date != "" {
		if rec.Date, err = time.Parse("20060102", date); err != nil {
			return rec, false, 0, bad("bad date %q, want YYYYMMDD", date)
		}
	}
	if v, ok := lookup(x.Attrs, "evaluate"); ok {
		selected = strings.EqualFold(v, "true")
	} else {
		selected = strings.EqualFold(attr(x.Attrs, "sentence"), "true")
	}
	rec.Text = strings.Join(strings.Fields(x.Text), " ")

	for _, c := range x.Codings {
		switch code, ok := lookup(c.Attrs, "eventcode"); {
		case ok:
			rec.Expected = append(rec.Expected, Triple{
				Source: attr(c.Attrs, "sourcecode"),
				Target: attr(c.Attrs, "targetcode"),
				Code:   code,
			})
		case strings.EqualFold(attr(c.Attrs, "noevents"), "true"):
		case attr(c.Attrs, "error") != "":
			if rec.Error == "" {
				rec.Error = attr(c.Attrs, "error")
			}
		default:
			return rec, false, 0, bad("<EventCoding> has no eventcode, noevents=\"True\" or error")
		}
	}

	if x.Parse != nil {
		if rec.Sentence, err = readParse(*x.Parse); err != nil {
			return rec, false, 0, fmt.Errorf("eval: record %s: <Parse>: %w", name, err)
		}
		rec.Sentence.ID = rec.ID
		rec.Sentence.Text = rec.Text
	}
	return rec, selected, len(x.Codings), nil
}

// readParse reads the one CoNLL-U sentence in the text of a <Parse>. Line
// numbers in errors count from the line of <Parse>.
func readParse(text string) (*dyad.Sentence, error) {
	// Allow the parse to be indented or to have CRLF line ends.
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.Trim(l, " \r")
	}
	r := conllu.NewReader(strings.NewReader(strings.Join(lines, "\n")))
	s, err := r.Read()
	if err == io.EOF {
		return nil, dyad.Errorf(dyad.EINVALID, "no CoNLL-U sentence")
	}
	if err != nil {
		return nil, err
	}
	if _, err := r.Read(); err != io.EOF {
		return nil, dyad.Errorf(dyad.EINVALID, "more than one CoNLL-U sentence")
	}
	return s, nil
}

// lookup returns the value of the attribute with the given local name.
func lookup(attrs []xml.Attr, name string) (string, bool) {
	for _, a := range attrs {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

// attr returns the value of the attribute with the given local name, or "".
func attr(attrs []xml.Attr, name string) string {
	v, _ := lookup(attrs, name)
	return v
}

// errReader remembers the first error of the reader it wraps, other than
// io.EOF, so that read failures can be told from malformed input.
type errReader struct {
	r   io.Reader
	err error
}

func (e *errReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && err != io.EOF && e.err == nil {
		e.err = err
	}
	return n, err
}

// xmlError converts an error from the XML decoder: an error of the
// underlying reader is wrapped, and any other error is the input's fault.
func xmlError(er *errReader, err error) error {
	if er.err != nil && errors.Is(err, er.err) {
		return fmt.Errorf("eval: read suite: %w", err)
	}
	return dyad.Errorf(dyad.EINVALID, "eval: suite: %v", err)
}
