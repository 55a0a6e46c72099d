package main

import (
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// writeFile writes content to name under dir and returns its path.
func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadPLOVER(t *testing.T) {
	path := writeFile(t, t.TempDir(), "plover.txt", `# header comment

08: CONCEDE
080: CONCEDE,   ,  # Yield
0861: RETREAT, access , peacekeeping # trailing space in the mode

08: RETREAT
091: ACCUSE, investigate, crime; corruption # two contexts
175: ASSAULT, pro_autocracy , military # listed twice
175: ASSAULT, pro_autocracy , military # listed twice
106: REQUEST, meet, diplomatic # not in the event table
~~~~~
`)
	events := []eventCode{{Code: "08"}, {Code: "080"}, {Code: "0861"}, {Code: "09"}, {Code: "091"}, {Code: "175"}}
	only, err := loadPLOVER(path, events)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"106"}; !reflect.DeepEqual(only, want) {
		t.Errorf("codes only in PLOVER = %q, want %q", only, want)
	}
	want := map[string]ploverMapping{
		"08":   {Type: "CONCEDE"}, // from 080, not from the headings
		"080":  {Type: "CONCEDE"},
		"0861": {Type: "RETREAT", Mode: "access", Context: "peacekeeping"},
		"09":   {}, // 090 is not in the file
		"091":  {Type: "ACCUSE", Mode: "investigate", Context: "crime; corruption"},
		"175":  {Type: "ASSAULT", Mode: "pro_autocracy", Context: "military"},
	}
	for _, e := range events {
		if e.PLOVER != want[e.Code] {
			t.Errorf("%s: PLOVER = %+v, want %+v", e.Code, e.PLOVER, want[e.Code])
		}
	}
}

func TestLoadPLOVER_ErrBadLine(t *testing.T) {
	for name, content := range map[string]string{
		"conflict":     "175: ASSAULT, a, military\n175: ASSAULT, b, military\n",
		"fields":       "175: ASSAULT, a, military, extra\n",
		"code":         "17x: ASSAULT, a, military\n",
		"no colon":     "ASSAULT, a, military\n",
		"bad type":     "175: Assault, a, military\n",
		"bad mode":     "175: ASSAULT, A B, military\n",
		"bad heading":  "175: ASSAULT\n",
		"bad context":  "175: ASSAULT, a, Military\n",
		"empty type":   "175: , a, military\n",
		"bad encoding": "175: ASSAULT, \xff, military\n",
	} {
		t.Run(name, func(t *testing.T) {
			path := writeFile(t, t.TempDir(), "plover.txt", content)
			if _, err := loadPLOVER(path, nil); err == nil {
				t.Errorf("loadPLOVER(%q) succeeded, want error", content)
			}
		})
	}
}

func TestLoadLabels(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "t.txt", "CODE\tLABEL\n"+
		"abc\tFirst\n"+
		"abc\tSecond \n"+ // distinct: joined
		"abc\tFirst\n"+ // identical: merged
		"dup\tTypo\n"+ // dropped by a fix
		"dup\tRight\n"+
		"kid\tChildren?s  Fund\n") // fixed
	fixes := []labelFix{
		{"t.txt", "dup", "Typo", ""},
		{"t.txt", "kid", "Children?s Fund", "Children's Fund"},
		{"other.txt", "abc", "First", "Other"},
	}
	got, err := loadLabels(dir, "t.txt", [2]string{"CODE", "LABEL"}, true, fixes)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"ABC": "First / Second", "DUP": "Right", "KID": "Children's Fund"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("loadLabels = %q, want %q", got, want)
	}
	if fixes[0].file != "" || fixes[1].file != "" || fixes[2].file == "" {
		t.Errorf("fixes after use = %+v, want the first two cleared", fixes)
	}
}

func TestLoadLabels_ErrBadRow(t *testing.T) {
	for name, content := range map[string]string{
		"header":   "CODE\tNAME\nABC\tFirst\n",
		"fields":   "CODE\tLABEL\nABC\tFirst\textra\n",
		"code":     "CODE\tLABEL\nAB\tFirst\n",
		"lower":    "CODE\tLABEL\nabc\tFirst\n",
		"mojibake": "CODE\tLABEL\nABC\tMeet at a \u00d2hird\u00d3location\n",
		"lost":     "CODE\tLABEL\nABC\tAfrica?s\n",
		"empty":    "CODE\tLABEL\nABC\t \n",
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, dir, "t.txt", content)
			if _, err := loadLabels(dir, "t.txt", [2]string{"CODE", "LABEL"}, false, nil); err == nil {
				t.Errorf("loadLabels(%q) succeeded, want error", content)
			}
		})
	}
}

func TestQuadClass(t *testing.T) {
	for root, want := range map[string]int{
		"01": 1, "05": 1, "06": 2, "08": 2, "09": 3, "13": 3, "14": 4, "20": 4,
		"00": 0, "21": 0, "1": 0, "010": 0, "x1": 0,
	} {
		if got := quadClass(root); got != want {
			t.Errorf("quadClass(%q) = %d, want %d", root, got, want)
		}
	}
}

func TestRun_ErrMissingData(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "tables.go")
	err := run([]string{"-data", filepath.Join(dir, "nothing"), "-out", out}, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "CAMEO.eventcodes.txt") {
		t.Errorf("run with missing data: error %v, want one naming CAMEO.eventcodes.txt", err)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("run with missing data wrote its output")
	}
}

func TestRun_ErrArgs(t *testing.T) {
	if err := run([]string{"extra"}, io.Discard); err == nil {
		t.Error("run with an argument succeeded, want error")
	}
	if err := run([]string{"-nope"}, io.Discard); err == nil {
		t.Error("run with an unknown flag succeeded, want error")
	}
}
