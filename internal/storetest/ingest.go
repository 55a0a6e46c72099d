package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

// IngestStore is a store with the ingestion state that feed polling and
// duplicate detection keep: feed statuses, seen feed items and article
// fingerprints.
type IngestStore interface {
	dyad.Store
	FeedStatus(ctx context.Context, feedURL string) (dyad.FeedStatus, error)
	SaveFeedStatus(ctx context.Context, st dyad.FeedStatus) error
	UnseenFeedItems(ctx context.Context, feedURL string, keys []string) ([]string, error)
	MarkFeedItemsSeen(ctx context.Context, feedURL string, keys []string) error
	SaveFingerprint(ctx context.Context, fp dyad.Fingerprint) error
	FindCopies(ctx context.Context, fp dyad.Fingerprint, maxDist, days int) ([]dyad.Fingerprint, error)
	Close() error
}

// IngestOpener makes a fresh, empty database for a test and returns the
// function that opens it, with now as the store's clock. RunIngest calls
// that function again to reopen the database, as a restarted process
// would, and closes the store it opened last when the test ends.
type IngestOpener func(t *testing.T, now func() time.Time) (open func() IngestStore)

// RunIngest runs the conformance suite of the ingestion state.
func RunIngest(t *testing.T, opener IngestOpener) {
	now := func() time.Time { return T0 }
	start := func(t *testing.T) (IngestStore, func() IngestStore) {
		open := opener(t, now)
		s := open()
		t.Cleanup(func() {
			if err := s.Close(); err != nil {
				t.Error(err)
			}
		})
		return s, func() IngestStore {
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			s = open()
			return s
		}
	}
	for _, tt := range []struct {
		name string
		fn   func(*testing.T, IngestStore, func() IngestStore)
	}{{"FeedStatus", testFeedStatus}, {"FeedItems", testFeedItems}, {"Fingerprints", testFingerprints}} {
		t.Run(tt.name, func(t *testing.T) {
			s, reopen := start(t)
			tt.fn(t, s, reopen)
		})
	}
	t.Run("FingerprintErrors", func(t *testing.T) {
		s, _ := start(t)
		testFingerprintErrors(t, s)
	})
}

func testFeedStatus(t *testing.T, s IngestStore, reopen func() IngestStore) {
	ctx := context.Background()
	const u = "https://news.example/feed.xml"
	got, err := s.FeedStatus(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	if want := (dyad.FeedStatus{URL: u}); got != want {
		t.Errorf("unknown feed: got %+v, want %+v", got, want)
	}
	st := dyad.FeedStatus{
		URL: u, ETag: `"abc"`, LastModified: "Wed, 25 Nov 2026 10:00:00 GMT",
		LastPolled: T0.Add(-time.Minute), LastError: "fetch: http status 503", Failures: 3,
		BackoffUntil: T0.Add(4 * time.Minute),
	}
	if err := s.SaveFeedStatus(ctx, st); err != nil {
		t.Fatal(err)
	}
	if reopen != nil {
		s = reopen()
	}
	if got, err = s.FeedStatus(ctx, u); err != nil || got != st {
		t.Errorf("after save: got %+v, %v; want %+v", got, err, st)
	}
	// A later success replaces the status.
	ok := dyad.FeedStatus{URL: u, ETag: `"def"`, LastPolled: T0}
	if err := s.SaveFeedStatus(ctx, ok); err != nil {
		t.Fatal(err)
	}
	if got, err = s.FeedStatus(ctx, u); err != nil || got != ok {
		t.Errorf("after a success: got %+v, %v; want %+v", got, err, ok)
	}
	if other, err := s.FeedStatus(ctx, u+"?other"); err != nil || other.ETag != "" {
		t.Errorf("another feed: got %+v, %v; want nothing stored", other, err)
	}
	if err := s.SaveFeedStatus(ctx, dyad.FeedStatus{}); dyad.ErrorCode(err) != dyad.EINVALID {
		t.Errorf("status without URL: got %v, want EINVALID", err)
	}
}

func testFeedItems(t *testing.T, s IngestStore, reopen func() IngestStore) {
	ctx := context.Background()
	const a, b = "https://a.example/rss", "https://b.example/atom"
	keys := []string{"k1", "k2", "https://a.example/story?id=3", "k4"}
	got, err := s.UnseenFeedItems(ctx, a, keys)
	if err != nil || !slices.Equal(got, keys) {
		t.Fatalf("nothing seen yet: got %q, %v; want %q", got, err, keys)
	}
	if err := s.MarkFeedItemsSeen(ctx, a, []string{"k2", "https://a.example/story?id=3"}); err != nil {
		t.Fatal(err)
	}
	// Marking again is harmless.
	if err := s.MarkFeedItemsSeen(ctx, a, []string{"k2"}); err != nil {
		t.Fatal(err)
	}
	if reopen != nil {
		s = reopen()
	}
	if got, err = s.UnseenFeedItems(ctx, a, keys); err != nil || !slices.Equal(got, []string{"k1", "k4"}) {
		t.Errorf("after marking: got %q, %v; want [k1 k4]", got, err)
	}
	// Keys are per feed.
	if got, err = s.UnseenFeedItems(ctx, b, keys); err != nil || !slices.Equal(got, keys) {
		t.Errorf("other feed: got %q, %v; want all unseen", got, err)
	}
	// More keys than one query's list holds.
	many := make([]string, 1200)
	for i := range many {
		many[i] = fmt.Sprintf("item-%04d", i)
	}
	if err := s.MarkFeedItemsSeen(ctx, b, many[:1100]); err != nil {
		t.Fatal(err)
	}
	if got, err = s.UnseenFeedItems(ctx, b, many); err != nil || !slices.Equal(got, many[1100:]) {
		t.Errorf("1200 keys, 1100 seen: got %d unseen, %v; want the last 100", len(got), err)
	}
}

func testFingerprints(t *testing.T, s IngestStore, reopen func() IngestStore) {
	ctx := context.Background()
	for _, id := range []string{"orig", "copy", "other", "old"} {
		mustSave(t, s, Article(id, "outlet.example"))
	}
	const h = 0x0123456789abcdef
	fps := []dyad.Fingerprint{
		{ArticleID: "orig", Outlet: "a.example", URLKey: "a.example/story", ContentHash: "c1", SimHash: h, Day: "2026-11-20"},
		// 8 bits apart, spread over the hash, two days later.
		{ArticleID: "copy", Outlet: "b.example", URLKey: "b.example/x", ContentHash: "c2", SimHash: h ^ 0x8040201008040201, Day: "2026-11-22", DuplicateOf: "orig"},
		{ArticleID: "other", Outlet: "c.example", ContentHash: "c3", SimHash: ^uint64(h), Day: "2026-11-20"},
		// Identical hash, but two months earlier.
		{ArticleID: "old", Outlet: "a.example", URLKey: "a.example/old", ContentHash: "c4", SimHash: h, Day: "2026-09-20"},
	}
	for _, fp := range fps {
		if err := s.SaveFingerprint(ctx, fp); err != nil {
			t.Fatal(err)
		}
	}
	// Saving again replaces.
	if err := s.SaveFingerprint(ctx, fps[0]); err != nil {
		t.Fatal(err)
	}
	if reopen != nil {
		s = reopen()
	}
	ids := func(fs []dyad.Fingerprint) []string {
		var out []string
		for _, f := range fs {
			out = append(out, f.ArticleID)
		}
		return out
	}
	for _, tt := range []struct {
		name    string
		q       dyad.Fingerprint
		maxDist int
		days    int
		want    []string
	}{
		{"URLKey", dyad.Fingerprint{URLKey: "a.example/story", ContentHash: "new", SimHash: ^uint64(0), Day: "2026-11-20"}, 8, 7, []string{"orig"}},
		{"ContentHash", dyad.Fingerprint{ContentHash: "c4", SimHash: 0, Day: "2026-11-20"}, 8, 7, []string{"old"}},
		{"Near", dyad.Fingerprint{ContentHash: "new", SimHash: h ^ 1, Day: "2026-11-21"}, 8, 7, []string{"copy", "orig"}},
		{"NearTighter", dyad.Fingerprint{ContentHash: "new", SimHash: h ^ 1, Day: "2026-11-21"}, 3, 7, []string{"orig"}},
		{"NearWindow", dyad.Fingerprint{ContentHash: "new", SimHash: h, Day: "2026-11-18"}, 8, 3, []string{"orig"}},
		{"NearAnyDay", dyad.Fingerprint{ContentHash: "new", SimHash: h, Day: "2026-10-20"}, 8, 31, []string{"old", "orig"}},
		{"None", dyad.Fingerprint{URLKey: "z.example/none", ContentHash: "new", SimHash: h ^ 0xffff00000000ffff, Day: "2026-11-20"}, 8, 7, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.FindCopies(ctx, tt.q, tt.maxDist, tt.days)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ids(got), tt.want) {
				t.Errorf("got %q, want %q", ids(got), tt.want)
			}
		})
	}
	got, err := s.FindCopies(ctx, dyad.Fingerprint{ContentHash: "c2", Day: "2026-11-22"}, 0, 0)
	if err != nil || len(got) != 1 || got[0] != fps[1] {
		t.Errorf("fields: got %+v, %v; want %+v", got, err, fps[1])
	}
}

func testFingerprintErrors(t *testing.T, s IngestStore) {
	ctx := context.Background()
	mustSave(t, s, Article("a1", "outlet.example"))
	for _, tt := range []struct {
		name string
		fp   dyad.Fingerprint
		code string
	}{
		{"ErrNoID", dyad.Fingerprint{ContentHash: "c", Day: "2026-11-20"}, dyad.EINVALID},
		{"ErrBadDay", dyad.Fingerprint{ArticleID: "a1", ContentHash: "c", Day: "20 Nov"}, dyad.EINVALID},
		{"ErrNoArticle", dyad.Fingerprint{ArticleID: "missing", ContentHash: "c", Day: "2026-11-20"}, dyad.ENOTFOUND},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if err := s.SaveFingerprint(ctx, tt.fp); dyad.ErrorCode(err) != tt.code {
				t.Errorf("got %v, want %s", err, tt.code)
			}
		})
	}
	t.Run("ErrFind", func(t *testing.T) {
		if _, err := s.FindCopies(ctx, dyad.Fingerprint{Day: "2026-11-20"}, dyad.MaxNearDistance+1, 1); dyad.ErrorCode(err) != dyad.EINVALID {
			t.Errorf("distance too large: got %v, want EINVALID", err)
		}
		if _, err := s.FindCopies(ctx, dyad.Fingerprint{Day: ""}, 3, 1); dyad.ErrorCode(err) != dyad.EINVALID {
			t.Errorf("no day: got %v, want EINVALID", err)
		}
	})
}

// BenchFindCopies stores n articles with fingerprints spread over a year
// (random SimHashes, 9 a day sharing a story with another), then measures
// FindCopies: one look-up per op, as ingesting an article makes.
func BenchFindCopies(b *testing.B, s IngestStore, n int) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(1, 2))
	day0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	fps := make([]dyad.Fingerprint, n)
	for i := range fps {
		id := fmt.Sprintf("a%07d", i)
		a := Article(id, "outlet.example")
		a.Text = ""
		if _, err := s.SaveArticle(ctx, a, nil, nil); err != nil {
			b.Fatal(err)
		}
		fps[i] = dyad.Fingerprint{
			ArticleID: id, Outlet: "outlet.example", URLKey: "outlet.example/" + id,
			ContentHash: fmt.Sprintf("%064x", rng.Uint64()), SimHash: rng.Uint64(),
			Day: day0.AddDate(0, 0, rng.IntN(365)).Format(time.DateOnly),
		}
		if err := s.SaveFingerprint(ctx, fps[i]); err != nil {
			b.Fatal(err)
		}
	}
	found := 0
	b.ResetTimer()
	for b.Loop() {
		q := fps[rng.IntN(n)]
		q.ArticleID, q.URLKey, q.ContentHash = "", "new.example/x", "new"
		for range 3 { // an edited copy
			q.SimHash ^= 1 << rng.IntN(64)
		}
		got, err := s.FindCopies(ctx, q, dyad.MaxNearDistance, 7)
		if err != nil {
			b.Fatal(err)
		}
		found += len(got)
	}
	b.ReportMetric(float64(found)/float64(b.N), "found/op")
}
