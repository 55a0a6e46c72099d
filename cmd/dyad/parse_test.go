package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/conllu"
	"github.com/dyad-events/dyad/nlp/depparse"
	"github.com/dyad-events/dyad/nlp/treebank"
)

// ewtDev returns the path of the EWT dev file, skipping when absent.
func ewtDev(t *testing.T) string {
	t.Helper()
	p := filepath.Join(sharedData(t), "ud", "en_ewt", "en_ewt-ud-dev.conllu.gz")
	if _, err := os.Stat(p); err != nil {
		t.Skipf("EWT dev not found: %v", err)
	}
	return p
}

// devHead writes the first n sentences of EWT dev to a plain CoNLL-U file.
func devHead(t *testing.T, n int) string {
	t.Helper()
	f, err := os.Open(ewtDev(t))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	r := conllu.NewReader(zr)
	var buf bytes.Buffer
	w := conllu.NewWriter(&buf)
	for range n {
		s, err := r.Read()
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(s); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	p := filepath.Join(t.TempDir(), "head.conllu")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// tinyModels trains small models on 200 dev sentences with "dyad train"
// into a temporary directory, so that the command tests run fast; the
// embedded models are checked in package nlp and by TestCodeText.
func tinyModels(t *testing.T) string {
	t.Helper()
	path := devHead(t, 200)
	out := t.TempDir()
	for _, what := range []string{"tokenizer", "lemmatizer", "tagger", "parser"} {
		var stdout, stderr bytes.Buffer
		args := []string{"train", what, "--train", path, "--dev", path, "--out", out, "--epochs", "2", "--folds", "0"}
		if err := run(context.Background(), args, nil, &stdout, &stderr); err != nil {
			t.Fatalf("train %s: %v (stderr %q)", what, err, stderr.String())
		}
		if !strings.Contains(stdout.String(), "wrote ") || !strings.Contains(stdout.String(), "dev") {
			t.Errorf("train %s printed %q", what, stdout.String())
		}
	}
	return out
}

// TestTrainParserBeam trains a beam parser on jackknifed tags, writes
// those tags out, trains again from them, and checks that the model keeps
// its beam width.
func TestTrainParserBeam(t *testing.T) {
	path := devHead(t, 60)
	out, tags := t.TempDir(), filepath.Join(t.TempDir(), "tags.conllu")
	var stdout, stderr bytes.Buffer
	args := []string{"train", "parser", "--train", path, "--out", out, "--epochs", "2", "--folds", "2", "--beam", "3", "--tags-out", tags}
	if err := run(context.Background(), args, nil, &stdout, &stderr); err != nil {
		t.Fatalf("train: %v (stderr %q)", err, stderr.String())
	}
	gold, err := treebank.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	tagged, err := treebank.Load(tags)
	if err != nil {
		t.Fatal(err)
	}
	if len(tagged) != len(gold) {
		t.Fatalf("wrote %d tagged sentences, want %d", len(tagged), len(gold))
	}
	for i, s := range tagged {
		for j, tok := range s.Tokens {
			if g := gold[i].Tokens[j]; tok.Form != g.Form || tok.Head != g.Head || tok.DepRel != g.DepRel || tok.UPOS == "" {
				t.Fatalf("sentence %d word %d: %+v, want the gold tree of %+v", i, j, tok, g)
			}
		}
	}
	args = []string{"train", "parser", "--train", tags, "--out", out, "--epochs", "2", "--folds", "1", "--beam", "3", "--early-update"}
	if err := run(context.Background(), args, nil, &stdout, &stderr); err != nil {
		t.Fatalf("train from tags: %v (stderr %q)", err, stderr.String())
	}
	f, err := os.Open(filepath.Join(out, "parser.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := depparse.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	if p.Beam() != 3 {
		t.Errorf("trained parser's beam width %d, want 3", p.Beam())
	}
}

// TestParseAndEval runs "dyad parse" and "dyad eval ud" with small models
// trained by "dyad train".
func TestParseAndEval(t *testing.T) {
	models := tinyModels(t)
	t.Run("Text", func(t *testing.T) { testParseText(t, models) })
	t.Run("CoNLLUKeepsWords", func(t *testing.T) { testParseCoNLLUKeepsWords(t, models) })
	t.Run("EvalUD", func(t *testing.T) { testEvalUD(t, models) })
}

func testParseText(t *testing.T, models string) {
	var stdout, stderr bytes.Buffer
	in := "Pakistan's army didn't attack the U.S. embassy. Gen. Smith said so."
	if err := run(context.Background(), []string{"parse", "--models", models}, strings.NewReader(in), &stdout, &stderr); err != nil {
		t.Fatalf("run: %v (stderr %q)", err, stderr.String())
	}
	r := conllu.NewReader(&stdout)
	var n int
	for {
		s, err := r.Read()
		if err != nil {
			break
		}
		n++
		if s.ID == "" || s.Text == "" {
			t.Errorf("sentence %d lacks sent_id or text", n)
		}
		for _, tok := range s.Tokens {
			if tok.Head < 0 || tok.DepRel == "" || tok.UPOS == "" || tok.Lemma == "" {
				t.Errorf("incomplete word %+v", tok)
			}
		}
		if n == 1 && (len(s.Multiwords) != 2 || s.Multiwords[0].Form != "Pakistan's") {
			t.Errorf("multiwords = %+v, want Pakistan's and didn't", s.Multiwords)
		}
	}
	if n != 2 {
		t.Errorf("got %d sentences, want 2:\n%s", n, stdout.String())
	}
}

func testParseCoNLLUKeepsWords(t *testing.T, models string) {
	path := devHead(t, 20)
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"parse", "--models", models, "--input", "conllu", path}, nil, &stdout, &stderr); err != nil {
		t.Fatalf("run: %v (stderr %q)", err, stderr.String())
	}
	gold, _ := os.ReadFile(path)
	gr := conllu.NewReader(bytes.NewReader(gold))
	pr := conllu.NewReader(&stdout)
	for i := range 20 {
		g, err1 := gr.Read()
		p, err2 := pr.Read()
		if err1 != nil || err2 != nil {
			t.Fatalf("sentence %d: %v, %v", i, err1, err2)
		}
		if g.ID != p.ID || g.Text != p.Text || len(g.Tokens) != len(p.Tokens) || len(g.Multiwords) != len(p.Multiwords) {
			t.Fatalf("sentence %d: got %q %q with %d words, want %q %q with %d", i, p.ID, p.Text, len(p.Tokens), g.ID, g.Text, len(g.Tokens))
		}
		for j := range g.Tokens {
			if g.Tokens[j].Form != p.Tokens[j].Form {
				t.Errorf("sentence %d word %d: %q, want %q", i, j+1, p.Tokens[j].Form, g.Tokens[j].Form)
			}
		}
	}
}

func testEvalUD(t *testing.T, models string) {
	path := devHead(t, 100)
	for _, raw := range []bool{false, true} {
		args := []string{"eval", "ud", "--models", models, "--gold", path, "--json"}
		if raw {
			args = append(args, "--raw")
		}
		var stdout, stderr bytes.Buffer
		if err := run(context.Background(), args, nil, &stdout, &stderr); err != nil {
			t.Fatalf("run %v: %v (stderr %q)", args, err, stderr.String())
		}
		var out map[string]any
		if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
			t.Fatalf("output %q: %v", stdout.String(), err)
		}
		got := map[string]float64{}
		for k, v := range out {
			if f, ok := v.(float64); ok {
				got[k] = f
			}
		}
		keys := []string{"upos", "xpos", "lemmas", "uas", "las", "tokens_per_second"}
		if raw {
			keys = append(keys, "tokens_f1", "sentences_f1", "words_f1")
		}
		for _, k := range keys {
			if got[k] <= 0 {
				t.Errorf("raw=%v: %s = %v, want > 0", raw, k, got[k])
			}
		}
	}
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"eval", "ud", "--models", models, "--gold", path, "--min-las", "99.9"}, nil, &stdout, &stderr)
	if code := exitCode(err, &stderr); code != 3 {
		t.Errorf("exit code %d under an impossible floor, want 3", code)
	}
}

func TestParseUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		err  string
	}{
		{"ErrInput", []string{"parse", "--input", "html"}, "unknown input format"},
		{"ErrTwoFiles", []string{"parse", "a", "b"}, "one input"},
		{"ErrTrainNoArgs", []string{"train", "tagger"}, "--train"},
		{"ErrTrainWhat", []string{"train", "ner", "--train", "x", "--out", "y"}, "no such file"},
		{"ErrEvalUDNoGold", []string{"eval", "ud"}, "no gold"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), tt.args, strings.NewReader(""), &stdout, &stderr)
			if code := exitCode(err, &stderr); code != 2 {
				t.Errorf("exit code %d, want 2 (stderr %q)", code, stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.err) {
				t.Errorf("stderr %q does not contain %q", stderr.String(), tt.err)
			}
		})
	}
}

func TestCodeText(t *testing.T) {
	dicts := filepath.Join(sharedData(t), "petrarch", "dictionaries")
	var stdout, stderr bytes.Buffer
	args := []string{"code", "--dicts", dicts, "--set", "validation", "--date", "1995-01-01"}
	in := "Arnor restored diplomatic ties with Gondor."
	if err := run(context.Background(), args, strings.NewReader(in), &stdout, &stderr); err != nil {
		t.Fatalf("run: %v (stderr %q)", err, stderr.String())
	}
	var ev struct {
		Source struct{ Code string }
		Target struct{ Code string }
		Code   string
	}
	if err := json.Unmarshal(stdout.Bytes(), &ev); err != nil {
		t.Fatalf("output %q: %v", stdout.String(), err)
	}
	if ev.Source.Code != "ARN" || ev.Target.Code != "GON" {
		t.Errorf("got %+v, want ARN → GON", ev)
	}
}
