// Package e2e holds the dashboard's end-to-end tests: a real SQLite store
// filled with synthetic events, dyad's JSON API and the embedded dashboard
// on one test server, driven by headless Chromium through chromedp.
//
// The tests skip when no Chromium is installed (Debian: apt-get install
// chromium); $DYAD_CHROMIUM names another binary. Screenshots go to
// $DYAD_ARTIFACTS, or to a temporary directory. $DYAD_E2E_BIG_DB names a
// SQLite store for the first-paint measurement over a large store
// (TestFirstPaintBigStore), which skips without it.
package e2e
