package cameo_test

import (
	"fmt"

	"github.com/dyad-events/dyad/cameo"
)

func ExampleLookup() {
	c, ok := cameo.Lookup("0874")
	fmt.Println(ok, c.Name)
	fmt.Println(c.Root, c.Base, c.Goldstein, c.QuadClass)
	fmt.Println(c.PLOVER.Type, c.PLOVER.Mode, c.PLOVERContext)
	// Output:
	// true Retreat or surrender militarily
	// 08 087 10 2
	// RETREAT disarm military
}

func ExampleDescribe() {
	// 106 is in PETRARCH's verb dictionary but not in the table: its values
	// come from the root, 10.
	c := cameo.Describe("106")
	fmt.Printf("%s %q %s %v %d %s\n", c.Code, c.Name, c.Root, c.Goldstein, c.QuadClass, c.PLOVER.Type)
	fmt.Println(cameo.Describe("not a code").QuadClass)
	// Output:
	// 106 "" 10 -5 3 REQUEST
	// 0
}

func ExampleParseActor() {
	for _, code := range []string{"PAKGOVMIL", "IGOUNO", "USRGOV", "PAKGO"} {
		a, err := cameo.ParseActor(code)
		if err != nil {
			fmt.Println(err)
			continue
		}
		country, _ := cameo.CountryName(a.Country)
		fmt.Printf("%s: international %q, country %q (%s), agents %q, unknown %q\n",
			a.Code, a.International, a.Country, country, a.Agents, a.Unknown)
	}
	// Output:
	// PAKGOVMIL: international "", country "PAK" (Pakistan), agents ["GOV" "MIL"], unknown []
	// IGOUNO: international "IGO", country "" (), agents ["UNO"], unknown []
	// USRGOV: international "", country "USR" (), agents ["GOV"], unknown ["USR"]
	// invalid CAMEO actor code "PAKGO": length 5 is not a multiple of 3
}

func ExampleAgentName() {
	for _, code := range []string{"GOV", "HMS", "MOS", "KUR"} {
		name, _ := cameo.AgentName(code)
		fmt.Println(code, name)
	}
	// Output:
	// GOV Government
	// HMS Hamas
	// MOS Muslim
	// KUR Kurd
}
