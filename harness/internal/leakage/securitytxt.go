package leakage

import (
	"bufio"
	"bytes"
	"context"
	"mime"
	"net/url"
	"strings"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
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
	// Problems are the violations of RFC 9116, each with its line number, as catalogue phrases
	// (String gives the English).
	Problems []msg.Phrase
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
		st.Problems = append(st.Problems, msg.P(mSecTxtTooLong, len(body), maxSecurityTxt))
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
				st.Problems = append(st.Problems, msg.P(mSecTxtBadLine, line, truncate(trim, 60)))
			}
			continue
		}
		key := strings.ToLower(name)
		value = strings.TrimSpace(value)
		st.Fields[key] = append(st.Fields[key], value)
		switch key {
		case "contact":
			st.Contacts = append(st.Contacts, value)
			if p, bad := checkURI(value); bad {
				st.Problems = append(st.Problems, msg.P(mSecTxtContactURI, line, p))
			}
		case "expires":
			expiresSeen++
			if expiresSeen > 1 {
				st.Problems = append(st.Problems, msg.P(mSecTxtExpiresTwice, line))
				continue
			}
			t, err := time.Parse(time.RFC3339, value)
			if err != nil {
				st.Problems = append(st.Problems, msg.P(mSecTxtExpiresBad, line, truncate(value, 40)))
				continue
			}
			st.Expires = t
		case "encryption", "acknowledgments", "policy", "hiring", "canonical", "csaf":
			if p, bad := checkURI(value); bad {
				st.Problems = append(st.Problems, msg.P(mSecTxtFieldURI, line, name, p))
			}
		}
	}
done:
	if bad > 3 {
		st.Problems = append(st.Problems, msg.P(mSecTxtBadLines, bad))
	}
	if len(st.Contacts) == 0 {
		st.Problems = append(st.Problems, msg.P(mSecTxtNoContact))
	}
	if expiresSeen == 0 {
		st.Problems = append(st.Problems, msg.P(mSecTxtNoExpires))
	}
	return st
}

// checkURI says what is wrong with a field's URI value, bad false when nothing is.
func checkURI(v string) (p msg.Phrase, bad bool) {
	u, err := url.Parse(v)
	if err != nil || u.Scheme == "" {
		return msg.P(mSecTxtNotURI, truncate(v, 60)), true
	}
	if strings.EqualFold(u.Scheme, "http") {
		return msg.P(mSecTxtHTTPURI, truncate(v, 60)), true
	}
	return msg.Phrase{}, false
}

// truncate shortens s to n characters, never inside one (Vietnamese text is mostly multi-byte).
func truncate(s string, n int) string { return textx.Truncate(s, n) }

// now is the clock of the Expires check; tests replace it.
var now = time.Now

// checkSecurityTxt judges P06-SEC-15.
func checkSecurityTxt(ctx context.Context, s *check.Session) check.Result {
	want := msg.P(mSecTxtWant)
	r, err := s.Get(ctx, "/.well-known/security.txt")
	if err != nil {
		return check.Error(mSecTxtGetFailed, err)
	}
	at := r.FinalURL
	fail := func(got ...msg.Phrase) check.Result {
		list := msg.List{Items: got}
		return check.Fail(mSecTxtFail, check.Redact(at), list).
			Saw(msg.P(mList, list), want).At(at).With(r.Evidence("Content-Type"))
	}
	if r.StatusCode != 200 {
		got := []msg.Phrase{msg.P(mSecTxtMissing, r.StatusCode)}
		// RFC 9116 §3 allows /security.txt only as a legacy copy or redirect: say so if that is
		// where the file is.
		if legacy, err := s.Get(ctx, "/security.txt"); err == nil && legacy.StatusCode == 200 &&
			strings.HasPrefix(legacy.Header.Get("Content-Type"), "text/plain") && len(ParseSecurityTxt(legacy.Body).Contacts) > 0 {
			got = append(got, msg.P(mSecTxtLegacy))
		}
		return fail(got...)
	}
	if u, err := url.Parse(r.FinalURL); err != nil || u.Scheme != "https" {
		return fail(msg.P(mSecTxtPlainHTTP))
	}
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "text/plain" {
		return fail(msg.P(mSecTxtContentType, r.Header.Get("Content-Type")))
	}
	var notes []msg.Phrase
	if cs := params["charset"]; cs != "" && !strings.EqualFold(cs, "utf-8") {
		return fail(msg.P(mSecTxtCharset, cs))
	} else if cs == "" {
		notes = append(notes, msg.P(mSecTxtNoCharset))
	}
	st := ParseSecurityTxt(r.Body)
	t := now()
	if !st.Expires.IsZero() && !st.Expires.After(t) {
		st.Problems = append(st.Problems, msg.P(mSecTxtStale, st.Expires.Format(time.RFC3339)))
	}
	if len(st.Problems) > 0 {
		return fail(st.Problems...)
	}
	if st.Expires.Sub(t) > 366*24*time.Hour {
		notes = append(notes, msg.P(mSecTxtFarExpires))
	}
	if st.Signed {
		notes = append(notes, msg.P(mSecTxtSigned))
	}
	var noted msg.List
	if len(notes) > 0 {
		noted.Items = []msg.Phrase{msg.P(mSecTxtNotes, msg.List{Items: notes})}
	}
	pass := msg.P(mSecTxtPass, check.Redact(at), strings.Join(st.Contacts, ", "), st.Expires.Format(time.DateOnly), noted)
	return check.Pass(pass.Text, pass.Args...).Saw(pass, want).At(at)
}
