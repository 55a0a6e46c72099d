package geo_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/geo"
)

func TestParseDateline(t *testing.T) {
	for _, tt := range []struct {
		text                        string
		ok                          bool
		place, region, date, agency string
		rest                        string
	}{
		{"KABUL, Oct 12 (Reuters) - Taliban fighters attacked", true, "KABUL", "", "Oct 12", "Reuters", "Taliban fighters attacked"},
		{"ISLAMABAD — Pakistan's army said", true, "ISLAMABAD", "", "", "", "Pakistan's army said"},
		{"GAZA CITY, Gaza Strip (AP) — Israeli jets struck", true, "GAZA CITY", "Gaza Strip", "", "AP", "Israeli jets struck"},
		{"NEW DELHI, India, March 3 (Reuters) - India said", true, "NEW DELHI", "India", "March 3", "Reuters", "India said"},
		{"WASHINGTON (AP) — The Pentagon said", true, "WASHINGTON", "", "", "AP", "The Pentagon said"},
		{"Kabul, Afghanistan — Officials said", true, "Kabul", "Afghanistan", "", "", "Officials said"},
		{"HYDERABAD, Pakistan: Police arrested", true, "HYDERABAD", "Pakistan", "", "", "Police arrested"},
		{"ST. PETERSBURG, Russia, 12 May (AFP) - Police", true, "ST. PETERSBURG", "Russia", "12 May", "AFP", "Police"},
		{"Hong Kong (CNN Business) A muddled view", true, "Hong Kong", "", "", "CNN Business", "A muddled view"},
		{"Washington, DC, United States: Getting to the Moon", true, "Washington", "DC", "", "", "Getting to the Moon"},
		{"(Reuters) — The New York State Attorney General", false, "", "", "", "", ""},
		{"Binge eating disorder (BED) is considered", false, "", "", "", "", ""},
		{"Taliban fighters attacked a checkpoint.", false, "", "", "", "", ""},
		{"Meanwhile: the army said", false, "", "", "", "", ""},
		{"Kabul-based officials said", false, "", "", "", "", ""},
		{"", false, "", "", "", "", ""},
	} {
		d, ok := geo.ParseDateline(tt.text)
		if ok != tt.ok {
			t.Errorf("ParseDateline(%q) ok = %v, want %v (%+v)", tt.text, ok, tt.ok, d)
			continue
		}
		if !ok {
			continue
		}
		if d.Place != tt.place || d.Region != tt.region || d.Date != tt.date || d.Agency != tt.agency || tt.text[d.End:] != tt.rest {
			t.Errorf("ParseDateline(%q) = %+v rest %q, want %q %q %q %q rest %q", tt.text, d, tt.text[d.End:], tt.place, tt.region, tt.date, tt.agency, tt.rest)
		}
	}
}

func TestNewContext(t *testing.T) {
	g := mustBuiltin(t)
	for _, tt := range []struct{ lead, name, country string }{
		{"KABUL, Oct 12 (Reuters) - Taliban", "Kabul", "AFG"},
		{"TRIPOLI, Lebanon (AP) — Gunmen", "Tripoli", "LBN"},
		{"TRIPOLI (Reuters) - Militias", "Tripoli", "LBY"},
		{"SANTA FE, N.M. (AP) — A cat", "Santa Fe", "USA"},
		{"ST. JOSEPH, Mich. (AP) — Michigan", "Michigan", "USA"},
		{"ST. LOUIS (AP) — Police", "St. Louis", "USA"},
		{"HONOLULU, Hawaii (HawaiiNewsNow) - NASA", "Honolulu", "USA"},
		{"DUBAI, United Arab Emirates — Dubai's", "Dubai", "ARE"},
		{"No dateline here.", "", ""},
		{"DEAR ABBY: My husband", "", ""},
	} {
		c := g.NewContext(tt.lead, nil)
		switch {
		case tt.name == "" && c.Dateline != nil:
			t.Errorf("NewContext(%q).Dateline = %+v, want nil", tt.lead, c.Dateline)
		case tt.name != "" && (c.Dateline == nil || c.Dateline.Name != tt.name || c.Dateline.Country != tt.country):
			t.Errorf("NewContext(%q).Dateline = %+v, want %s, %s", tt.lead, c.Dateline, tt.name, tt.country)
		}
	}
}

func FuzzParseDateline(f *testing.F) {
	for _, s := range []string{"KABUL, Oct 12 (Reuters) - x", "ISLAMABAD — y", "Kabul, Afghanistan — z", "A -", "(AP) -", "X, Y, 1 May (Z) :", "É — é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, ok := geo.ParseDateline(text)
		if !ok {
			if d != (geo.Dateline{}) {
				t.Fatalf("not ok but %+v", d)
			}
			return
		}
		if d.Place == "" || d.End <= 0 || d.End > len(text) || !strings.Contains(text[:d.End], d.Place) {
			t.Fatalf("ParseDateline(%q) = %+v", text, d)
		}
	})
}

// TestDatelinesZyte parses the datelines of the real news article bodies
// of the Zyte extraction benchmark (in the shared data, skipped without
// it): docs/ACCURACY.md reports the counts.
func TestDatelinesZyte(t *testing.T) {
	dir := os.Getenv("DYAD_SHARED_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "data")
	}
	b, err := os.ReadFile(filepath.Join(dir, "extraction", "zyte-article-extraction-benchmark", "ground-truth.json"))
	if err != nil {
		t.Skipf("shared data not found (set DYAD_SHARED_DATA): %v", err)
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(b, &gt); err != nil {
		t.Fatal(err)
	}
	g := mustBuiltin(t)
	found, resolved := 0, 0
	for _, a := range gt {
		if _, ok := geo.ParseDateline(a.ArticleBody); ok {
			found++
			if g.NewContext(a.ArticleBody, nil).Dateline != nil {
				resolved++
			}
		}
	}
	t.Logf("%d bodies, %d datelines found, %d resolved", len(gt), found, resolved)
	if found > 31 || resolved < 27 {
		t.Errorf("found %d datelines, resolved %d; want about 29 and 28", found, resolved)
	}
}
