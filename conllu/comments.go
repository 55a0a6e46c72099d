package conllu

import "strings"

// Comment keys that map to Sentence fields.
const (
	keySentID = "sent_id"
	keyText   = "text"
)

// commentValue reports whether the comment c (without its leading "#") is
// "key = value" with a non-empty value, and returns the value trimmed of
// white space. A comment whose value is empty, such as "text =", is an
// ordinary comment.
func commentValue(c, key string) (string, bool) {
	k, v, ok := strings.Cut(c, "=")
	if !ok || strings.TrimSpace(k) != key {
		return "", false
	}
	v = strings.TrimSpace(v)
	return v, v != ""
}

// slots returns the indexes in comments of the first sent_id and the first
// text comment, or -1 when there is none.
func slots(comments []string) (id, text int) {
	id, text = -1, -1
	for i, c := range comments {
		if id < 0 {
			if _, ok := commentValue(c, keySentID); ok {
				id = i
				continue
			}
		}
		if text < 0 {
			if _, ok := commentValue(c, keyText); ok {
				text = i
			}
		}
	}
	return id, text
}

// splitComments takes the comment lines of a sentence, in file order, and
// returns the sentence ID, its text and the comments to keep in
// Sentence.Comments.
//
// When the comments start with sent_id and then text (each optional) and
// repeat neither, the Writer's default order reproduces them, so both are
// dropped from the list. Otherwise they stay in the list, rewritten in the
// Writer's spelling, as slots that tell the Writer where to put them.
func splitComments(comments []string) (id, text string, rest []string) {
	if len(comments) == 0 {
		return "", "", nil
	}
	iID, iText := -1, -1
	repeated := false
	for i, c := range comments {
		if v, ok := commentValue(c, keySentID); ok {
			if iID < 0 {
				iID, id = i, v
			} else {
				repeated = true
			}
			continue
		}
		if v, ok := commentValue(c, keyText); ok {
			if iText < 0 {
				iText, text = i, v
			} else {
				repeated = true
			}
		}
	}
	wantText := 0
	if iID == 0 {
		wantText = 1
	}
	if !repeated && iID <= 0 && (iText < 0 || iText == wantText) {
		for i, c := range comments {
			if i != iID && i != iText {
				rest = append(rest, c)
			}
		}
		return id, text, rest
	}
	if iID >= 0 {
		comments[iID] = keySentID + " = " + id
	}
	if iText >= 0 {
		comments[iText] = keyText + " = " + text
	}
	return id, text, comments
}
