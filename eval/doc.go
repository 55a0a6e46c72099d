// Package eval measures how well an event coder reproduces hand-coded
// events.
//
// ReadSuite reads a PETRARCH validation suite whose <Parse> elements hold
// CoNLL-U (such as PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml from
// UniversalPetrarch), and Score runs a coder over the records the suite
// selects and compares the (source, target, event code) triples it returns
// with the expected ones. The resulting Report prints as a table with
// WriteText, or marshals to JSON.
package eval
