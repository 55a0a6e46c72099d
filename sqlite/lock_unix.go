//go:build unix

package sqlite

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// lockBulk takes the bulk lock without waiting and reports whether it got
// it.
func (db *DB) lockBulk() (*os.File, bool, error) {
	f, err := os.OpenFile(db.Path+"-bulk.lock", os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, false, fmt.Errorf("bulk lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, false, nil
		}
		return nil, false, fmt.Errorf("bulk lock: %w", err)
	}
	return f, true, nil
}
