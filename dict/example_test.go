package dict_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/dyad-events/dyad/dict"
)

func ExampleActors() {
	const src = `AFGHANISTAN_  [AFG]
+KABUL_

HAMID_KARZAI_  # CountryInfo.txt
+PRESIDENT_KARZAI_
	[AFGELI 750101-000101]
	[AFGGOV >011222]
	[AFGELI]
`
	a := dict.NewActors()
	if err := a.Read(strings.NewReader(src), "example.actors"); err != nil {
		fmt.Println(err)
		return
	}
	tokens := strings.Fields(strings.ToUpper("President Karzai visited Kabul"))
	e, n := a.Match(tokens)
	fmt.Println(e.Phrase, n, e.Root, e.Ref)
	fmt.Println(e.CodeAt(time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)))
	fmt.Println(e.CodeAt(time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC)))
	e, _ = a.Match(tokens[3:])
	fmt.Println(e.Phrase, e.Code)
	// Output:
	// PRESIDENT KARZAI 2 HAMID KARZAI example.actors:5
	// AFGELI
	// AFGGOV
	// KABUL AFG
}

func ExampleAgents() {
	const src = `!PERSON! = MAN, MEN, WOMAN, WOMEN
FOREIGN_MINISTER [~GOVFRM]
CONGRESS!PERSON! [~LEG]
HUMAN_RIGHTS_BODY  [NGO~]
`
	a := dict.NewAgents()
	if err := a.Read(strings.NewReader(src), "example.agents"); err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range []string{"foreign ministers", "congresswomen", "human rights bodies"} {
		e, n := a.Match(strings.Fields(strings.ToUpper(s)))
		fmt.Println(e.Phrase, n, e.Code, e.Prefix)
	}
	// Output:
	// FOREIGN MINISTERS 2 GOVFRM false
	// CONGRESSWOMEN 1 LEG false
	// HUMAN RIGHTS BODIES 3 NGO true
}

func ExampleDiscards() {
	d := dict.NewDiscards()
	if err := d.Read(strings.NewReader("CHAMPION\n+WORLD CUP\nGROUP A_\n"), "example.discards"); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Match("The reigning champions lost."))
	fmt.Println(d.Match("Brazil tops Group A before the World Cup final."))
	fmt.Println(d.Match("Group Alpha met in Geneva."))
	// Output:
	// CHAMPION false true
	// WORLD CUP true true
	//  false false
}

func ExampleIssues() {
	const src = `<ISSUE CATEGORY="EDUCATION">
n:school [SCHOOLS]
pre+n:school [EARLY_CHILDHOOD_EDUCATION]
~school of thought
</ISSUE>
<ISSUE CATEGORY="KIDNAP">
v:kidnap
</ISSUE>
`
	is := dict.NewIssues()
	if err := is.Read(strings.NewReader(src), "example.issues"); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(is.Match("Gunmen kidnapped pupils from two pre-schools."))
	fmt.Println(is.Match("A new school of thought."))
	// Output:
	// [{KIDNAP 1} {EARLY_CHILDHOOD_EDUCATION 1} {SCHOOLS 1}]
	// []
}
