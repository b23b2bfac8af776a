package identity

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/checktest"
	"github.com/p06kit/p06kit/scoring"
)

// Hostile or broken portals give error findings that say what happened; they never hang or
// pass.
func TestHostilePortals(t *testing.T) {
	sso := checktest.SSO(t)
	for _, tc := range []struct {
		name string
		h    http.HandlerFunc
		want string
	}{
		{"login entry redirects to another host", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "https://evil.example/login", http.StatusFound)
		}, "evil.example"},
		{"login entry is an error page", func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "lỗi máy chủ", http.StatusInternalServerError)
		}, "not to the national SSO"},
		{"login entry stalls", func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		}, "GET"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := httptest.NewTLSServer(tc.h)
			t.Cleanup(srv.Close)
			s := checktest.Session(t, check.Target{BaseURL: srv.URL, Client: srv.Client(), SSO: sso, Profile: &check.Profile{Login: "/dang-nhap"}},
				check.Config{RequestTimeout: 300 * time.Millisecond, Lang: "en"})
			for _, id := range []string{"P06-AUTH-01", "P06-AUTH-03", "P06-AUTH-07"} {
				r := runCheck(t, id, s)
				if r.Status != scoring.Error || !strings.Contains(r.Message, tc.want) {
					t.Errorf("%s: %s %q, want error naming %q", id, r.Status, r.Message, tc.want)
				}
				if testing.Verbose() {
					t.Logf("%s: %s", id, r.Message)
				}
			}
		})
	}
}
