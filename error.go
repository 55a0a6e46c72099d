package dyad

import (
	"errors"
	"fmt"
)

// Error codes for user-facing failures. Only the http package maps them to
// status codes; the CLI maps them to exit codes.
const (
	EINVALID  = "invalid"  // bad input: a malformed file, flag or parameter
	ENOTFOUND = "notfound" // a named thing does not exist
	ECONFLICT = "conflict" // the operation conflicts with stored state
	EINTERNAL = "internal" // a bug or an unexpected failure
)

// Error is a failure with a machine-readable code and a message fit to show
// to a user.
type Error struct {
	Code    string
	Message string
}

// Error implements the error interface.
func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	default:
		return EINTERNAL
	}
}
