package acquire

import (
	"bufio"
	"bytes"
	"strconv"
	"strings"
	"time"
)

// Robots is a parsed robots.txt, reduced to the group that applies to one
// user agent.
type Robots struct {
	rules      []robotsRule
	crawlDelay time.Duration
}

type robotsRule struct {
	allow   bool
	pattern string
}

// ParseRobots parses a robots.txt body (RFC 9309) and keeps the rules of
// the group that best matches agent (the product token of a User-Agent,
// e.g. "dyad"), or of the "*" group when none names it. Unknown lines are
// ignored; a nil or empty body allows everything.
func ParseRobots(body []byte, agent string) *Robots {
	agent = strings.ToLower(agent)
	type group struct {
		agents []string
		rules  []robotsRule
		delay  time.Duration
	}
	var groups []*group
	var cur *group
	inAgents := false
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 0, 4096), 64*1024)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		val = strings.TrimSpace(val)
		switch key {
		case "user-agent":
			if !inAgents || cur == nil {
				cur = &group{}
				groups = append(groups, cur)
			}
			cur.agents = append(cur.agents, strings.ToLower(val))
			inAgents = true
		case "allow", "disallow":
			inAgents = false
			if cur == nil {
				continue
			}
			if val == "" { // "Disallow:" with nothing allows all
				continue
			}
			cur.rules = append(cur.rules, robotsRule{allow: key == "allow", pattern: val})
		case "crawl-delay":
			inAgents = false
			if cur == nil {
				continue
			}
			if f, err := strconv.ParseFloat(val, 64); err == nil && f > 0 && f < 3600 {
				cur.delay = time.Duration(f * float64(time.Second))
			}
		default:
			inAgents = false
		}
	}
	r := &Robots{}
	var star, named *group
	bestLen := 0
	for _, g := range groups {
		for _, a := range g.agents {
			switch {
			case a == "*":
				if star == nil {
					star = g
				}
			case agent != "" && strings.Contains(agent, a) && len(a) > bestLen:
				named, bestLen = g, len(a)
			}
		}
	}
	if named == nil {
		named = star
	}
	if named != nil {
		r.rules, r.crawlDelay = named.rules, named.delay
	}
	return r
}

// Allowed reports whether path (with its query) may be fetched: the
// longest matching rule wins, and Allow wins a tie.
func (r *Robots) Allowed(path string) bool {
	if r == nil {
		return true
	}
	if path == "" {
		path = "/"
	}
	best, allowed := -1, true
	for _, rule := range r.rules {
		if robotsMatch(rule.pattern, path) {
			n := len(rule.pattern)
			if n > best || (n == best && rule.allow) {
				best, allowed = n, rule.allow
			}
		}
	}
	return allowed
}

// CrawlDelay returns the group's Crawl-delay, or 0.
func (r *Robots) CrawlDelay() time.Duration {
	if r == nil {
		return 0
	}
	return r.crawlDelay
}

// robotsMatch matches a robots.txt path pattern, with * for any run of
// characters and a final $ anchoring the end, against path.
func robotsMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	pattern = strings.TrimSuffix(pattern, "$")
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	pos := len(parts[0])
	for i := 1; i < len(parts); i++ {
		if i == len(parts)-1 && anchored {
			return strings.HasSuffix(path[pos:], parts[i])
		}
		j := strings.Index(path[pos:], parts[i])
		if j < 0 {
			return false
		}
		pos += j + len(parts[i])
	}
	if anchored && len(parts) == 1 {
		return pos == len(path)
	}
	return true
}
