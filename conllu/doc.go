// Package conllu reads and writes dependency parses in the CoNLL-U format of
// Universal Dependencies (https://universaldependencies.org/format.html).
//
// A Reader streams one *dyad.Sentence at a time from any io.Reader, so files
// of any size are read in constant memory; a Writer writes sentences back.
// Reading a file in canonical form (LF line endings, one blank line after
// each sentence, comments written as "# ...") and writing what was read
// gives the same bytes.
//
// # Reading
//
// Word lines become Sentence.Tokens, multiword token lines ("4-5") become
// Sentence.Multiwords and empty nodes ("5.1") Sentence.Empty. Column values
// are kept as written, so an absent feature set stays "_"; only HEAD is
// converted, with "_" read as -1. Word IDs must run 1, 2, … n, heads must lie
// in 0..n, multiword ranges must come just before their first word and
// empty nodes just after the word they follow. The columns of a multiword
// line other than ID, FORM and MISC, which Sentence has no place for, are
// ignored. Token.Start and Token.End are -1 unless MISC holds
// TokenRange=start:end, whose numbers are used as given.
//
// The reader accepts a UTF-8 byte order mark, CRLF line endings, any number
// of blank (or white-space only) lines between sentences, a missing blank
// line at the end of the input, and spaces inside FORM or LEMMA. Columns
// must be separated by tabs. A malformed sentence yields a *ParseError that
// names the line; the reader then skips to the next blank line, so the
// caller may log the error and go on reading.
//
// # Comments
//
// The comments "# sent_id = X" and "# text = ..." set Sentence.ID and
// Sentence.Text; every other comment line is kept in Sentence.Comments
// without its leading "# " (or "#"). The Writer writes sent_id and text
// first, then the other comments in order.
//
// Some treebanks put other comments before them, as in
//
//	# newdoc id = weblog-…
//	# sent_id = weblog-…-0001
//	# newpar id = weblog-…-p0001
//	# text = From the AP comes this story :
//
// To keep such files byte for byte, the Reader then also leaves the
// "sent_id = X" and "text = ..." lines in Comments, at their positions, and
// the Writer writes the sentence's current ID and Text in those places
// instead of at the top (or drops the line when the field is empty). The
// same happens when a sentence repeats a sent_id or text comment: the first
// one sets the field and the others are kept as they are.
package conllu
