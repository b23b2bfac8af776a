package leakage

import (
	"context"
	"encoding/base64"
	"net"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/headers"
	"github.com/p06kit/p06kit/harness/internal/pagejudge"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/htmlx"
	"github.com/p06kit/p06kit/scoring"
)

// ValidIntegrity reports whether an integrity attribute holds at least one well-formed
// sha256/sha384/sha512 token (SRI §3.5: "alg-base64[?options]"), the digest of the right length.
func ValidIntegrity(v string) bool {
	sizes := map[string]int{"sha256": 32, "sha384": 48, "sha512": 64}
	for _, tok := range strings.Fields(v) {
		alg, b64, ok := strings.Cut(tok, "-")
		if !ok {
			continue
		}
		b64, _, _ = strings.Cut(b64, "?")
		n, known := sizes[strings.ToLower(alg)]
		if !known {
			continue
		}
		d, err := base64.StdEncoding.DecodeString(b64)
		if err != nil {
			d, err = base64.URLEncoding.DecodeString(b64)
		}
		if err == nil && len(d) == n {
			return true
		}
	}
	return false
}

// site returns the registrable domain of a host (gov.vn's public suffix plus one label), or the
// host itself for IP addresses and single-label names.
func site(host string) string {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if a, err := idna.Lookup.ToASCII(host); err == nil {
		host = a
	}
	if net.ParseIP(host) != nil {
		return host
	}
	if s, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return s
	}
	return host
}

// Subresource is a third-party script or stylesheet and what is wrong with its SRI.
type Subresource struct {
	URL, Path string
	// Problem is what is wrong (a catalogue phrase), zero when nothing is.
	Problem msg.Phrase
}

// ThirdPartySRI lists the scripts and stylesheets of a page loaded from another site (another
// registrable domain, as the HTTP Observatory counts it; protocol-relative URLs count as another
// site) without valid Subresource Integrity: no integrity, a malformed one, or no crossorigin
// attribute (without it the browser cannot check integrity across origins and blocks the file).
func ThirdPartySRI(doc *html.Node, pageURL string) (all, bad []Subresource) {
	base, err := url.Parse(pageURL)
	if err != nil {
		return nil, nil
	}
	if b := htmlx.First(doc, "base"); b != nil {
		if href, ok := htmlx.Attr(b, "href"); ok {
			if u, err := base.Parse(href); err == nil {
				base = u
			}
		}
	}
	own := site(base.Hostname())
	for _, e := range htmlx.All(doc, "script", "link") {
		var ref string
		if e.Data == "script" {
			ref, _ = htmlx.Attr(e, "src")
		} else {
			rel, _ := htmlx.Attr(e, "rel")
			if !strings.Contains(strings.ToLower(rel), "stylesheet") && !strings.Contains(strings.ToLower(rel), "modulepreload") {
				continue
			}
			ref, _ = htmlx.Attr(e, "href")
		}
		ref = strings.TrimSpace(ref)
		if ref == "" {
			continue
		}
		u, err := base.Parse(ref)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			continue
		}
		if !strings.HasPrefix(ref, "//") && site(u.Hostname()) == own {
			continue
		}
		sr := Subresource{URL: u.String(), Path: htmlx.Path(e)}
		integrity, has := htmlx.Attr(e, "integrity")
		_, cors := htmlx.Attr(e, "crossorigin")
		switch {
		case !has || strings.TrimSpace(integrity) == "":
			sr.Problem = msg.P(mSRINoIntegrity)
		case !ValidIntegrity(integrity):
			sr.Problem = msg.P(mSRIBadIntegrity, truncate(integrity, 60))
		case !cors:
			sr.Problem = msg.P(mSRINoCORS)
		}
		all = append(all, sr)
		if !sr.Problem.Text.IsZero() {
			bad = append(bad, sr)
		}
	}
	return all, bad
}

// checkSRI judges P06-SEC-17 on the citizen pages.
func checkSRI(ctx context.Context, s *check.Session) check.Result {
	var tally pagejudge.Tally
	third := 0
	for _, u := range headers.CitizenPages(ctx, s) {
		p, err := s.Page(ctx, u)
		if err != nil || p.Doc == nil {
			continue
		}
		tally.Read++
		all, bad := ThirdPartySRI(p.Doc, p.FinalURL)
		third += len(all)
		for _, b := range bad {
			tally.Record(p.FinalURL, msg.P(mSRIAt, check.Redact(p.FinalURL), check.Redact(b.URL), b.Problem),
				scoring.Evidence{Request: "GET " + check.Redact(p.FinalURL), Location: b.Path, Excerpt: check.Redact(b.URL)}.Noted(msg.Verbatim, b.Problem))
		}
	}
	if tally.Read > 0 && len(tally.Things) == 0 && third > 0 {
		return check.Pass(mSRIAllGood, third).Saw(msg.P(mSRIAllGoodGot), msg.P(mSRIWant))
	}
	return tally.Finding(pagejudge.TallyTexts{
		NoneRead: msg.P(mSRINoneRead), Counted: mSRIFail,
		Pass: mSRIPass, PassGot: msg.P(mSRIPassGot), Want: msg.P(mSRIWant),
	})
}
