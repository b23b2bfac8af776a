package leakage

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"mime"
	"net/url"
	"strings"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/internal/textx"
)

// SecurityTxt is a parsed security.txt (RFC 9116).
type SecurityTxt struct {
	// Contacts are the Contact values, in order.
	Contacts []string
	// Expires is the Expires value; zero when absent or invalid.
	Expires time.Time
	// Fields holds every field by lower-case name, values in order.
	Fields map[string][]string
	// Signed is true when the file is an OpenPGP cleartext-signed message.
	Signed bool
	// Problems are the violations of RFC 9116, each with its line number.
	Problems []string
}

// maxSecurityTxt bounds the file the parser reads.
const maxSecurityTxt = 32 << 10

// ParseSecurityTxt parses a security.txt (RFC 9116 §4: "Field: value" lines, comments starting
// with "#", an optional OpenPGP cleartext signature). It never fails: what is wrong is listed in
// Problems with its line number, including a missing Contact, a missing, repeated or invalid
// Expires, non-https web URIs and text that is not a field (an HTML page served at that path).
func ParseSecurityTxt(body []byte) SecurityTxt {
	st := SecurityTxt{Fields: map[string][]string{}}
	if len(body) > maxSecurityTxt {
		st.Problems = append(st.Problems, fmt.Sprintf("file of %d bytes exceeds the %d read", len(body), maxSecurityTxt))
		body = body[:maxSecurityTxt]
	}
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 0, 4096), maxSecurityTxt)
	line := 0
	inHeader := false
	expiresSeen := 0
	bad := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		trim := strings.TrimSpace(text)
		switch {
		case line == 1 && trim == "-----BEGIN PGP SIGNED MESSAGE-----":
			st.Signed, inHeader = true, true
			continue
		case inHeader:
			if trim == "" {
				inHeader = false
			}
			continue
		case st.Signed && trim == "-----BEGIN PGP SIGNATURE-----":
			goto done
		case trim == "" || strings.HasPrefix(trim, "#"):
			continue
		}
		if st.Signed {
			text = strings.TrimPrefix(text, "- ") // dash-escaping (RFC 4880 §7.1)
		}
		name, value, ok := strings.Cut(text, ":")
		if !ok || name == "" || strings.ContainsAny(name, " \t<>") {
			bad++
			if bad <= 3 {
				st.Problems = append(st.Problems, fmt.Sprintf("line %d is neither a field nor a comment: %q", line, truncate(trim, 60)))
			}
			continue
		}
		key := strings.ToLower(name)
		value = strings.TrimSpace(value)
		st.Fields[key] = append(st.Fields[key], value)
		switch key {
		case "contact":
			st.Contacts = append(st.Contacts, value)
			if p := checkURI(value); p != "" {
				st.Problems = append(st.Problems, fmt.Sprintf("line %d: Contact %s", line, p))
			}
		case "expires":
			expiresSeen++
			if expiresSeen > 1 {
				st.Problems = append(st.Problems, fmt.Sprintf("line %d: Expires appears more than once", line))
				continue
			}
			t, err := time.Parse(time.RFC3339, value)
			if err != nil {
				st.Problems = append(st.Problems, fmt.Sprintf("line %d: Expires %q is not an RFC 3339 date-time (e.g. 2027-01-31T17:00:00+07:00)", line, truncate(value, 40)))
				continue
			}
			st.Expires = t
		case "encryption", "acknowledgments", "policy", "hiring", "canonical", "csaf":
			if p := checkURI(value); p != "" {
				st.Problems = append(st.Problems, fmt.Sprintf("line %d: %s %s", line, name, p))
			}
		}
	}
done:
	if bad > 3 {
		st.Problems = append(st.Problems, fmt.Sprintf("%d lines in all are neither fields nor comments", bad))
	}
	if len(st.Contacts) == 0 {
		st.Problems = append(st.Problems, "no Contact field (required, RFC 9116 §2.5.3)")
	}
	if expiresSeen == 0 {
		st.Problems = append(st.Problems, "no Expires field (required, RFC 9116 §2.5.5)")
	}
	return st
}

// checkURI says what is wrong with a field's URI value, or "".
func checkURI(v string) string {
	u, err := url.Parse(v)
	if err != nil || u.Scheme == "" {
		return fmt.Sprintf("%q is not a URI (write mailto:, tel: or https://)", truncate(v, 60))
	}
	if strings.EqualFold(u.Scheme, "http") {
		return fmt.Sprintf("%q uses http://; web URIs must be https:// (RFC 9116 §2.5)", truncate(v, 60))
	}
	return ""
}

// truncate shortens s to n characters, never inside one (Vietnamese text is mostly multi-byte).
func truncate(s string, n int) string { return textx.Truncate(s, n) }

// now is the clock of the Expires check; tests replace it.
var now = time.Now

// checkSecurityTxt judges P06-SEC-15.
func checkSecurityTxt(ctx context.Context, s *check.Session) check.Result {
	want := "/.well-known/security.txt over HTTPS, text/plain, with Contact and an Expires in the future"
	r, err := s.Get(ctx, "/.well-known/security.txt")
	if err != nil {
		return check.Errorf("GET /.well-known/security.txt: %v", err).VI("GET /.well-known/security.txt: %v", err)
	}
	at := r.FinalURL
	fail := func(got string) check.Result {
		return check.Failf("%s: %s", check.Redact(at), got).VI("%s: %s", check.Redact(at), got).
			GotWant(got, want).At(at).With(r.Evidence("Content-Type"))
	}
	if r.StatusCode != 200 {
		got := fmt.Sprintf("no security.txt (HTTP %d)", r.StatusCode)
		// RFC 9116 §3 allows /security.txt only as a legacy copy or redirect: say so if that is
		// where the file is.
		if legacy, err := s.Get(ctx, "/security.txt"); err == nil && legacy.StatusCode == 200 &&
			strings.HasPrefix(legacy.Header.Get("Content-Type"), "text/plain") && len(ParseSecurityTxt(legacy.Body).Contacts) > 0 {
			got += "; a security.txt is served at /security.txt, but RFC 9116 requires /.well-known/security.txt"
		}
		return fail(got)
	}
	if u, err := url.Parse(r.FinalURL); err != nil || u.Scheme != "https" {
		return fail("security.txt is served over plain HTTP (RFC 9116 §3 requires HTTPS)")
	}
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "text/plain" {
		return fail(fmt.Sprintf("Content-Type is %q, not text/plain (a soft-404 page or misconfigured server)", r.Header.Get("Content-Type")))
	}
	var notes []string
	if cs := params["charset"]; cs != "" && !strings.EqualFold(cs, "utf-8") {
		return fail(fmt.Sprintf("charset is %q, not utf-8 (RFC 9116 §3)", cs))
	} else if cs == "" {
		notes = append(notes, "Content-Type has no charset=utf-8")
	}
	st := ParseSecurityTxt(r.Body)
	t := now()
	if !st.Expires.IsZero() && !st.Expires.After(t) {
		st.Problems = append(st.Problems, fmt.Sprintf("Expires %s is in the past: the file is stale and must not be trusted", st.Expires.Format(time.RFC3339)))
	}
	if len(st.Problems) > 0 {
		return fail(strings.Join(st.Problems, "; "))
	}
	if st.Expires.Sub(t) > 366*24*time.Hour {
		notes = append(notes, "Expires is more than a year ahead (RFC 9116 recommends less)")
	}
	if st.Signed {
		notes = append(notes, "OpenPGP-signed (signature not verified)")
	}
	msg := fmt.Sprintf("%s: Contact %s; Expires %s", check.Redact(at), strings.Join(st.Contacts, ", "), st.Expires.Format(time.DateOnly))
	if len(notes) > 0 {
		msg += " (" + strings.Join(notes, "; ") + ")"
	}
	return check.Passf("%s", msg).VI("%s: có Contact và Expires còn hiệu lực", check.Redact(at)).GotWant(msg, want).At(at)
}
