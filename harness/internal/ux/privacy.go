package ux

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/internal/htmlx"
	"github.com/p06kit/p06kit/scoring"
)

// privacyLabels are the folded link texts of a privacy notice.
var privacyLabels = []string{"chinh sach bao mat", "quyen rieng tu", "bao ve du lieu ca nhan", "chinh sach bao ve du lieu", "du lieu ca nhan", "privacy"}

// privacyTopics are folded phrases a privacy notice under Decree 13/2023 talks about.
var privacyTopics = []string{"du lieu ca nhan", "13 2023", "bao ve du lieu", "personal data"}

// linksToPrivacy reports whether the page has a link to the privacy notice: to its URL, or with
// a privacy label as its text.
func linksToPrivacy(pg *check.Page, privacy *url.URL) bool {
	if _, err := url.Parse(pg.FinalURL); err != nil {
		return false
	}
	for _, l := range htmlx.Links(pg.Doc, pg.FinalURL) {
		if !check.UsableHref(l.Href) {
			continue // an empty, "#" or javascript: link leads nowhere
		}
		if l.URL != nil && privacy != nil && strings.EqualFold(l.URL.Host, privacy.Host) && l.URL.Path == privacy.Path {
			return true
		}
		f := l.Folded("aria-label", "title")
		for _, l := range privacyLabels {
			if htmlx.FoldedContains(f, l) {
				return true
			}
		}
	}
	return false
}

// privacyCheck is P06-UX-09: a privacy notice (Decree 13/2023 on personal data protection)
// exists, speaks of personal data, and every sampled page links to it.
func privacyCheck(ctx context.Context, s *check.Session) check.Result {
	if res, shell := s.HomeShell(ctx); shell {
		return res // a single-page app not rendered: nothing to judge
	}
	r, sp, err := samplePages(ctx, s, s.Config().MaxPages)
	if err != nil {
		return check.FromError("resolving the portal profile", err)
	}
	if r.Privacy == "" {
		return check.Failf("no privacy notice: none configured (privacy) and no link labelled \"Chính sách bảo mật\", \"Quyền riêng tư\" or \"Bảo vệ dữ liệu cá nhân\" found").
			VI("không có chính sách bảo vệ dữ liệu cá nhân: chưa cấu hình privacy và không tìm thấy liên kết \"Chính sách bảo mật\" hay \"Bảo vệ dữ liệu cá nhân\"").
			GotWant("no privacy notice", "a privacy notice (Decree 13/2023) linked from every page")
	}
	pp, err := s.Page(ctx, r.Privacy)
	if err != nil {
		return check.FromError("fetching the privacy notice", err)
	}
	ev := []scoring.Evidence{pp.Evidence("Content-Type")}
	if pp.StatusCode != 200 || pp.Doc == nil {
		return check.Failf("the privacy notice %s answers status %d", check.Redact(pp.URL), pp.StatusCode).
			VI("trang chính sách bảo mật %s trả về mã %d", check.Redact(pp.URL), pp.StatusCode).
			At(pp.URL).With(ev...).GotWant(fmt.Sprintf("status %d", pp.StatusCode), "a privacy notice page")
	}
	text := htmlx.Fold(htmlx.Text(pp.Doc))
	topical := false
	for _, t := range privacyTopics {
		topical = topical || htmlx.FoldedContains(text, t)
	}
	if !topical {
		return check.Failf("the privacy notice %s does not speak of personal data (dữ liệu cá nhân, Decree 13/2023)", check.Redact(pp.URL)).
			VI("trang %s không đề cập tới dữ liệu cá nhân (Nghị định 13/2023)", check.Redact(pp.URL)).
			At(pp.URL).With(ev...).GotWant("no personal-data notice", "a notice on the processing of personal data")
	}
	privacy, _ := url.Parse(pp.URL)
	var without []string
	for _, pg := range sp.Pages {
		if pg.URL == pp.URL {
			continue
		}
		if !linksToPrivacy(pg, privacy) {
			without = append(without, check.Redact(pg.URL))
		}
	}
	skip, skipVI := sp.UnreadNote()
	if len(without) > 0 {
		return check.Failf("%d of %d pages do not link to the privacy notice %s: %s%s", len(without), len(sp.Pages), check.Redact(pp.URL), en(without), skip).
			VI("%d/%d trang không có liên kết tới chính sách bảo mật %s: %s%s", len(without), len(sp.Pages), check.Redact(pp.URL), vi(without), skipVI).
			At(without[0]).With(ev...).GotWant(fmt.Sprintf("%d pages without the link", len(without)), "the privacy notice linked from every page")
	}
	return check.Passf("every page examined (%d) links to the privacy notice %s%s", len(sp.Pages), check.Redact(pp.URL), skip).
		VI("cả %d trang được kiểm tra đều liên kết tới chính sách bảo mật %s%s", len(sp.Pages), check.Redact(pp.URL), skipVI).With(ev...)
}
