package leakage

import (
	"context"
	"encoding/base64"
	"fmt"
	"net"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/headers"
	"github.com/p06kit/p06kit/harness/internal/pagejudge"
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
	Problem   string
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
			sr.Problem = "no integrity attribute"
		case !ValidIntegrity(integrity):
			sr.Problem = fmt.Sprintf("integrity %q holds no valid sha256/sha384/sha512 digest", truncate(integrity, 60))
		case !cors:
			sr.Problem = "integrity without crossorigin (the browser cannot verify it and blocks the file)"
		}
		all = append(all, sr)
		if sr.Problem != "" {
			bad = append(bad, sr)
		}
	}
	return all, bad
}

// checkSRI judges P06-SEC-17 on the citizen pages.
func checkSRI(ctx context.Context, s *check.Session) check.Result {
	want := "every third-party script and stylesheet with integrity=\"sha384-…\" (or sha256/sha512) and crossorigin"
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
			tally.Add(p.FinalURL, fmt.Sprintf("%s loads %s: %s", check.Redact(p.FinalURL), check.Redact(b.URL), b.Problem),
				scoring.Evidence{Request: "GET " + check.Redact(p.FinalURL), Location: b.Path, Excerpt: check.Redact(b.URL), Note: b.Problem})
		}
	}
	m := pagejudge.TallyMessages{
		NoneRead: "no HTML page could be fetched", NoneReadVI: "không tải được trang HTML nào",
		Fail: "%d third-party script(s)/stylesheet(s) lack valid Subresource Integrity: %s", FailVI: "%d script/stylesheet của bên thứ ba thiếu SRI hợp lệ: %s",
		Pass: "no third-party scripts or stylesheets on the %d page(s) checked", PassVI: "không có script/stylesheet của bên thứ ba trên %d trang",
		PassGot: "no third-party scripts", Want: want,
	}
	if tally.Read > 0 && len(tally.Found) == 0 && third > 0 {
		return check.Passf("all %d third-party script(s)/stylesheet(s) carry valid integrity and crossorigin", third).
			VI("cả %d script/stylesheet của bên thứ ba đều có SRI hợp lệ", third).GotWant("all with SRI", want)
	}
	return tally.Result(m)
}
