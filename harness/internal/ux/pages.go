package ux

import (
	"context"
	"net/url"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/pagejudge"
	"github.com/p06kit/p06kit/internal/htmlx"
)

// samplePages returns the resolved profile and its sample of at most max pages (see
// pagejudge.Sample).
func samplePages(ctx context.Context, s *check.Session, max int) (*check.Resolved, pagejudge.Set, error) {
	r, err := s.Profile(ctx)
	if err != nil {
		return nil, pagejudge.Set{}, err
	}
	sp, err := pagejudge.Sample(ctx, s, max)
	return r, sp, err
}

// sameHost resolves href against base and reports whether it stays on host.
func sameHost(base *url.URL, host, href string) (*url.URL, bool) {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") {
		return nil, false
	}
	u, err := url.Parse(href)
	if err != nil {
		return nil, false
	}
	abs := base.ResolveReference(u)
	if abs.Scheme != "http" && abs.Scheme != "https" || !strings.EqualFold(abs.Host, host) {
		return nil, false
	}
	abs.Fragment = ""
	return abs, true
}

// htmlLike reports whether a URL may be an HTML page worth crawling: not a document, image,
// script or style sheet, and not a logout.
func htmlLike(u *url.URL) bool {
	p := strings.ToLower(u.Path)
	for _, ext := range []string{".pdf", ".doc", ".docx", ".xls", ".xlsx", ".zip", ".rar", ".7z", ".jpg", ".jpeg",
		".png", ".gif", ".svg", ".webp", ".ico", ".css", ".js", ".json", ".xml", ".txt", ".mp4", ".mp3"} {
		if strings.HasSuffix(p, ext) {
			return false
		}
	}
	f := htmlx.Fold(u.Path)
	return !htmlx.FoldedContains(f, "logout") && !htmlx.FoldedContains(f, "dang xuat") && !htmlx.FoldedContains(f, "dangxuat")
}

// key is how crawled URLs are compared: without the fragment.
func key(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	p.Fragment = ""
	return p.String()
}
