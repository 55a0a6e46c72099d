package dict

import "fmt"

// LineError is a malformed dictionary line.
type LineError struct {
	File string // the file name given to Read
	Line int    // 1-based line number
	Text string // the offending line, trimmed
	Msg  string // what is wrong with it
}

// Error implements the error interface.
func (e *LineError) Error() string {
	return fmt.Sprintf("%s:%d: %s: %q", e.File, e.Line, e.Msg, e.Text)
}
