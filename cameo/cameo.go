package cameo

import (
	"slices"

	"github.com/dyad-events/dyad"
)

// Code is one CAMEO event code.
type Code struct {
	Code string // "0874", "112", "19"
	// Name is the code's name, upper-case for roots ("FIGHT"). It is empty
	// when Describe was given a code the table lacks.
	Name string
	Root string // the first two digits, "11"
	// Base is the first three digits, or the whole code when it has two or
	// three digits.
	Base string
	// Goldstein is the conflict–cooperation weight, from -10 to 10.
	Goldstein float64
	// QuadClass is 1 for verbal cooperation (roots 01–05), 2 for material
	// cooperation (06–08), 3 for verbal conflict (09–13) and 4 for material
	// conflict (14–20).
	QuadClass int
	// PLOVER is the corresponding PLOVER event type and mode; it is zero for
	// the codes PLOVER does not map (roots 01 and 02). The mode may be
	// empty.
	PLOVER dyad.PLOVER
	// PLOVERContext is the PLOVER context, several separated by "; " as in
	// "crime; corruption", or empty.
	PLOVERContext string
}

// Lookup returns the code with exactly the given text, such as "0874".
func Lookup(code string) (Code, bool) {
	if i, ok := index(code); ok {
		return codes[i], true
	}
	return Code{}, false
}

// index returns the position of code in codes, which is sorted by code.
func index(code string) (int, bool) {
	lo, hi := 0, len(codes)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch c := codes[m].Code; {
		case c == code:
			return m, true
		case c < code:
			lo = m + 1
		default:
			hi = m
		}
	}
	return 0, false
}

// Describe returns what is known about code. A code in the table is
// returned as Lookup returns it. For a code of two to four digits that the
// table lacks but whose root it has, such as "0875" or "106", Describe
// returns Code, Root and Base from the code itself and Goldstein, QuadClass,
// PLOVER and PLOVERContext from the nearest parent in the table (the base,
// else the root); Name is empty. For anything else, such as "", "99" or
// "abc", it returns Code{Code: code}.
func Describe(code string) Code {
	if c, ok := Lookup(code); ok {
		return c
	}
	if !wellFormed(code) {
		return Code{Code: code}
	}
	parent, ok := Lookup(code[:2])
	if !ok {
		return Code{Code: code}
	}
	base := code[:min(len(code), 3)]
	if b, ok := Lookup(base); ok {
		parent = b
	}
	return Code{
		Code:          code,
		Root:          code[:2],
		Base:          base,
		Goldstein:     parent.Goldstein,
		QuadClass:     parent.QuadClass,
		PLOVER:        parent.PLOVER,
		PLOVERContext: parent.PLOVERContext,
	}
}

// Codes returns every code in the table in code order ("01", "010", "011",
// …, "2042"). The slice is new on each call; changing it does not change the
// table.
func Codes() []Code {
	return slices.Clone(codes[:])
}

// RootOf returns the two-digit root of a code of two to four digits whose
// root is 01–20, such as "08" for "0874", and "" for anything else. The code
// itself need not be in the table.
func RootOf(code string) string {
	if !wellFormed(code) || quadClass(code[:2]) == 0 {
		return ""
	}
	return code[:2]
}

// QuadClass returns the quad class of code by its root: 1 for 01–05, 2 for
// 06–08, 3 for 09–13 and 4 for 14–20. It returns 0 when RootOf returns "".
func QuadClass(code string) int {
	if !wellFormed(code) {
		return 0
	}
	return quadClass(code[:2])
}

// ValidEventCode reports whether code is in the table. Codes that only
// Describe knows, such as "106", are not valid.
func ValidEventCode(code string) bool {
	_, ok := index(code)
	return ok
}

// wellFormed reports whether code is two to four ASCII digits.
func wellFormed(code string) bool {
	if len(code) < 2 || len(code) > 4 {
		return false
	}
	for i := range len(code) {
		if code[i] < '0' || code[i] > '9' {
			return false
		}
	}
	return true
}

// quadClass returns the quad class of a two-digit root, or 0 if it is not
// 01–20.
func quadClass(root string) int {
	if len(root) != 2 || root[0] < '0' || root[0] > '9' || root[1] < '0' || root[1] > '9' {
		return 0
	}
	switch n := int(root[0]-'0')*10 + int(root[1]-'0'); {
	case n < 1 || n > 20:
		return 0
	case n <= 5:
		return 1
	case n <= 8:
		return 2
	case n <= 13:
		return 3
	default:
		return 4
	}
}
