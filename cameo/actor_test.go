package cameo_test

import (
	"reflect"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/cameo"
)

func TestParseActor(t *testing.T) {
	for _, tt := range []cameo.ActorCode{
		{Code: "PAKGOVMIL", Country: "PAK", Agents: []string{"GOV", "MIL"}},
		{Code: "USA", Country: "USA"},
		{Code: "USAGOV", Country: "USA", Agents: []string{"GOV"}},
		{Code: "AFRREB", Country: "AFR", Agents: []string{"REB"}},
		{Code: "PSEHMS", Country: "PSE", Agents: []string{"HMS"}},
		{Code: "IGOUNO", International: "IGO", Agents: []string{"UNO"}},
		{Code: "IGOUNOKID", International: "IGO", Agents: []string{"UNO", "KID"}},
		{Code: "IGOEUREEC", International: "IGO", Country: "EUR", Agents: []string{"EEC"}},
		{Code: "IGO", International: "IGO"},
		{Code: "MNCUSAMED", International: "MNC", Country: "USA", Agents: []string{"MED"}},
		{Code: "NGOCHRCTH", International: "NGO", Agents: []string{"CHR", "CTH"}},
		{Code: "GOV", Agents: []string{"GOV"}},
		{Code: "REBMOS", Agents: []string{"REB", "MOS"}},
		{Code: "IRQKUR", Country: "IRQ", Agents: []string{"KUR"}}, // ethnic code
		{Code: "---", Country: ""},
		{Code: "---GOV", Agents: []string{"GOV"}},
		// Blocks in no table are kept and listed.
		{Code: "USRGOV", Country: "USR", Agents: []string{"GOV"}, Unknown: []string{"USR"}},
		{Code: "PAKXYZ", Country: "PAK", Agents: []string{"XYZ"}, Unknown: []string{"XYZ"}},
		{Code: "GONGMOOPP", Country: "GON", Agents: []string{"GMO", "OPP"}, Unknown: []string{"GON", "GMO"}},
		{Code: "NGOXYZGOV", International: "NGO", Agents: []string{"XYZ", "GOV"}, Unknown: []string{"XYZ"}},
		{Code: "NGOARNGOV", International: "NGO", Agents: []string{"ARN", "GOV"}}, // ARN: Mapuche
		{Code: "YUGGOV", Country: "YUG", Agents: []string{"GOV"}, Unknown: []string{"YUG"}},
		{Code: "IMGMUSRUSCNY", International: "IMG", Country: "MUS", Agents: []string{"RUS", "CNY"}, Unknown: []string{"CNY"}},
	} {
		t.Run(tt.Code, func(t *testing.T) {
			got, err := cameo.ParseActor(tt.Code)
			if err != nil {
				t.Fatalf("ParseActor(%q): %v", tt.Code, err)
			}
			if !reflect.DeepEqual(got, tt) {
				t.Errorf("ParseActor(%q) = %+v, want %+v", tt.Code, got, tt)
			}
		})
	}
}

func TestParseActor_ErrInvalid(t *testing.T) {
	for _, code := range []string{
		"", "PA", "PAKG", "PAKGO", "PAKGOVM", // lengths
		"pak", "PAKgov", "PAK123", "PA_", "PAK---", "------", "É12", "PAK GOV",
	} {
		t.Run(code, func(t *testing.T) {
			a, err := cameo.ParseActor(code)
			if err == nil {
				t.Fatalf("ParseActor(%q) = %+v, want error", code, a)
			}
			if got := dyad.ErrorCode(err); got != dyad.EINVALID {
				t.Errorf("ErrorCode(%v) = %q, want %q", err, got, dyad.EINVALID)
			}
			if !reflect.DeepEqual(a, cameo.ActorCode{}) {
				t.Errorf("ParseActor(%q) = %+v with the error, want zero", code, a)
			}
		})
	}
}

func TestCountryName(t *testing.T) {
	for _, tt := range []struct {
		code, want string
		ok         bool
	}{
		{"PAK", "Pakistan", true},
		{"USA", "United States", true},
		{"PSE", "Palestinian Territory", true},
		{"AFR", "Africa", true},
		{"WST", "the West", true},
		{"GOV", "", false},
		{"USR", "", false},
		{"pak", "", false},
		{"", "", false},
	} {
		if got, ok := cameo.CountryName(tt.code); got != tt.want || ok != tt.ok {
			t.Errorf("CountryName(%q) = %q, %v, want %q, %v", tt.code, got, ok, tt.want, tt.ok)
		}
	}
}

func TestAgentName(t *testing.T) {
	for _, tt := range []struct {
		code, want string
		ok         bool
	}{
		{"GOV", "Government", true},
		{"MIL", "Military", true},
		{"IGO", "Inter-Governmental Organization", true},
		{"UNO", "United Nations", true},
		{"HMS", "Hamas", true},
		{"KID", "United Nations Children's Fund (UNICEF)", true},
		{"WTO", "World Trade Organization (WTO)", true},
		{"CEM", "Common Market for Eastern and Southern Africa / Monetary and Economic Community of Central Africa", true},
		{"MOS", "Muslim", true},
		{"CHR", "Christianity", true},  // religion before ethnic group
		{"COP", "Police forces", true}, // role before ethnic group
		{"KUR", "Kurd", true},
		{"WEL", "Welsh", true},
		{"MON", "Maonan / Mongol", true},
		{"kur", "", false},
		{"PAK", "", false},
		{"", "", false},
	} {
		if got, ok := cameo.AgentName(tt.code); got != tt.want || ok != tt.ok {
			t.Errorf("AgentName(%q) = %q, %v, want %q, %v", tt.code, got, ok, tt.want, tt.ok)
		}
	}
}
