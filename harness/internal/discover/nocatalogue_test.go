package discover_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
)

// Why a portal has no procedure catalogue reads in the run's language, and is ErrNoCatalogue.
func TestNoCatalogueReadsInTheRunsLanguage(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(`<!doctype html><html lang="vi"><body><h1>Cổng dịch vụ công</h1></body></html>`))
	}))
	t.Cleanup(srv.Close)
	for name, p := range map[string]*Profile{
		"no link":           nil,
		"JSON endpoint 404": {ProceduresJSON: "/api/thu-tuc"},
		"page 404":          {Procedures: "/thu-tuc"},
	} {
		t.Run(name, func(t *testing.T) {
			s, err := NewSession(Target{BaseURL: srv.URL, Client: srv.Client(), Profile: p}, Config{})
			if err != nil {
				t.Fatal(err)
			}
			_, err = s.Procedures(t.Context())
			if !errors.Is(err, check.ErrNoCatalogue) {
				t.Fatalf("err = %v, want ErrNoCatalogue", err)
			}
			vi := msg.P(msg.Verbatim, err).Render(msg.VI)
			if w := msg.EnglishWords(vi); len(w) > 0 {
				t.Errorf("English words %q in Vietnamese: %s", w, vi)
			}
		})
	}
}
