package ux

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/internal/htmlx"
)

// maxListed bounds how many items a message lists; the rest are counted.
const maxListed = 8

func list(items []string, more string) string {
	if len(items) <= maxListed {
		return strings.Join(items, "; ")
	}
	return strings.Join(items[:maxListed], "; ") + fmt.Sprintf("; %s %d", more, len(items)-maxListed)
}

func en(items []string) string { return list(items, "and") }
func vi(items []string) string { return list(items, "và") }

// sampled holds the pages a check examines and those it could not.
type sampled struct {
	pages   []*check.Page
	skipped []string
}

// samplePages fetches the resolved profile's pages (home, catalogue, login, look-up, privacy,
// contact, procedure pages, samples; at most max), keeping the HTML pages that answer 200.
func samplePages(ctx context.Context, s *check.Session, max int) (*check.Resolved, *sampled, error) {
	r, err := s.Profile(ctx)
	if err != nil {
		return nil, nil, err
	}
	pages, skipped, err := s.SamplePages(ctx, max)
	if err != nil {
		return nil, nil, err
	}
	return r, &sampled{pages: pages, skipped: skipped}, nil
}

func (sp *sampled) note() (string, string) {
	if len(sp.skipped) == 0 {
		return "", ""
	}
	return fmt.Sprintf(" (%d pages not examined: %s)", len(sp.skipped), en(sp.skipped)),
		fmt.Sprintf(" (%d trang không kiểm tra được: %s)", len(sp.skipped), vi(sp.skipped))
}

// noPages is the result when no sampled page could be examined.
func noPages(sp *sampled) check.Result {
	return check.Errorf("no page could be examined: %s", en(sp.skipped)).VI("không kiểm tra được trang nào: %s", vi(sp.skipped))
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
