package headers

import (
	"strings"

	"github.com/p06kit/p06kit/harness/msg"
)

// Policy is one parsed Content-Security-Policy (CSP Level 3 §2.2): directive names in lower
// case mapped to their source lists (source expressions lower-cased, as the HTTP Observatory
// compares them). A directive without sources maps to an empty list, which for a fetch
// directive means 'none'.
type Policy struct {
	Directives map[string][]string
	// Order is the directive names in the order they appeared.
	Order []string
}

// maxCSP bounds the policy text the parser reads.
const maxCSP = 64 << 10

// lineBreaks removes CR and LF (built once: a Replacer is safe for concurrent use).
var lineBreaks = strings.NewReplacer("\r", "", "\n", "")

// ParseCSP parses one serialised policy. It fails, as the Observatory's parser does, on an
// empty or truncated policy (shorter than "img-src"), on a directive repeated within the policy
// (browsers ignore the repeat, which usually hides a mistake; report-uri and report-to excepted),
// and on directive names that are not tokens.
func ParseCSP(s string) (Policy, error) {
	if len(s) > maxCSP {
		return Policy{}, msg.Error(mErrCSPLong, len(s), maxCSP)
	}
	s = strings.TrimSpace(lineBreaks.Replace(s))
	if len(s) < len("img-src")-1 {
		return Policy{}, msg.Error(mErrCSPShort, s)
	}
	p := Policy{Directives: map[string][]string{}}
	for _, part := range strings.Split(s, ";") {
		fields := strings.Fields(part)
		if len(fields) == 0 {
			continue
		}
		name := strings.ToLower(fields[0])
		if !isToken(name) {
			return Policy{}, msg.Error(mErrCSPBadName, fields[0])
		}
		if _, dup := p.Directives[name]; dup {
			if name == "report-uri" || name == "report-to" {
				continue
			}
			return Policy{}, msg.Error(mErrCSPTwice, name)
		}
		src := make([]string, 0, len(fields)-1)
		for _, f := range fields[1:] {
			src = append(src, strings.ToLower(f))
		}
		p.Directives[name] = src
		p.Order = append(p.Order, name)
	}
	if len(p.Order) == 0 {
		return Policy{}, msg.Error(mErrCSPEmpty, s)
	}
	return p, nil
}

func isToken(s string) bool {
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return s != ""
}

// fallback returns the sources of directive d, else of default-src, and whether either is set.
func (p Policy) fallback(d string) ([]string, bool) {
	if v, ok := p.Directives[d]; ok {
		return v, true
	}
	v, ok := p.Directives["default-src"]
	return v, ok
}

// dangerouslyBroad are sources that allow scripts from (almost) anywhere: the Observatory's list.
var dangerouslyBroad = map[string]bool{"ftp:": true, "http:": true, "https:": true, "*": true,
	"http://*": true, "http://*.*": true, "https://*": true, "https://*.*": true}

func hasNonceOrHash(src []string) bool {
	for _, s := range src {
		for _, p := range []string{"'sha256-", "'sha384-", "'sha512-", "'nonce-"} {
			if strings.HasPrefix(s, p) {
				return true
			}
		}
	}
	return false
}

// ScriptVerdict is how well one policy (or a set enforced together) restricts scripts.
type ScriptVerdict struct {
	// Problems lists what lets untrusted script run, e.g. "script-src allows 'unsafe-inline'";
	// empty when scripts are restricted. Problems, Notes and Beyond are catalogue phrases
	// (package msg), rendered in the language of the finding that lists them.
	Problems []msg.Phrase
	// Notes are observations that do not fail the criterion (unsafe-inline neutralised by a
	// nonce, strict-dynamic in use, http: images).
	Notes []msg.Phrase
	// Beyond lists what the HTTP Observatory also fails but P06-SEC-07's requirement does not
	// name (it names the script policy only): a broad object-src, 'unsafe-eval' in style-src,
	// insecure sources outside script-src or for scripts from a named http:// host, and
	// 'strict-dynamic' without a nonce or hash. They are reported, not failed.
	Beyond []msg.Phrase
}

// Observatory lists everything the HTTP Observatory's CSP test fails: Problems and Beyond.
func (v ScriptVerdict) Observatory() []msg.Phrase {
	return append(append([]msg.Phrase(nil), v.Problems...), v.Beyond...)
}

// Scripts judges how the policy restricts script execution, with the HTTP Observatory's rules:
// script-src falls back to default-src (and to "*" when neither is set); 'unsafe-inline' is
// ignored when a nonce or hash is present (as browsers do); with 'strict-dynamic' and a
// nonce/hash, host sources, 'self' and 'unsafe-inline' are ignored; 'strict-dynamic' without a
// nonce or hash is a mistake; 'unsafe-inline', data: or a dangerously broad source in
// script-src, a broad object-src, http:/ftp: sources for active content on an HTTPS page and
// 'unsafe-eval' in script-src or style-src each fail. What P06-SEC-07's requirement names (the
// script policy: 'unsafe-inline', 'unsafe-eval', any source) is in Problems; the rest of what
// the Observatory fails is in Beyond.
func (p Policy) Scripts(https bool) ScriptVerdict {
	var v ScriptVerdict
	script, ok := p.fallback("script-src")
	where := msg.P(msg.Verbatim, "script-src")
	if _, own := p.Directives["script-src"]; !own && ok {
		where = msg.P(mCSPWhereDefault)
	}
	if !ok {
		v.Problems = append(v.Problems, msg.P(mCSPNoScriptPolicy))
		script = []string{"*"}
	}
	style, _ := p.fallback("style-src")
	object, objectSet := p.fallback("object-src")
	if !objectSet {
		object = []string{"*"}
	}
	nonce := hasNonceOrHash(script)
	strictDynamic := contains(script, "'strict-dynamic'")
	effective := make([]string, 0, len(script))
	for _, s := range script {
		switch {
		case s == "'unsafe-inline'" && nonce:
			v.Notes = append(v.Notes, msg.P(mCSPInlineIgnored, where))
			continue
		case strictDynamic && nonce && (s == "'self'" || s == "'unsafe-inline'" || broadPrefix(s)):
			continue
		}
		effective = append(effective, s)
	}
	if strictDynamic {
		if nonce {
			v.Notes = append(v.Notes, msg.P(mCSPStrictDynamic, where))
		} else {
			v.Beyond = append(v.Beyond, msg.P(mCSPStrictDynamicAlone, where))
		}
	}
	for _, s := range effective {
		switch {
		case s == "'unsafe-inline'":
			v.Problems = append(v.Problems, msg.P(mCSPUnsafeInline, where))
		case s == "data:":
			v.Problems = append(v.Problems, msg.P(mCSPData, where))
		case dangerouslyBroad[s] && ok:
			v.Problems = append(v.Problems, msg.P(mCSPBroad, where, s))
		}
	}
	for _, s := range object {
		if dangerouslyBroad[s] {
			v.Beyond = append(v.Beyond, msg.P(mCSPBroadObject, s))
			break
		}
	}
	if https {
		for _, name := range p.Order {
			if name == "img-src" || name == "media-src" || name == "script-src" {
				continue
			}
			if insecure := firstInsecure(p.Directives[name]); insecure != "" {
				v.Beyond = append(v.Beyond, msg.P(mCSPInsecure, name, insecure))
			}
		}
		if insecure := firstInsecure(effective); insecure != "" {
			v.Beyond = append(v.Beyond, msg.P(mCSPInsecureScripts, where, insecure))
		}
	}
	if contains(script, "'unsafe-eval'") {
		v.Problems = append(v.Problems, msg.P(mCSPUnsafeEval, where))
	} else if contains(style, "'unsafe-eval'") {
		v.Beyond = append(v.Beyond, msg.P(mCSPStyleEval))
	}
	return v
}

func broadPrefix(s string) bool {
	for b := range dangerouslyBroad {
		if strings.HasPrefix(s, b) {
			return true
		}
	}
	return false
}

func firstInsecure(src []string) string {
	for _, s := range src {
		if strings.HasPrefix(s, "http:") || strings.HasPrefix(s, "ftp:") {
			return s
		}
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// FrameAncestors returns the frame-ancestors sources and whether the directive is set.
func (p Policy) FrameAncestors() ([]string, bool) {
	v, ok := p.Directives["frame-ancestors"]
	return v, ok
}
