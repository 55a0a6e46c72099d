package coder_test

import (
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/conllu"
	"github.com/dyad-events/dyad/dict"
)

func ExampleCoder_Code() {
	verbs, actors, agents := dict.NewVerbs(), dict.NewActors(), dict.NewAgents()
	if err := verbs.Read(strings.NewReader("--- CRITICIZE [111] ---\nCRITICIZE\n"), "example.verbs"); err != nil {
		log.Fatal(err)
	}
	if err := actors.Read(strings.NewReader("ARNOR [ARN]\nGONDOR [GON]\n"), "example.actors"); err != nil {
		log.Fatal(err)
	}
	if err := agents.Read(strings.NewReader("GOVERNMENT [~GOV]\n"), "example.agents"); err != nil {
		log.Fatal(err)
	}
	c, err := coder.New(coder.Dictionaries{Verbs: verbs, Actors: actors, Agents: agents}, coder.Options{})
	if err != nil {
		log.Fatal(err)
	}

	const parse = "# text = The Gondor government criticized Arnor.\n" +
		"1\tThe\tthe\tDET\tDT\t_\t3\tdet\t_\t_\n" +
		"2\tGondor\tGondor\tPROPN\tNNP\t_\t3\tcompound\t_\t_\n" +
		"3\tgovernment\tgovernment\tNOUN\tNN\t_\t4\tnsubj\t_\t_\n" +
		"4\tcriticized\tcriticize\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
		"5\tArnor\tArnor\tPROPN\tNNP\t_\t4\tobj\t_\tSpaceAfter=No\n" +
		"6\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
	s, err := conllu.NewReader(strings.NewReader(parse)).Read()
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range c.Code(s, time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)) {
		fmt.Println(e.Source.Code, e.Target.Code, e.Code, e.Modality)
		fmt.Printf("source %q, verb %q (word %d), Goldstein %v\n", e.Source.Text, e.Evidence.VerbText, e.Evidence.Verb, e.Goldstein)
	}
	// Output:
	// GONGOV ARN 111 asserted
	// source "Gondor government", verb "criticized" (word 4), Goldstein -2
}
