// Package e2e holds the dashboard's end-to-end tests, driven by headless
// Chromium through chromedp: a real SQLite store filled with synthetic
// events, dyad's JSON API and the embedded dashboard on one test server;
// and dyad demo itself (built from this module), which ingests the
// bundled sample articles and serves them with writes allowed, for the
// article page and the code box.
//
// The tests skip when no Chromium is installed (Debian: apt-get install
// chromium); $DYAD_CHROMIUM names another binary. Screenshots go to
// $DYAD_ARTIFACTS, or to a temporary directory. $DYAD_E2E_BIG_DB names a
// SQLite store for the first-paint measurement over a large store
// (TestFirstPaintBigStore), which skips without it.
package e2e
