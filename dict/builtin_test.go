package dict_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/dict"
)

// TestBuiltin loads the built-in dictionaries and checks their codes: every
// event code of the verb dictionary is a CAMEO code, every actor and agent
// code parses as a CAMEO actor code with known blocks, and no phrase is
// defined twice.
func TestBuiltin(t *testing.T) {
	// The fastest of a few loads; on a busy machine, where the wall clock
	// says little, the CPU time of a load.
	var s *dict.Set
	best := time.Duration(1 << 62)
	const loads = 3
	cpu0, haveCPU := cpuTime()
	for range loads {
		start := time.Now()
		var err error
		if s, err = dict.Builtin(); err != nil {
			t.Fatal(err)
		}
		best = min(best, time.Since(start))
	}
	cpu1, _ := cpuTime()
	if cpu := (cpu1 - cpu0) / loads; best > 150*time.Millisecond && (!haveCPU || cpu > 150*time.Millisecond) {
		t.Errorf("dict.Builtin took %v (CPU %v), want < 150ms", best, cpu)
	}
	t.Logf("verbs %d in %d blocks, actors %d phrases, agents %d phrases, loaded in %v",
		s.Verbs.Len(), len(s.Verbs.Blocks), s.Actors.Len(), s.Agents.Len(), best)

	for _, w := range s.Verbs.Warnings {
		t.Errorf("verbs: %v", w)
	}
	for _, w := range s.Actors.Warnings {
		t.Errorf("actors: %v", w)
	}
	for _, w := range s.Agents.Warnings {
		t.Errorf("agents: %v", w)
	}

	checkEvent := func(code, ref string) {
		t.Helper()
		if code == "" || code == "---" {
			return
		}
		if _, ok := cameo.Lookup(code); !ok {
			t.Errorf("%s: %q is not a CAMEO event code", ref, code)
		}
	}
	for _, b := range s.Verbs.Blocks {
		checkEvent(b.Code, b.Ref)
		for _, v := range b.Verbs {
			checkEvent(v.Code, v.Ref)
		}
		for _, p := range b.Patterns {
			checkEvent(p.Code, p.Ref)
			checkEvent(p.Paired, p.Ref)
		}
	}

	roots := map[string]bool{}
	for _, b := range s.Verbs.Blocks {
		if len(b.Verbs) == 0 {
			t.Errorf("%s: block %s has no verbs", b.Ref, b.Name)
		}
		for _, c := range []string{b.Code} {
			if c != "---" {
				roots[cameo.RootOf(c)] = true
			}
		}
	}
	for r := 1; r <= 20; r++ {
		if root := fmt.Sprintf("%02d", r); !roots[root] {
			t.Errorf("no verb block for CAMEO root %s", root)
		}
	}

	checkActor := func(code, ref string) {
		t.Helper()
		a, err := cameo.ParseActor(code)
		if err != nil {
			t.Errorf("%s: %v", ref, err)
			return
		}
		if len(a.Unknown) > 0 {
			t.Errorf("%s: actor code %s has unknown blocks %v", ref, code, a.Unknown)
		}
	}
	for _, e := range s.Actors.Entries() {
		if e.Code != "" {
			checkActor(e.Code, e.Ref)
		}
		for _, d := range e.Dated {
			checkActor(d.Code, e.Ref)
		}
		if e.Code == "" && len(e.Dated) == 0 {
			t.Errorf("%s: %q has no code", e.Ref, e.Phrase)
		}
	}
	for _, e := range s.Agents.Entries() {
		for i := 0; i+3 <= len(e.Code); i += 3 {
			if _, ok := cameo.AgentName(e.Code[i : i+3]); !ok {
				t.Errorf("%s: agent code %s: unknown block %s", e.Ref, e.Code, e.Code[i:i+3])
			}
		}
	}
}

// BenchmarkBuiltin measures the parsing of the built-in dictionaries.
func BenchmarkBuiltin(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := dict.Builtin(); err != nil {
			b.Fatal(err)
		}
	}
}

// ExampleBuiltin looks up an actor, an agent and a verb in the built-in
// dictionaries.
func ExampleBuiltin() {
	s, err := dict.Builtin()
	if err != nil {
		panic(err)
	}
	taliban, _ := s.Actors.Match([]string{"TALIBAN"})
	before := time.Date(2021, 8, 1, 0, 0, 0, 0, time.UTC)
	after := time.Date(2025, 10, 12, 0, 0, 0, 0, time.UTC)
	fmt.Println("Taliban:", taliban.CodeAt(before), "then", taliban.CodeAt(after))

	minister, n := s.Agents.Match(strings.Fields("DEFENCE MINISTER"))
	fmt.Println("defence minister:", minister.Code, n)

	for _, v := range s.Verbs.Lookup("ACCUSED") {
		fmt.Println("accused:", v.Code, v.Block.Name)
	}
	// Output:
	// Taliban: AFGINS then AFGGOV
	// defence minister: GOV 2
	// accused: 112 ACCUSE
}
