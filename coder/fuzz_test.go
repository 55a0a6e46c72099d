package coder_test

import (
	"io"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/conllu"
)

// FuzzCode codes whatever trees a CoNLL-U reader accepts — cycles, heads
// out of range, relations in any place — one by one and as an article:
// the coder, its parse repairs included, must never panic or hang.
func FuzzCode(f *testing.F) {
	for _, seed := range []string{
		"1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\tcriticized\tcriticize\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tGondor\tGondor\tPROPN\tNNP\t_\t2\tobj\t_\t_\n",
		"1\tArnor\tArnor\tPROPN\tNNP\t_\t3\tnsubj\t_\t_\n2\tand\tand\tCCONJ\tCC\t_\t1\tcc\t_\t_\n3\tGondor\tGondor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n4\tclashed\tclash\tVERB\tVBN\t_\t3\tamod\t_\t_\n",
		"1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n2\tArnor\tArnor\tPROPN\tNNP\t_\t0\troot\t_\t_\n3\tgovernment\tgovernment\tNOUN\tNN\t_\t4\tnsubj\t_\t_\n4\taccused\taccuse\tVERB\tVBD\t_\t2\tacl:relcl\t_\t_\n5\tboth\tboth\tDET\tDT\t_\t6\tdet\t_\t_\n6\tsides\tside\tNOUN\tNNS\t_\t4\tobj\t_\t_\n7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n",
		"1\tMinas\tMinas\tPROPN\tNNP\t_\t0\troot\t_\tSpaceAfter=No\n2\t-\t-\tPUNCT\tHYPH\t_\t1\tpunct\t_\tSpaceAfter=No\n3\tTirith\tTirith\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n4\tcriticized\tcriticize\tVERB\tVBD\t_\t1\tparataxis\t_\t_\n5\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n",
		"1\tArnor\tArnor\tPROPN\tNNP\t_\t0\troot\t_\t_\n2\t,\t,\tPUNCT\t,\t_\t3\tpunct\t_\t_\n3\twhich\twhich\tPRON\tWDT\t_\t4\tnsubj\t_\t_\n4\tled\tlead\tVERB\tVBD\t_\t1\tacl:relcl\t_\t_\n5\tallies\tally\tNOUN\tNNS\t_\t4\tobj\t_\t_\n6\t,\t,\tPUNCT\t,\t_\t7\tpunct\t_\t_\n7\tcriticized\tcriticize\tVERB\tVBN\t_\t5\tacl\t_\t_\n8\tGondor\tGondor\tPROPN\tNNP\t_\t7\tobj\t_\t_\n9\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n",
	} {
		f.Add(seed)
	}
	c := mustCoder(f, coder.Options{})
	f.Fuzz(func(t *testing.T, src string) {
		r := conllu.NewReader(strings.NewReader(src))
		var sents []*dyad.Sentence
		for len(sents) < 8 {
			s, err := r.Read()
			if err != nil {
				if err != io.EOF {
					return // not CoNLL-U: the reader's business
				}
				break
			}
			sents = append(sents, s)
			c.Code(s, testDate)
		}
		c.CodeArticle(sents, testDate)
	})
}
