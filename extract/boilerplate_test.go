package extract

import "testing"

func TestCleanText(t *testing.T) {
	story := "The talks began on Monday in Geneva with both delegations present.\nOfficials said a second round is planned for next month."
	tests := []struct {
		name, in, want, source string
	}{
		{"OK", story, story, ""},
		{"CommentSection", story + "\nOne reply on “Talks begin”\nBob: great article\nLeave a Reply\nYour email address will not be published.", story, ""},
		{"LeaveAReply", story + "\nLeave a Reply Cancel reply\nComment text", story, ""},
		{"EmailNotice", story + "\nYour email address will not be published. Required fields are marked *", story, ""},
		{"ShareWidgets", "Share this:\n" + story + "\nClick to share on Twitter (Opens in new window)\nFacebook\nTweet", story, ""},
		{"RelatedAtEnd", story + "\nRelated Stories\nAnother story\nYet another story", story, ""},
		{"RelatedHeadingEarly", "Related Stories\n" + story + "\n" + story + "\n" + story, story + "\n" + story + "\n" + story, ""},
		{"Provenance", story + "\nOriginally published on example.org.", story, "example.org"},
		{"ProvenanceLong", story + "\nThis article was originally published on The Conversation. Read the original article.", story, "The Conversation"},
		{"Republished", "Republished with permission from Reuters.\n" + story, story, "Reuters"},
		{"FirstLineComments", "Comments\n" + story, story, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, src := cleanText(tt.in)
			if got != tt.want || src != tt.source {
				t.Errorf("cleanText = %q, %q\nwant %q, %q", got, src, tt.want, tt.source)
			}
		})
	}
}

func TestStripHTML(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"Script", `a<script>var x = "</p>";</script>b`, "ab"},
		{"ScriptUpper", `a<SCRIPT type="text/javascript">x</SCRIPT >b`, "ab"},
		{"JSONLD", `<script type="application/ld+json">{"a":1}</script>`, `<script type="application/ld+json">{"a":1}</script>`},
		{"Style", `<style>p{}</style><p>x</p>`, "<p>x</p>"},
		{"Comment", `a<!-- <p>hidden</p> -->b`, "ab"},
		{"Unclosed", `a<script>b`, `a<script>b`},
		{"SVGSelfClosing", `a<svg/>b`, "ab"},
		{"NotATag", `a < b <3 <scripts>`, `a < b <3 <scripts>`},
		{"UnclosedComment", `a<!-- b`, `a<!-- b`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(stripHTML([]byte(tt.in))); got != tt.want {
				t.Errorf("stripHTML(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
