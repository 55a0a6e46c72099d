package http

import (
	"context"
	"net/http"

	"github.com/dyad-events/dyad"
)

// eventsJSONer is a store that encodes pages of events itself, passing the
// stored JSON through (sqlstore.Store does).
type eventsJSONer interface {
	EventsJSON(ctx context.Context, f dyad.EventFilter) ([]byte, error)
}

// writeEventsJSON answers a page of events with the store's own encoding,
// when it has one, and reports whether it did.
func (s *Server) writeEventsJSON(w http.ResponseWriter, r *http.Request, f dyad.EventFilter) bool {
	js, ok := s.Store.(eventsJSONer)
	if !ok {
		return false
	}
	b, err := js.EventsJSON(r.Context(), f)
	if err != nil {
		s.Error(w, r, err)
		return true
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(b)
	return true
}
