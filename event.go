package dyad

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

// Attribution is who reported an event, and with which verb.
type Attribution struct {
	By   string `json:"by"`
	Verb string `json:"verb"`
}

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
	LocationSource string       `json:"location_source,omitempty"`
	Fatalities     *Fatalities  `json:"fatalities"`
	Attribution    *Attribution `json:"attribution"`
	Sentence       SentenceRef  `json:"sentence"`
	Pattern        string       `json:"pattern"`
	Evidence       Evidence     `json:"evidence"`
	// Issues are the issue codes (e.g. "NUCLEAR_WEAPONS") matched in the
	// sentence.
	Issues []string `json:"issues,omitempty"`
}
