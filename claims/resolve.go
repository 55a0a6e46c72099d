package claims

import (
	"strings"

	"github.com/dyad-events/dyad"
)

// Resolve gives claims (015) and denials (016) of responsibility that
// were coded without a target (target code "---", see
// coder.Options.ResponsibilityMonads) the side they answer, from the
// other events of the article, in article order:
//
//   - a denial by X answers an accusation of X: its target is the
//     accuser; failing that, it denies a violent act by X: its target is
//     the act's target;
//   - a claim by X owns a violent act by X or by attackers the article
//     does not name: its target is the act's target.
//
// The nearest such event before the claim or denial is preferred, then
// the nearest after it. A resolved event gets its new ID (dyad.EventID);
// its target has no words or span, as the sentence does not name it.
// Resolve returns the number of events it left unresolved.
func Resolve(events []*dyad.Event) (unresolved int) {
	for i, e := range events {
		if !Unanswered(e) {
			continue
		}
		x := e.Source.Country()
		if x == "" {
			unresolved++
			continue
		}
		var answers []func(o *dyad.Event) (dyad.Actor, bool)
		if strings.HasPrefix(e.Code, "016") {
			answers = append(answers,
				func(o *dyad.Event) (dyad.Actor, bool) {
					return o.Source, accusation(o) && o.Target.Country() == x && o.Source.Code != "---"
				},
				func(o *dyad.Event) (dyad.Actor, bool) {
					return o.Target, violent(o) && o.Source.Country() == x && o.Target.Code != "---"
				})
		} else {
			answers = append(answers, func(o *dyad.Event) (dyad.Actor, bool) {
				c := o.Source.Country()
				return o.Target, violent(o) && (c == x || c == "") && o.Target.Code != "---"
			})
		}
		found := false
		for _, answer := range answers {
			if t, ok := nearest(events, i, answer); ok && t.Code != e.Source.Code {
				e.Target = dyad.Actor{Code: t.Code, Name: t.Name}
				e.ID = dyad.EventID(e.Date, e.Source.Code, e.Target.Code, e.Code)
				found = true
				break
			}
		}
		if !found {
			unresolved++
		}
	}
	return unresolved
}

// Unanswered reports whether e is a claim (015) or denial (016) of
// responsibility that names no target: one Resolve looks for, or one it
// left unresolved.
func Unanswered(e *dyad.Event) bool {
	return e.Target.Code == "---" && (strings.HasPrefix(e.Code, "015") || strings.HasPrefix(e.Code, "016"))
}

// nearest returns the answer of the event nearest before events[i] that
// has one, else of the nearest after it.
func nearest(events []*dyad.Event, i int, answer func(*dyad.Event) (dyad.Actor, bool)) (dyad.Actor, bool) {
	for j := i - 1; j >= 0; j-- {
		if t, ok := answer(events[j]); ok {
			return t, true
		}
	}
	for j := i + 1; j < len(events); j++ {
		if t, ok := answer(events[j]); ok {
			return t, true
		}
	}
	return dyad.Actor{}, false
}
