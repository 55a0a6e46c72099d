package dedup_test

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/acquire/dedup"
)

const story = `Pakistan's army said on Tuesday that its forces had killed twelve militants in a raid near the Afghan border, the latest in a series of operations in the region. The military's media wing said the raid took place in North Waziristan after intelligence reports of a planned attack. Two soldiers were wounded. Local officials said residents had been told to stay indoors while the operation continued. The government has vowed to press on with the campaign despite criticism from rights groups.`

func TestIndex(t *testing.T) {
	edited := strings.Replace(story, "Two soldiers were wounded.", "Two soldiers were injured, officials added.", 1)
	other := `Flooding in eastern India has forced thousands of families from their homes, disaster officials said, as rivers burst their banks after days of heavy monsoon rain. Relief camps have been set up in schools and the army has been called in to help with rescues in the worst-hit districts.`
	ix := dedup.NewIndex(0)
	tests := []struct {
		name, id, text string
		urls           []string
		wantID, kind   string
	}{
		{"First", "a", story, []string{"https://www.example.com/news/raid?utm_source=x"}, "", ""},
		{"SameURL", "b", other, []string{"http://example.com/news/raid/#top"}, "a", "url"},
		{"SameContent", "c", strings.ToUpper(story), []string{"https://mirror.example.net/raid"}, "a", "content"},
		{"NearDuplicate", "d", edited, []string{"https://syndicator.example.org/raid"}, "a", "near"},
		{"New", "e", "The central bank left interest rates unchanged on Thursday and said inflation was likely to ease over the coming months as energy prices fall.", []string{"https://example.org/rates"}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := ix.Add(tt.id, tt.text, tt.urls...)
			if m.ID != tt.wantID || m.Kind != tt.kind {
				t.Errorf("Add = %+v, want ID %q kind %q", m, tt.wantID, tt.kind)
			}
		})
	}
	if ix.Len() != len(tests) {
		t.Errorf("Len = %d", ix.Len())
	}
}

func TestSimHash(t *testing.T) {
	edited := strings.Replace(story, "twelve", "12", 1)
	if d := dedup.Distance(dedup.SimHash(story), dedup.SimHash(edited)); d > 6 {
		t.Errorf("distance after a one-word edit = %d, want small", d)
	}
	if d := dedup.Distance(dedup.SimHash(story), dedup.SimHash("An entirely different text about football results and the weather on the coast this weekend.")); d < 10 {
		t.Errorf("distance between unrelated texts = %d, want large", d)
	}
	if fp := dedup.Fingerprint(story); len(fp) != 16 {
		t.Errorf("Fingerprint = %q, want 16 hex digits", fp)
	}
	if dedup.ContentHash("Hello,  world!") != dedup.ContentHash("hello world") {
		t.Error("ContentHash depends on case or punctuation")
	}
}

func TestNormalizeURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"HTTPS://WWW.Example.COM:443/a/b/?utm_source=x&b=2&a=1#frag", "https://example.com/a/b?a=1&b=2"},
		{"http://example.com:80/", "http://example.com/"},
		{"http://example.com:8080/x?fbclid=1", "http://example.com:8080/x"},
		{"not a url", "not a url"},
	}
	for _, tt := range tests {
		if got := dedup.NormalizeURL(tt.in); got != tt.want {
			t.Errorf("NormalizeURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
