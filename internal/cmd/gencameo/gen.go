package main

import (
	"bufio"
	"bytes"
	"fmt"
	"go/format"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Paths of the input files, relative to the data directory.
const (
	eventCodesFile = "cameo/gdelt-lookups/CAMEO.eventcodes.txt"
	goldsteinFile  = "cameo/gdelt-lookups/CAMEO.goldsteinscale.txt"
	joinFile       = "cameo/cameo_eventcodes_goldstein.DERIVED.tsv"
	ploverFile     = "plover/CAMEO2PLOVER-2021.txt"
	typeFile       = "cameo/gdelt-lookups/CAMEO.type.txt"
	groupFile      = "cameo/gdelt-lookups/CAMEO.knowngroup.txt"
	religionFile   = "cameo/gdelt-lookups/CAMEO.religion.txt"
	ethnicFile     = "cameo/gdelt-lookups/CAMEO.ethnic.txt"
	regionFile     = "cameo/cameo_region_codes.DERIVED.tsv"
	countryFile    = "geonames/countryInfo.txt"
)

// nameFixes repairs event-code names of CAMEO.eventcodes.txt, keyed by code.
// Each fix names the text it replaces (after whitespace is normalised), so a
// changed source fails loudly instead of being patched wrongly.
var nameFixes = map[string]struct{ raw, fixed string }{
	// Mac Roman curly quotes read as Latin-1, and the "t" and a space lost.
	"044": {"Meet at a \u00d2hird\u00d3location", `Meet at a "third" location`},
	// The line for code 106 was run into this one; GDELT has no 106 (its
	// Goldstein file has none either), so the tail is dropped.
	"1056": {"Demand de-escalation of military engagement106:[-5.0] Demand withdrawal", "Demand de-escalation of military engagement"},
	// Typing errors.
	"033":  {"Express intent to provide matyerial aid, not specified below", "Express intent to provide material aid, not specified below"},
	"2041": {"Use chemical, biological, or radiologicalweapons", "Use chemical, biological, or radiological weapons"},
}

// labelFix repairs one row of an actor table. An empty fixed drops the row.
type labelFix struct {
	file, code, raw, fixed string
}

// labelFixes repair rows of the actor tables. Every fix must match a row.
var labelFixes = []labelFix{
	// Apostrophes lost to "?".
	{groupFile, "KID", "United Nations Children?s Fund (UNICEF)", "United Nations Children's Fund (UNICEF)"},
	{groupFile, "NEP", "New Economic Partnership for Africa?s Development", "New Economic Partnership for Africa's Development"},
	// Duplicates of the rows "World Trade Organization (WTO)" and "Welsh".
	{groupFile, "WTO", "World Trade Organization", ""},
	{ethnicFile, "wel", "Welsch", ""},
}

// eventCode is one row of the generated event table.
type eventCode struct {
	Code, Name, Root, Base string
	Goldstein              float64
	QuadClass              int
	PLOVER                 ploverMapping
}

// ploverMapping is one mapping of CAMEO2PLOVER-2021.txt.
type ploverMapping struct {
	Type, Mode, Context string
}

// tables is everything the generated file holds.
type tables struct {
	events []eventCode
	// ploverOnly are codes CAMEO2PLOVER-2021.txt maps that the event
	// table lacks.
	ploverOnly []string
	// Actor tables, code to name.
	states, regions, roles, groups, religions, ethnic map[string]string
}

// generate reads the data files under dir and returns the gofmt'ed source
// of tables.go.
func generate(dir string) ([]byte, error) {
	t, err := load(dir)
	if err != nil {
		return nil, err
	}
	return render(t)
}

// load reads and checks every input file.
func load(dir string) (*tables, error) {
	t := new(tables)
	var err error
	if t.events, err = loadEvents(dir); err != nil {
		return nil, err
	}
	if t.ploverOnly, err = loadPLOVER(filepath.Join(dir, ploverFile), t.events); err != nil {
		return nil, err
	}
	if t.states, err = loadCountries(filepath.Join(dir, countryFile)); err != nil {
		return nil, err
	}
	fixes := slices.Clone(labelFixes)
	for _, f := range []struct {
		dst    *map[string]string
		file   string
		header [2]string
		upper  bool
	}{
		{&t.regions, regionFile, [2]string{"code", "label"}, false},
		{&t.roles, typeFile, [2]string{"CODE", "LABEL"}, false},
		{&t.groups, groupFile, [2]string{"CODE", "LABEL"}, false},
		{&t.religions, religionFile, [2]string{"CODE", "LABEL"}, false},
		// GDELT writes ethnic codes in lower case; inside actor codes
		// they are upper case like every other block.
		{&t.ethnic, ethnicFile, [2]string{"CODE", "LABEL"}, true},
	} {
		m, err := loadLabels(dir, f.file, f.header, f.upper, fixes)
		if err != nil {
			return nil, err
		}
		*f.dst = m
	}
	for _, f := range fixes {
		if f.file != "" {
			return nil, fmt.Errorf("%s: fix for %s %q matched no row", f.file, f.code, f.raw)
		}
	}
	return t, nil
}

// loadEvents reads the event codes, their Goldstein values and the derived
// join, which must agree with the two.
func loadEvents(dir string) ([]eventCode, error) {
	names, err := readTSV(filepath.Join(dir, eventCodesFile), "CAMEOEVENTCODE", "EVENTDESCRIPTION")
	if err != nil {
		return nil, err
	}
	gold, err := readTSV(filepath.Join(dir, goldsteinFile), "CAMEOEVENTCODE", "GOLDSTEINSCALE")
	if err != nil {
		return nil, err
	}
	join, err := readTSV(filepath.Join(dir, joinFile), "code", "root", "level", "description", "goldstein")
	if err != nil {
		return nil, err
	}

	goldstein := make(map[string]float64, len(gold))
	for _, r := range gold {
		if !isEventCode(r.f[0]) {
			return nil, r.errorf("bad event code %q", r.f[0])
		}
		if _, dup := goldstein[r.f[0]]; dup {
			return nil, r.errorf("duplicate code %s", r.f[0])
		}
		v, err := strconv.ParseFloat(r.f[1], 64)
		if err != nil || v < -10 || v > 10 {
			return nil, r.errorf("bad Goldstein value %q for %s", r.f[1], r.f[0])
		}
		if v == 0 {
			v = 0 // not -0
		}
		goldstein[r.f[0]] = v
	}

	fixed := make(map[string]bool)
	seen := make(map[string]bool)
	var events []eventCode
	for _, r := range names {
		code, name := r.f[0], strings.Join(strings.Fields(r.f[1]), " ")
		if !isEventCode(code) {
			return nil, r.errorf("bad event code %q", code)
		}
		if n := len(events); n > 0 && events[n-1].Code >= code {
			return nil, r.errorf("code %s is out of order or duplicated", code)
		}
		if fix, ok := nameFixes[code]; ok {
			if name != fix.raw {
				return nil, r.errorf("fix for %s expects %q, found %q", code, fix.raw, name)
			}
			name = fix.fixed
			fixed[code] = true
		}
		if err := checkLabel(name); err != nil {
			return nil, r.errorf("name of %s: %v", code, err)
		}
		g, ok := goldstein[code]
		if !ok {
			return nil, r.errorf("code %s has no Goldstein value in %s", code, goldsteinFile)
		}
		root, base := code[:2], code[:min(len(code), 3)]
		if !seen[root] && root != code || !seen[base] && base != code {
			return nil, r.errorf("code %s comes before its parent %s or %s", code, root, base)
		}
		seen[code] = true
		quad := quadClass(root)
		if quad == 0 {
			return nil, r.errorf("code %s has a root outside 01-20", code)
		}
		events = append(events, eventCode{
			Code: code, Name: name, Root: root, Base: base,
			Goldstein: g, QuadClass: quad,
		})
	}
	for code := range nameFixes {
		if !fixed[code] {
			return nil, fmt.Errorf("%s: fix for %s matched no row", eventCodesFile, code)
		}
	}
	if len(goldstein) != len(events) {
		return nil, fmt.Errorf("%s has %d codes, %s has %d", goldsteinFile, len(goldstein), eventCodesFile, len(events))
	}

	// The derived join must say the same as its two sources.
	if len(join) != len(events) {
		return nil, fmt.Errorf("%s has %d rows, want %d", joinFile, len(join), len(events))
	}
	for i, r := range join {
		e := events[i]
		g, err := strconv.ParseFloat(r.f[4], 64)
		if r.f[0] != e.Code || r.f[1] != e.Root || r.f[2] != strconv.Itoa(len(e.Code)-1) || err != nil || g != e.Goldstein {
			return nil, r.errorf("row %q disagrees with %s and %s", r.f, eventCodesFile, goldsteinFile)
		}
	}
	return events, nil
}

// loadPLOVER reads CAMEO2PLOVER-2021.txt into events and returns the codes
// it maps that events lacks. Its lines are
//
//	03: AGREE                                   a section heading
//	0311: AGREE,  ,   economic # comment        code: type, mode, context
//	091: ACCUSE, investigate, crime; corruption several contexts
//
// Headings group codes and are not mappings (root 08 has two). A root code
// takes the mapping of its "not specified below" code, root + "0".
func loadPLOVER(path string, events []eventCode) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if !utf8.Valid(b) {
		return nil, fmt.Errorf("%s: not UTF-8", path)
	}
	mapped := make(map[string]ploverMapping)
	for n, line := range strings.Split(string(b), "\n") {
		errorf := func(format string, args ...any) error {
			return fmt.Errorf("%s:%d: %s", path, n+1, fmt.Sprintf(format, args...))
		}
		text, _, _ := strings.Cut(line, "#")
		text = strings.TrimSpace(text)
		if text == "" || strings.Trim(text, "~") == "" {
			continue
		}
		code, rest, ok := strings.Cut(text, ":")
		if !ok || !isEventCode(code) {
			return nil, errorf("want CODE: TYPE, MODE, CONTEXT, found %q", text)
		}
		fields := strings.Split(rest, ",")
		if len(fields) == 1 {
			if len(code) != 2 || !isWord(strings.TrimSpace(rest), false) {
				return nil, errorf("bad section heading %q", text)
			}
			continue
		}
		if len(fields) != 3 {
			return nil, errorf("want CODE: TYPE, MODE, CONTEXT, found %q", text)
		}
		m := ploverMapping{Type: strings.TrimSpace(fields[0]), Mode: strings.TrimSpace(fields[1])}
		var contexts []string
		for c := range strings.SplitSeq(fields[2], ";") {
			if c = strings.TrimSpace(c); c != "" {
				contexts = append(contexts, c)
			}
		}
		m.Context = strings.Join(contexts, "; ")
		if !isWord(m.Type, false) || (m.Mode != "" && !isWord(m.Mode, true)) || slices.ContainsFunc(contexts, func(c string) bool { return !isWord(c, true) }) {
			return nil, errorf("bad mapping %q", text)
		}
		if prev, dup := mapped[code]; dup && prev != m {
			return nil, errorf("code %s is mapped twice, to %v and %v", code, prev, m)
		}
		mapped[code] = m
	}

	known := make(map[string]bool, len(events))
	for i, e := range events {
		known[e.Code] = true
		m, ok := mapped[e.Code]
		if !ok && len(e.Code) == 2 {
			m = mapped[e.Code+"0"]
		}
		events[i].PLOVER = m
	}
	var only []string
	for code := range mapped {
		if !known[code] {
			only = append(only, code)
		}
	}
	slices.Sort(only)
	return only, nil
}

// loadCountries reads the ISO3 and Country columns of GeoNames'
// countryInfo.txt.
func loadCountries(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m := make(map[string]string)
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 5 {
			return nil, fmt.Errorf("%s:%d: want at least 5 columns, found %d", path, n, len(fields))
		}
		iso3, name := fields[1], strings.Join(strings.Fields(fields[4]), " ")
		if !isBlock(iso3) || name == "" || !utf8.ValidString(name) {
			return nil, fmt.Errorf("%s:%d: bad ISO3 code %q or name %q", path, n, iso3, name)
		}
		if _, dup := m[iso3]; dup {
			return nil, fmt.Errorf("%s:%d: duplicate ISO3 code %s", path, n, iso3)
		}
		m[iso3] = name
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(m) < 200 {
		return nil, fmt.Errorf("%s: only %d countries", path, len(m))
	}
	return m, nil
}

// loadLabels reads a two-column CODE, LABEL table, applying fixes (and
// clearing the file of each one used). Distinct labels of one code are
// joined with " / "; codes are upper-cased if upper is set.
func loadLabels(dir, file string, header [2]string, upper bool, fixes []labelFix) (map[string]string, error) {
	rows, err := readTSV(filepath.Join(dir, file), header[0], header[1])
	if err != nil {
		return nil, err
	}
	var order []string
	labels := make(map[string][]string)
rows:
	for _, r := range rows {
		code, label := r.f[0], strings.Join(strings.Fields(r.f[1]), " ")
		for i, f := range fixes {
			if f.file == file && f.code == code && f.raw == label {
				fixes[i].file = "" // used
				if f.fixed == "" {
					continue rows
				}
				label = f.fixed
			}
		}
		if upper {
			code = strings.ToUpper(code)
		}
		if !isBlock(code) {
			return nil, r.errorf("bad code %q", r.f[0])
		}
		if err := checkLabel(label); err != nil {
			return nil, r.errorf("label of %s: %v", code, err)
		}
		if _, seen := labels[code]; !seen {
			order = append(order, code)
		}
		if !slices.Contains(labels[code], label) {
			labels[code] = append(labels[code], label)
		}
	}
	m := make(map[string]string, len(order))
	for _, code := range order {
		m[code] = strings.Join(labels[code], " / ")
	}
	return m, nil
}

// row is one line of a tab-separated file.
type row struct {
	path string
	line int
	f    []string
}

func (r row) errorf(format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", r.path, r.line, fmt.Sprintf(format, args...))
}

// readTSV reads a tab-separated file whose first line is exactly header and
// whose other lines have as many fields. Blank lines are skipped.
func readTSV(path string, header ...string) ([]row, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if !utf8.Valid(b) {
		return nil, fmt.Errorf("%s: not UTF-8", path)
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if got := strings.Split(strings.TrimSuffix(lines[0], "\r"), "\t"); !slices.Equal(got, header) {
		return nil, fmt.Errorf("%s:1: header is %q, want %q", path, got, header)
	}
	var rows []row
	for i, line := range lines[1:] {
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		r := row{path: path, line: i + 2, f: strings.Split(line, "\t")}
		if len(r.f) != len(header) {
			return nil, r.errorf("want %d tab-separated fields, found %d", len(header), len(r.f))
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// checkLabel rejects text that is not printable ASCII or that holds a "?",
// the marks of mojibake and lost characters in the CAMEO files.
func checkLabel(s string) error {
	if s == "" {
		return fmt.Errorf("empty")
	}
	for _, c := range s {
		if c < ' ' || c > '~' || c == '?' {
			return fmt.Errorf("%q has the character %q; add a fix", s, c)
		}
	}
	return nil
}

// isEventCode reports whether s is 2 to 4 ASCII digits.
func isEventCode(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isBlock reports whether s is three upper-case ASCII letters.
func isBlock(s string) bool {
	return len(s) == 3 && strings.Trim(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}

// isWord reports whether s is a non-empty PLOVER name: upper-case letters
// (an event type) or, if lower is set, lower-case letters, "_" and "-".
func isWord(s string, lower bool) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case !lower && 'A' <= c && c <= 'Z':
		case lower && ('a' <= c && c <= 'z' || c == '_' || c == '-'):
		default:
			return false
		}
	}
	return true
}

// quadClass returns the quad class of a root code: 1 for 01-05, 2 for 06-08,
// 3 for 09-13, 4 for 14-20 and 0 otherwise. Package cameo has the same rule.
func quadClass(root string) int {
	n, err := strconv.Atoi(root)
	switch {
	case err != nil || len(root) != 2 || n < 1 || n > 20:
		return 0
	case n <= 5:
		return 1
	case n <= 8:
		return 2
	case n <= 13:
		return 3
	default:
		return 4
	}
}

// render returns the gofmt'ed Go source of tables.go.
func render(t *tables) ([]byte, error) {
	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	q := strconv.Quote

	p("// Code generated by gencameo; DO NOT EDIT.\n\n")
	p("package cameo\n\n")
	p("import \"github.com/dyad-events/dyad\"\n\n")

	mapped := 0
	for _, e := range t.events {
		if e.PLOVER.Type != "" {
			mapped++
		}
	}
	p("// codes are the %d CAMEO event codes of GDELT's CAMEO.eventcodes.txt, in\n", len(t.events))
	p("// code order, with the Goldstein values of CAMEO.goldsteinscale.txt and the\n")
	p("// PLOVER mappings of CAMEO2PLOVER-2021.txt (%d codes have one). A root\n", mapped)
	p("// code takes the mapping of its \"not specified below\" code, root + \"0\".\n")
	if len(t.ploverOnly) > 0 {
		p("// CAMEO2PLOVER-2021.txt also maps %s, which GDELT lacks.\n", strings.Join(t.ploverOnly, ", "))
	}
	p("var codes = [...]Code{\n")
	for _, e := range t.events {
		p("{Code: %s, Name: %s, Root: %s, Base: %s, Goldstein: %s, QuadClass: %d",
			q(e.Code), q(e.Name), q(e.Root), q(e.Base), strconv.FormatFloat(e.Goldstein, 'f', -1, 64), e.QuadClass)
		if m := e.PLOVER; m != (ploverMapping{}) {
			p(", PLOVER: dyad.PLOVER{Type: %s", q(m.Type))
			if m.Mode != "" {
				p(", Mode: %s", q(m.Mode))
			}
			p("}")
			if m.Context != "" {
				p(", PLOVERContext: %s", q(m.Context))
			}
		}
		p("},\n")
	}
	p("}\n\n")

	for _, m := range []struct {
		name, doc string
		m         map[string]string
	}{
		{"states", "maps ISO-3166 alpha-3 codes to country names (GeoNames countryInfo.txt).", t.states},
		{"regions", "maps CAMEO regional codes to names (CAMEO manual table 3.3).", t.regions},
		{"roles", "maps CAMEO role and type codes to names (GDELT CAMEO.type.txt).", t.roles},
		{"groups", "maps CAMEO known-group codes to names (GDELT CAMEO.knowngroup.txt).", t.groups},
		{"religions", "maps CAMEO religion codes to names (GDELT CAMEO.religion.txt).", t.religions},
		{"ethnicGroups", "maps CAMEO ethnic codes, upper-cased, to names (GDELT CAMEO.ethnic.txt).", t.ethnic},
	} {
		p("// %s %s\n", m.name, m.doc)
		p("var %s = map[string]string{\n", m.name)
		for _, k := range slices.Sorted(maps.Keys(m.m)) {
			p("%s: %s,\n", q(k), q(m.m[k]))
		}
		p("}\n\n")
	}

	src, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("format generated source: %w", err)
	}
	return src, nil
}
