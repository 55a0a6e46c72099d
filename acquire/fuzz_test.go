package acquire_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/acquire"
)

// FuzzParseFeed feeds arbitrary bytes to the feed path: it must never
// panic or keep more items than asked.
func FuzzParseFeed(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>a</title><link>http://x/a</link><guid>1</guid></item></channel></rss>`), 1)
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>1</id><title>a</title><link href="http://x/a"/></entry><entry><id>2</id></entry></feed>`), 1)
	f.Add([]byte(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item><title>a</title><link>http://x/a</link></item></rdf:RDF>`), 3)
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"1","url":"http://x/a","content_html":"<p>x</p>"}]}`), 2)
	f.Add([]byte(`<rss><channel><item><title>x</ti`), 1)
	f.Add([]byte(`<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><rss><channel><title>&b;</title></channel></rss>`), 1)
	f.Fuzz(func(t *testing.T, raw []byte, max int) {
		max = max%50 + 1
		if max < 1 {
			max = 1
		}
		feed, err := acquire.ParseFeed(bytes.NewReader(raw), max)
		if err != nil {
			return
		}
		if len(feed.Items) > max {
			t.Fatalf("%d items kept, limit %d", len(feed.Items), max)
		}
	})
}

// FuzzRobots checks that any robots.txt parses and answers.
func FuzzRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /private\nAllow: /private/ok$\nCrawl-delay: 2\n"), "/private/x")
	f.Add([]byte("User-agent: dyad\nDisallow: /*.pdf$\n"), "/a.pdf")
	f.Fuzz(func(t *testing.T, body []byte, path string) {
		r := acquire.ParseRobots(body, "dyad")
		r.Allowed(path)
		if r.CrawlDelay() < 0 {
			t.Fatal("negative crawl delay")
		}
	})
}

func TestParseFeedCharset(t *testing.T) {
	tests := []struct{ name, raw, want string }{
		{"Declared1252", "<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss version=\"2.0\"><channel><title>T</title><item><title>R\xe9publique \x93x\x94</title><guid>1</guid></item></channel></rss>", "République “x”"},
		{"Undeclared1252", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title>R\xe9publique</title><guid>1</guid></item></channel></rss>", "République"},
		{"BrokenUTF8", "<rss version=\"2.0\"><channel><title>T</title><item><title>café \xff</title><guid>1</guid></item></channel></rss>", "café \uFFFD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			feed, err := acquire.ParseFeed(bytes.NewReader([]byte(tt.raw)), 0)
			if err != nil {
				t.Fatal(err)
			}
			if len(feed.Items) != 1 || feed.Items[0].Title != tt.want {
				t.Errorf("items %+v, want one titled %q", feed.Items, tt.want)
			}
		})
	}
}

// FuzzReadFeedList checks that any --feeds file either fails with a
// message or yields distinct http(s) URLs.
func FuzzReadFeedList(f *testing.F) {
	f.Add([]byte("# feeds\nhttps://a.example/rss\n\nhttp://b.example/atom.xml\n"))
	f.Add([]byte("https://a.example/rss\r\nhttps://a.example/rss\r\nnot a url\n"))
	f.Add([]byte("\xff\xfe h\x00ttps://x\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		feeds, err := acquire.ReadFeedList(bytes.NewReader(raw))
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, u := range feeds {
			l := strings.ToLower(u)
			if !strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "https://") || seen[u] || strings.TrimSpace(u) != u {
				t.Fatalf("feed %q in %q", u, feeds)
			}
			seen[u] = true
		}
	})
}
