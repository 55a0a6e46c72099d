package claims_test

import (
	"slices"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/claims"
)

// ev builds an event; status, when set, attributes it to a reporter with
// that status.
func ev(id, date, src, tgt, code string, status dyad.ClaimStatus) dyad.Event {
	e := dyad.Event{ID: id, Date: date, Source: dyad.Actor{Code: src}, Target: dyad.Actor{Code: tgt},
		Code: code, Root: code[:2], Modality: dyad.Asserted}
	if status != "" {
		e.Attribution = &dyad.Attribution{By: "someone", Verb: "say", Status: status}
		e.Modality = dyad.Reported
	}
	return e
}

// withText sets the text of an event's sentence.
func withText(e dyad.Event, text string) dyad.Event {
	e.Sentence.Text = text
	return e
}

func TestLink(t *testing.T) {
	const day, other = "2025-10-12", "2025-10-09"
	tests := []struct {
		name   string
		events []dyad.Event
		want   [][2]string // linked pairs, by ID
	}{
		{
			name: "DenialAnswersAccusation",
			events: []dyad.Event{
				ev("acc", day, "ISRGOV", "PSEHMS", "112", ""),
				ev("deny", day, "PSEHMS", "", "016", ""),
			},
			want: [][2]string{{"acc", "deny"}},
		},
		{
			name: "DenialOfViolence",
			events: []dyad.Event{
				ev("strike", other, "RUSMIL", "POL", "190", dyad.ReportedBy),
				ev("deny", day, "RUSGOV", "POL", "016", ""),
			},
			want: [][2]string{{"strike", "deny"}},
		},
		{
			name: "DenialOfSomeoneElse",
			events: []dyad.Event{
				ev("acc", day, "ISRGOV", "PSEHMS", "112", ""),
				ev("deny", day, "IRN", "", "016", ""),
			},
		},
		{
			name: "DeniedEventAndItsReport",
			events: []dyad.Event{
				ev("report", day, "RWAMIL", "COD", "190", dyad.ReportedBy),
				ev("denial", day, "RWAMIL", "COD", "190", dyad.Denied),
			},
			want: [][2]string{{"report", "denial"}},
		},
		{
			name: "ClaimAndAccusationOfAnother",
			events: []dyad.Event{
				ev("claim", day, "PAKINS", "", "015", ""),
				ev("acc", day, "PAKGOV", "AFGGOV", "112", ""),
				// Blaming back the side that blamed you is a quarrel,
				// not a second account: not linked at country level.
				ev("acc2", day, "AFGGOV", "PAKINS", "112", ""),
			},
			want: [][2]string{{"claim", "acc"}},
		},
		{
			name: "TwoCulprits",
			events: []dyad.Event{
				ev("a", day, "PAKGOV", "IND", "112", ""),
				ev("b", day, "AFGGOV", "PAKINS", "112", dyad.Claimed),
			},
			want: [][2]string{{"a", "b"}},
		},
		{
			name: "QuarrelIsNotContest",
			events: []dyad.Event{
				ev("a", day, "PAKGOV", "AFG", "112", ""),
				ev("b", day, "AFGGOV", "PAK", "112", ""),
			},
		},
		{
			name: "AccusationsOnDifferentDays",
			events: []dyad.Event{
				ev("a", day, "PAKGOV", "IND", "112", ""),
				ev("b", other, "AFGGOV", "PAKINS", "112", ""),
			},
		},
		{
			name: "AccusationAndReportOfAnotherAttacker",
			events: []dyad.Event{
				withText(ev("acc", day, "PAKGOV", "IND", "112", ""), "Pakistan blamed India for the attack."),
				ev("attack", day, "PAKINS", "PAKMIL", "190", dyad.ReportedBy),
			},
			want: [][2]string{{"acc", "attack"}},
		},
		{
			name: "AccusationNotOverViolence",
			events: []dyad.Event{
				withText(ev("acc", day, "SDNGOV", "ARE", "112", ""), "Sudan accused the UAE of arming the RSF."),
				ev("capture", day, "SDNMIL", "SDN", "192", dyad.ReportedBy),
			},
		},
		{
			name: "AttackOnAnotherSide",
			events: []dyad.Event{
				withText(ev("acc", day, "PAKGOV", "IND", "112", ""), "Pakistan blamed India for the attack."),
				ev("attack", day, "PAKINS", "AFGMIL", "190", dyad.ReportedBy),
			},
		},
		{
			name: "AccusationAndUnattributedAttack",
			events: []dyad.Event{
				ev("acc", day, "PAKGOV", "IND", "112", ""),
				ev("attack", day, "PAKINS", "PAKMIL", "190", ""),
			},
		},
		{
			name: "AccusationOfTheAttacker",
			events: []dyad.Event{
				withText(ev("acc", day, "PAKGOV", "AFG", "112", ""), "Pakistan blamed Afghanistan for the attack."),
				ev("attack", day, "AFGMIL", "PAKMIL", "190", dyad.ReportedBy),
			},
		},
		{
			name: "SameID",
			events: []dyad.Event{
				ev("x", day, "PAKGOV", "IND", "112", ""),
				ev("x", day, "AFGGOV", "PAKINS", "112", ""),
			},
		},
		{
			name: "NegatedDenial",
			events: func() []dyad.Event {
				d := ev("deny", day, "PSEHMS", "", "016", "")
				d.Modality = dyad.Negated
				return []dyad.Event{ev("acc", day, "ISRGOV", "PSEHMS", "112", ""), d}
			}(),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := claims.Link(tt.events)
			if n != len(tt.want) {
				t.Errorf("Link linked %d pairs, want %d", n, len(tt.want))
			}
			want := map[string][]string{}
			for _, p := range tt.want {
				want[p[0]] = append(want[p[0]], p[1])
				want[p[1]] = append(want[p[1]], p[0])
			}
			for _, e := range tt.events {
				got, w := slices.Sorted(slices.Values(e.Contested)), slices.Sorted(slices.Values(want[e.ID]))
				if !slices.Equal(got, w) {
					t.Errorf("event %s contested by %v, want %v", e.ID, got, w)
				}
			}
		})
	}
}

func TestLinkTwiceAddsNothing(t *testing.T) {
	evs := []dyad.Event{
		ev("acc", "2025-10-12", "ISRGOV", "PSEHMS", "112", ""),
		ev("deny", "2025-10-12", "PSEHMS", "", "016", ""),
	}
	claims.Link(evs)
	claims.Link(evs)
	if len(evs[0].Contested) != 1 || len(evs[1].Contested) != 1 {
		t.Errorf("contested after two links: %v, %v; want one ID each", evs[0].Contested, evs[1].Contested)
	}
}
