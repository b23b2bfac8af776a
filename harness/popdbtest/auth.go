package popdbtest

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Credentials are what a portal is issued to call the gateway.
type Credentials struct {
	// Username and Secret sign the Authorization header.
	Username, Secret string
	// APIKey is sent as the ApiKey header.
	APIKey string
	// Client is the X-Road-Client header: the calling subsystem's identifier.
	Client string
}

// DefaultCredentials are the credentials a new server accepts. The values are synthetic.
var DefaultCredentials = Credentials{
	Username: "dvc-portal-test",
	Secret:   "popdbtest-secret-0000",
	APIKey:   "popdbtest-apikey-0000",
	Client:   "VN/GOV/000.00.00.H00/DVCTEST",
}

// Sign returns the Authorization header value of the gateway's scheme:
// "Basic " + base64(username + ":" + hex(sha256(url + username + timestamp + secret))), where url
// is the absolute URL requested and timestamp the Timestamp header (epoch milliseconds).
func Sign(url, username, timestamp, secret string) string {
	sum := sha256.Sum256([]byte(url + username + timestamp + secret))
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(username+":"+hex.EncodeToString(sum[:])))
}

// SignRequest sets the gateway headers on req for the credentials at time now: Timestamp,
// Authorization, X-Road-Client, ApiKey, SOAPAction "" and Content-Type text/xml. The gateway
// accepts a signature once, so the Timestamp is now in epoch milliseconds moved on past the
// ones this process has already used: two requests signed in the same millisecond (or against
// a fixed test clock) still carry different signatures.
func SignRequest(req *http.Request, c Credentials, now time.Time) {
	ts := strconv.FormatInt(stamp(now), 10)
	req.Header.Set("Timestamp", ts)
	req.Header.Set("Authorization", Sign(req.URL.String(), c.Username, ts, c.Secret))
	req.Header.Set("X-Road-Client", c.Client)
	req.Header.Set("ApiKey", c.APIKey)
	req.Header["SOAPAction"] = []string{`""`}
	req.Header.Set("Content-Type", "text/xml; charset=utf-8")
}

// authError is a refused request: the HTTP status and why.
type authError struct {
	status int
	code   string
	reason string
}

// authenticate checks the gateway headers of r, whose absolute URL is url. It fills the
// presented credentials into e.
func (s *Server) authenticate(r *http.Request, url string, e *Request) *authError {
	e.Timestamp = r.Header.Get("Timestamp")
	e.APIKey = r.Header.Get("ApiKey")
	e.Client = r.Header.Get("X-Road-Client")
	auth := r.Header.Get("Authorization")
	user, digest, ok := parseBasic(auth)
	e.Username = user
	var missing []string
	for _, h := range []struct{ name, v string }{{"Authorization", auth}, {"Timestamp", e.Timestamp}, {"ApiKey", e.APIKey}, {"X-Road-Client", e.Client}} {
		if h.v == "" {
			missing = append(missing, h.name)
		}
	}
	if len(missing) > 0 {
		return &authError{http.StatusUnauthorized, "GW-401-MISSING", "missing header(s): " + strings.Join(missing, ", ")}
	}
	if !ok {
		return &authError{http.StatusUnauthorized, "GW-401-SCHEME", "Authorization is not Basic base64(username:sha256hex)"}
	}
	ms, err := strconv.ParseInt(e.Timestamp, 10, 64)
	if err != nil {
		return &authError{http.StatusUnauthorized, "GW-401-TIMESTAMP", "Timestamp is not epoch milliseconds"}
	}
	now := s.now()
	if skew := now.Sub(time.UnixMilli(ms)); skew > s.MaxSkew || skew < -s.MaxSkew {
		return &authError{http.StatusUnauthorized, "GW-401-TIMESTAMP", fmt.Sprintf("Timestamp is %s away from the gateway's clock (window ±%s)", skew.Round(time.Millisecond), s.MaxSkew)}
	}
	c := s.Credentials
	if subtle.ConstantTimeCompare([]byte(user), []byte(c.Username)) != 1 {
		return &authError{http.StatusUnauthorized, "GW-401-USER", "unknown username"}
	}
	if subtle.ConstantTimeCompare([]byte(e.APIKey), []byte(c.APIKey)) != 1 {
		return &authError{http.StatusUnauthorized, "GW-401-APIKEY", "wrong ApiKey"}
	}
	sum := sha256.Sum256([]byte(url + user + e.Timestamp + c.Secret))
	if subtle.ConstantTimeCompare([]byte(strings.ToLower(digest)), []byte(hex.EncodeToString(sum[:]))) != 1 {
		return &authError{http.StatusUnauthorized, "GW-401-SIGNATURE", "signature does not match sha256(url + username + timestamp + secret) for " + url}
	}
	if e.Client != c.Client {
		return &authError{http.StatusForbidden, "GW-403-CLIENT", "X-Road-Client " + e.Client + " may not call this service"}
	}
	if !s.replay.useSignature(strings.ToLower(digest), ms, now, s.MaxSkew) {
		return &authError{http.StatusUnauthorized, "GW-401-REPLAY", "this signature (Timestamp " + e.Timestamp + ") was already accepted: sign each request afresh"}
	}
	return nil
}

func parseBasic(h string) (user, digest string, ok bool) {
	const prefix = "Basic "
	if len(h) < len(prefix) || !strings.EqualFold(h[:len(prefix)], prefix) {
		return "", "", false
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(h[len(prefix):]))
	if err != nil {
		return "", "", false
	}
	user, digest, ok = strings.Cut(string(raw), ":")
	if !ok || len(digest) != 64 {
		return user, "", false
	}
	if _, err := hex.DecodeString(digest); err != nil {
		return user, "", false
	}
	return user, digest, true
}
