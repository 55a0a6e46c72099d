package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

// TestCodeContestedClaims codes a report in which one government blames
// another for an attack and the accused denies it: with the built-in
// dictionaries and parser, the denial is coded against the accuser, the
// two events are linked as contested, and hearsay carries its source.
func TestCodeContestedClaims(t *testing.T) {
	in := "ISLAMABAD, Oct. 12, 2025 (Reuters) - Pakistan accused Afghanistan on Sunday of sheltering the militants who attacked a police station in Bannu. " +
		"The Afghan government denied any involvement in the attack. " +
		"Taliban fighters reportedly attacked Pakistani soldiers near Chaman, officials told Geo News.\n"
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"code"}, strings.NewReader(in), &stdout, &stderr); err != nil {
		t.Fatalf("run: %v (stderr %q)", err, stderr.String())
	}
	byCode := map[string]dyad.Event{}
	ids := map[string]string{}
	dec := json.NewDecoder(&stdout)
	for dec.More() {
		var e dyad.Event
		if err := dec.Decode(&e); err != nil {
			t.Fatalf("decode: %v", err)
		}
		key := e.Source.Code[:3] + " " + e.Target.Code[:3] + " " + e.Code
		byCode[key] = e
		ids[e.ID] = key
	}
	acc, ok := byCode["PAK AFG 112"]
	if !ok {
		t.Fatalf("no PAK AFG 112 accusation in %v", ids)
	}
	deny, ok := byCode["AFG PAK 016"]
	if !ok {
		t.Fatalf("no AFG PAK 016 denial in %v", ids)
	}
	if deny.Target.Span != (dyad.Span{}) {
		t.Errorf("denial's target has span %v, want none (the sentence does not name it)", deny.Target.Span)
	}
	contests := func(e dyad.Event, id string) bool {
		for _, c := range e.Contested {
			if c == id {
				return true
			}
		}
		return false
	}
	if !contests(acc, deny.ID) || !contests(deny, acc.ID) {
		t.Errorf("accusation contested by %v, denial by %v: want each other", acc.Contested, deny.Contested)
	}
	attack, ok := byCode["AFG PAK 190"]
	if !ok {
		t.Fatalf("no AFG PAK 190 attack in %v", ids)
	}
	want := dyad.Attribution{By: "officials", Verb: "tell", Via: "Geo News", Status: dyad.ReportedBy}
	if attack.Attribution == nil || *attack.Attribution != want {
		t.Errorf("attack attribution %+v, want %+v", attack.Attribution, want)
	}
	if attack.Modality != dyad.Reported {
		t.Errorf("attack modality %s, want reported", attack.Modality)
	}
}

// TestCodeAppealToMeet codes, with the built-in dictionaries and parser,
// an appeal to hold a meeting about a third party: the appeal is to the
// one asked, not to the party discussed.
func TestCodeAppealToMeet(t *testing.T) {
	in := "Venezuela asked the UN Security Council to hold an emergency meeting on the US military build-up.\n"
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"code", "--date", "2025-10-16", "--format", "tsv"}, strings.NewReader(in), &stdout, &stderr); err != nil {
		t.Fatalf("run: %v (stderr %q)", err, stderr.String())
	}
	got := stdout.String()
	if !strings.Contains(got, "\tVEN\tIGOUNO\t026\t") || strings.Contains(got, "\tVEN\tUSA") {
		t.Errorf("events:\n%s\nwant VEN → IGOUNO 026 and nothing against the USA", got)
	}
}
