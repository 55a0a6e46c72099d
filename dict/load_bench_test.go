package dict_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/dict"
)

// BenchmarkLoad loads complete dictionary sets from disk with dict.Load,
// as the dyad command does at start-up. (BenchmarkLoadPhoenix in
// actors_test.go reads only the Phoenix actors and agents, from memory.)
func BenchmarkLoad(b *testing.B) {
	dir := filepath.Join(sharedDataDir(b), "petrarch", "dictionaries")
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("dictionaries not found: %v (set DYAD_SHARED_DATA to the shared data directory)", err)
	}
	for _, bc := range []struct {
		name  string
		files dict.Files
	}{
		{"Phoenix", dict.PhoenixFiles()},
		{"Validation", dict.ValidationFiles()},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := dict.Load(dir, bc.files); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(b.Elapsed().Seconds()*1000/float64(b.N), "ms/load")
		})
	}
}
