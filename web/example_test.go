package web_test

import (
	"net/http"

	"github.com/dyad-events/dyad"
	dyadhttp "github.com/dyad-events/dyad/http"
	"github.com/dyad-events/dyad/web"
)

// The dashboard is served at "/" beside the JSON API at /api/, which the
// page calls relative to itself.
func ExampleHandler() {
	var db dyad.EventReader // an opened *sqlite.DB in dyad serve
	mux := http.NewServeMux()
	mux.Handle("/api/", dyadhttp.NewServer(db).Handler())
	mux.Handle("/", web.Handler())
	_ = &http.Server{Addr: "localhost:8080", Handler: mux}
}
