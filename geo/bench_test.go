package geo_test

import (
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/geo"
)

// article is a typical conflict report: 25 sentences, most naming places.
var article = []string{
	"Taliban fighters attacked a police checkpoint in Kandahar on Sunday, killing four officers.",
	"US aircraft carried out airstrikes into Kabul and Kandahar overnight.",
	"The attack came a day after a bombing in Lashkar Gah, the capital of Helmand province.",
	"Officials in Kabul said the fighters had crossed from Pakistan.",
	"Pakistani forces closed the border crossing at Chaman.",
	"Police in Hyderabad, Pakistan arrested two men suspected of financing the group.",
	"The governor of Kandahar province condemned the violence.",
	"Protests broke out in Herat and Mazar-i-Sharif.",
	"The United Nations mission in Afghanistan called for restraint.",
	"Talks between the two sides are expected to resume in Doha next month.",
	"Diplomats met in Islamabad to discuss the crisis.",
	"The Indian foreign ministry said in New Delhi that it was monitoring the situation.",
	"Refugees have fled to Quetta and Peshawar.",
	"Aid agencies in Geneva warned of a humanitarian crisis.",
	"The ministry denied the report.",
	"Russian officials in Moscow urged dialogue.",
	"Iranian border guards were deployed near Zahedan.",
	"A spokesman said the fighting had spread to Ghazni and Zabul.",
	"Schools were closed across Kandahar and Uruzgan.",
	"Electricity was cut in parts of Jalalabad.",
	"The president spoke by phone with leaders in Washington and London.",
	"Markets in Karachi fell sharply.",
	"Several families were evacuated from Spin Boldak.",
	"The United States said it would send more aid.",
	"Fighting continued on Monday.",
}

func BenchmarkLocateArticle(b *testing.B) {
	g := mustBuiltin(b)
	sents := make([]*dyad.Sentence, len(article))
	evs := make([]*dyad.Event, len(article))
	for i, text := range article {
		sents[i] = parse(b, text)
		evs[i] = rootEvent(sents[i])
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		c := g.NewContext("KABUL, Oct 12 (Reuters) - Taliban fighters", nil)
		for i, s := range sents {
			g.Locate(s, evs[i], c)
		}
	}
	reportCPU(b, cpu)
}

// reportCPU reports the process CPU time per operation since start
// ("cpu-ns/op"): on a loaded machine wall-clock ns/op overstates the cost.
func reportCPU(b *testing.B, start time.Duration) {
	if start > 0 && b.N > 0 {
		b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
	}
}

func BenchmarkResolve(b *testing.B) {
	g := mustBuiltin(b)
	names := []string{"Kandahar", "Hyderabad", "Tripoli", "Georgia", "Mazar-i-Sharif", "Gaza Strip", "Mordor", "Washington"}
	ctx := []string{"PAK"}
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		for _, n := range names {
			g.Resolve(n, ctx)
		}
	}
	reportCPU(b, cpu)
}

func BenchmarkBuiltin(b *testing.B) {
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		if _, err := geo.Builtin(); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu)
}
