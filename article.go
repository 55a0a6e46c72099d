package dyad

import "time"

// Precision says how much of a date is known.
type Precision string

// Date precisions.
const (
	PrecisionDay   Precision = "day"
	PrecisionMonth Precision = "month"
	PrecisionYear  Precision = "year"
)

// Article is one news story as dyad read it.
type Article struct {
	ID           string
	URL          string
	CanonicalURL string
	Outlet       string
	Title        string
	Published    time.Time
	// PublishedPrecision says how much of Published is known.
	PublishedPrecision Precision
	Authors            []string
	Language           string
	Text               string
	Fingerprint        string // content fingerprint (SimHash), hex
	DuplicateOf        string // the ID of the article this one repeats
}
