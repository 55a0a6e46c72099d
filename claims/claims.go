// Package claims links the conflicting accounts an article gives of one
// happening: a denial and the accusation it answers, a claim of
// responsibility and an accusation of someone else, two accusations that
// blame different culprits, an accusation and a report that someone else
// did it. Both accounts are kept; each is marked as contested by the
// other (dyad.Event.Contested), so analysts can see the dispute instead of
// one side of it.
package claims

import (
	"slices"
	"strings"

	"github.com/dyad-events/dyad"
)

// Link marks the events of one article that contest each other: it
// appends to each event's Contested the IDs of the events that give a
// conflicting account, and returns the number of pairs linked. Events are
// compared by country (dyad.Actor.Country: the first block of their codes), so
// "PAKGOV" and "PAKMIL" are one side.
func Link(events []dyad.Event) int {
	pairs := 0
	for i := range events {
		for j := i + 1; j < len(events); j++ {
			a, b := &events[i], &events[j]
			if a.ID == b.ID || !Conflict(a, b) {
				continue
			}
			if !slices.Contains(a.Contested, b.ID) {
				a.Contested = append(a.Contested, b.ID)
			}
			if !slices.Contains(b.Contested, a.ID) {
				b.Contested = append(b.Contested, a.ID)
			}
			pairs++
		}
	}
	return pairs
}

// Conflict reports whether two events of one article give conflicting
// accounts of the same happening:
//
//   - a denial of responsibility (016) by X, and an accusation of X or a
//     violent act by X;
//   - an event someone denies ("denied that its troops crossed"), and the
//     same event (source, target, root) stated or reported without denial;
//   - a claim of responsibility (015) by X, and an accusation of someone
//     other than X;
//   - two accusations on the same day, from different sides, of different
//     culprits;
//   - an accusation of X over violence (the accusation's sentence speaks
//     of an attack, a strike, a killing…), and a violent act on the same
//     day against the accuser's side by someone other than X that the
//     article attributes to a source (as in "a news channel says a
//     different group carried it out").
func Conflict(a, b *dyad.Event) bool {
	return conflict(a, b) || conflict(b, a)
}

// conflict is Conflict for one order of the pair.
func conflict(a, b *dyad.Event) bool {
	if a.Modality == dyad.Negated || b.Modality == dyad.Negated {
		return false
	}
	switch {
	case a.Code == "016":
		x := a.Source.Country()
		return x != "" && (accusation(b) && b.Target.Country() == x ||
			violent(b) && b.Source.Country() == x && !denied(b))
	case denied(a):
		return !denied(b) && b.Root == a.Root &&
			a.Source.Country() == b.Source.Country() && a.Target.Country() == b.Target.Country()
	case a.Code == "015":
		x := a.Source.Country()
		return x != "" && accusation(b) && b.Target.Country() != "" && b.Target.Country() != x
	case accusation(a) && accusation(b):
		return a.Date == b.Date && a.Source.Country() != b.Source.Country() &&
			a.Target.Country() != "" && b.Target.Country() != "" &&
			a.Target.Country() != b.Target.Country() &&
			// Not one side blaming the other and back: that is a quarrel,
			// not two accounts of one happening.
			!(a.Source.Country() == b.Target.Country() && a.Target.Country() == b.Source.Country())
	case accusation(a) && violent(b):
		x := a.Target.Country()
		return x != "" && b.Attribution != nil && !denied(b) && a.Date == b.Date &&
			aboutViolence(a) && b.Target.Country() == a.Source.Country() &&
			b.Source.Country() != "" && b.Source.Country() != x
	}
	return false
}

// accusation reports whether e blames its target: CAMEO 112 (accuse)
// and its subcodes.
func accusation(e *dyad.Event) bool { return strings.HasPrefix(e.Code, "112") }

// aboutViolence reports whether an accusation is over an act of force:
// CAMEO 1123 (aggression) or 1124 (war crimes), or a sentence that speaks
// of one.
func aboutViolence(e *dyad.Event) bool {
	if e.Code == "1123" || e.Code == "1124" {
		return true
	}
	text := strings.ToLower(e.Sentence.Text)
	for _, w := range violenceWords {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// violenceWords are the stems of words for acts of force.
var violenceWords = []string{
	"attack", "strike", "struck", "bomb", "blast", "explosion", "shoot", "shot", "shell",
	"kill", "raid", "assault", "massacre", "ambush", "rocket", "missile", "drone",
}

// violent reports whether e is an act of force: CAMEO roots 18, 19, 20.
func violent(e *dyad.Event) bool { return e.Root == "18" || e.Root == "19" || e.Root == "20" }

// denied reports whether e is reported only as someone's denial.
func denied(e *dyad.Event) bool {
	return e.Attribution != nil && e.Attribution.Status == dyad.Denied
}
