package jose

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestRemoteKeySetRefetchesOnRotation(t *testing.T) {
	k1 := rfc7515Key(t)
	k2, _ := rsa.GenerateKey(rand.Reader, 2048)
	j1, _ := NewJWK(&k1.PublicKey, "k1")
	j2, _ := NewJWK(&k2.PublicKey, "k2")
	var mu sync.Mutex
	published := &JWKSet{Keys: []*JWK{j1}}
	var fetches atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fetches.Add(1)
		mu.Lock()
		defer mu.Unlock()
		_ = json.NewEncoder(w).Encode(published)
	}))
	defer srv.Close()
	rs := &RemoteKeySet{URL: srv.URL, MinRefresh: time.Nanosecond}
	ctx := context.Background()
	tok1, _ := Sign(k1, "k1", "JWT", []byte(`{}`))
	if _, err := rs.Verify(ctx, tok1); err != nil {
		t.Fatal(err)
	}
	if _, err := rs.Verify(ctx, tok1); err != nil || fetches.Load() != 1 {
		t.Fatalf("cached verify: %v, fetches %d", err, fetches.Load())
	}
	mu.Lock()
	published = &JWKSet{Keys: []*JWK{j2, j1}}
	mu.Unlock()
	tok2, _ := Sign(k2, "k2", "JWT", []byte(`{}`))
	if _, err := rs.Verify(ctx, tok2); err != nil || fetches.Load() != 2 {
		t.Fatalf("after rotation: %v, fetches %d", err, fetches.Load())
	}
	forged, _ := Sign(k2, "forged", "JWT", []byte(`{}`))
	rs.MinRefresh = time.Hour
	for i := 0; i < 5; i++ {
		if _, err := rs.Verify(ctx, forged); !errors.Is(err, ErrUnknownKey) {
			t.Fatalf("forged kid: %v", err)
		}
	}
	if fetches.Load() != 2 {
		t.Errorf("forged kids made %d fetches, want none beyond the 2", fetches.Load()-2)
	}
}

func TestFetchJWKSErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		h    http.HandlerFunc
	}{
		{"status", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "no", 500) }},
		{"too large", func(w http.ResponseWriter, r *http.Request) {
			_, _ = w.Write([]byte(`{"keys":[` + strings.Repeat(" ", MaxJWKSBytes) + `]}`))
		}},
		{"not a key set", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte(`<html>`)) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(tc.h)
			defer srv.Close()
			if _, err := FetchJWKS(context.Background(), nil, srv.URL); err == nil {
				t.Error("no error")
			}
		})
	}
}
