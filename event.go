package dyad

import (
	"crypto/sha256"
	"encoding/hex"
)

// Modality says whether a coded event is stated to have happened.
type Modality string

// Modalities of an event. Only asserted events are stated to have happened;
// the others let users filter denials, plans, conditionals and hearsay.
const (
	Asserted     Modality = "asserted"     // stated as fact
	Negated      Modality = "negated"      // stated not to have happened
	Future       Modality = "future"       // announced or planned
	Hypothetical Modality = "hypothetical" // could, might, if …
	Reported     Modality = "reported"     // attributed to someone else
)

// Actor is one side of an event: a CAMEO actor code (country plus agent
// blocks, e.g. "PAKGOVMIL") and the words that named it.
type Actor struct {
	Code string `json:"code"`
	Text string `json:"text"`
	// Name is a resolved name when the dictionary knows one.
	Name string `json:"name,omitempty"`
	// Span is the 1-based word range [First, Last] that named the actor,
	// zero when the actor was not named in the sentence.
	Span Span `json:"span"`
}

// Country returns the first block of the actor's code when it names a
// country, region or international actor ("PAKGOV" → "PAK", "IGOUNO" →
// "IGO"), or "" when the code names a role alone ("---GOV") or a phrase
// no dictionary knows (a quoted code).
func (a Actor) Country() string {
	if len(a.Code) < 3 || a.Code[0] == '-' || a.Code[0] == '"' {
		return ""
	}
	return a.Code[:3]
}

// Span is an inclusive range of 1-based word IDs in a sentence.
type Span struct {
	First int `json:"first"`
	Last  int `json:"last"`
}

// PLOVER is the PLOVER event type and mode that correspond to a CAMEO code.
type PLOVER struct {
	Type string `json:"type"`
	Mode string `json:"mode"`
}

// Location is where an event took place.
type Location struct {
	Name    string  `json:"name"`
	Country string  `json:"country"`
	ADM1    string  `json:"adm1,omitempty"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
}

// Fatalities is a stated number of people killed.
type Fatalities struct {
	Count int `json:"count"`
	// AtLeast is set for lower bounds such as "at least 12" or "over 200".
	AtLeast bool `json:"at_least"`
}

// Attribution is who reported an event, with which verb, and how the
// reporter stands to it.
type Attribution struct {
	// By is the words that named the reporter ("Pakistani officials",
	// "TOLO News"); empty for "reportedly" or an unnamed source.
	By string `json:"by"`
	// Verb is the lemma of the verb of saying ("say", "deny"), "according
	// to", or the adverb ("reportedly").
	Verb string `json:"verb"`
	// Via is whom the reporter told it to ("told Geo News"), when said.
	Via string `json:"via,omitempty"`
	// Status is whether the reporter claims, reports or denies the event.
	Status ClaimStatus `json:"status"`
}

// ClaimStatus is how a reporter stands to the event it speaks of.
type ClaimStatus string

// Claim statuses of an attributed event.
const (
	// Claimed: a party to the event says so — an actor of the event's
	// source or target country, or a verb of claiming ("claimed",
	// "alleged").
	Claimed ClaimStatus = "claimed"
	// ReportedBy: a third party (an outlet, "sources", "reportedly")
	// reports it.
	ReportedBy ClaimStatus = "reported"
	// Denied: the reporter denies it ("denied that its troops crossed").
	Denied ClaimStatus = "denied"
)

// SentenceRef names the sentence an event was coded from.
type SentenceRef struct {
	Index int    `json:"index"`
	Text  string `json:"text"`
}

// Evidence is why the coder produced an event: the verb word and the
// dictionary entry that fired.
type Evidence struct {
	Verb     int    `json:"verb"`      // word ID of the verb
	VerbText string `json:"verb_text"` // the verb as written
	// Pattern is the verb-dictionary pattern that fired, as written in its
	// file, and PatternRef says where (file:line).
	Pattern    string `json:"pattern"`
	PatternRef string `json:"pattern_ref,omitempty"`
}

// Event is one coded political event.
type Event struct {
	ID            string    `json:"id"`
	ArticleID     string    `json:"article_id,omitempty"`
	Date          string    `json:"date"` // YYYY-MM-DD
	DatePrecision Precision `json:"date_precision"`
	// DateSource says how the date was found: the words of the sentence
	// that gave it (`"on Saturday"`) or "publication date".
	DateSource string   `json:"date_source,omitempty"`
	Source     Actor    `json:"source"`
	Target     Actor    `json:"target"`
	Code       string   `json:"code"` // CAMEO event code, e.g. "112"
	Root       string   `json:"root"` // CAMEO root code, e.g. "11"
	QuadClass  int      `json:"quad_class"`
	Goldstein  float64  `json:"goldstein"`
	PLOVER     PLOVER   `json:"plover"`
	Modality   Modality `json:"modality"`
	// NegationOf is set when a negated verb was coded as the opposite
	// event ("did not clash" → 050): it holds the code the verb has when
	// not negated.
	NegationOf string    `json:"negation_of,omitempty"`
	Location   *Location `json:"location"`
	// LocationSource says how the location was found, or why it is null.
	LocationSource string `json:"location_source,omitempty"`
	// LocationWhy explains the choice for people: the words that named
	// the place and the gazetteer entry they resolved to ("sentence: into
	// Kabul → Kabul (AFG city)"), or the dateline.
	LocationWhy string       `json:"location_why,omitempty"`
	Fatalities  *Fatalities  `json:"fatalities"`
	Attribution *Attribution `json:"attribution"`
	Sentence    SentenceRef  `json:"sentence"`
	Pattern     string       `json:"pattern"`
	Evidence    Evidence     `json:"evidence"`
	// Contested holds the IDs of events of the same article that give a
	// conflicting account of the same happening (see package claims): a
	// denial, a claim of responsibility, another culprit blamed.
	Contested []string `json:"contested,omitempty"`
	// Issues are the issue codes (e.g. "NUCLEAR_WEAPONS") matched in the
	// sentence.
	Issues []string `json:"issues,omitempty"`
}

// EventID is the ID of an event: a hash of its date, source and target
// codes and event code, so that the same event reported by many articles
// (or twice in one) has one ID.
func EventID(date, source, target, code string) string {
	var buf [128]byte
	b := buf[:0]
	for _, part := range [...]string{date, source, target, code} {
		b = append(b, part...)
		b = append(b, 0)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:12])
}
