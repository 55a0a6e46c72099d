package cameo

import "github.com/dyad-events/dyad"

// ActorCode is a CAMEO actor code split into its three-letter blocks.
type ActorCode struct {
	// Code is the code as given, such as "PAKGOVMIL".
	Code string
	// International is a leading international-actor block: IGO, NGO,
	// IMG, INT, MNC or NGM. It is empty for other actors.
	International string
	// Country is the state or regional block: "PAK" in "PAKGOVMIL", "USA"
	// in "MNCUSA", "EUR" in "IGOEUREEC". A first block that is not a known
	// agent (a former state such as "USR", or an invented one) is taken as
	// the country too, and listed in Unknown. Country is empty when the
	// code has none, or has PETRARCH's placeholder "---" in its place.
	Country string
	// Agents are the blocks after the international and country blocks,
	// in order: ["GOV" "MIL"] in "PAKGOVMIL", ["UNO"] in "IGOUNO".
	Agents []string
	// Unknown are the blocks, in order, that the tables do not know in
	// their place: a Country that is not a state or region, an agent found
	// in no table. It is nil when every block is known.
	Unknown []string
}

// international are the type codes that open the codes of international
// actors, before any state or regional block.
var international = map[string]bool{
	"IGO": true, // inter-governmental organization
	"IMG": true, // international militarized group
	"INT": true, // international or transnational, generic
	"MNC": true, // multinational corporation
	"NGM": true, // non-governmental movement
	"NGO": true, // non-governmental organization
}

// ParseActor splits a CAMEO actor code into its blocks. The code must be a
// non-empty run of three-letter blocks of upper-case ASCII letters; its
// first block may instead be "---", PETRARCH's mark of an unknown country.
// Blocks are classified by position and table: after an optional
// international block (IGO, NGO, …) comes an optional state or regional
// block, then the agents. The first block of a code is its country unless
// it is an international block or a role, known group or religion code, so
// an unknown first block is taken as the country; after an international
// block, only a known state or region is. Ethnic codes are agents only
// after the first block: there are hundreds of them, and they clash with
// former state codes (YUG is both the Yugur and Yugoslavia). A state code
// among the agents, as in "IMGMUSRUSCNY", counts as known.
//
// The grammar is ambiguous where tables overlap: PETRARCH writes MUS for
// Muslims, which is also Mauritius, so "IMGMUSALQ" has Country "MUS".
//
// Unknown blocks are allowed and listed in Unknown. A malformed code
// returns a *dyad.Error with code dyad.EINVALID.
func ParseActor(code string) (ActorCode, error) {
	switch {
	case code == "":
		return ActorCode{}, dyad.Errorf(dyad.EINVALID, "invalid CAMEO actor code: empty")
	case len(code)%3 != 0:
		return ActorCode{}, dyad.Errorf(dyad.EINVALID, "invalid CAMEO actor code %q: length %d is not a multiple of 3", code, len(code))
	}
	for i := 0; i < len(code); i += 3 {
		if b := code[i : i+3]; !isBlock(b) && (i > 0 || b != "---") {
			return ActorCode{}, dyad.Errorf(dyad.EINVALID, "invalid CAMEO actor code %q: block %q is not three upper-case letters", code, b)
		}
	}

	a := ActorCode{Code: code}
	rest := code
	switch first := code[:3]; {
	case first == "---":
		rest = rest[3:]
	case international[first]:
		a.International, rest = first, rest[3:]
		if len(rest) >= 3 && isCountry(rest[:3]) {
			a.Country, rest = rest[:3], rest[3:]
		}
	case isCountry(first):
		a.Country, rest = first, rest[3:]
	case !isLeadingAgent(first):
		a.Country, rest = first, rest[3:]
		a.Unknown = append(a.Unknown, first)
	}
	for ; rest != ""; rest = rest[3:] {
		b := rest[:3]
		a.Agents = append(a.Agents, b)
		if !isAgent(b) && !isCountry(b) {
			a.Unknown = append(a.Unknown, b)
		}
	}
	return a, nil
}

// CountryName returns the name of a state, by its ISO-3166 alpha-3 code
// ("PAK": "Pakistan"), or of a CAMEO region ("AFR": "Africa").
func CountryName(iso3 string) (string, bool) {
	if name, ok := states[iso3]; ok {
		return name, true
	}
	name, ok := regions[iso3]
	return name, ok
}

// AgentName returns the name of an agent block: a role or type code ("MIL":
// "Military"), a known group ("HMS": "Hamas"), a religion ("MOS":
// "Muslim") or an ethnic group ("KUR": "Kurd"), looked up in that order, so
// "CHR" is Christianity, not the Cherokee. Codes are upper case, ethnic ones
// included, although GDELT writes those in lower case. Where the source
// gives one code several names, they are joined with " / ".
func AgentName(code string) (string, bool) {
	for _, m := range [...]map[string]string{roles, groups, religions, ethnicGroups} {
		if name, ok := m[code]; ok {
			return name, true
		}
	}
	return "", false
}

// isCountry reports whether b is a state or regional code.
func isCountry(b string) bool {
	_, ok := CountryName(b)
	return ok
}

// isAgent reports whether b is in one of the agent tables.
func isAgent(b string) bool {
	_, ok := AgentName(b)
	return ok
}

// isLeadingAgent reports whether b, the first block of a code, is an agent:
// a role, known group or religion code.
func isLeadingAgent(b string) bool {
	_, role := roles[b]
	_, group := groups[b]
	_, religion := religions[b]
	return role || group || religion
}

// isBlock reports whether b is three upper-case ASCII letters.
func isBlock(b string) bool {
	return len(b) == 3 && isUpper(b[0]) && isUpper(b[1]) && isUpper(b[2])
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
