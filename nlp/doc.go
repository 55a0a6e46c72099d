// Package nlp turns raw English text into Universal Dependencies parses in
// pure Go: sentence segmentation and tokenization (package tokenize),
// UPOS and XPOS tagging (tagger), lemmatization (lemma) and labeled
// dependency parsing (depparse).
//
// The models are trained by dyad's own code ("dyad train") on the UD
// English Web Treebank, stored gzip-compressed under nlp/models and
// embedded in the binary; Load reads them. docs/ACCURACY.md gives the
// training recipe and the scores, docs/PERFORMANCE.md the speeds.
package nlp
