package ux

import (
	"context"
	"strconv"
	"strings"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/pagejudge"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/htmlx"
)

// parseViewport reads the content of a viewport meta: "width=device-width, initial-scale=1".
// Keys are lower case; separators are commas, semicolons or white space around "=".
func parseViewport(content string) map[string]string {
	out := map[string]string{}
	for _, part := range strings.FieldsFunc(content, func(r rune) bool { return r == ',' || r == ';' }) {
		k, v, _ := strings.Cut(part, "=")
		k = strings.ToLower(strings.TrimSpace(k))
		if k != "" {
			out[k] = strings.ToLower(strings.TrimSpace(v))
		}
	}
	return out
}

// viewportNumber reads a viewport value as the CSS Device Adaptation draft does (and axe-core):
// yes is 1, no is 0.1, device-width and device-height are 10, else a number.
func viewportNumber(v string) (float64, bool) {
	switch v {
	case "yes":
		return 1, true
	case "no":
		return 0.1, true
	case "device-width", "device-height":
		return 10, true
	}
	f, err := strconv.ParseFloat(v, 64)
	return f, err == nil
}

// viewportProblem says what is wrong with a page's viewport, or nothing (a zero phrase) when it
// is right: declared,
// width=device-width, zoom not disabled (user-scalable=no/0) nor limited below 2×
// (maximum-scale < 2, as axe-core's meta-viewport rule, WCAG 1.4.4).
func viewportProblem(doc *html.Node) (msg.Phrase, *html.Node) {
	var meta *html.Node
	for _, m := range htmlx.All(doc, "meta") {
		if n, _ := htmlx.Attr(m, "name"); strings.EqualFold(strings.TrimSpace(n), "viewport") {
			meta = m
			break
		}
	}
	if meta == nil {
		return msg.P(mViewportNone), nil
	}
	c, _ := htmlx.Attr(meta, "content")
	vp := parseViewport(c)
	us, hasUS := vp["user-scalable"]
	usv, usOK := viewportNumber(us)
	switch {
	case vp["width"] != "device-width":
		return msg.P(mViewportWidth, c), meta
	case hasUS && usOK && usv > -1 && usv < 1:
		return msg.P(mViewportNoZoom, c, us), meta
	}
	if ms, ok := vp["maximum-scale"]; ok {
		if f, ok := viewportNumber(ms); ok && f < 2 {
			return msg.P(mViewportZoomLimit, c, ms), meta
		}
	}
	return msg.Phrase{}, meta
}

// viewportCheck is P06-UX-03: every sampled page declares a mobile viewport that lets users zoom.
func viewportCheck(ctx context.Context, s *check.Session) check.Result {
	set, err := pagejudge.Sample(ctx, s, s.Config().MaxPages)
	if err != nil {
		return check.FromError(msg.P(mStepProfile), err)
	}
	return set.Judge(pagejudge.Options{}, func(pg *check.Page) pagejudge.Verdict {
		fault, meta := viewportProblem(pg.Doc)
		v := pagejudge.Verdict{Fault: fault}
		if !fault.Text.IsZero() && meta != nil {
			v.Location, v.Excerpt = htmlx.Path(meta), htmlx.Outer(meta, 200)
		}
		return v
	}).Finding(pagejudge.Texts{
		Pass: mViewportPass, Fail: mViewportFail, Got: mViewportGot, Want: msg.P(mViewportWant),
	})
}
