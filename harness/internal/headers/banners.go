package headers

import (
	"context"
	"net/http"
	"regexp"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/pagejudge"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/htmlx"
)

// bannerHeaders are response headers in which servers and frameworks announce themselves.
var bannerHeaders = []string{"Server", "X-Powered-By", "X-AspNet-Version", "X-AspNetMvc-Version",
	"X-Generator", "X-Runtime-Version", "X-Drupal-Dynamic-Cache", "X-Pingback", "X-Backend-Server",
	"X-Server-Version", "X-Version", "Liferay-Portal", "X-Jenkins", "X-Varnish-Version", "MicrosoftSharePointTeamServices"}

// versionRe finds a version number: "nginx/1.22.1", "PHP/8.1", "Microsoft-IIS/10.0",
// "4.0.30319", "WordPress 6.4.2", "Liferay Community Edition Portal 7.4.3".
var versionRe = regexp.MustCompile(`(?:/|\bv?)(\d+(?:\.\d+)+|\d+)(?:[a-z0-9.\-]*)`)

// hasVersion reports whether a banner value carries a version number. A bare product name
// ("nginx", "cloudflare", "Microsoft-IIS") is fine: it is the version that lets an attacker look up
// known vulnerabilities. Headers whose whole value is a version (X-AspNet-Version) always fail.
func hasVersion(header, value string) (string, bool) {
	value = strings.TrimSpace(value)
	if value == "" {
		return "", false
	}
	switch http.CanonicalHeaderKey(header) {
	case "X-Aspnet-Version", "X-Aspnetmvc-Version", "X-Server-Version", "X-Version", "X-Runtime-Version", "Microsoftsharepointteamservices":
		return value, true
	}
	for _, loc := range versionRe.FindAllStringSubmatchIndex(value, -1) {
		m, num := value[loc[0]:loc[1]], value[loc[2]:loc[3]]
		if strings.Contains(num, ".") {
			return m, true
		}
		// A single number counts only after a slash and standing alone ("Apache/2"), not as
		// part of a name ("h2o") or of an opaque token ("ECS (sjc/4E5D)").
		next := byte(' ')
		if loc[3] < len(value) {
			next = value[loc[3]]
		}
		if strings.HasPrefix(m, "/") && !(next >= 'A' && next <= 'Z' || next >= 'a' && next <= 'z') {
			return m, true
		}
	}
	return "", false
}

// signatureRe finds server signatures in error pages ("<center>nginx/1.22.1</center>",
// "Apache/2.4.57 (Debian) Server at …").
var signatureRe = regexp.MustCompile(`(?i)\b(nginx|apache|microsoft-iis|lighttpd|openresty|jetty|apache-coyote|apache tomcat|litespeed|caddy|kestrel)/\s?\d+(?:\.\d+)*`)

// checkBanners judges P06-SEC-12 on the citizen pages' headers and meta generator tags, and on
// the server's own error page (the 404 of a random path), where default server signatures live.
func checkBanners(ctx context.Context, s *check.Session) check.Result {
	var tally pagejudge.Tally
	pages := CitizenPages(ctx, s)
	random := NotFoundPath(s)
	if abs, err := s.Resolve(random); err == nil {
		pages = append(pages, abs)
	}
	for i, u := range pages {
		var p *check.Page
		var err error
		if i == len(pages)-1 {
			r, gerr := s.Get(ctx, u)
			if gerr == nil {
				p = &check.Page{Response: r}
			}
			err = gerr
		} else {
			p, err = s.Page(ctx, u)
		}
		if err != nil {
			continue
		}
		tally.Read++
		var here []msg.Phrase
		for _, h := range bannerHeaders {
			for _, v := range p.Header.Values(h) {
				if ver, ok := hasVersion(h, v); ok {
					here = append(here, msg.P(mBannerHeader, http.CanonicalHeaderKey(h), truncate(v, 80), ver))
				}
			}
		}
		if p.Doc != nil {
			for _, m := range htmlx.All(p.Doc, "meta") {
				if n, _ := htmlx.Attr(m, "name"); strings.EqualFold(n, "generator") {
					c, _ := htmlx.Attr(m, "content")
					if ver, ok := hasVersion("generator", c); ok {
						here = append(here, msg.P(mBannerGenerator, truncate(c, 80), ver))
					}
				}
			}
		}
		if i == len(pages)-1 {
			if m := signatureRe.Find(p.Body); m != nil {
				here = append(here, msg.P(mBannerSignature, string(m)))
			}
		}
		if len(here) > 0 {
			e := p.Evidence(bannerHeaders...)
			e = e.Noted(msg.Verbatim, msg.List{Items: here})
			tally.Record(p.URL, msg.P(mBannersAt, check.Redact(p.URL), msg.List{Items: here, Sep: ", "}), e)
		}
	}
	return tally.Finding(pagejudge.TallyTexts{
		NoneRead: msg.P(mBannersNoneRead), Fail: mBannersFail,
		Pass: mBannersPass, PassGot: msg.P(mBannersPassGot), Want: msg.P(mBannersWant),
	})
}
