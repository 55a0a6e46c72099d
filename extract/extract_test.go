package extract_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/extract"
)

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name, file, contentType string
		wantText                []string
		wantCharset             string
	}{
		{"OK", "article.html", "", []string{"Islamabad on Tuesday"}, "utf-8"},
		{"Windows1252", "windows1252.html", "", []string{"café “République”"}, "windows-1252"},
		{"Windows1252Header", "windows1252.html", "text/html; charset=windows-1252", []string{"café “République”"}, "windows-1252"},
		{"InvalidUTF8", "invalid-utf8.html", "", []string{"Islamabad \uFFFD"}, "utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := extract.New(extract.Options{})
			res, err := x.Extract(context.Background(), bytes.NewReader(readTestdata(t, tt.file)), "https://news.example.com/world/ministers-meet?utm=x", tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			a := res.Article
			if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) {
				t.Errorf("invalid UTF-8 in output")
			}
			for _, w := range tt.wantText {
				if !strings.Contains(a.Text, w) {
					t.Errorf("text lacks %q:\n%s", w, a.Text)
				}
			}
			for _, bad := range []string{"Leave a Reply", "email address will not be published", "One reply on", "must not reach the coder", "Originally published", "Share on Facebook", "Tweet", "Related Stories", "Another story about trade", "Copyright", "in script must vanish"} {
				if strings.Contains(a.Text, bad) {
					t.Errorf("text contains boilerplate %q:\n%s", bad, a.Text)
				}
			}
			if res.Charset != tt.wantCharset {
				t.Errorf("Charset = %q, want %q", res.Charset, tt.wantCharset)
			}
			if res.SyndicatedFrom != "example.org" {
				t.Errorf("SyndicatedFrom = %q, want %q", res.SyndicatedFrom, "example.org")
			}
			if a.Title != "Ministers meet over border dispute" {
				t.Errorf("Title = %q", a.Title)
			}
			if a.CanonicalURL != "https://news.example.com/world/ministers-meet" {
				t.Errorf("CanonicalURL = %q", a.CanonicalURL)
			}
			if a.Outlet != "Example News" {
				t.Errorf("Outlet = %q", a.Outlet)
			}
			if len(a.Authors) != 1 || a.Authors[0] != "Jane Doe" {
				t.Errorf("Authors = %q", a.Authors)
			}
			if want := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC); !a.Published.Truncate(24*time.Hour).Equal(want) || a.PublishedPrecision != dyad.PrecisionDay {
				t.Errorf("Published = %v (%s), want %v (day)", a.Published, a.PublishedPrecision, want)
			}
			if a.Language != "en" {
				t.Errorf("Language = %q, want en", a.Language)
			}
		})
	}
}

func TestExtractErrors(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		opts extract.Options
	}{
		{"ErrEmpty", nil, extract.Options{}},
		{"ErrNoText", []byte("<html><body><nav><a href=/>Home</a></nav></body></html>"), extract.Options{}},
		{"ErrBinary", append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 100)...), extract.Options{}},
		{"ErrNUL", []byte("<html><body><p>text\x00\x00\x01 more</p></body></html>"), extract.Options{}},
		{"ErrTooLarge", bytes.Repeat([]byte("<p>word word word</p>"), 100), extract.Options{MaxBytes: 1000}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := extract.New(tt.opts).Extract(context.Background(), bytes.NewReader(tt.in), "", "")
			if err == nil {
				t.Fatal("no error")
			}
			if code := dyad.ErrorCode(err); code != dyad.EINVALID {
				t.Errorf("code %q (%v), want %q", code, err, dyad.EINVALID)
			}
		})
	}
	t.Run("ErrCanceled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := extract.FromHTML(ctx, bytes.NewReader(readTestdata(t, "article.html")), "")
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	})
}

func TestToUTF8(t *testing.T) {
	tests := []struct {
		name        string
		in          string
		contentType string
		want, cs    string
	}{
		{"UTF8", "<p>café</p>", "", "<p>café</p>", "utf-8"},
		{"BOM", "\xef\xbb\xbf<p>café</p>", "", "<p>café</p>", "utf-8"},
		{"UndeclaredLatin", "<p>caf\xe9 \x93x\x94</p>", "", "<p>café “x”</p>", "windows-1252"},
		{"MetaLatin1", `<meta charset="iso-8859-1"><p>caf` + "\xe9</p>", "", `<meta charset="iso-8859-1"><p>café</p>`, "windows-1252"},
		{"HeaderWins", "<p>caf\xe9</p>", "text/html; charset=ISO-8859-1", "<p>café</p>", "windows-1252"},
		{"MetaUTF8ButLatin", `<meta charset="utf-8"><p>caf` + "\xe9</p>", "", `<meta charset="utf-8"><p>café</p>`, "windows-1252"},
		{"MostlyUTF8", `<meta charset="utf-8"><p>café ` + "\xff</p>", "", `<meta charset="utf-8"><p>café ` + "\uFFFD</p>", "utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cs := extract.ToUTF8([]byte(tt.in), tt.contentType)
			if got != tt.want || cs != tt.cs {
				t.Errorf("ToUTF8 = %q, %q; want %q, %q", got, cs, tt.want, tt.cs)
			}
		})
	}
}

func TestLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"The government said on Tuesday that the talks would resume next week in Geneva.", "en"},
		{"Le gouvernement a déclaré mardi que les négociations reprendraient la semaine prochaine à Genève. " +
			"Les deux délégations se sont rencontrées pendant trois jours sans parvenir à un accord sur le calendrier du retrait des troupes. " +
			"Le ministre des affaires étrangères a appelé les parties à la retenue et au dialogue.", "fr"},
		{"Die Regierung sagte am Dienstag, die Gespräche würden nächste Woche in Genf fortgesetzt. " +
			"Die beiden Delegationen hatten sich drei Tage lang getroffen, ohne sich auf einen Zeitplan für den Abzug der Truppen zu einigen. " +
			"Der Außenminister rief beide Seiten zur Zurückhaltung und zum Dialog auf.", "de"},
		// Too short to tell from trigrams: unknown, not Javanese.
		{"Israeli warplanes struck Houthi military targets in Sanaa.", ""},
		{"Правительство заявило во вторник, что переговоры возобновятся на следующей неделе.", "ru"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := extract.Language(tt.text); got != tt.want {
			t.Errorf("Language(%.30q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestExtractDateOutsideArticle(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html><head><title>Floods</title></head><body><div class="byline">By Ann Lee | Published <time datetime="2023-08-14">August 14, 2023</time></div><article>`)
	for range 6 {
		b.WriteString("<p>Flooding in the east of the country forced thousands of families from their homes, disaster officials said on Monday.</p>")
	}
	b.WriteString("</article></body></html>")
	res, err := extract.New(extract.Options{}).Extract(context.Background(), strings.NewReader(b.String()), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Article.Published.Format("2006-01-02"); got != "2023-08-14" {
		t.Errorf("Published = %s, want 2023-08-14", got)
	}
}

func TestLanguageShortEnglish(t *testing.T) {
	// A trigram detector over every language takes this for Tagalog.
	const text = "ISLAMABAD, Oct. 19, 2025 (Reuters) - Pakistan accused Afghanistan of sheltering militants."
	if got := extract.Language(text); got != "en" {
		t.Errorf("Language(%q) = %q, want en", text, got)
	}
}
