package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/dyad-events/dyad"
)

// ArticleEvents returns the events coded from an article, one per mention,
// in the order they were coded: each is the stored event with the
// mention's sentence, actors (words and word spans), evidence, modality
// and attribution. It returns an empty slice for an unknown article or one
// without events.
func (s *Store) ArticleEvents(ctx context.Context, articleID string) ([]dyad.Event, error) {
	rows, err := s.Read.QueryContext(ctx, s.rebind(`SELECT e.body, m.body FROM mentions m JOIN events e ON e.id = m.event_id
WHERE m.article_id = ? ORDER BY m.seq`), articleID)
	if err != nil {
		return nil, fmt.Errorf("events of article %s: %w", articleID, err)
	}
	defer rows.Close()
	out := []dyad.Event{}
	for rows.Next() {
		var eventBody, mention string
		if err := rows.Scan(&eventBody, &mention); err != nil {
			return nil, fmt.Errorf("events of article %s: %w", articleID, err)
		}
		var e dyad.Event
		if err := json.Unmarshal([]byte(eventBody), &e); err != nil {
			return nil, fmt.Errorf("events of article %s: event: %w", articleID, err)
		}
		var mb mentionBody
		if err := json.Unmarshal([]byte(mention), &mb); err != nil {
			return nil, fmt.Errorf("events of article %s: mention: %w", articleID, err)
		}
		e.ArticleID = articleID
		e.Sentence, e.Source, e.Target, e.Evidence, e.Modality, e.Attribution = mb.Sentence, mb.Source, mb.Target, mb.Evidence, mb.Modality, mb.Attribution
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("events of article %s: %w", articleID, err)
	}
	return out, nil
}
