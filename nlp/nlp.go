package nlp

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/nlp/depparse"
	"github.com/dyad-events/dyad/nlp/lemma"
	"github.com/dyad-events/dyad/nlp/ner"
	"github.com/dyad-events/dyad/nlp/tagger"
	"github.com/dyad-events/dyad/nlp/tokenize"
)

// models holds the models trained on UD English EWT (see docs/ACCURACY.md
// for the recipe).
//
//go:embed models/*.gz
var models embed.FS

// Model file names, in the embedded models and in a directory written by
// "dyad train".
const (
	TokenizerFile  = "tokenizer.gz"
	TaggerFile     = "tagger.gz"
	LemmatizerFile = "lemmatizer.gz"
	ParserFile     = "parser.gz"
	NERFile        = "ner.gz"
)

// Pipeline turns text into tagged, lemmatized and parsed sentences. It is
// safe for concurrent use.
type Pipeline struct {
	Tokenizer  *tokenize.Tokenizer
	Tagger     *tagger.Tagger
	Lemmatizer *lemma.Lemmatizer
	Parser     *depparse.Parser
	// NER tags named entities (NE=B-PER ... in MISC).
	NER *ner.Tagger
}

// Load returns the Pipeline of the embedded models.
func Load() (*Pipeline, error) {
	return load(func(name string) ([]byte, error) { return models.ReadFile("models/" + name) })
}

// LoadDir returns the Pipeline of the models in dir, as "dyad train"
// writes them. A model missing from dir is taken from the embedded ones.
func LoadDir(dir string) (*Pipeline, error) {
	return load(func(name string) ([]byte, error) {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if os.IsNotExist(err) {
			return models.ReadFile("models/" + name)
		}
		return b, err
	})
}

// load reads the models concurrently.
func load(read func(string) ([]byte, error)) (*Pipeline, error) {
	var p Pipeline
	steps := []struct {
		name string
		read func(io.Reader) error
	}{
		{TokenizerFile, func(r io.Reader) (err error) { p.Tokenizer, err = tokenize.Read(r); return err }},
		{TaggerFile, func(r io.Reader) (err error) { p.Tagger, err = tagger.Read(r); return err }},
		{LemmatizerFile, func(r io.Reader) (err error) { p.Lemmatizer, err = lemma.Read(r); return err }},
		{ParserFile, func(r io.Reader) (err error) { p.Parser, err = depparse.Read(r); return err }},
		{NERFile, func(r io.Reader) (err error) { p.NER, err = ner.Read(r); return err }},
	}
	errs := make([]error, len(steps))
	var wg sync.WaitGroup
	for i, st := range steps {
		wg.Go(func() {
			b, err := read(st.name)
			if err != nil {
				errs[i] = fmt.Errorf("load model %s: %w", st.name, err)
				return
			}
			if err := st.read(bytes.NewReader(b)); err != nil {
				errs[i] = fmt.Errorf("load model %s: %w", st.name, err)
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return &p, nil
}

// Annotate tags, lemmatizes and parses s, keeping its words, and marks
// its named entities.
func (p *Pipeline) Annotate(s *dyad.Sentence) {
	if p.annotate(s) {
		p.NER.Tag(s)
	}
}

// annotate tags, lemmatizes and parses s; it reports whether s has words.
func (p *Pipeline) annotate(s *dyad.Sentence) bool {
	if len(s.Tokens) == 0 {
		return false
	}
	p.Tagger.Tag(s)
	p.Lemmatizer.Lemmatize(s)
	p.Parser.Parse(s)
	if headlineVerb(s) {
		p.Lemmatizer.Lemmatize(s)
		p.Parser.Parse(s)
	}
	return true
}

// Parse splits text into sentences and words and annotates them, marking
// named entities with the whole text as their context. Each
// sentence's Index is its position in text and its words carry byte
// offsets into its Text; offsets[i] is the byte offset of sentence i in
// text.
func (p *Pipeline) Parse(text string) (sents []*dyad.Sentence, offsets []int) {
	for i, ts := range p.Tokenizer.Sentences(text) {
		s := tokenize.ToSentence(text, ts)
		s.Index = i
		p.annotate(s)
		sents = append(sents, s)
		offsets = append(offsets, ts.Start)
	}
	p.NER.TagDocument(sents)
	return sents, offsets
}
