package extract

import (
	"regexp"
	"strings"
)

// Line-level rules applied to the extracted text. Trafilatura removes most
// boilerplate at the DOM level; these catch what survives as text: comment
// sections rendered as plain paragraphs, share-widget labels, related-story
// headings and syndication notes.
var (
	// rxCommentStart marks the start of a comment section: everything from
	// such a line to the end of the text is dropped.
	rxCommentStart = regexp.MustCompile(`(?i)^(leave a (reply|comment)|post a comment|add a comment|join the (discussion|conversation)|your email address will not be published|you must be logged in to post a comment|comments are closed|(one|no|\d+|two|three|four|five) (replies|reply|comments?|responses?|thoughts?) (on|to) |\d+ (comments|replies)$|comments$|show comments|view comments|load comments)`)
	// rxRelatedStart marks a related-stories or "more from" block. Near the
	// end of the text, everything from it on is dropped; elsewhere only the
	// heading line is.
	rxRelatedStart = regexp.MustCompile(`(?i)^(related (stories|articles|posts|coverage|news|content|reading)|you (may|might) also like|recommended( for you| stories| articles)?|more (stories|news|articles) from|more from [^.]{1,40}$|read (more|next)|also read|most (read|popular|viewed)|trending( now| stories)?|sponsored (stories|content)|around the web)\s*:?$`)
	// rxShare matches a line that is only a share-widget label.
	rxShare = regexp.MustCompile(`(?i)^((click to )?(share|tweet|email|print|pin|post)( this( article| story| post)?)?( on| to| via)?( (facebook|twitter|x|linkedin|whatsapp|reddit|email|telegram|pinterest|tumblr|pocket))?( \(opens in new window\))?|share this:?|like this:?|like loading\.\.\.|copy (link|url)|follow us( on [a-z ]+)?|(facebook|twitter|linkedin|whatsapp|reddit|telegram|pinterest)( [|/,] ?(facebook|twitter|linkedin|whatsapp|reddit|telegram|pinterest|email))*)\s*:?$`)
	// rxProvenance matches a syndication note and captures the source.
	rxProvenance = regexp.MustCompile(`(?i)^\(?\s*(?:this (?:article|story|post|piece|report) (?:was |is )?)?(?:originally|first|previously) (?:published|appeared|posted|ran)(?: (?:on|in|at|by))? (.{2,120}?)\s*[.)]*\s*\)?\s*$|^\(?\s*(?:republished|reprinted|reposted) (?:with permission )?(?:from|by) (.{2,120}?)[.)]*\s*$`)
)

// cleanText removes boilerplate lines from extracted text and returns the
// story text and the syndication source named by an "Originally published
// on X" note, if any.
func cleanText(text string) (story, syndicatedFrom string) {
	lines := strings.Split(text, "\n")
	out := make([]string, 0, len(lines))
	total := 0
	for _, l := range lines {
		total += len(l) + 1
	}
	seen := 0
	for _, l := range lines {
		t := strings.TrimSpace(l)
		seen += len(l) + 1
		if t == "" {
			continue
		}
		if len(t) < 200 {
			if m := rxProvenance.FindStringSubmatch(t); m != nil {
				if syndicatedFrom == "" {
					syndicatedFrom = source(m[1] + m[2])
				}
				continue
			}
		}
		if len(t) < 120 {
			if rxCommentStart.MatchString(t) {
				if len(out) > 0 {
					break // the story is over; the comments begin
				}
				continue // a stray label before the story
			}
			if rxShare.MatchString(t) {
				continue
			}
			if rxRelatedStart.MatchString(t) {
				if len(out) > 0 && seen > total*3/5 {
					break
				}
				continue
			}
		}
		out = append(out, t)
	}
	return strings.Join(out, "\n"), syndicatedFrom
}

// source trims a captured syndication source to the outlet's name:
// "Live Science. Read the original article" → "Live Science".
func source(s string) string {
	if i := strings.Index(s, ". "); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), ".)"))
}
