package e2e_test

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/dyad-events/dyad"
)

// demoToken is the write token the demo of TestDashboardSamples runs with.
const demoToken = "e2e-wr1te-token"

// lockedBuffer is a bytes.Buffer safe for a process's output and a test.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startDemo builds dyad and runs "dyad demo" on a free port with the write
// token demoToken: the bundled sample articles are ingested through dyad's
// pipeline into a fresh SQLite store, then served. It returns the
// dashboard's address.
func startDemo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	bin := filepath.Join(dir, "dyad")
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command to build dyad with: %v", err)
	}
	build := exec.Command(gobin, "build", "-o", bin, "github.com/dyad-events/dyad/cmd/dyad")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build dyad: %v\n%s", err, out)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, "demo", "--db", filepath.Join(dir, "demo.db"), "--addr", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), "DYAD_WRITE_TOKEN="+demoToken)
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 10 * time.Second
	stderr := &lockedBuffer{}
	cmd.Stderr = stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		if err := cmd.Wait(); err != nil && ctx.Err() == nil {
			t.Errorf("dyad demo: %v\n%s", err, stderr)
		}
	})
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			t.Logf("dyad demo: %s", sc.Text())
			if _, rest, ok := strings.Cut(sc.Text(), "dashboard at "); ok {
				found <- strings.Fields(rest)[0]
			}
		}
	}()
	select {
	case addr := <-found:
		return strings.TrimSuffix(addr, "/")
	case <-time.After(3 * time.Minute):
		t.Fatalf("dyad demo printed no address in 3 minutes:\n%s", stderr)
	}
	return ""
}

// apiArticle is the part of GET /api/v1/articles/{id} the test checks.
type apiArticle struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Sentences []struct {
		Text   string `json:"text"`
		Events []struct {
			ID string `json:"id"`
		} `json:"events"`
	} `json:"sentences"`
}

func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: status %d", url, resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
}

// TestDashboardSamples runs dyad demo over the bundled sample articles
// and uses the dashboard as an analyst would: it filters to the
// Pakistan–Afghanistan dyad and checks that the map, the series and the
// table follow, opens an event and its highlighted evidence, goes on to
// the article page with the coded sentences marked and back to the event,
// and codes a pasted paragraph in the "code this text" box, first without
// the write token and then with it. It looks at the article page and the
// box on a phone's width too.
func TestDashboardSamples(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	chromium(t)
	base := startDemo(t)
	dir := artifacts(t)
	ctx := browser(t, 1366, 900)

	run(t, ctx, "open the dashboard", chromedp.Navigate(base+"/"))
	loads := waitLoaded(t, ctx, 0)
	all := eval[view](t, ctx, readView)
	if all.Status != "" || len(all.Rows) == 0 || all.Markers == 0 || all.Shaded == 0 {
		t.Fatalf("overview: status %q, %d rows, %d markers, %d countries shaded; want events everywhere", all.Status, len(all.Rows), all.Markers, all.Shaded)
	}

	// The dyad of four of the samples, typed into the filter bar.
	run(t, ctx, "type the dyad", chromedp.Steps(
		chromedp.SendKeys(chromedp.ID("f-a"), "PAK"),
		chromedp.SendKeys(chromedp.ID("f-b"), "afg"),
		chromedp.Click(chromedp.CSS(`#filters button[type="submit"]`)),
	))
	waitLoaded(t, ctx, loads)
	dv := eval[view](t, ctx, readView)
	if dv.Status != "" || !strings.Contains(dv.URL, "a=PAK") || !strings.Contains(dv.URL, "b=AFG") {
		t.Fatalf("dyad: URL %q, status %q", dv.URL, dv.Status)
	}
	if len(dv.Rows) == 0 || len(dv.Rows) >= len(all.Rows) && all.Placed > len(dv.Rows) {
		t.Errorf("dyad: %d table rows, want fewer than the overview's %d", len(dv.Rows), len(all.Rows))
	}
	for _, r := range dv.Rows {
		if !(strings.HasPrefix(r, "PAK") && strings.Contains(r, " AFG") || strings.HasPrefix(r, "AFG") && strings.Contains(r, " PAK")) {
			t.Errorf("dyad: table row %q is not a PAK–AFG event", r)
		}
	}
	if dv.Placed == 0 || dv.Placed >= all.Placed {
		t.Errorf("dyad: %d events on the map, want some, fewer than the overview's %d", dv.Placed, all.Placed)
	}
	// Talks between the two take place in Doha and Istanbul too: the
	// markers are in the countries where the dyad's events happened.
	var dyadPage dyad.EventPage
	getJSON(t, base+"/api/v1/events?dyad=PAK,AFG&limit=250", &dyadPage)
	where := map[string]bool{}
	for _, e := range dyadPage.Events {
		if e.Location != nil {
			where[e.Location.Country] = true
		}
	}
	for _, p := range dv.Places {
		if !where[p] {
			t.Errorf("dyad: a marker in %q, where none of the dyad's events is (%v)", p, where)
		}
	}
	if len(dv.Places) == 0 || dv.Placed != len(dyadPage.Events) {
		t.Errorf("dyad: %d events in markers in %q, want the dyad's %d events", dv.Placed, dv.Places, len(dyadPage.Events))
	}
	if dv.Bars == 0 || !dv.Line {
		t.Errorf("dyad: series has %d bars and Goldstein line %v, want both", dv.Bars, dv.Line)
	}
	screenshot(t, ctx, dir, "samples-1-dyad.png")

	// The first event of the table, opened with the keyboard.
	eval[bool](t, ctx, `(document.querySelector("#table tbody a[data-event]").focus(), true)`)
	run(t, ctx, "open the event", chromedp.KeyEvent("\r"))
	waitFor(t, ctx, "the evidence", `document.getElementById("event").open && !!document.querySelector("#event .sentence mark.verb")`)
	id := eval[string](t, ctx, `new URLSearchParams(location.search).get("event")`)
	detail := apiEvent(t, base, id)
	verb := eval[string](t, ctx, `document.querySelector("#event .mention .sentence mark.verb").firstChild.textContent`)
	if verb != detail.Mentions[0].Evidence.VerbText {
		t.Errorf("event %s: verb marked %q, want %q", id, verb, detail.Mentions[0].Evidence.VerbText)
	}
	screenshot(t, ctx, dir, "samples-2-event.png")

	// On to the article of the first mention, with the keyboard.
	articleID := detail.Mentions[0].ArticleID
	eval[bool](t, ctx, `(document.querySelector("#event .mention a.to-article").focus(), true)`)
	run(t, ctx, "open the article page", chromedp.KeyEvent("\r"))
	waitFor(t, ctx, "the article page", `document.getElementById("article-view").dataset.loaded === `+jsString(articleID)+
		` && !document.getElementById("event").open && document.getElementById("dashboard").hidden`)
	var art apiArticle
	getJSON(t, base+"/api/v1/articles/"+articleID, &art)
	type page struct {
		URL    string   `json:"url"`
		Title  string   `json:"title"`
		Marks  []string `json:"marks"`
		Links  []string `json:"links"`
		Active string   `json:"active"`
	}
	const readArticle = `({
	  url: location.pathname + location.search,
	  title: document.getElementById("article-title").textContent,
	  marks: [...document.querySelectorAll("#article-body mark.coded")].map((m) => m.textContent.replace(/\s+/g, " ")),
	  links: [...document.querySelectorAll("#article-body a[data-event]")].map((a) => a.dataset.event),
	  active: document.activeElement.id,
	})`
	pg := eval[page](t, ctx, readArticle)
	coded, events := 0, 0
	for _, s := range art.Sentences {
		if len(s.Events) > 0 {
			coded++
			events += len(s.Events)
		}
	}
	if !strings.Contains(pg.URL, "article="+articleID) || !strings.Contains(pg.URL, "a=PAK") || strings.Contains(pg.URL, "event=") {
		t.Errorf("article page URL %q, want the article and the filters, without the event", pg.URL)
	}
	if want := cmp.Or(art.Title, "Untitled article"); pg.Title != want || pg.Active != "article-title" {
		t.Errorf("article page: title %q, focus on %q; want %q, focused", pg.Title, pg.Active, want)
	}
	if len(pg.Marks) != coded || len(pg.Links) != events || coded == 0 {
		t.Errorf("article page: %d marked sentences with %d event links, want %d with %d", len(pg.Marks), len(pg.Links), coded, events)
	}
	sentence := strings.Join(strings.Fields(detail.Mentions[0].Sentence.Text), " ")
	marked := false
	for _, m := range pg.Marks {
		marked = marked || strings.TrimSpace(m) == sentence
	}
	if !marked {
		t.Errorf("article page: the event's sentence %q is not among the marked ones %q", sentence, pg.Marks)
	}
	screenshot(t, ctx, dir, "samples-3-article.png")

	// The article's link to the event opens it over the article.
	run(t, ctx, "follow the link to the event", chromedp.Click(chromedp.CSS(`#article-body a[data-event="`+id+`"]`)))
	waitFor(t, ctx, "the event over the article", `document.getElementById("event").open && location.search.includes("event=`+id+`") && !!document.querySelector("#event .sentence mark.verb")`)
	run(t, ctx, "close the event", chromedp.KeyEvent("\x1b"))
	waitFor(t, ctx, "the article again", `!document.getElementById("event").open && location.search.includes("article=") && !document.getElementById("article-view").hidden`)
	run(t, ctx, "go back to the events", chromedp.Click(chromedp.ID("article-back")))
	waitFor(t, ctx, "the dashboard again", `!document.getElementById("dashboard").hidden && document.getElementById("article-view").hidden && !location.search.includes("article=")`)
	if v := eval[view](t, ctx, readView); !strings.Contains(v.URL, "a=PAK") || len(v.Rows) != len(dv.Rows) {
		t.Errorf("back on the dashboard: URL %q, %d rows; want the dyad's %d", v.URL, len(v.Rows), len(dv.Rows))
	}

	// The code box: first without the write token, then with it.
	const para = "ISLAMABAD, Oct 19 (Reuters) - Pakistan accused Afghanistan on Sunday of harbouring militants who attacked border posts. Pakistani troops clashed with Afghan forces near the Chaman crossing, officials said."
	run(t, ctx, "paste a paragraph", chromedp.Steps(
		chromedp.Click(chromedp.ID("to-code")),
		chromedp.SendKeys(chromedp.ID("code-text"), para),
		chromedp.SetValue(chromedp.ID("code-date"), "2025-10-20"),
		chromedp.Click(chromedp.CSS(`#code-form button[type="submit"]`)),
	))
	waitFor(t, ctx, "the refusal", `document.getElementById("code-result").dataset.done === "1"`)
	if msg := eval[string](t, ctx, `document.querySelector("#code-result .error").textContent`); !strings.Contains(msg, "bearer token") || !strings.Contains(msg, "write token") {
		t.Errorf("without the token: %q, want a request for the write token", msg)
	}
	if got := eval[string](t, ctx, `document.activeElement.id`); got != "code-token" {
		t.Errorf("without the token: focus on %q, want the token field", got)
	}
	run(t, ctx, "give the token", chromedp.SendKeys(chromedp.ID("code-token"), demoToken+"\r"))
	waitFor(t, ctx, "the coded text", `document.getElementById("code-result").dataset.done === "2"`)
	type result struct {
		Summary string   `json:"summary"`
		Events  []string `json:"events"`
		Verbs   []string `json:"verbs"`
		Words   int      `json:"words"`
		Roots   int      `json:"roots"`
		Error   string   `json:"error"`
		Stored  string   `json:"stored"`
		URL     string   `json:"url"`
	}
	res := eval[result](t, ctx, `({
	  summary: (document.querySelector("#code-result .code-summary") || {}).textContent || "",
	  events: [...document.querySelectorAll("#code-result .coded-title strong")].map((e) => e.textContent),
	  verbs: [...document.querySelectorAll("#code-result .coded-event mark.verb")].map((e) => e.firstChild.textContent),
	  words: document.querySelectorAll("#code-result table.parse tbody tr").length,
	  roots: [...document.querySelectorAll("#code-result table.parse tbody tr")].filter((r) => r.cells[5].textContent === "root").length,
	  error: (document.querySelector("#code-result .error") || {}).textContent || "",
	  stored: sessionStorage.getItem("dyad-write-token"),
	  url: location.href,
	})`)
	if res.Error != "" {
		t.Fatalf("code box: %s", res.Error)
	}
	accused := false
	for i, e := range res.Events {
		accused = accused || strings.HasPrefix(e, "PAK → 112") && strings.HasSuffix(e, "→ AFG") && i < len(res.Verbs) && res.Verbs[i] == "accused"
	}
	if !accused {
		t.Errorf("code box: events %q with verbs %q, want PAK → 112 → AFG on “accused”", res.Events, res.Verbs)
	}
	if res.Words < 20 || res.Roots < 2 {
		t.Errorf("code box: parse tables of %d words with %d roots, want every word of the sentences and a root for each", res.Words, res.Roots)
	}
	if res.Stored != demoToken || strings.Contains(res.URL, demoToken) {
		t.Errorf("code box: token kept as %q, URL %q; want it in the tab's storage only", res.Stored, res.URL)
	}
	screenshot(t, ctx, dir, "samples-4-code.png")
	var check struct {
		Events []json.RawMessage `json:"events"`
	}
	getJSON(t, base+"/api/v1/events?q=Chaman", &check)
	if len(check.Events) != 0 {
		t.Errorf("the code box stored %d events, want none", len(check.Events))
	}

	// A phone's width: the article page and the code box, with no
	// sideways scrolling.
	phone := browser(t, 390, 844)
	run(t, phone, "open the article on a phone", chromedp.Navigate(base+"/?article="+articleID))
	waitFor(t, phone, "the article page", `document.getElementById("article-view").dataset.loaded === `+jsString(articleID))
	if eval[bool](t, phone, `document.documentElement.scrollWidth > window.innerWidth + 1`) {
		t.Error("phone: the article page scrolls sideways")
	}
	screenshot(t, phone, dir, "samples-5-phone-article.png")
	run(t, phone, "code on a phone", chromedp.Steps(
		chromedp.Click(chromedp.ID("to-code")),
		chromedp.SendKeys(chromedp.ID("code-text"), para),
		chromedp.SendKeys(chromedp.ID("code-token"), demoToken+"\r"),
	))
	waitFor(t, phone, "the coded text", `document.getElementById("code-result").dataset.done === "1" && !!document.querySelector("#code-result table.parse")`)
	if eval[bool](t, phone, `document.documentElement.scrollWidth > window.innerWidth + 1`) {
		t.Error("phone: the code box scrolls sideways")
	}
	screenshot(t, phone, dir, "samples-6-phone-code.png")
}

// itoa2 quotes a string as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
