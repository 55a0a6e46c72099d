package dict

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// This file writes actor, agent and verb dictionaries in the native and the
// PETRARCH formats, so that either can be converted to the other: read
// with Read or ReadNative, write with the writer of the other format.
// Comments and the order of records across files are not kept; records
// come out in the order of their references (file, then line).

// actorGroup is one record of an actor dictionary: the phrases that share
// a root and codes.
type actorGroup struct {
	root    *ActorEntry
	phrases []*ActorEntry
}

// refKey splits "file:line" for sorting.
func refKey(ref string) (string, int) {
	i := strings.LastIndexByte(ref, ':')
	if i < 0 {
		return ref, 0
	}
	n, _ := strconv.Atoi(ref[i+1:])
	return ref[:i], n
}

// compareRefs orders references by file name, then line.
func compareRefs(a, b string) int {
	fa, na := refKey(a)
	fb, nb := refKey(b)
	if c := strings.Compare(fa, fb); c != 0 {
		return c
	}
	return cmp.Compare(na, nb)
}

// actorGroups returns the records of a, in reference order.
func actorGroups(a *Actors) []*actorGroup {
	type key struct {
		root, code string
		dated      *DatedCode
	}
	byKey := map[key]*actorGroup{}
	var out []*actorGroup
	a.index.each(func(e *ActorEntry) {
		k := key{root: e.Root, code: e.Code}
		if len(e.Dated) > 0 {
			k.dated = &e.Dated[0]
		}
		g := byKey[k]
		if g == nil {
			g = &actorGroup{}
			byKey[k] = g
			out = append(out, g)
		}
		g.phrases = append(g.phrases, e)
	})
	for _, g := range out {
		slices.SortFunc(g.phrases, func(x, y *ActorEntry) int {
			if c := compareRefs(x.Ref, y.Ref); c != 0 {
				return c
			}
			return strings.Compare(x.Phrase, y.Phrase)
		})
		g.root = g.phrases[0]
		for i, e := range g.phrases {
			if e.Phrase == e.Root {
				g.root = e
				g.phrases = append(append([]*ActorEntry{e}, g.phrases[:i]...), g.phrases[i+1:]...)
				break
			}
		}
	}
	slices.SortFunc(out, func(x, y *actorGroup) int {
		if c := compareRefs(x.root.Ref, y.root.Ref); c != 0 {
			return c
		}
		return strings.Compare(x.root.Phrase, y.root.Phrase)
	})
	return out
}

// WriteActorsPETRARCH writes a in the PETRARCH actor format: one record
// per primary phrase, with its codes on the phrase's line (as TABARI
// wrote them) and its synonyms on "+" lines.
func WriteActorsPETRARCH(w io.Writer, a *Actors) error {
	bw := bufio.NewWriter(w)
	for _, g := range actorGroups(a) {
		for _, e := range g.phrases {
			if strings.ContainsAny(e.Phrase, "#;[]") {
				return fmt.Errorf("write actors: phrase %q (%s) cannot be written in the PETRARCH format", e.Phrase, e.Ref)
			}
		}
		bw.WriteString(strings.ReplaceAll(g.root.Phrase, " ", "_"))
		if g.root.Code != "" {
			bw.WriteString(" [" + g.root.Code + "]")
		}
		for _, d := range g.root.Dated {
			bw.WriteString(" [" + d.Code + " " + petrarchRange(d) + "]")
		}
		bw.WriteByte('\n')
		for _, e := range g.phrases[1:] {
			bw.WriteString("+" + strings.ReplaceAll(e.Phrase, " ", "_") + "\n")
		}
	}
	return bw.Flush()
}

// petrarchRange writes a date restriction as PETRARCH does.
func petrarchRange(d DatedCode) string {
	const f = "20060102"
	switch {
	case d.From.IsZero() && d.To.IsZero():
		return ">00010101"
	case d.From.IsZero():
		return "<" + d.To.Format(f)
	case d.To.IsZero():
		return ">" + d.From.Format(f)
	}
	return d.From.Format(f) + "-" + d.To.Format(f)
}

// nativeRange writes a date restriction in the native format.
func nativeRange(d DatedCode) string {
	const f = "2006-01-02"
	var from, to string
	if !d.From.IsZero() {
		from = d.From.Format(f)
	}
	if !d.To.IsZero() {
		to = d.To.Format(f)
	}
	if from == "" && to == "" {
		from = "0001-01-01"
	}
	return from + ".." + to
}

// checkNativePhrase reports whether a phrase can be written in the native
// format, given the characters it cannot hold.
func checkNativePhrase(phrase, ref, bad string) error {
	if _, err := nativePhrase(phrase, bad); err != nil {
		return fmt.Errorf("phrase %q (%s) cannot be written in the native format: %w", phrase, ref, err)
	}
	return nil
}

// WriteActorsNative writes a in the native actor format, one record per
// line: "CODES = PHRASE | PHRASE ...".
func WriteActorsNative(w io.Writer, a *Actors) error {
	bw := bufio.NewWriter(w)
	for _, g := range actorGroups(a) {
		var codes []string
		if g.root.Code != "" {
			if err := checkCode(g.root.Code); err != nil {
				return fmt.Errorf("write actors: %s: %w", g.root.Ref, err)
			}
			codes = append(codes, g.root.Code)
		}
		for _, d := range g.root.Dated {
			if err := checkCode(d.Code); err != nil {
				return fmt.Errorf("write actors: %s: %w", g.root.Ref, err)
			}
			codes = append(codes, d.Code+" "+nativeRange(d))
		}
		names := make([]string, 0, len(g.phrases))
		for _, e := range g.phrases {
			if !printable(e.Phrase) {
				continue // it never matches a token
			}
			if err := checkNativePhrase(e.Phrase, e.Ref, badActorChars); err != nil {
				return fmt.Errorf("write actors: %w", err)
			}
			names = append(names, strings.ToLower(e.Phrase))
		}
		if len(names) == 0 {
			continue
		}
		bw.WriteString(strings.TrimSpace(strings.Join(codes, ", ")+" = "+strings.Join(names, " | ")) + "\n")
	}
	return bw.Flush()
}

// agentList returns the written (not automatic) phrases of a, in
// reference order.
func agentList(a *Agents) []*AgentEntry {
	var out []*AgentEntry
	a.index.each(func(e *AgentEntry) {
		if !e.auto {
			out = append(out, e)
		}
	})
	slices.SortFunc(out, func(x, y *AgentEntry) int {
		if c := compareRefs(x.Ref, y.Ref); c != 0 {
			return c
		}
		return strings.Compare(x.Phrase, y.Phrase)
	})
	return out
}

// agentCode writes an agent's code as "~CODE" or "CODE~"; "" for none.
func agentCode(e *AgentEntry) string {
	switch {
	case e.Code == "":
		return ""
	case e.Prefix:
		return e.Code + "~"
	}
	return "~" + e.Code
}

// keepsPlural reports whether reading e's phrase without a plural mark
// gives the dictionary's plural: the regular plural is in a as e's own
// automatic plural or as a written phrase, or there is none.
func keepsPlural(a *Agents, e *AgentEntry) bool {
	words := strings.Fields(e.Phrase)
	pl := agentPlural(words[len(words)-1])
	if pl == "" {
		return true
	}
	words[len(words)-1] = pl
	p, n := a.index.longest(words)
	if p == nil || n != len(words) {
		return false
	}
	return !p.auto || p.Code == e.Code && p.Prefix == e.Prefix
}

// WriteAgentsPETRARCH writes a in the PETRARCH agent format, one phrase a
// line; "{}" marks a phrase whose regular plural is not in a.
func WriteAgentsPETRARCH(w io.Writer, a *Agents) error {
	bw := bufio.NewWriter(w)
	for _, e := range agentList(a) {
		if strings.ContainsAny(e.Phrase, "#!{}[]~") {
			return fmt.Errorf("write agents: phrase %q (%s) cannot be written in the PETRARCH format", e.Phrase, e.Ref)
		}
		bw.WriteString(strings.ReplaceAll(e.Phrase, " ", "_"))
		if !keepsPlural(a, e) {
			bw.WriteString(" {}")
		}
		if c := agentCode(e); c != "" {
			bw.WriteString(" [" + c + "]")
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// WriteAgentsNative writes a in the native agent format: one line per
// code, in the order of the code's first phrase: "~CODE = PHRASE | ...".
func WriteAgentsNative(w io.Writer, a *Agents) error {
	type line struct {
		code    string
		phrases []string
	}
	var lines []*line
	byCode := map[string]*line{}
	for _, e := range agentList(a) {
		if !printable(e.Phrase) {
			continue // it never matches a token
		}
		if err := checkNativePhrase(e.Phrase, e.Ref, badAgentChars); err != nil {
			return fmt.Errorf("write agents: %w", err)
		}
		c := agentCode(e)
		l := byCode[c]
		if l == nil {
			l = &line{code: c}
			byCode[c] = l
			lines = append(lines, l)
		}
		p := strings.ToLower(e.Phrase)
		if !keepsPlural(a, e) {
			p += " {}"
		}
		l.phrases = append(l.phrases, p)
	}
	bw := bufio.NewWriter(w)
	for _, l := range lines {
		bw.WriteString(strings.TrimSpace(l.code+" = "+strings.Join(l.phrases, " | ")) + "\n")
	}
	return bw.Flush()
}

// Entries returns the phrases of the actor dictionary, ordered by their
// references (file, then line).
func (a *Actors) Entries() []*ActorEntry {
	var out []*ActorEntry
	a.index.each(func(e *ActorEntry) { out = append(out, e) })
	slices.SortFunc(out, func(x, y *ActorEntry) int {
		if c := compareRefs(x.Ref, y.Ref); c != 0 {
			return c
		}
		return strings.Compare(x.Phrase, y.Phrase)
	})
	return out
}

// Entries returns the phrases of the agent dictionary, generated plurals
// included, ordered by their references (file, then line).
func (a *Agents) Entries() []*AgentEntry {
	var out []*AgentEntry
	a.index.each(func(e *AgentEntry) { out = append(out, e) })
	slices.SortFunc(out, func(x, y *AgentEntry) int {
		if c := compareRefs(x.Ref, y.Ref); c != 0 {
			return c
		}
		return strings.Compare(x.Phrase, y.Phrase)
	})
	return out
}

// WriteVerbsPETRARCH writes d in the PETRARCH verb format: its synonym
// sets (every member, plurals included, marked "_" so that none is added
// twice), its blocks with their verbs, the verbs' forms and patterns, and
// its transformations.
func WriteVerbsPETRARCH(w io.Writer, d *Verbs) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("####### SYNONYM SETS #######\n")
	for _, label := range sortedKeys(d.Synsets) {
		bw.WriteString(label + "\n")
		for _, m := range d.Synsets[label] {
			bw.WriteString("+" + strings.Join(m, "_") + "_\n")
		}
	}
	bw.WriteString("####### VERBS #######\n")
	for _, b := range d.Blocks {
		fmt.Fprintf(bw, "--- %s [%s] ---\n", strings.ReplaceAll(b.Name, " ", "_"), b.Code)
		for _, v := range b.Verbs {
			bw.WriteString(petrarchVerb(v))
			if len(v.Forms) > 1 {
				bw.WriteString(" {" + strings.Join(v.Forms[1:], " ") + "}")
			}
			if v.Code != b.Code {
				bw.WriteString(" [" + v.Code + "]")
			}
			bw.WriteByte('\n')
		}
		for _, p := range b.Patterns {
			bw.WriteString("- " + p.Raw + " [" + patternCode(p) + "]\n")
		}
	}
	if len(d.Transforms) > 0 {
		bw.WriteString("####### TRANSFORMATIONS #######\n")
		for _, x := range d.Transforms {
			bw.WriteString("~ " + x.Raw + "\n")
		}
	}
	return bw.Flush()
}

// WriteVerbsNative writes d in the native verb format. Synonym sets are
// written with every member and a final "_" (no plurals added); verbs
// with the forms they had, to which the native reader adds the regular and
// known irregular ones.
func WriteVerbsNative(w io.Writer, d *Verbs) error {
	bw := bufio.NewWriter(w)
	for _, label := range sortedKeys(d.Synsets) {
		name := strings.TrimRight(label, "_")
		if len(name) < 2 || strings.ContainsAny(name, " \t=|#") {
			return fmt.Errorf("write verbs: synonym set %q cannot be written in the native format", label)
		}
		members := make([]string, 0, len(d.Synsets[label]))
		for _, m := range d.Synsets[label] {
			p := strings.ToLower(strings.Join(m, " "))
			if len(m) == 1 && strings.HasPrefix(m[0], "&") {
				p = m[0]
			} else if _, err := nativePhrase(p, badVerbChars); err != nil {
				return fmt.Errorf("write verbs: synonym set %s: %w", label, err)
			}
			members = append(members, p)
		}
		if len(members) == 0 {
			continue
		}
		bw.WriteString(name + "_ = " + strings.Join(members, " | ") + "\n")
	}
	for _, b := range d.Blocks {
		name := strings.ReplaceAll(b.Name, " ", "_")
		if name == "" {
			name = "BLOCK"
		}
		fmt.Fprintf(bw, "== %s %s\n", b.Code, name)
		for i, v := range b.Verbs {
			if i > 0 {
				bw.WriteString(" | ")
			}
			words := append(append(append([]string{}, v.Pre...), "+"+v.Word), v.Post...)
			if len(v.Pre) == 0 {
				words[0] = v.Word
			}
			bw.WriteString(strings.ToLower(strings.Join(words, " ")))
			if len(v.Forms) > 1 {
				bw.WriteString(" {" + strings.ToLower(strings.Join(v.Forms[1:], " ")) + "}")
			}
			if v.Code != b.Code {
				bw.WriteString(" [" + v.Code + "]")
			}
		}
		if len(b.Verbs) > 0 {
			bw.WriteByte('\n')
		}
		for _, p := range b.Patterns {
			bw.WriteString("- " + p.Raw + " [" + patternCode(p) + "]\n")
		}
	}
	for _, x := range d.Transforms {
		bw.WriteString("~ " + x.Raw + "\n")
	}
	return bw.Flush()
}

// petrarchVerb writes a verb's words as the PETRARCH format does:
// "WIRE_+TAP", "+CORDON_OFF", "SAY".
func petrarchVerb(v *Verb) string {
	if len(v.Pre) == 0 && len(v.Post) == 0 {
		return v.Word
	}
	words := append(append(append([]string{}, v.Pre...), "+"+v.Word), v.Post...)
	return strings.Join(words, "_")
}

// patternCode writes a pattern's code, with its paired code.
func patternCode(p *Pattern) string {
	if p.Paired != "" {
		return p.Code + ":" + p.Paired
	}
	return p.Code
}

// sortedKeys returns the keys of a map in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
