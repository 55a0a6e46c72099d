package nlp_test

import (
	"fmt"

	"github.com/dyad-events/dyad/nlp"
)

func ExamplePipeline_Parse() {
	p, err := nlp.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	sents, _ := p.Parse("Pakistan's army didn't attack. Gen. Smith said so.")
	for _, s := range sents {
		fmt.Printf("%d: %s\n", s.Index, s.Text)
	}
	for _, t := range sents[0].Tokens {
		fmt.Printf("%s/%s ", t.Form, t.UPOS)
	}
	fmt.Println()
	// Output:
	// 0: Pakistan's army didn't attack.
	// 1: Gen. Smith said so.
	// Pakistan/PROPN 's/PART army/NOUN did/AUX n't/PART attack/VERB ./PUNCT
}
