package eval_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/dyad-events/dyad/eval"
)

func ExampleScore() {
	const suite = `<Validation>
<Environment><Include>valid DEMO</Include></Environment>
<Sentences>
<Sentence source="DEMO" date="19950101" id="DEMO_00" sentence="true">
<EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />
<Text>Arnor is about to restore full diplomatic ties with Gondor.</Text>
<Parse>
1	Arnor	Arnor	PROPN	NNP	_	4	nsubj	_	_
2	is	be	AUX	VBZ	_	4	cop	_	_
3	about	about	ADJ	JJ	_	4	advmod	_	_
4	restore	restore	VERB	VB	_	0	root	_	_
</Parse></Sentence>
</Sentences>
</Validation>`

	s, err := eval.ReadSuite(strings.NewReader(suite))
	if err != nil {
		log.Fatal(err)
	}
	// A stand-in for a real coder.
	code := func(ctx context.Context, rec *eval.Record) ([]eval.Triple, error) {
		return []eval.Triple{{Source: "ARN", Target: "GON", Code: "050"}}, nil
	}
	r, err := eval.Score(context.Background(), s, code)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d of %d records exact, F1 %.2f\n", r.Exact, r.Records, r.F1)
	// Output:
	// 1 of 1 records exact, F1 1.00
}
