//go:build !linux

package nlp_test

import "time"

// cpuTime is not measured outside Linux.
func cpuTime() time.Duration { return 0 }
