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

const nerGold = `# newdoc id = d1
# sent_id = d1-1
1	Khwaja	B-PER	-	-
2	Asif	I-PER	-	-
3	visited	O	-	-
4	Kabul	B-LOC	-	-
5	.	O	-	-

# sent_id = d1-2
1	The	O	-	-
2	United	B-ORG	-	-
3	Nations	I-ORG	-	-
4	met	O	-	-
5	in	O	-	-
6	Geneva	B-LOC	-	-
7	.	O	-	-
`

// TestTrainEvalNER trains a tagger on a tiny IOB2 file with "dyad train
// ner" and scores it on the same file with "dyad eval ner".
func TestTrainEvalNER(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold.iob2")
	if err := os.WriteFile(gold, []byte(nerGold), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	args := []string{"train", "ner", "--train", gold, "--dev", gold, "--out", dir, "--epochs", "6"}
	if err := run(context.Background(), args, nil, &stdout, &stderr); err != nil {
		t.Fatalf("train ner: %v (stderr %q)", err, stderr.String())
	}
	if out := stdout.String(); !strings.Contains(out, "epoch 6") || !strings.Contains(out, "dev F1") || !strings.Contains(out, "wrote ") {
		t.Errorf("train ner printed %q", out)
	}

	stdout.Reset()
	args = []string{"eval", "ner", "--gold", gold, "--models", dir, "--json", "--min-f1", "50"}
	if err := run(context.Background(), args, nil, &stdout, &stderr); err != nil {
		t.Fatalf("eval ner: %v (stderr %q)", err, stderr.String())
	}
	var rep struct {
		Precision, Recall, F1 *float64
		PerType               map[string]struct{ F1, Gold float64 } `json:"per_type"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("eval ner --json: %v in %q", err, stdout.String())
	}
	if rep.Precision == nil || rep.Recall == nil || rep.F1 == nil {
		t.Fatalf("eval ner --json lacks precision, recall or f1: %s", stdout.String())
	}
	// Names and word counts from other documents are held out in training,
	// so even the training file is not tagged perfectly.
	if *rep.F1 < 50 || *rep.F1 > 100 {
		t.Errorf("a tagger trained on its test file scored F1 %.2f", *rep.F1)
	}
	for typ, n := range map[string]float64{"PER": 1, "ORG": 1, "LOC": 2} {
		if got := rep.PerType[typ].Gold; got != n {
			t.Errorf("%s: %v gold entities, want %v", typ, got, n)
		}
	}

	stdout.Reset()
	if err := run(context.Background(), []string{"eval", "ner", "--gold", gold, "--models", dir}, nil, &stdout, &stderr); err != nil {
		t.Fatalf("eval ner: %v", err)
	}
	err := run(context.Background(), []string{"eval", "ner", "--gold", gold, "--models", dir, "--min-f1", "100.01"}, nil, &stdout, &stderr)
	if code := exitCode(err, &stderr); code != 3 {
		t.Errorf("eval ner below its floor: exit code %d, want 3", code)
	}
	if out := stdout.String(); !strings.Contains(out, "LOC") || !strings.Contains(out, "4 gold entities") {
		t.Errorf("eval ner printed %q", out)
	}
}

func TestEvalNERUsage(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.iob2")
	if err := os.WriteFile(bad, []byte("1\tKabul\tX-LOC\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		err  string
	}{
		{"NoGold", []string{"eval", "ner"}, "no gold"},
		{"Missing", []string{"eval", "ner", "--gold", filepath.Join(dir, "none")}, "no such file"},
		{"BadTag", []string{"eval", "ner", "--gold", bad}, "bad tag"},
		{"TrainNoOut", []string{"train", "ner", "--train", bad}, "--out"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), tt.args, nil, &stdout, &stderr)
			if code := exitCode(err, &stderr); code != 2 {
				t.Errorf("exit code %d, want 2 (stderr %q)", code, stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.err) {
				t.Errorf("stderr %q does not contain %q", stderr.String(), tt.err)
			}
		})
	}
}
