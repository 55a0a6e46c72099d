//go:build !linux

package ner_test

import "time"

// cpuTime is not measured outside Linux.
func cpuTime() time.Duration { return 0 }
