package dyad

// Token is one syntactic word of a sentence, as in a CoNLL-U word line.
// Head and DepRel describe the dependency tree: Head is the ID of the
// governing word (0 for the root).
type Token struct {
	ID     int    // 1-based position in the sentence
	Form   string // the word as written
	Lemma  string
	UPOS   string // universal part of speech, e.g. "PROPN"
	XPOS   string // language-specific tag, e.g. "NNP"
	Feats  string // morphological features, "_" or "" when absent
	Head   int    // ID of the head word; 0 for the root, -1 when unknown
	DepRel string // dependency relation, e.g. "nsubj" or "obl:tmod"
	Deps   string // enhanced dependencies, as written
	Misc   string // the MISC column, as written

	// Start and End are byte offsets of the word in Sentence.Text, or -1
	// when not known (for example a CoNLL-U file without offsets).
	Start, End int
}

// MultiwordToken is a surface token that spans several syntactic words, such
// as "don't" over "do" and "n't" (CoNLL-U lines "4-5").
type MultiwordToken struct {
	First, Last int    // IDs of the first and last word covered
	Form        string // the surface form
	Misc        string
}

// EmptyNode is an enhanced-dependency empty node (CoNLL-U line "5.1").
type EmptyNode struct {
	After int // the ID of the word it follows
	Index int // the decimal part of its ID
	Form  string
	Lemma string
	UPOS  string
	XPOS  string
	Feats string
	Deps  string
	Misc  string
}

// Sentence is one parsed sentence of an article.
type Sentence struct {
	ArticleID string // the article it belongs to, "" when standalone
	Index     int    // 0-based position in the article
	ID        string // the sent_id, when known
	Text      string // the sentence text

	Tokens     []Token          // the syntactic words, Tokens[i].ID == i+1
	Multiwords []MultiwordToken // multiword surface tokens, in order
	Empty      []EmptyNode      // enhanced-dependency empty nodes, in order
	Comments   []string         // other comment lines, without the leading "# "
}

// Token returns the word with the given 1-based ID, or nil if there is none.
func (s *Sentence) Token(id int) *Token {
	if id < 1 || id > len(s.Tokens) {
		return nil
	}
	return &s.Tokens[id-1]
}
