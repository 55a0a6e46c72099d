package extract_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/dyad-events/dyad/extract"
)

func ExampleExtractor_Extract() {
	page := `<html lang="en"><head><title>Talks resume | Example News</title>
<meta property="og:site_name" content="Example News"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Talks resume</h1>
<p>Negotiators from both governments met again in Geneva on Monday, officials said, after a pause of three months.</p>
<p>The talks are expected to last the whole week and to cover prisoner exchanges and the reopening of border crossings.</p>
<p>Originally published on example.org.</p></article>
<div id="comments"><h3>Leave a Reply</h3><p>Your email address will not be published.</p></div>
</body></html>`
	x := extract.New(extract.Options{})
	res, err := x.Extract(context.Background(), strings.NewReader(page), "https://news.example.com/talks", "text/html; charset=utf-8")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Article.Title)
	fmt.Println(res.Article.Outlet, res.Article.Language)
	fmt.Println("syndicated from:", res.SyndicatedFrom)
	fmt.Println(res.Article.Text)
	// Output:
	// Talks resume
	// Example News en
	// syndicated from: example.org
	// Talks resume
	// Negotiators from both governments met again in Geneva on Monday, officials said, after a pause of three months.
	// The talks are expected to last the whole week and to cover prisoner exchanges and the reopening of border crossings.
}
