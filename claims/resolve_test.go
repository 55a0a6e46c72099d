package claims_test

import (
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/claims"
)

func TestResolve(t *testing.T) {
	const day = "2025-10-12"
	tests := []struct {
		name       string
		events     []dyad.Event
		at         int    // the claim or denial
		want       string // its target code after Resolve; "---" unresolved
		unresolved int
	}{
		{
			name: "DenialAnswersAccuser",
			events: []dyad.Event{
				ev("acc", day, "INDGOV", "PAK", "112", ""),
				ev("deny", day, "PAKGOV", "---", "016", ""),
			},
			at: 1, want: "INDGOV",
		},
		{
			name: "NearestAccuserBefore",
			events: []dyad.Event{
				ev("acc1", day, "USA", "PAK", "112", ""),
				ev("acc2", day, "INDGOV", "PAK", "112", ""),
				ev("deny", day, "PAKGOV", "---", "016", ""),
				ev("acc3", day, "AFG", "PAK", "112", ""),
			},
			at: 2, want: "INDGOV",
		},
		{
			name: "AccuserAfter",
			events: []dyad.Event{
				ev("deny", day, "PAKGOV", "---", "016", ""),
				ev("acc", day, "INDGOV", "PAK", "112", ""),
			},
			at: 0, want: "INDGOV",
		},
		{
			name: "DenialOfViolenceTakesVictim",
			events: []dyad.Event{
				ev("strike", day, "RUSMIL", "POL", "190", dyad.ReportedBy),
				ev("deny", day, "RUSGOV", "---", "016", ""),
			},
			at: 1, want: "POL",
		},
		{
			name: "ClaimTakesVictimOfUnnamedAttackers",
			events: []dyad.Event{
				ev("attack", day, "---INS", "PAKCOP", "190", ""),
				ev("claim", day, "PAKINS", "---", "015", ""),
			},
			at: 1, want: "PAKCOP",
		},
		{
			name: "ClaimOfSomeoneElsesAttack",
			events: []dyad.Event{
				ev("attack", day, "AFGMIL", "PAKCOP", "190", ""),
				ev("claim", day, "SOMINS", "---", "015", ""),
			},
			at: 1, want: "---", unresolved: 1,
		},
		{
			name: "NothingToAnswer",
			events: []dyad.Event{
				ev("deny", day, "PAKGOV", "---", "016", ""),
			},
			at: 0, want: "---", unresolved: 1,
		},
		{
			name: "TargetedDenialUntouched",
			events: []dyad.Event{
				ev("acc", day, "INDGOV", "PAK", "112", ""),
				ev("deny", day, "PAKGOV", "IND", "016", ""),
			},
			at: 1, want: "IND",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ptrs := make([]*dyad.Event, len(tt.events))
			for i := range tt.events {
				ptrs[i] = &tt.events[i]
			}
			oldID := tt.events[tt.at].ID
			if got := claims.Resolve(ptrs); got != tt.unresolved {
				t.Errorf("Resolve left %d unresolved, want %d", got, tt.unresolved)
			}
			e := tt.events[tt.at]
			if e.Target.Code != tt.want {
				t.Errorf("target %q, want %q", e.Target.Code, tt.want)
			}
			changed := e.Target.Code != "---" && tt.want != "IND"
			if wantID := dyad.EventID(e.Date, e.Source.Code, e.Target.Code, e.Code); changed && e.ID != wantID {
				t.Errorf("ID %s, want %s (recomputed)", e.ID, wantID)
			}
			if !changed && e.ID != oldID {
				t.Errorf("ID changed to %s for an event left alone", e.ID)
			}
		})
	}
}
