package service

import (
	"context"
	"fmt"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/internal/htmlx"
	"github.com/p06kit/p06kit/scoring"
)

// feedbackCheck is P06-SVC-05: feedback / petitions (phản ánh, kiến nghị) and satisfaction rating
// (đánh giá mức độ hài lòng) are offered: both pages exist, answer 200 and say what they are.
func feedbackCheck(ctx context.Context, s *check.Session) check.Result {
	r, err := s.Profile(ctx)
	if err != nil {
		return check.FromError("resolving the portal profile", err)
	}
	type want struct {
		field, ref, what, whatVI string
		phrases                  []string
	}
	wants := []want{
		{"feedback", r.Feedback, "feedback / petitions (phản ánh, kiến nghị)", "phản ánh, kiến nghị", []string{"phan anh", "kien nghi", "gop y", "feedback"}},
		{"rating", r.Rating, "satisfaction rating (đánh giá mức độ hài lòng)", "đánh giá mức độ hài lòng", []string{"danh gia", "hai long", "khao sat", "rating"}},
	}
	var bad, badVI []string
	var ev []scoring.Evidence
	for _, w := range wants {
		if w.ref == "" {
			bad = append(bad, fmt.Sprintf("no %s page found (profile field %s)", w.what, w.field))
			badVI = append(badVI, fmt.Sprintf("không tìm thấy trang %s", w.whatVI))
			continue
		}
		pg, err := s.Page(ctx, w.ref)
		if err != nil {
			return check.FromError("fetching the "+w.field+" page", err)
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
		switch {
		case pg.StatusCode != 200:
			bad = append(bad, fmt.Sprintf("the %s page %s answers status %d", w.what, check.Redact(pg.URL), pg.StatusCode))
			badVI = append(badVI, fmt.Sprintf("trang %s %s trả về mã %d", w.whatVI, check.Redact(pg.URL), pg.StatusCode))
		case !said:
			bad = append(bad, fmt.Sprintf("the %s page %s does not mention it", w.what, check.Redact(pg.URL)))
			badVI = append(badVI, fmt.Sprintf("trang %s %s không có nội dung tương ứng", w.whatVI, check.Redact(pg.URL)))
		}
	}
	if len(bad) > 0 {
		return check.Failf("%s", en(bad)).VI("%s", vi(badVI)).With(ev...).
			GotWant(fmt.Sprintf("%d of 2 missing", len(bad)), "feedback / petitions and satisfaction rating offered")
	}
	return check.Passf("feedback / petitions (%s) and satisfaction rating (%s) are offered", check.Redact(r.Feedback), check.Redact(r.Rating)).
		VI("có chức năng phản ánh, kiến nghị (%s) và đánh giá mức độ hài lòng (%s)", check.Redact(r.Feedback), check.Redact(r.Rating)).With(ev...)
}
