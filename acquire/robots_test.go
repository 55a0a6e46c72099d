package acquire_test

import (
	"testing"
	"time"

	"github.com/dyad-events/dyad/acquire"
)

func TestRobots(t *testing.T) {
	const body = `# example
User-agent: *
Disallow: /private
Allow: /private/public
Disallow: /*.pdf$
Crawl-delay: 3

User-agent: dyad
User-agent: other
Disallow: /no-dyad

User-agent: badbot
Disallow: /
`
	tests := []struct {
		agent, path string
		want        bool
	}{
		{"somebot", "/", true},
		{"somebot", "/private/x", false},
		{"somebot", "/private/public/x", true},
		{"somebot", "/files/a.pdf", false},
		{"somebot", "/files/a.pdf?x=1", true},
		{"dyad", "/private/x", true},
		{"dyad", "/no-dyad/x", false},
		{"badbot", "/anything", false},
	}
	for _, tt := range tests {
		t.Run(tt.agent+tt.path, func(t *testing.T) {
			if got := acquire.ParseRobots([]byte(body), tt.agent).Allowed(tt.path); got != tt.want {
				t.Errorf("Allowed(%q) for %s = %v, want %v", tt.path, tt.agent, got, tt.want)
			}
		})
	}
	if d := acquire.ParseRobots([]byte(body), "somebot").CrawlDelay(); d != 3*time.Second {
		t.Errorf("CrawlDelay = %v, want 3s", d)
	}
	if !acquire.ParseRobots(nil, "dyad").Allowed("/x") {
		t.Error("empty robots.txt disallows")
	}
}
