package headers

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/internal/htmlx"
	"github.com/p06kit/p06kit/scoring"
)

// maxProcedurePages bounds the procedure pages whose headers are checked: portals serve every
// procedure page from the same template, so a few show the headers of all.
const maxProcedurePages = 3

// CitizenPages are the pages a citizen sees whose headers the checks judge: the home page, the
// login entry and a few procedure pages, from the resolved profile (configured or discovered),
// each once. When the profile cannot be resolved, the home page alone.
func CitizenPages(ctx context.Context, s *check.Session) []string {
	home := s.Base().String()
	out := []string{home}
	prof, err := s.Profile(ctx)
	if err != nil || prof == nil {
		return out
	}
	add := func(ref string) {
		if ref == "" {
			return
		}
		abs, err := s.Resolve(ref)
		if err != nil {
			return
		}
		for _, o := range out {
			if o == abs {
				return
			}
		}
		out = append(out, abs)
	}
	if prof.Home != "" {
		if abs, err := s.Resolve(prof.Home); err == nil {
			out[0] = abs
		}
	}
	add(prof.Login)
	for i, p := range prof.ProcedurePages {
		if i == maxProcedurePages {
			break
		}
		add(p)
	}
	return out
}

// verdict is the judgement of one page.
type verdict struct {
	// Problem is empty when the page meets the criterion.
	Problem string
	// Got is what the page sent, for the message.
	Got string
	// Note is an observation on a passing page.
	Note string
}

// judgePages fetches each citizen page and judges it; the result fails when any page fails,
// naming each failing page, and is an error when no page could be fetched. headers names the
// response headers to keep as evidence.
func judgePages(ctx context.Context, s *check.Session, want, wantVI string, headers []string,
	judge func(p *check.Page) verdict) check.Result {
	var fails, passes []string
	var failURL string
	var ev []scoring.Evidence
	var errs []string
	var gots []string
	for _, u := range CitizenPages(ctx, s) {
		p, err := s.Page(ctx, u)
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s: %v", check.Redact(u), err))
			continue
		}
		v := judge(p)
		e := p.Evidence(headers...)
		if v.Problem != "" {
			e.Note = v.Problem
			fails = append(fails, fmt.Sprintf("%s: %s", check.Redact(p.FinalURL), v.Problem))
			gots = append(gots, v.Got)
			if failURL == "" {
				failURL = p.FinalURL
			}
		} else {
			e.Note = v.Note
			passes = append(passes, check.Redact(p.FinalURL))
		}
		ev = append(ev, e)
	}
	total := len(fails) + len(passes)
	switch {
	case total == 0:
		return check.Errorf("no page could be fetched: %s", strings.Join(errs, "; ")).
			VI("không tải được trang nào: %s", strings.Join(errs, "; "))
	case len(fails) > 0:
		return check.Failf("%d of %d page(s) fail: %s", len(fails), total, strings.Join(fails, "; ")).
			VI("%d/%d trang không đạt (%s): %s", len(fails), total, wantVI, strings.Join(fails, "; ")).
			GotWant(strings.Join(dedupe(gots), "; "), want).At(failURL).With(ev...)
	}
	msg := fmt.Sprintf("all %d page(s) meet it: %s", total, strings.Join(passes, ", "))
	if len(errs) > 0 {
		msg += fmt.Sprintf(" (%d page(s) could not be fetched: %s)", len(errs), strings.Join(errs, "; "))
	}
	return check.Passf("%s", msg).VI("cả %d trang đều đạt (%s)", total, wantVI).
		GotWant("as required on every page", want).With(ev...)
}

func dedupe(in []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// metaEquiv returns the content of <meta http-equiv="name"> elements of the page (for CSP; the
// Referrer-Policy meta is <meta name="referrer">).
func metaEquiv(doc *html.Node, attr, name string) []string {
	if doc == nil {
		return nil
	}
	var out []string
	for _, m := range htmlx.All(doc, "meta") {
		if v, ok := htmlx.Attr(m, attr); ok && strings.EqualFold(strings.TrimSpace(v), name) {
			if c, ok := htmlx.Attr(m, "content"); ok {
				out = append(out, c)
			}
		}
	}
	return out
}

func isHTTPS(p *check.Page) bool {
	u, err := url.Parse(p.FinalURL)
	return err == nil && u.Scheme == "https"
}
