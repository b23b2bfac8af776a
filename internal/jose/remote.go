package jose

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"
)

// MaxJWKSBytes bounds a fetched key set document.
const MaxJWKSBytes = 1 << 20

// FetchJWKS downloads and parses the key set at url (an OpenID provider's jwks_uri) with client
// (http.DefaultClient when nil). The body is bounded by MaxJWKSBytes; ctx bounds the time.
func FetchJWKS(ctx context.Context, client *http.Client, url string) (*JWKSet, error) {
	if client == nil {
		client = http.DefaultClient
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, fmt.Errorf("jwks %s: %w", url, err)
	}
	req.Header.Set("Accept", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("jwks %s: %w", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("jwks %s: status %s", url, resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, MaxJWKSBytes+1))
	if err != nil {
		return nil, fmt.Errorf("jwks %s: %w", url, err)
	}
	if len(body) > MaxJWKSBytes {
		return nil, fmt.Errorf("jwks %s: %w: document larger than %d bytes", url, ErrKey, MaxJWKSBytes)
	}
	set, err := ParseJWKS(body)
	if err != nil {
		return nil, fmt.Errorf("jwks %s: %w", url, err)
	}
	return set, nil
}

// RemoteKeySet is a provider's key set fetched from its jwks_uri and cached. When a token names
// a kid the cache lacks (the provider rotated its key), the set is fetched again, at most once
// per MinRefresh, so that forged kids cannot make the verifier hammer the provider. Safe for
// concurrent use.
type RemoteKeySet struct {
	// URL is the jwks_uri.
	URL string
	// Client fetches it; http.DefaultClient when nil.
	Client *http.Client
	// MinRefresh is the least time between two fetches. Default 10 seconds.
	MinRefresh time.Duration

	mu      sync.Mutex
	set     *JWKSet
	fetched time.Time
}

// Verify verifies a compact JWS with the key its kid names, refetching the set once if the kid
// is unknown. It returns the parsed JWS.
func (r *RemoteKeySet) Verify(ctx context.Context, token string) (*JWS, error) {
	j, err := Parse(token)
	if err != nil {
		return nil, err
	}
	set, err := r.keys(ctx, false)
	if err != nil {
		return nil, err
	}
	_, err = j.VerifySet(set)
	if errors.Is(err, ErrUnknownKey) {
		if set, rerr := r.keys(ctx, true); rerr == nil {
			_, err = j.VerifySet(set)
		}
	}
	if err != nil {
		return nil, err
	}
	return j, nil
}

// Keys returns the cached set, fetching it the first time.
func (r *RemoteKeySet) Keys(ctx context.Context) (*JWKSet, error) { return r.keys(ctx, false) }

func (r *RemoteKeySet) keys(ctx context.Context, refresh bool) (*JWKSet, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	min := r.MinRefresh
	if min <= 0 {
		min = 10 * time.Second
	}
	if r.set != nil && (!refresh || time.Since(r.fetched) < min) {
		return r.set, nil
	}
	set, err := FetchJWKS(ctx, r.Client, r.URL)
	if err != nil {
		if r.set != nil {
			return r.set, nil
		}
		return nil, err
	}
	r.set, r.fetched = set, time.Now()
	return set, nil
}

// VerifyIDTokenRemote is VerifyIDToken with a remote key set.
func VerifyIDTokenRemote(ctx context.Context, token string, keys *RemoteKeySet, e Expected) (*Claims, []byte, error) {
	j, err := keys.Verify(ctx, token)
	if err != nil {
		return nil, nil, err
	}
	return validatePayload(j.Payload, e)
}
