package eval_test

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/eval"
)

var (
	t1 = eval.Triple{Source: "ARN", Target: "GON", Code: "050"}
	t2 = eval.Triple{Source: "GON", Target: "ARN", Code: "111"}
	t3 = eval.Triple{Source: "HOB", Target: "---", Code: "190"}
	t4 = eval.Triple{Source: "ARN", Target: "HOB", Code: "050"}
	t5 = eval.Triple{Source: "OSG", Target: "GON", Code: "020"}
)

// testSuite has three evaluated records, in categories X (two triples
// expected), N (none expected) and Y (one triple, stated twice), and one
// record that is not evaluated.
func testSuite() *eval.Suite {
	return &eval.Suite{Records: []eval.Record{
		{ID: "A", Category: "X", Text: "a", Expected: []eval.Triple{t2, t1}, Evaluated: true},
		{ID: "B", Category: "N", Text: "b", Evaluated: true},
		{ID: "C", Category: "Y", Text: "c", Expected: []eval.Triple{t3, t3}, Evaluated: true},
		{ID: "D", Category: "Z", Text: "d", Expected: []eval.Triple{t1}},
	}}
}

// coder returns a CodeFunc that returns the triples given for each record
// ID, and fails the test when called for a record not listed.
func coder(t *testing.T, out map[string][]eval.Triple) eval.CodeFunc {
	return func(ctx context.Context, rec *eval.Record) ([]eval.Triple, error) {
		got, ok := out[rec.ID]
		if !ok {
			t.Errorf("coded record %s", rec.ID)
		}
		return got, nil
	}
}

func perfect(ctx context.Context, rec *eval.Record) ([]eval.Triple, error) {
	return rec.Expected, nil
}

func nothing(ctx context.Context, rec *eval.Record) ([]eval.Triple, error) {
	return nil, nil
}

func TestScore(t *testing.T) {
	perfectCat := func(records, tp int) eval.CategoryScore {
		return eval.CategoryScore{Records: records, Exact: records, ExactRate: 1, Precision: 1, Recall: 1, F1: 1, TP: tp}
	}
	tests := []struct {
		name     string
		out      map[string][]eval.Triple
		want     eval.CategoryScore // the overall numbers
		byCat    map[string]eval.CategoryScore
		failures []eval.Failure
	}{
		{
			name: "Perfect",
			out:  map[string][]eval.Triple{"A": {t1, t2}, "B": nil, "C": {t3}},
			want: perfectCat(3, 3),
			byCat: map[string]eval.CategoryScore{
				"X": perfectCat(1, 2), "N": perfectCat(1, 0), "Y": perfectCat(1, 1),
			},
		},
		{
			name: "Nothing",
			out:  map[string][]eval.Triple{"A": nil, "B": nil, "C": nil},
			want: eval.CategoryScore{Records: 3, Exact: 1, ExactRate: 1.0 / 3, FN: 3},
			byCat: map[string]eval.CategoryScore{
				"X": {Records: 1, FN: 2},
				"N": perfectCat(1, 0),
				"Y": {Records: 1, FN: 1},
			},
			failures: []eval.Failure{
				{ID: "A", Category: "X", Text: "a", Expected: []eval.Triple{t1, t2}, Got: []eval.Triple{}},
				{ID: "C", Category: "Y", Text: "c", Expected: []eval.Triple{t3}, Got: []eval.Triple{}},
			},
		},
		{
			name: "Partial",
			out:  map[string][]eval.Triple{"A": {t4, t1, t4}, "B": {t5}, "C": {t3}},
			want: eval.CategoryScore{Records: 3, Exact: 1, ExactRate: 1.0 / 3, Precision: 0.5, Recall: 2.0 / 3, F1: 4.0 / 7, TP: 2, FP: 2, FN: 1},
			byCat: map[string]eval.CategoryScore{
				"X": {Records: 1, Precision: 0.5, Recall: 0.5, F1: 0.5, TP: 1, FP: 1, FN: 1},
				"N": {Records: 1, FP: 1},
				"Y": perfectCat(1, 1),
			},
			failures: []eval.Failure{
				{ID: "A", Category: "X", Text: "a", Expected: []eval.Triple{t1, t2}, Got: []eval.Triple{t1, t4}},
				{ID: "B", Category: "N", Text: "b", Expected: []eval.Triple{}, Got: []eval.Triple{t5}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := eval.Score(context.Background(), testSuite(), coder(t, tt.out))
			if err != nil {
				t.Fatal(err)
			}
			got := eval.CategoryScore{
				Records: r.Records, Exact: r.Exact, ExactRate: r.ExactRate,
				Precision: r.Precision, Recall: r.Recall, F1: r.F1, TP: r.TP, FP: r.FP, FN: r.FN,
			}
			if !approxEqual(got, tt.want) {
				t.Errorf("got overall %+v, want %+v", got, tt.want)
			}
			if len(r.ByCategory) != len(tt.byCat) {
				t.Errorf("got categories %v, want %v", r.ByCategory, tt.byCat)
			}
			for name, want := range tt.byCat {
				if got := r.ByCategory[name]; !approxEqual(got, want) {
					t.Errorf("category %s: got %+v, want %+v", name, got, want)
				}
			}
			if !reflect.DeepEqual(r.Failures, tt.failures) {
				t.Errorf("got failures %+v, want %+v", r.Failures, tt.failures)
			}
			if r.SentencesPerSecond < 0 || math.IsInf(r.SentencesPerSecond, 0) || r.DictLoadSeconds != 0 {
				t.Errorf("got %v sentences/s and %v s dictionary load", r.SentencesPerSecond, r.DictLoadSeconds)
			}
		})
	}
}

func approxEqual(a, b eval.CategoryScore) bool {
	near := func(x, y float64) bool { return math.Abs(x-y) < 1e-9 }
	return a.Records == b.Records && a.Exact == b.Exact && a.TP == b.TP && a.FP == b.FP && a.FN == b.FN &&
		near(a.ExactRate, b.ExactRate) && near(a.Precision, b.Precision) && near(a.Recall, b.Recall) && near(a.F1, b.F1)
}

// Only the time spent coding counts towards the speed.
func TestScore_speed(t *testing.T) {
	slow := func(ctx context.Context, rec *eval.Record) ([]eval.Triple, error) {
		time.Sleep(2 * time.Millisecond)
		return nil, nil
	}
	r, err := eval.Score(context.Background(), testSuite(), slow)
	if err != nil {
		t.Fatal(err)
	}
	if r.SentencesPerSecond <= 0 || r.SentencesPerSecond > 500 {
		t.Errorf("got %v sentences/s, want between 0 and 500", r.SentencesPerSecond)
	}
}

func TestScore_errors(t *testing.T) {
	boom := errors.New("boom")
	t.Run("ErrCode", func(t *testing.T) {
		fail := func(ctx context.Context, rec *eval.Record) ([]eval.Triple, error) {
			if rec.ID == "B" {
				return nil, boom
			}
			return nil, nil
		}
		_, err := eval.Score(context.Background(), testSuite(), fail)
		if !errors.Is(err, boom) || err.Error() != "eval: code B: boom" {
			t.Errorf("got %v, want eval: code B: boom", err)
		}
	})
	t.Run("ErrCanceled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		calls := 0
		cancelling := func(ctx context.Context, rec *eval.Record) ([]eval.Triple, error) {
			calls++
			cancel()
			return nil, nil
		}
		_, err := eval.Score(ctx, testSuite(), cancelling)
		if !errors.Is(err, context.Canceled) || calls != 1 {
			t.Errorf("got %v after %d calls, want context.Canceled after 1", err, calls)
		}
	})
	t.Run("ErrNil", func(t *testing.T) {
		if _, err := eval.Score(context.Background(), nil, perfect); err == nil {
			t.Error("got no error for a nil suite")
		}
	})
}

func TestReport_JSON(t *testing.T) {
	r, err := eval.Score(context.Background(), testSuite(), perfect)
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"records", "exact", "exact_rate", "precision", "recall", "f1",
		"sentences_per_second", "dict_load_seconds", "by_category"} {
		if _, ok := m[key]; !ok {
			t.Errorf("JSON has no %q: %s", key, data)
		}
	}
	if _, ok := m["failures"]; ok {
		t.Errorf("JSON has failures when there are none: %s", data)
	}
	x := m["by_category"].(map[string]any)["X"].(map[string]any)
	if x["records"] != 1.0 || x["exact_rate"] != 1.0 || x["tp"] != 2.0 {
		t.Errorf("got category X %v", x)
	}
}

func TestReport_WriteText(t *testing.T) {
	out := map[string][]eval.Triple{"A": {t4, t1}, "B": {t5}, "C": {t3}}
	r, err := eval.Score(context.Background(), testSuite(), coder(t, out))
	if err != nil {
		t.Fatal(err)
	}
	r.SentencesPerSecond, r.DictLoadSeconds = 1234.56, 0.5
	var b strings.Builder
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	want := `category records  exact  exact% precision  recall     F1    TP    FP    FN
N              1      0     0.0     0.000   0.000  0.000     0     1     0
X              1      0     0.0     0.500   0.500  0.500     1     1     1
Y              1      1   100.0     1.000   1.000  1.000     1     0     0
total          3      1    33.3     0.500   0.667  0.571     2     2     1

1234.6 sentences/s coding, 0.50 s loading dictionaries
`
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}

	b.Reset()
	if err := r.WriteFailures(&b); err != nil {
		t.Fatal(err)
	}
	want = `A [X] a
  expected: ARN GON 050, GON ARN 111
  got:      ARN GON 050, ARN HOB 050
  missing:  GON ARN 111
  extra:    ARN HOB 050

B [N] b
  expected: (none)
  got:      OSG GON 020
  missing:  (none)
  extra:    OSG GON 020

`
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// On PETRARCH's unit tests, a coder that returns the expected events is
// exact on all 278 evaluated records, and one that returns nothing only on
// the 26 that expect no events.
func TestScore_unitTests(t *testing.T) {
	s := readUnitTests(t)
	r, err := eval.Score(context.Background(), s, perfect)
	if err != nil {
		t.Fatal(err)
	}
	if r.Records != 278 || r.Exact != 278 || r.ExactRate != 1 || r.F1 != 1 || r.FP != 0 || r.FN != 0 || len(r.Failures) != 0 {
		t.Errorf("perfect coder: got %+v", r)
	}
	t.Logf("perfect coder: %d records, %d unique expected triples, %d categories", r.Records, r.TP, len(r.ByCategory))

	r, err = eval.Score(context.Background(), s, nothing)
	if err != nil {
		t.Fatal(err)
	}
	if r.Records != 278 || r.Exact != 26 || r.TP != 0 || r.FP != 0 || r.Precision != 0 || r.Recall != 0 || len(r.Failures) != 252 {
		t.Errorf("empty coder: got records %d, exact %d, TP %d, FP %d, FN %d, P %v, R %v, %d failures",
			r.Records, r.Exact, r.TP, r.FP, r.FN, r.Precision, r.Recall, len(r.Failures))
	}
	if got := r.ByCategory["ERROR"]; got.Records != 7 || got.Exact != 7 {
		t.Errorf("empty coder: got category ERROR %+v, want 7 of 7 exact", got)
	}
}
