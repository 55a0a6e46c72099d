// Package cameo holds the CAMEO political-event ontology as Go tables: the
// event codes with their names, Goldstein values, quad classes and PLOVER
// equivalents, and the three-letter blocks that make up CAMEO actor codes.
//
// # Event codes
//
// A CAMEO event code has two to four digits: a root ("19", FIGHT), a base
// ("195") and sometimes a fourth digit ("1951"). [Lookup] finds a code that
// is in the table; [Describe] also accepts codes the table lacks, such as
// the "106" and "176" of PETRARCH's verb dictionary, and fills in what their
// parent codes say. The quad class follows the root: 01–05 are verbal
// cooperation (1), 06–08 material cooperation (2), 09–13 verbal conflict (3)
// and 14–20 material conflict (4).
//
// The names and Goldstein values are GDELT's (CAMEO.eventcodes.txt and
// CAMEO.goldsteinscale.txt, 310 codes), with a few garbled names repaired.
// The PLOVER event types, modes and contexts come from the 2021
// CAMEO-to-PLOVER table; it maps no 01 (make public statement) or 02
// (appeal) code, and a root code takes the mapping of its "not specified
// below" code, root + "0".
//
// # Actor codes
//
// A CAMEO actor code is a run of three-letter blocks. [ParseActor] splits
// it into an optional international-actor block (IGO, NGO, IMG, INT, MNC,
// NGM), an optional state or regional block (ISO-3166 alpha-3 such as PAK,
// or a CAMEO region such as AFR) and the agent blocks that follow: roles and
// types (GOV, MIL, REB), known groups (UNO, HMS), religions (MOS) and ethnic
// groups (KUR). Dictionaries use many blocks outside these tables, from
// historical states (USR) to fictional ones, so ParseActor accepts them and
// lists them in [ActorCode.Unknown].
//
// The tables in tables.go are generated from the project's shared data by
// internal/cmd/gencameo; the package reads no files at run time. Every table
// is read-only, and every function is safe for concurrent use.
package cameo

//go:generate go run ../internal/cmd/gencameo -data ../../shared/data -out tables.go
