package service

import (
	"context"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/htmlx"
	"github.com/p06kit/p06kit/scoring"
)

// offersForm reports whether a page lets people act online: for feedback, a form with a text
// area or text input; for rating, a form with choices (radio buttons, a list, a range, or
// several buttons). A link to another host whose text names the function (the national portal's
// PAKN or rating system) counts too.
func offersForm(pg *check.Page, field, host string, phrases []string) bool {
	for _, f := range htmlx.All(pg.Doc, "form") {
		if field == "feedback" {
			if len(htmlx.All(f, "textarea")) > 0 {
				return true
			}
			for _, in := range htmlx.All(f, "input") {
				if t, _ := htmlx.Attr(in, "type"); t == "" || strings.EqualFold(t, "text") {
					return true
				}
			}
			continue
		}
		for _, in := range htmlx.All(f, "input") {
			if t, _ := htmlx.Attr(in, "type"); strings.EqualFold(t, "radio") || strings.EqualFold(t, "range") || strings.EqualFold(t, "number") {
				return true
			}
		}
		if len(htmlx.All(f, "select")) > 0 || len(htmlx.All(f, "button")) > 1 {
			return true
		}
	}
	for _, l := range htmlx.Links(pg.Doc, pg.FinalURL) {
		if !check.UsableHref(l.Href) || !l.Web() || l.URL.Host == "" || strings.EqualFold(l.URL.Host, host) {
			continue
		}
		t := l.Folded()
		for _, p := range phrases {
			if htmlx.FoldedContains(t, p) {
				return true
			}
		}
	}
	return false
}

// feedbackCheck is P06-SVC-05: feedback / petitions (phản ánh, kiến nghị) and satisfaction rating
// (đánh giá mức độ hài lòng) are offered online: both pages exist, answer 200, say what they are,
// and offer a form (a text box to write feedback; choices to rate) or a link to the national
// system that takes them.
func feedbackCheck(ctx context.Context, s *check.Session, r *check.Resolved) check.Result {
	type want struct {
		field, ref string
		what       msg.Phrase
		phrases    []string
	}
	wants := []want{
		{"feedback", r.Feedback, msg.P(mFeedbackWhat, feedbackWords), []string{"phan anh", "kien nghi", "gop y", "feedback"}},
		{"rating", r.Rating, msg.P(mRatingWhat, ratingWords), []string{"danh gia", "hai long", "khao sat", "rating"}},
	}
	var bad []msg.Phrase
	var ev []scoring.Evidence
	for _, w := range wants {
		if w.ref == "" {
			bad = append(bad, msg.P(mFeedbackNone, w.what, w.field))
			continue
		}
		pg, err := s.Page(ctx, w.ref)
		if err != nil {
			return check.FromError(msg.P(mStepFieldPage, w.field), err)
		}
		ev = append(ev, pg.Evidence("Content-Type"))
		text := ""
		if pg.Doc != nil {
			text = htmlx.Fold(htmlx.Text(pg.Doc))
		}
		said := false
		for _, p := range w.phrases {
			if htmlx.FoldedContains(text, p) {
				said = true
			}
		}
		offered := pg.Doc != nil && offersForm(pg, w.field, s.Base().Host, w.phrases)
		switch {
		case pg.StatusCode != 200:
			bad = append(bad, msg.P(mFeedbackStatus, w.what, check.Redact(pg.URL), pg.StatusCode))
		case !said:
			bad = append(bad, msg.P(mFeedbackSilent, w.what, check.Redact(pg.URL)))
		case !offered:
			bad = append(bad, msg.P(mFeedbackNoForm, w.what, check.Redact(pg.URL)))
		}
	}
	if len(bad) > 0 {
		return check.Fail(mFeedbackFail, list(bad)).With(ev...).
			Saw(msg.P(mFeedbackGot, len(bad)), msg.P(mFeedbackWant))
	}
	return check.Pass(mFeedbackPass, check.Redact(r.Feedback), check.Redact(r.Rating)).With(ev...)
}
