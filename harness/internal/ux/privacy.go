package ux

import (
	"context"
	"net/url"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/pagejudge"
	"github.com/p06kit/p06kit/harness/msg"
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
		return check.FromError(msg.P(mStepProfile), err)
	}
	if r.Privacy == "" {
		return check.Fail(mPrivacyNone, privacyLabel, privateLabel, dataLabel).
			Saw(msg.P(mPrivacyNoneGot), msg.P(mPrivacyNoneWant))
	}
	pp, err := s.Page(ctx, r.Privacy)
	if err != nil {
		return check.FromError(msg.P(mStepPrivacy), err)
	}
	ev := []scoring.Evidence{pp.Evidence("Content-Type")}
	if pp.StatusCode != 200 || pp.Doc == nil {
		return check.Fail(mPrivacyStatus, check.Redact(pp.URL), pp.StatusCode).
			At(pp.URL).With(ev...).Saw(msg.P(mPrivacyStatusGot, pp.StatusCode), msg.P(mPrivacyStatusWant))
	}
	text := htmlx.Fold(htmlx.Text(pp.Doc))
	topical := false
	for _, t := range privacyTopics {
		topical = topical || htmlx.FoldedContains(text, t)
	}
	if !topical {
		return check.Fail(mPrivacyOffTopic, check.Redact(pp.URL), personalDataWord).
			At(pp.URL).With(ev...).Saw(msg.P(mPrivacyOffTopicGot), msg.P(mPrivacyOffTopicWant))
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
	skip := sp.NotJudged()
	if len(without) > 0 {
		return check.Fail(mPrivacyFail, len(without), len(sp.Pages), check.Redact(pp.URL), pagejudge.Data(without), skip).
			At(without[0]).With(ev...).Saw(msg.P(mPrivacyFailGot, len(without)), msg.P(mPrivacyFailWant))
	}
	return check.Pass(mPrivacyPass, len(sp.Pages), check.Redact(pp.URL), skip).With(ev...)
}
