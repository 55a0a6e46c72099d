// Package dyad holds the domain types shared by every part of dyad: the
// articles it reads, the parsed sentences it codes, and the political events
// (who did what to whom, where, when, and who said so) that it produces.
//
// The package imports nothing else from dyad. Stages (nlp, coder, geo, …)
// and adapters (sqlite, postgres, http, …) live in packages of their own and
// talk to each other only through these types.
package dyad
