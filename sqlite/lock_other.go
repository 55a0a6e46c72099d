//go:build !unix

package sqlite

import (
	"os"

	"github.com/dyad-events/dyad"
)

// lockBulk refuses: the bulk lock needs flock(2), which this system
// lacks.
func (db *DB) lockBulk() (*os.File, bool, error) {
	return nil, false, dyad.Errorf(dyad.EINVALID, "bulk loads need a Unix system (flock)")
}
