package ssotest

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// The endpoints parse what portals send; whatever arrives, they answer with a 4xx and an OAuth
// error (or a page), never a 5xx or a panic.

func FuzzTokenEndpoint(f *testing.F) {
	f.Add("grant_type=authorization_code&code=x&redirect_uri=https%3A%2F%2F127.0.0.1%2Fcb&code_verifier=v", "ssotest-portal", "ssotest-secret")
	f.Add("client_id=ssotest-portal&client_secret=ssotest-secret&grant_type=refresh_token", "", "")
	f.Add("%zz&&==", "a:b", "")
	s := NewServer()
	defer s.Close()
	f.Fuzz(func(t *testing.T, body, user, pass string) {
		req := httptest.NewRequest(http.MethodPost, TokenPath, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if user != "" {
			req.SetBasicAuth(user, pass)
		}
		w := httptest.NewRecorder()
		s.serveHTTP(w, req)
		if w.Code >= 500 {
			t.Fatalf("status %d for %q", w.Code, body)
		}
		var e map[string]any
		if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil {
			t.Fatalf("not JSON: %q", w.Body.String())
		}
	})
}

func FuzzAuthorizeEndpoint(f *testing.F) {
	f.Add("response_type=code&client_id=ssotest-portal&redirect_uri=https%3A%2F%2F127.0.0.1%2Fcb&scope=openid&code_challenge=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&code_challenge_method=S256")
	f.Add("client_id=x")
	f.Add("redirect_uri=javascript%3Aalert(1)&client_id=ssotest-portal")
	s := NewServer()
	defer s.Close()
	f.Fuzz(func(t *testing.T, query string) {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.URL.Path = AuthorizePath
		req.URL.RawQuery = query
		w := httptest.NewRecorder()
		s.serveHTTP(w, req)
		if w.Code >= 500 {
			t.Fatalf("status %d for %q", w.Code, query)
		}
		if w.Code == http.StatusFound {
			loc := w.Header().Get("Location")
			if !strings.HasPrefix(loc, LoginPath) && !strings.HasPrefix(loc, "http://") && !strings.HasPrefix(loc, "https://") {
				t.Fatalf("redirect to %q for %q", loc, query)
			}
		}
	})
}
