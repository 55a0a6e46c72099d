// Package dict reads the PETRARCH dictionaries that drive event coding: the
// verb dictionary (Verbs), the actor dictionary (Actors), the agent
// dictionary (Agents), the discard list (Discards) and the issue
// dictionary (Issues). The formats are described in PETRARCH's
// docs/dictionaries.rst; this comment records how dyad reads them, where
// it departs from the letter of that description, and the quirks of the
// Phoenix and validation files that it accepts on purpose.
//
// # Common rules
//
// Files are read line by line; a line that is not valid UTF-8 is decoded as
// Latin-1 (with a warning), so no byte is dropped, and a leading byte order
// mark and CRLF line ends are accepted. "#" starts a comment to the end of
// the line (the actor reader also takes ";", as in the docs' JAMES_BYRNES
// example). Blank lines and lines starting with "<" ("<!-- ... -->") are
// skipped; multi-line "<!--" comments are not tracked, so each of their
// lines must itself be a comment, as the docs require.
//
// Phrases are uppercased; their words are separated by blanks or
// underscores, and empty words ("AUM_SHINRIKYO__") are dropped. Actors and
// agents are matched word by word against uppercase tokens, every word
// whole: a final "_" ("exact word") changes nothing for actors, a blank
// between words is read like an underscore (the docs let a blank in an
// agent phrase skip words; dyad does not), and TABARI-style stems do not
// exist. Codes are uppercased ("[pse]" is PSE); "[---]" and "[+++]" are
// kept as written.
//
// A malformed line stops Read with a *LineError naming the file and line.
// Lines that are read, but not exactly as written, are listed in the
// Warnings field of the dictionary, so nothing is dropped silently.
// A phrase defined twice keeps its first definition (the earliest file
// read, then the earliest line): this is what makes PALESTINIAN [pse] of
// PETR.Validate.actors.txt win over the later +PALESTINIAN synonym of
// PALESTINE [PAL]. The exceptions replace a definition that carries
// nothing: an actor phrase whose record has no code at all, and an
// automatic agent plural.
//
// # Actors
//
// A record is a primary phrase line, "PHRASE [CODE]" (the code optional),
// synonym lines "+PHRASE", and date restrictions "[CODE >DATE]",
// "[CODE <DATE]", "[CODE DATE-DATE]" and "[CODE]", on lines of their own
// (indented, as the docs require, or not) or after the primary phrase on
// its line, as in the older TABARI format that Phoenix.International uses.
// The record's codes apply to all its phrases. Blanks inside a restriction
// are ignored ("[HOB < 950601]", "[HOBGOV 19950601 - 19990815]").
// An undated "[CODE]" is the record's default code; dated restrictions are
// kept in file order, CodeAt takes the first whose range contains the day,
// and bounds are inclusive. Dates are YYYYMMDD or YYMMDD; two-digit years
// 00–29 are 2000–2029 and 30–99 are 1930–1999. This fits the docs'
// examples (450703 is 1945, 070723 is 2007) and leaves no range of the
// Phoenix files inverted (their two-digit years run from 31 to 14).
// Malformed: a bracket without its pair, a date restriction or synonym
// before any record, a code on a synonym line, a date that is not 6 or 8
// digits or not a real day, a date without "<", ">" or a range, an
// inverted range, a restriction without a code ("[950601-990815]").
//
// Quirks of the real files, accepted on purpose:
//
//   - Duplicated phrases: 71 in Phoenix.Countries, 1,156 in
//     Phoenix.International (many people and bodies listed twice), 15 in
//     Phoenix.MilNonState, 1 in PETR.Validate (PALESTINIAN). The first
//     definition wins; each later one is a warning. Phoenix.International
//     first lists U.N._ with no code and later U.N. [IGOUNO]; the later
//     one replaces it, since a phrase without any code is no definition.
//   - A second, different undated code in one record
//     (Phoenix.International: MICHELE_MONTAS_ has [IGOUNOMED] then [---];
//     GROUP_OF_EIGHT_ has [IGOBUSGOE] then [IGOGOE]): the first is the
//     default, the second is a warning. A repeated identical one
//     (JORGE_SAMPAIO_ in Phoenix.Countries) is silently the same default.
//   - Text after the codes (three company lines of Phoenix.International
//     end in a sector and a revenue figure): ignored, with a warning.
//   - An indented primary phrase ("\tJOHN_MCCLOY_\t[...]" in
//     Phoenix.International) is read as a primary phrase.
//   - Known typos, listed with their readings in actorErrata and corrected
//     with a warning: "+FAEROYENE]_" (a stray bracket); the dates 9008223,
//     201005011, 2004017 (one digit too many or too few), 1920030320 and
//     1920050709 ("19" put before an 8-digit date); 20121207-20120802
//     (inverted: Kamal Ganzouri's second term began on 20111207); and the
//     bare dates [MNEGOV 20121204] and [USAGOV 19820101], read as ">DATE"
//     as their context shows. Only these exact lines are corrected; the
//     same mistakes elsewhere are errors.
//   - Phrases with odd characters are kept as written and simply never
//     match a real token: control bytes (LIAMINE_Z\x1aROUAL_,
//     TIRUCHIR\x00PPALLI_), U+FFFD left by an earlier bad decoding
//     (COTE_D\uFFFDIVOIRE_), a "+" or a comma inside a phrase.
//     Phoenix.Countries.actors.txt is in fact valid UTF-8 (file(1) calls
//     it "data" because of those control bytes), so none of the real
//     files needs the Latin-1 fallback.
//
// # Agents
//
// A line is "PHRASE {PLURAL} [~CODE]" or "PHRASE {PLURAL} [CODE~]": "~CODE"
// goes after the country code, "CODE~" (Prefix) before it. Blanks inside
// the brackets are ignored ("[ ~COP]", "[  NGO~]"), and "[~ENV}", closed by
// a brace as in the docs' own example, is accepted.
//
// Plurals are formed for the last word, following the docs: add S, Y
// becomes IES, SS becomes SSES. Two departures keep them English and avoid
// junk: a Y after a vowel takes S (ENVOYS, ATTORNEYS, not ENVOIES), and a
// word ending in a single S (nearly always a plural already: VICTIMS,
// SERVICES) or in something other than a letter (F/A-18) gets no plural.
// No ES is added after X, CH or SH, since the docs do not say so. "{}"
// means no plural and "{FORM}" gives the plural; as for verb synonyms, a
// phrase ending in "_" gets no automatic plural (MINISTRY_, MUKHABARAT_). An
// automatic plural never replaces a written phrase, and a written phrase
// replaces an automatic plural read before it.
//
// "!NAME! = A, B, C" defines a substitution set, known to the end of the
// file; every marker in a phrase is replaced by every member (all
// combinations, at most 1,024 phrases per line), with no plurals.
// Malformed: a bracket or brace without its pair, a code without "~" or
// with nothing but "~", an undefined or unterminated marker, a set defined
// twice or with an empty member.
//
// Text after the code is ignored with a warning.
//
// Quirks of Phoenix.agents.txt, accepted on purpose: ISLAMIC_EXTREMIST has
// no code (read with an empty Code, with a warning); 22 phrases are
// defined twice, 12 of them because "!MINIST! OF_ENVIRONMENT [~ENV]" is
// repeated, then given again as [~GOVENV], and "!MINIST!
// OF_THE_ENVIRONMENT" is given as [~ENV] and as [~GOVENV]; the first
// definition (ENV) wins, with a warning. The plural given
// in MEMBER_OF_THE_LEGISLATURE {MEMBERS_OF_THE_SENATE} is read as written.
// "!MINIST! FOR_TERRITORIAL_AD!MINIST!RATION" and two similar
// lines, mangled by a global replacement of MINIST, expand mechanically
// into phrases that never match; "SUPREME_PEOPLE _COURT" and "!MINIST!
// FOR_ YOUTH" have stray blanks, which only separate words.
//
// # Discards
//
// A line is a phrase, "+" first for a story-level discard. Matching is
// case-insensitive on running text; a phrase starts at a word boundary
// (the start of the text or a character that is not a letter or digit), a
// phrase written with a final "_" must also end at one, any other matches
// as a stem, and a blank in a phrase matches any run of white space
// (Phoenix has "+EURO  QUALIFIER"). When a text holds both kinds, Match
// reports the first story-level phrase, since it discards more; otherwise
// the first phrase found. A phrase listed twice is merged, story-level if
// either listing is (Phoenix lists MANCHESTER UNITED both ways). A
// bracket or brace in a discard phrase is an error.
//
// # Issues
//
// A line is "phrase [CODE]"; "~phrase" and "~~phrase" are ignore phrases,
// and the occurrence of either kind cancels all issues of the text. In a
// phrase, "n:word" gives the word and its plural, "v:word" the word and
// its -S, -ED and -ING forms, both with regular English spelling (ES after
// S, X, Z, CH, SH; IES/IED after a consonant and Y; a final E dropped
// before ING; a C taking K, as in TRAFFICKED; and, after a single vowel
// and consonant, both GRABED and GRABBED, since dyad cannot know the
// stress). The marker may follow a "+" (pre+n:school). Each "+" gives
// both a blank and a hyphen (al+qaeda: AL QAEDA and AL-QAEDA; with
// several "+", all combinations), an underscore is a blank. Matching is on
// whole words, case-insensitive; Count is the number of phrase
// occurrences for the code.
//
// Quirks of Phoenix.IssueCoding.txt, accepted on purpose: thirteen lines
// have no code (eec, v:kidnap, pox, ...); they take the CATEGORY of their
// <ISSUE CATEGORY="..."> block, which is an error outside a block (the
// TYPE attribute is not used). One line holds two entries ("intimidation
// of press [MEDIA_CENSORSHIP]intimidation of the media
// [MEDIA_CENSORSHIP]"), and "aqim [NAMED_TERROR_GROUP]
// [NAMED_TERROR_GROUP]" repeats its code: a line is a sequence of
// "phrase [CODE]" pairs, a code without a phrase adds a code to the
// previous phrase, and a phrase may have several codes. Text without
// letters or digits after the last code ("*******") is ignored with a
// warning. A stray second </ISSUE> is ignored with a warning. A dagger
// "†", a no-break space mis-decoded as Mac Roman (astrovirus†infection),
// separates words. Mis-tagged words such as v:arrested are expanded
// mechanically (ARRESTEDED never matches), and other mojibake
// (gerstmann+str‰ussler) is kept as written.
package dict
