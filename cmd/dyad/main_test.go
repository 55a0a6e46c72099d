package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sharedData returns the shared data directory, skipping when absent.
func sharedData(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("DYAD_SHARED_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "data")
	}
	if _, err := os.Stat(filepath.Join(dir, "petrarch")); err != nil {
		t.Skipf("shared data not found at %s (set DYAD_SHARED_DATA): %v", dir, err)
	}
	return dir
}

func TestRunUsage(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		code     int
		inStdout string
		inStderr string
	}{
		{"Version", []string{"--version"}, 0, "dyad ", ""},
		{"Help", []string{"help"}, 0, "Commands:", ""},
		{"ErrNoCommand", nil, 2, "", "Usage: dyad COMMAND"},
		{"ErrUnknown", []string{"frobnicate"}, 2, "", `unknown command "frobnicate"`},
		{"ErrCodeNoInput", []string{"code"}, 2, "", "stdin is empty"},
		{"ErrVerbsWithoutDicts", []string{"code", "--conllu", "-", "--dicts", "", "--verbs", "v.txt"}, 2, "", "--verbs needs --dicts"},
		{"ErrBadFormat", []string{"code", "--conllu", "-", "--dicts", "x", "--format", "xml"}, 2, "", "unknown format"},
		{"ErrBadFlag", []string{"code", "--nope"}, 2, "", "flag provided but not defined"},
		{"ErrEvalNoSuite", []string{"eval", "petrarch"}, 2, "", "no suite"},
		{"ErrEvalUnknownSuite", []string{"eval", "tabari"}, 2, "", "unknown suite"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), tt.args, strings.NewReader(""), &stdout, &stderr)
			code := exitCode(err, &stderr)
			if code != tt.code {
				t.Errorf("exit code %d, want %d (stderr %q)", code, tt.code, stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.inStdout) {
				t.Errorf("stdout %q does not contain %q", stdout.String(), tt.inStdout)
			}
			if !strings.Contains(stderr.String(), tt.inStderr) {
				t.Errorf("stderr %q does not contain %q", stderr.String(), tt.inStderr)
			}
		})
	}
}

const arnorGondor = `# sent_id = s1
# text = Arnor restored diplomatic ties with Gondor.
1	Arnor	Arnor	PROPN	NNP	_	2	nsubj	_	_
2	restored	restore	VERB	VBD	_	0	root	_	_
3	diplomatic	diplomatic	ADJ	JJ	_	4	amod	_	_
4	ties	tie	NOUN	NNS	_	2	obj	_	_
5	with	with	ADP	IN	_	6	case	_	_
6	Gondor	Gondor	PROPN	NNP	_	2	obl	_	_
7	.	.	PUNCT	.	_	2	punct	_	_

`

func TestCodeJSONL(t *testing.T) {
	dicts := filepath.Join(sharedData(t), "petrarch", "dictionaries")
	var stdout, stderr bytes.Buffer
	args := []string{"code", "--conllu", "-", "--dicts", dicts, "--set", "validation", "--date", "1995-01-01"}
	if err := run(context.Background(), args, strings.NewReader(arnorGondor), &stdout, &stderr); err != nil {
		t.Fatalf("run: %v (stderr %q)", err, stderr.String())
	}
	var ev struct {
		Date   string
		Source struct{ Code string }
		Target struct{ Code string }
		Code   string
		Root   string
		Quad   int `json:"quad_class"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &ev); err != nil {
		t.Fatalf("output %q: %v", stdout.String(), err)
	}
	if ev.Source.Code != "ARN" || ev.Target.Code != "GON" || ev.Code != "050" || ev.Root != "05" || ev.Quad != 1 || ev.Date != "1995-01-01" {
		t.Errorf("got %+v, want ARN GON 050 on 1995-01-01", ev)
	}
}

func TestEvalPetrarchFloor(t *testing.T) {
	data := sharedData(t)
	suite := filepath.Join(data, "petrarch", "validation", "PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml")
	dicts := filepath.Join(data, "petrarch", "dictionaries")
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"eval", "petrarch", "--suite", suite, "--dicts", dicts, "--json", "--min-exact", "0.999"}, nil, &stdout, &stderr)
	if code := exitCode(err, &stderr); code != 3 {
		t.Fatalf("exit code %d, want 3 for an unreachable floor (stderr %q)", code, stderr.String())
	}
	var report struct {
		Records int     `json:"records"`
		Exact   int     `json:"exact"`
		F1      float64 `json:"f1"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &report); err != nil {
		t.Fatal(err)
	}
	if report.Records != 278 || report.Exact == 0 || report.F1 <= 0 {
		t.Errorf("report = %+v, want 278 records and a score", report)
	}
}

// TestCodeSaysWhatItSkips: an input in another language is not coded,
// and dyad code says so instead of printing nothing.
func TestCodeSaysWhatItSkips(t *testing.T) {
	in := "Le gouvernement a déclaré mardi que les négociations reprendraient la semaine prochaine à Genève. " +
		"Les deux délégations se sont rencontrées pendant trois jours sans parvenir à un accord sur le calendrier du retrait des troupes. " +
		"Le ministre des affaires étrangères a appelé les parties à la retenue et au dialogue.\n"
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"code"}, strings.NewReader(in), &stdout, &stderr); err != nil {
		t.Fatalf("run: %v (stderr %q)", err, stderr.String())
	}
	if stdout.Len() != 0 || !strings.Contains(stderr.String(), "not coded: language fr") {
		t.Errorf("stdout %q, stderr %q; want no events and a note that the French text was not coded", stdout.String(), stderr.String())
	}
}
