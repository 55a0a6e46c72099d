package conllu_test

import (
	"fmt"
	"io"
	"log"
	"os"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/conllu"
)

func ExampleReader() {
	const input = "# sent_id = 1\n" +
		"# text = Arnor restored ties.\n" +
		"1\tArnor\tArnor\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\t_\n" +
		"2\trestored\trestore\tVERB\tVBD\tTense=Past\t0\troot\t_\t_\n" +
		"3\tties\ttie\tNOUN\tNNS\tNumber=Plur\t2\tobj\t_\tSpaceAfter=No\n" +
		"4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n" +
		"\n"

	r := conllu.NewReader(strings.NewReader(input))
	for {
		s, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s: %s\n", s.ID, s.Text)
		for _, t := range s.Tokens {
			head := "ROOT"
			if h := s.Token(t.Head); h != nil {
				head = h.Form
			}
			fmt.Printf("  %s -%s-> %s\n", head, t.DepRel, t.Form)
		}
	}
	// Output:
	// 1: Arnor restored ties.
	//   restored -nsubj-> Arnor
	//   ROOT -root-> restored
	//   restored -obj-> ties
	//   restored -punct-> .
}

func ExampleWriter() {
	s := &dyad.Sentence{
		ID:   "demo-1",
		Text: "Gondor protested.",
		Tokens: []dyad.Token{
			{ID: 1, Form: "Gondor", Lemma: "Gondor", UPOS: "PROPN", Head: 2, DepRel: "nsubj"},
			{ID: 2, Form: "protested", Lemma: "protest", UPOS: "VERB", Head: 0, DepRel: "root", Misc: "SpaceAfter=No"},
			{ID: 3, Form: ".", Lemma: ".", UPOS: "PUNCT", Head: 2, DepRel: "punct"},
		},
	}
	w := conllu.NewWriter(os.Stdout)
	if err := w.Write(s); err != nil {
		log.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	// Output:
	// # sent_id = demo-1
	// # text = Gondor protested.
	// 1	Gondor	Gondor	PROPN	_	_	2	nsubj	_	_
	// 2	protested	protest	VERB	_	_	0	root	_	SpaceAfter=No
	// 3	.	.	PUNCT	_	_	2	punct	_	_
}
