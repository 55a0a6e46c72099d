package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// prunedTags are elements removed from the body before extraction: they
// never hold story text, and every later pass over the tree is cheaper
// without them.
var prunedTags = map[string]bool{
	"nav": true, "button": true, "select": true,
	"input": true, "textarea": true, "iframe": true, "noscript": true, "svg": true,
	"canvas": true, "video": true, "audio": true, "map": true, "object": true, "embed": true,
	"template": true, "dialog": true, "menu": true,
}

// boilerplateMarks are class or id words that mark a block as
// boilerplate when they are the whole word or a hyphen/underscore part
// of it.
var boilerplateMarks = map[string]bool{
	"comment": true, "comments": true, "respond": true, "share": true, "sharing": true, "social": true,
	"newsletter": true, "cookie": true, "consent": true, "breadcrumb": true, "breadcrumbs": true,
	"outbrain": true, "taboola": true, "disqus": true,
}

// prune removes boilerplate elements from the document's body in place.
func prune(doc *html.Node) {
	var walk func(n *html.Node, inBody bool)
	walk = func(n *html.Node, inBody bool) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode {
				body := inBody || c.Data == "body"
				if inBody && (prunedTags[c.Data] || markedBoilerplate(c)) {
					n.RemoveChild(c)
				} else {
					if inBody {
						c.Attr = trimAttrs(c.Attr)
					}
					walk(c, body)
				}
			}
			c = next
		}
	}
	walk(doc, false)
}

// markedBoilerplate reports whether n's class or id names it boilerplate,
// or it is hidden.
func markedBoilerplate(n *html.Node) bool {
	switch n.Data {
	case "article", "main", "body", "html":
		return false
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "class", "id":
			for _, f := range strings.FieldsFunc(strings.ToLower(a.Val), func(r rune) bool {
				return r == ' ' || r == '-' || r == '_' || r == '\t' || r == '\n'
			}) {
				if boilerplateMarks[f] {
					return true
				}
			}
		}
	}
	return false
}

// trimAttrs drops attributes no extraction rule reads (data-*, on*,
// srcset and the like) so that the tree is cheaper to copy and search.
func trimAttrs(attrs []html.Attribute) []html.Attribute {
	out := attrs[:0]
	for _, a := range attrs {
		k := a.Key
		if strings.HasPrefix(k, "data-") || strings.HasPrefix(k, "on") || k == "srcset" || k == "sizes" ||
			(strings.HasPrefix(k, "aria-") && k != "aria-hidden") {
			continue
		}
		out = append(out, a)
	}
	return out
}

// linkStats are the text and link-text lengths of a subtree.
type linkStats struct {
	text, linkText, links int
	keep                  bool // holds an article, main or h1: never pruned
}

// pruneLinkBlocks removes lists and blocks that are almost all links
// (menus, tag clouds, "more stories" lists) from the body.
func pruneLinkBlocks(n *html.Node, inLink bool) linkStats {
	var st linkStats
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch c.Type {
		case html.TextNode:
			l := len(strings.TrimSpace(c.Data))
			st.text += l
			if inLink {
				st.linkText += l
			}
		case html.ElementNode:
			isLink := c.Data == "a"
			cs := pruneLinkBlocks(c, inLink || isLink)
			if isLink {
				cs.links++
			}
			switch c.Data {
			case "article", "main", "h1":
				cs.keep = true
			}
			switch c.Data {
			case "ul", "ol", "div", "section", "table", "aside", "header":
				if !cs.keep && cs.links >= 5 && cs.linkText*10 >= cs.text*9 {
					n.RemoveChild(c)
					c = next
					continue
				}
			}
			st.text += cs.text
			st.linkText += cs.linkText
			st.links += cs.links
			st.keep = st.keep || cs.keep
		}
		c = next
	}
	return st
}

// focusArticle narrows the body to the page's one <article> element when
// there is exactly one and it holds most of the body's text: the rest of
// the page is navigation and teasers, and trafilatura's passes over the
// tree get much cheaper. It reports whether it narrowed.
func focusArticle(doc *html.Node) bool {
	var body *html.Node
	var articles []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.Data {
			case "body":
				body = c
			case "article":
				articles = append(articles, c)
				continue // nested articles are parts of this one
			}
			walk(c)
		}
	}
	walk(doc)
	if body == nil || len(articles) != 1 {
		return false
	}
	a := articles[0]
	at, bt := textLen(a), textLen(body)
	if at < 500 || at*2 < bt {
		return false
	}
	a.Parent.RemoveChild(a)
	for c := body.FirstChild; c != nil; {
		next := c.NextSibling
		body.RemoveChild(c)
		c = next
	}
	body.AppendChild(a)
	return true
}

// textLen is the length of the text under n, white space excluded.
func textLen(n *html.Node) int {
	if n.Type == html.TextNode {
		return len(strings.TrimSpace(n.Data))
	}
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		total += textLen(c)
	}
	return total
}
