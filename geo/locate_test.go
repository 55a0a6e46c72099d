package geo_test

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/geo"
	"github.com/dyad-events/dyad/nlp"
)

var (
	nlpOnce sync.Once
	nlpP    *nlp.Pipeline
	nlpErr  error
)

// parse parses one sentence with dyad's embedded models.
func parse(tb testing.TB, text string) *dyad.Sentence {
	tb.Helper()
	nlpOnce.Do(func() { nlpP, nlpErr = nlp.Load() })
	if nlpErr != nil {
		tb.Fatal(nlpErr)
	}
	ss, _ := nlpP.Parse(text)
	if len(ss) == 0 {
		tb.Fatalf("no sentence in %q", text)
	}
	return ss[0]
}

// rootEvent returns an event whose verb is the sentence's root, as the
// coder would give it.
func rootEvent(s *dyad.Sentence) *dyad.Event {
	ev := &dyad.Event{}
	for _, t := range s.Tokens {
		if t.Head == 0 {
			ev.Evidence.Verb = t.ID
		}
	}
	return ev
}

// words makes an unparsed sentence from "form/UPOS" pairs.
func words(spec string) *dyad.Sentence {
	s := &dyad.Sentence{}
	for i, w := range strings.Fields(spec) {
		form, upos, _ := strings.Cut(w, "/")
		s.Tokens = append(s.Tokens, dyad.Token{ID: i + 1, Form: form, UPOS: upos, Head: -1, Start: -1, End: -1})
	}
	return s
}

// samePlace reports whether l is the place want (a name the gazetteer
// knows) in country.
func samePlace(g *geo.Gazetteer, l dyad.Location, want, country string) bool {
	if l.Country != country {
		return false
	}
	if geo.Fold(l.Name) == geo.Fold(want) {
		return true
	}
	for _, p := range g.Lookup(want) {
		if p.Name == l.Name && p.Country == country {
			return true
		}
	}
	return false
}

func TestLocateUnparsed(t *testing.T) {
	g := mustBuiltin(t)
	for _, tt := range []struct {
		name, spec string
		want       []string // "Name/ISO3"
		source     string
	}{
		{"Conj", "Jets/NOUN struck/VERB targets/NOUN in/ADP Kabul/PROPN and/CCONJ Kandahar/PROPN ./PUNCT", []string{"Kabul/AFG", "Kandahar/AFG"}, geo.SourceSentence},
		{"ProvinceOf", "Clashes/NOUN erupted/VERB in/ADP the/DET southern/ADJ province/NOUN of/ADP Helmand/PROPN", []string{"Helmand/AFG"}, geo.SourceSentence},
		{"CountryContext", "Police/NOUN in/ADP Hyderabad/PROPN ,/PUNCT Pakistan/PROPN arrested/VERB two/NUM men/NOUN", []string{"Hyderabad/PAK"}, geo.SourceSentence},
		{"Demonym", "Lebanese/ADJ troops/NOUN deployed/VERB in/ADP Tripoli/PROPN", []string{"Tripoli/LBN"}, geo.SourceSentence},
		{"NoPrep", "Pakistan/PROPN condemned/VERB the/DET attack/NOUN", nil, geo.SourceNone},
		{"Month", "Talks/NOUN resumed/VERB in/ADP March/PROPN", nil, geo.SourceNone},
		{"Unknown", "Orcs/NOUN gathered/VERB in/ADP Mordor/PROPN", nil, geo.SourceUnknown + "Mordor"},
		{"NETag", "Talks/NOUN ended/VERB in/ADP Doha/X", []string{"Doha/QAT"}, geo.SourceSentence},
		{"NETagAlone", "Doha/X talks/NOUN ended/VERB", []string{"Doha/QAT"}, geo.SourceSentence},
		{"NETagCountry", "Qatar/X hosted/VERB talks/NOUN", nil, geo.SourceNone},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := words(tt.spec)
			for i := range s.Tokens {
				if s.Tokens[i].UPOS == "X" {
					s.Tokens[i].Misc = "NE=B-LOC"
				}
			}
			r := g.Locate(s, nil, geo.Context{})
			if r.Source != tt.source || len(r.Locations) != len(tt.want) {
				t.Fatalf("Locate = %+v (%s), want %v (%s)", r.Locations, r.Source, tt.want, tt.source)
			}
			for i, w := range tt.want {
				name, cc, _ := strings.Cut(w, "/")
				if !samePlace(g, r.Locations[i], name, cc) {
					t.Errorf("location %d = %+v, want %s", i, r.Locations[i], w)
				}
			}
		})
	}
}

func TestPlaceEvent(t *testing.T) {
	g := mustBuiltin(t)
	s := parse(t, "US airstrikes hit Taliban positions in Kabul and Kandahar on Saturday.")
	ev := rootEvent(s)
	evs := g.PlaceEvent(s, ev, geo.Context{})
	if len(evs) != 2 || ev.Location == nil || ev.LocationSource != geo.SourceSentence {
		t.Fatalf("Place = %+v, ev.Location %+v %q", evs, ev.Location, ev.LocationSource)
	}
	if r := g.Locate(s, ev, geo.Context{}); !strings.HasPrefix(r.Why, "sentence: in Kabul → Kabul (AFG city); Kandahar → Kandahār (AFG city)") {
		t.Errorf("Why = %q", r.Why)
	}
	if !samePlace(g, *evs[0].Location, "Kabul", "AFG") || !samePlace(g, *evs[1].Location, "Kandahar", "AFG") || evs[1].Location.ADM1 != "AF23" {
		t.Errorf("locations %+v, %+v; want Kabul, Kandahar (AF23)", evs[0].Location, evs[1].Location)
	}

	// Those an appeal is addressed to are its target, not its place:
	// neither the country the event names nor the one coordinated with it.
	s = parse(t, "Lebanon called on the United States and France to press Israel.")
	for _, target := range []string{"States", "France"} {
		ev := rootEvent(s)
		ev.QuadClass = 1 // an appeal
		for _, tok := range s.Tokens {
			if tok.Form == target {
				ev.Target.Span = dyad.Span{First: tok.ID, Last: tok.ID}
			}
		}
		if r := g.Locate(s, ev, geo.Context{}); len(r.Locations) != 0 {
			t.Errorf("Locate(%q) for the event with target %s = %+v, want none", s.Text, target, r.Locations)
		}
	}

	// A capital named as an actor stands for its government in a
	// statement or between parties, but is where an attack happened.
	for _, tt := range []struct {
		text, target string
		quad         int
		want         string
	}{
		{"Brazil urged Georgetown and Caracas to resolve the dispute.", "Georgetown", 1, ""},
		{"Erdogan offered to host talks between Moscow and Kyiv in Istanbul.", "Kyiv", 1, "Istanbul"},
		{"Moscow accused Kyiv of shelling civilians.", "Kyiv", 3, ""},
		{"Russian drones hit Kyiv overnight.", "Kyiv", 4, "Kyiv"},
		{"China launched drills around Taiwan.", "Taiwan", 4, "Taiwan"},
	} {
		s := parse(t, tt.text)
		ev := rootEvent(s)
		ev.QuadClass = tt.quad
		ev.Source.Span = dyad.Span{First: 1, Last: 1} // the subject
		for _, tok := range s.Tokens {
			if tok.Form == tt.target {
				ev.Target.Span = dyad.Span{First: tok.ID, Last: tok.ID}
			}
		}
		r := g.Locate(s, ev, geo.Context{})
		var got []string
		for _, l := range r.Locations {
			got = append(got, l.Name)
		}
		if want := strings.Fields(tt.want); !slices.Equal(got, want) {
			t.Errorf("Locate(%q), target %s, quad class %d = %v (%s), want %v", tt.text, tt.target, tt.quad, got, r.Why, want)
		}
	}

	for _, tt := range []struct{ text, want, country string }{
		{"Protests broke out in Mazar-i-Sharif on Friday.", "Mazar-i-Sharif", "AFG"},
		// An Arabic article before a hyphen, whatever its tag.
		{"Militants attacked a checkpoint near Deir ez-Zor on Wednesday.", "Deir ez-Zor", "SYR"},
		// A place named twice is one place.
		{"India struck sites in Pakistan and Pakistan-administered Kashmir.", "Pakistan", "PAK"},
		// The Hyderabad in Sindh, not India's larger one.
		{"Police raided a seminary in the town of Hyderabad in Sindh.", "Hyderabad", "PAK"},
		{"The governor of Kandahar province condemned the violence.", "Kandahar province", "AFG"},
		{"North Korea fired a missile into the Sea of Japan.", "", ""},
		{"Israeli strikes hit Lebanon as Beirut appealed to Washington for help.", "", ""},
	} {
		s := parse(t, tt.text)
		r := g.Locate(s, rootEvent(s), geo.Context{})
		switch {
		case tt.want == "" && len(r.Locations) > 0:
			t.Errorf("Locate(%q) = %+v, want none", tt.text, r.Locations)
		case tt.want != "" && (len(r.Locations) != 1 || !samePlace(g, r.Locations[0], tt.want, tt.country)):
			t.Errorf("Locate(%q) = %+v (%s), want %s", tt.text, r.Locations, r.Why, tt.want)
		}
	}

	t.Run("ActorContext", func(t *testing.T) {
		s := words("Police/NOUN raided/VERB a/DET seminary/NOUN in/ADP Hyderabad/PROPN")
		for _, tt := range []struct{ code, want string }{{"PAKCOP", "PAK"}, {"INDCOP", "IND"}, {"---COP", "IND"}} {
			ev := &dyad.Event{Source: dyad.Actor{Code: tt.code}}
			if r := g.Locate(s, ev, geo.Context{}); len(r.Locations) != 1 || r.Locations[0].Country != tt.want {
				t.Errorf("source %s: Locate = %+v, want Hyderabad in %s", tt.code, r.Locations, tt.want)
			}
		}
	})
	t.Run("Dateline", func(t *testing.T) {
		s := parse(t, "The minister condemned the attack.")
		ev := rootEvent(s)
		evs := g.PlaceEvent(s, ev, g.NewContext("ISLAMABAD, Oct 12 (Reuters) - The minister", nil))
		if len(evs) != 1 || ev.Location == nil || ev.Location.Country != "PAK" || ev.LocationSource != geo.SourceDateline {
			t.Errorf("Place = %+v, source %q; want Islamabad from the dateline", ev.Location, ev.LocationSource)
		}
	})
	t.Run("None", func(t *testing.T) {
		s := parse(t, "The minister condemned the attack.")
		ev := rootEvent(s)
		g.PlaceEvent(s, ev, geo.Context{})
		if ev.Location != nil || ev.LocationSource != geo.SourceNone {
			t.Errorf("Place = %+v, source %q; want none", ev.Location, ev.LocationSource)
		}
	})
}

// labelled is the hand-labelled evaluation set: a sentence, its article's
// lead (for the dateline) and the places ("Name/ISO3") where its main
// event happened. docs/ACCURACY.md reports the score.
var labelled = []struct {
	text, lead string
	want       []string
}{
	{"Taliban fighters attacked a police checkpoint in Kandahar on Sunday.", "", []string{"Kandahar/AFG"}},
	{"US aircraft carried out airstrikes into Kabul and Kandahar.", "", []string{"Kabul/AFG", "Kandahar/AFG"}},
	{"A suicide bomber struck a mosque in Qandahar, killing 12 people.", "", []string{"Kandahar/AFG"}},
	{"Police in Hyderabad, Pakistan arrested two men suspected of the bombing.", "", []string{"Hyderabad/PAK"}},
	{"Protesters clashed with police in Hyderabad, the capital of Telangana.", "", []string{"Hyderabad/IND"}},
	{"Pakistani security forces raided a compound in Hyderabad on Tuesday.", "", []string{"Hyderabad/PAK"}},
	{"Indian police detained opposition leaders in Hyderabad.", "", []string{"Hyderabad/IND"}},
	{"Russian troops moved into Georgia in August 2008.", "", []string{"Georgia/GEO"}},
	{"Voters in Georgia went to the polls in the US midterm elections.", "", []string{"Georgia/USA"}},
	{"Protesters rallied outside parliament in Tbilisi, Georgia.", "", []string{"Tbilisi/GEO"}},
	{"Militias clashed in Tripoli, the Libyan capital, overnight.", "", []string{"Tripoli/LBY"}},
	{"The Lebanese army deployed troops in Tripoli after clashes.", "", []string{"Tripoli/LBN"}},
	{"Gunmen opened fire on a checkpoint in Tripoli.", "BEIRUT, May 3 (Reuters) -", []string{"Tripoli/LBN"}},
	{"Rival factions fought in Tripoli on Friday.", "", []string{"Tripoli/LBY"}},
	{"Israeli jets struck targets in the Gaza Strip overnight.", "", []string{"Gaza Strip/PSE"}},
	{"Hamas fired rockets at Sderot and Ashkelon.", "", []string{"Sderot/ISR", "Ashkelon/ISR"}},
	{"Troops raided homes in Jenin and Nablus in the West Bank.", "", []string{"Jenin/PSE", "Nablus/PSE"}},
	{"Syrian government forces shelled rebel positions in Idlib.", "", []string{"Idlib/SYR"}},
	{"Turkish troops launched an offensive near Kobani.", "", []string{"Kobani/SYR"}},
	{"Islamic State militants seized Mosul in June 2014.", "", []string{"Mosul/IRQ"}},
	{"Iraqi forces recaptured Ramadi from Islamic State militants.", "", []string{"Ramadi/IRQ"}},
	{"A car bomb exploded in Baghdad, killing at least 20 people.", "", []string{"Baghdad/IRQ"}},
	{"Fighting broke out in the city of Aleppo.", "", []string{"Aleppo/SYR"}},
	{"Russian missiles hit energy facilities in Kiev and Kharkov.", "", []string{"Kyiv/UKR", "Kharkiv/UKR"}},
	{"Ukrainian forces shelled positions near Donetsk.", "", []string{"Donetsk/UKR"}},
	{"Explosions were reported in Crimea on Saturday.", "", []string{"Crimea/UKR"}},
	{"Houthi rebels attacked a ship off Hodeidah.", "", []string{"Hodeidah/YEM"}},
	{"Saudi-led coalition jets bombed targets in Sanaa.", "", []string{"Sanaa/YEM"}},
	{"The army battled militants in North Waziristan.", "", []string{"Waziristan/PAK"}},
	{"Gunmen killed six soldiers in Balochistan province.", "", []string{"Balochistan/PAK"}},
	{"A bomb exploded at a market in Peshawar.", "", []string{"Peshawar/PAK"}},
	{"Indian and Pakistani troops exchanged fire in Kashmir.", "", []string{"Kashmir/IND"}},
	{"Security forces clashed with protesters in Karachi and Lahore.", "", []string{"Karachi/PAK", "Lahore/PAK"}},
	{"The minister met his Chinese counterpart in Beijing.", "", []string{"Beijing/CHN"}},
	{"Talks between the two sides resumed in Geneva.", "", []string{"Geneva/CHE"}},
	{"Leaders gathered in Brussels for the NATO summit.", "", []string{"Brussels/BEL"}},
	{"The president arrived in Washington for talks.", "", []string{"Washington/USA"}},
	{"Police fired tear gas at protesters in Paris.", "", []string{"Paris/FRA"}},
	{"Al-Shabaab fighters attacked a base in Mogadishu.", "", []string{"Mogadishu/SOM"}},
	{"Boko Haram militants raided a village near Maiduguri.", "", []string{"Maiduguri/NGA"}},
	{"Fighting erupted in Khartoum between the army and the RSF.", "", []string{"Khartoum/SDN"}},
	{"Rebels advanced on Goma in eastern Congo.", "", []string{"Goma/COD"}},
	{"The government condemned the attack.", "KABUL, Oct 12 (Reuters) -", []string{"Kabul/AFG"}},
	{"Officials said the talks had failed.", "ISLAMABAD —", []string{"Islamabad/PAK"}},
	{"The ministry denied the report.", "", nil},
	{"Clashes erupted in the southern province of Helmand.", "", []string{"Helmand/AFG"}},
	{"Iran seized a tanker in the Strait of Hormuz.", "", nil},
	{"Protesters marched through Tehran and Mashhad.", "", []string{"Tehran/IRN", "Mashhad/IRN"}},
	{"Demonstrators gathered in Cairo's Tahrir Square.", "", []string{"Cairo/EGY"}},
	{"Israeli strikes hit Beirut's southern suburbs.", "", []string{"Beirut/LBN"}},
	{"Russia attacked Ukraine in February 2022.", "", nil},
	{"Fighting between the Taliban and government forces continued.", "", nil},
	{"Militants attacked Police headquarters overnight.", "", nil},
	{"Police arrested Imran Khan at his home.", "", nil},
}

// labelled2 was written as a held-out set after tuning on labelled; it
// scored 17/20 on its first run and Locate was then tuned on it too (so
// it is development data now; see heldOut).
var labelled2 = []struct {
	text, lead string
	want       []string
}{
	{"Gunmen stormed a hotel in Mogadishu late on Friday.", "", []string{"Mogadishu/SOM"}},
	{"Qatar mediated the talks between Pakistan and Afghanistan.", "", nil},
	{"Fighters attacked a convoy on the road between Kayes and Bamako.", "", []string{"Kayes/MLI", "Bamako/MLI"}},
	{"Two rockets landed near the US embassy in Baghdad.", "", []string{"Baghdad/IRQ"}},
	{"Security forces killed three militants in Srinagar.", "", []string{"Srinagar/IND"}},
	{"Pakistani police raided a seminary in Hyderabad.", "", []string{"Hyderabad/PAK"}},
	{"Floods displaced thousands in Sindh province.", "", []string{"Sindh/PAK"}},
	{"Russian strikes hit Odesa and Mykolaiv overnight.", "", []string{"Odessa/UKR", "Mykolaiv/UKR"}},
	{"The Georgian government banned protests in Tbilisi.", "", []string{"Tbilisi/GEO"}},
	{"Police arrested dozens of protesters in Atlanta, Georgia.", "", []string{"Atlanta/USA"}},
	{"Clashes between rival militias left five dead in Tripoli, Lebanon.", "", []string{"Tripoli/LBN"}},
	{"Libyan forces loyal to the government advanced toward Sirte.", "", []string{"Sirte/LBY"}},
	{"Palestinian gunmen opened fire at an Israeli checkpoint near Hebron.", "", []string{"Hebron/PSE"}},
	{"The foreign ministers met in Ankara on Wednesday.", "", []string{"Ankara/TUR"}},
	{"Thousands marched in Caracas against the government.", "", []string{"Caracas/VEN"}},
	{"Rebels seized the town of Bunia in Ituri province.", "", []string{"Bunia/COD"}},
	{"Soldiers opened fire on protesters in Yangon.", "", []string{"Yangon/MMR"}},
	{"The president condemned the attack in a televised address.", "NAIROBI, Kenya (AP) —", []string{"Nairobi/KEN"}},
	{"Chinese warships conducted drills near Taiwan.", "", []string{"Taiwan/TWN"}},
	{"North Korea fired a missile into the Sea of Japan.", "", nil},
	{"Fighting resumed in Darfur after a brief truce.", "", []string{"Darfur/SDN"}},
	{"Opposition supporters rallied in Dhaka and Chittagong.", "", []string{"Dhaka/BGD", "Chittagong/BGD"}},
	{"Israeli strikes hit Tyre as Beirut appealed to Washington for help.", "", []string{"Tyre/LBN"}},
}

// heldOut was written after all tuning and is not tuned on: its score is
// the one to quote.
var heldOut = []struct {
	text, lead string
	want       []string
}{
	{"A roadside bomb killed three soldiers near Kunduz on Monday.", "", []string{"Kunduz/AFG"}},
	{"Thousands of people fled the fighting in Marib.", "", []string{"Marib/YEM"}},
	{"The Syrian army regained control of Homs after weeks of siege.", "", []string{"Homs/SYR"}},
	{"Turkish jets bombed Kurdish positions in northern Iraq.", "", []string{"Iraq/IRQ"}},
	{"Rescue workers searched the rubble in Antakya after the earthquake.", "", []string{"Antakya/TUR"}},
	{"Police in Lagos dispersed crowds with tear gas.", "", []string{"Lagos/NGA"}},
	{"Ethiopian federal troops entered Mekelle, the capital of Tigray.", "", []string{"Mekelle/ETH"}},
	{"Armed men kidnapped 30 students from a school in Kaduna state.", "", []string{"Kaduna/NGA"}},
	{"Israeli troops withdrew from Khan Younis on Sunday.", "", []string{"Khan Younis/PSE"}},
	{"A drone attack set fire to an oil depot in Belgorod.", "", []string{"Belgorod/RUS"}},
	{"Jihadists ambushed a convoy between Gao and Menaka.", "", []string{"Gao/MLI", "Menaka/MLI"}},
	{"The ceasefire was signed in Doha by both parties.", "", []string{"Doha/QAT"}},
	{"Police clashed with farmers protesting in Amritsar.", "", []string{"Amritsar/IND"}},
	{"Heavy shelling was reported in Zaporizhzhia region.", "", []string{"Zaporizhzhia/UKR"}},
	{"Gunmen attacked a church in Ouagadougou.", "", []string{"Ouagadougou/BFA"}},
	{"The army said it killed 20 insurgents in Cabo Delgado.", "", []string{"Cabo Delgado/MOZ"}},
	{"Pro-democracy activists were detained in Hong Kong.", "", []string{"Hong Kong/HKG"}},
	{"The two presidents met at a summit in Tehran.", "", []string{"Tehran/IRN"}},
	{"Soldiers fired on demonstrators in Conakry.", "", []string{"Conakry/GIN"}},
	{"The prime minister resigned amid protests.", "COLOMBO, July 9 (Reuters) -", []string{"Colombo/LKA"}},
	{"Rockets were fired from southern Lebanon into northern Israel.", "", []string{"Israel/ISR"}},
	{"Pakistan summoned the Afghan envoy over the border clashes.", "", nil},
	{"Separatists shelled villages around Luhansk.", "", []string{"Luhansk/UKR"}},
	{"Militants stormed a police station in Dera Ismail Khan.", "", []string{"Dera Ismail Khan/PAK"}},
	{"Protesters gathered outside the US embassy in Tripoli, Libya.", "", []string{"Tripoli/LBY"}},
}

// heldOut2 was written last, after every change to Locate, and scored on
// its first run; it is not tuned on.
var heldOut2 = []struct {
	text, lead string
	want       []string
}{
	{"Gunmen on motorbikes killed 11 villagers in Zamfara state.", "", []string{"Zamfara/NGA"}},
	{"Israeli forces demolished homes in the Jenin refugee camp.", "", []string{"Jenin/PSE"}},
	{"A suicide car bomb exploded outside a military base in Mogadishu.", "", []string{"Mogadishu/SOM"}},
	{"Armenian and Azerbaijani troops exchanged fire along the border.", "", nil},
	{"Demonstrators burned tyres in the streets of Port-au-Prince.", "", []string{"Port-au-Prince/HTI"}},
	{"Ukrainian drones struck an oil refinery in Ryazan.", "", []string{"Ryazan/RUS"}},
	{"The talks in Istanbul ended without agreement.", "", []string{"Istanbul/TUR"}},
	{"Police in Peshawar said the bomber was a teenager.", "", []string{"Peshawar/PAK"}},
	{"The Houthis claimed an attack on a ship in the Red Sea.", "", nil},
	{"Soldiers loyal to the junta deployed across Niamey.", "", []string{"Niamey/NER"}},
	{"An earthquake struck near Herat, killing hundreds.", "", []string{"Herat/AFG"}},
	{"Sudan's army retook the presidential palace in Khartoum.", "", []string{"Khartoum/SDN"}},
	{"The Pakistani Taliban attacked a checkpoint in North Waziristan.", "", []string{"Waziristan/PAK"}},
	{"Thousands protested in Tbilisi against the foreign agents law.", "", []string{"Tbilisi/GEO"}},
	{"Hezbollah fired rockets at Kiryat Shmona.", "", []string{"Kiryat Shmona/ISR"}},
	{"The prime minister visited troops in Kharkiv.", "", []string{"Kharkiv/UKR"}},
	{"Floods killed at least 40 people in Derna.", "", []string{"Derna/LBY"}},
	{"Opposition leaders were arrested in Dhaka on Saturday.", "", []string{"Dhaka/BGD"}},
	{"The foreign minister flew to Riyadh for talks.", "", []string{"Riyadh/SAU"}},
	{"Militants abducted aid workers near Bunia in eastern Congo.", "", []string{"Bunia/COD"}},
}

// TestAccuracy scores Locate on the labelled set: a sentence counts as
// right when its locations are exactly the wanted places (name and
// country), or none when none are wanted.
func TestAccuracy(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the parser")
	}
	t.Run("Dev", func(t *testing.T) { scoreSet(t, append(labelled, labelled2...), 0.85) })
	t.Run("HeldOut", func(t *testing.T) { scoreSet(t, heldOut, 0.70) })
	t.Run("HeldOut2", func(t *testing.T) { scoreSet(t, heldOut2, 0.70) })
}

// scoreSet scores Locate on a labelled set and fails below floor.
func scoreSet(t *testing.T, set []struct {
	text, lead string
	want       []string
}, floor float64) {
	g := mustBuiltin(t)
	right, withPlace, rightWithPlace := 0, 0, 0
	for _, tt := range set {
		s := parse(t, tt.text)
		r := g.Locate(s, rootEvent(s), g.NewContext(tt.lead, nil))
		ok := len(r.Locations) == len(tt.want)
		for i := 0; ok && i < len(tt.want); i++ {
			name, cc, _ := strings.Cut(tt.want[i], "/")
			ok = samePlace(g, r.Locations[i], name, cc)
		}
		if ok {
			right++
		} else {
			var got []string
			for _, l := range r.Locations {
				got = append(got, l.Name+"/"+l.Country)
			}
			t.Logf("miss: %q: got %v (%s), want %v", tt.text, got, r.Source, tt.want)
		}
		if len(tt.want) > 0 {
			withPlace++
			if ok {
				rightWithPlace++
			}
		}
	}
	t.Logf("accuracy: %d/%d = %.1f%% (sentences with a place: %d/%d = %.1f%%)", right, len(set), 100*float64(right)/float64(len(set)), rightWithPlace, withPlace, 100*float64(rightWithPlace)/float64(withPlace))
	if float64(right) < floor*float64(len(set)) {
		t.Errorf("accuracy %d/%d below %.0f%%", right, len(set), 100*floor)
	}
}

// FuzzToponyms checks that any words with any (even broken) heads and tags
// neither panic nor give a mention outside the sentence.
func FuzzToponyms(f *testing.F) {
	f.Add("Jets struck targets in Kabul and Kandahar", []byte{2, 0, 2, 5, 2, 7, 5})
	f.Add("in the city of Aleppo , Syria", []byte{5, 5, 3, 5, 0, 5, 5})
	f.Add("Police in Hyderabad , Pakistan arrested men", []byte{6, 3, 1, 3, 6, 0, 6, 200})
	g := mustBuiltin(f)
	tags := []string{"PROPN", "NOUN", "ADP", "ADJ", "VERB", "PUNCT", "X"}
	rels := []string{"case", "obl", "nmod", "conj", "obj", "compound", "nmod:poss", "root"}
	f.Fuzz(func(t *testing.T, text string, heads []byte) {
		s := &dyad.Sentence{Text: text}
		for i, w := range strings.Fields(text) {
			if i >= 60 {
				break
			}
			tk := dyad.Token{ID: i + 1, Form: w, Head: -1, Start: -1, End: -1, UPOS: tags[len(w)%len(tags)]}
			if i < len(heads) {
				tk.Head = int(heads[i]) - 1
				tk.DepRel = rels[int(heads[i])%len(rels)]
				tk.Misc = []string{"", "NE=B-LOC", "NE=I-LOC", "NE=B-GPE"}[int(heads[i])%4]
			}
			s.Tokens = append(s.Tokens, tk)
		}
		ev := &dyad.Event{Evidence: dyad.Evidence{Verb: len(heads) % (len(s.Tokens) + 1)}}
		r := g.Locate(s, ev, geo.Context{})
		for _, m := range r.Mentions {
			if m.Span.First < 1 || m.Span.Last > len(s.Tokens) || m.Span.First > m.Span.Last || m.Head < m.Span.First || m.Head > m.Span.Last {
				t.Fatalf("mention %+v outside sentence of %d words", m, len(s.Tokens))
			}
		}
		if r.Source == "" {
			t.Fatal("empty Source")
		}
	})
}
