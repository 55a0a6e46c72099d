package acquire_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/dyad-events/dyad/acquire"
)

func ExampleParseFeed() {
	rss := `<?xml version="1.0"?><rss version="2.0"><channel><title>World news</title>
<item><title>Talks resume</title><link>https://news.example.com/talks</link><guid>talks-1</guid><pubDate>Mon, 04 Mar 2024 09:00:00 GMT</pubDate></item>
<item><title>Ceasefire holds</title><link>https://news.example.com/ceasefire</link><guid>cf-2</guid></item>
</channel></rss>`
	feed, err := acquire.ParseFeed(strings.NewReader(rss), 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, it := range feed.Items {
		fmt.Println(it.Key, it.URL, it.Published.Format("2006-01-02"))
	}
	// Output:
	// talks-1 https://news.example.com/talks 2024-03-04
	// cf-2 https://news.example.com/ceasefire 0001-01-01
}

func ExampleInputs_Items() {
	// Without a Fetcher, Inputs reads only local inputs; here a .jsonl
	// stream on stdin.
	stdin := strings.NewReader(`{"url":"https://example.com/a","title":"A","text":"Rebels attacked a convoy near the border.","published":"2024-03"}
{"title":"no text, no url"}
`)
	in := &acquire.Inputs{}
	for it := range in.Items(context.Background(), []string{"-"}, stdin) {
		if it.Err != nil {
			fmt.Println(it.Source, "error:", it.Err)
			continue
		}
		fmt.Println(it.Source, it.Article.Title, it.Article.Published.Format("2006-01"), it.Article.PublishedPrecision)
	}
	// Output:
	// stdin:1 A 2024-03 month
	// stdin:2 error: record has neither text nor url
}
