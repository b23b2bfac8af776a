package headers

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"

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
// each once. When the profile cannot be resolved, the home page alone. A login entry that
// redirects to another host (the national SSO) is left out: that page is not the portal's.
func CitizenPages(ctx context.Context, s *check.Session) []string {
	pages, _ := citizenPages(ctx, s)
	s.Prefetch(ctx, pages...) // checks read them one after another
	return pages
}

// pageList is the resolved list of one session, computed once.
type pageList struct {
	once    sync.Once
	pages   []string
	skipped []string
}

// pageListKey is the key of the resolved list in the session's memo.
type pageListKey struct{}

// citizenPages returns CitizenPages and the pages left out, each with the reason.
func citizenPages(ctx context.Context, s *check.Session) (pages, skipped []string) {
	pl := s.Memo(pageListKey{}, func() any { return &pageList{} }).(*pageList)
	pl.once.Do(func() { pl.pages, pl.skipped = resolvePages(ctx, s) })
	return pl.pages, pl.skipped
}

func resolvePages(ctx context.Context, s *check.Session) (out, skipped []string) {
	home := s.Base().String()
	out = []string{home}
	prof, err := s.Profile(ctx)
	if err != nil || prof == nil {
		return out, nil
	}
	add := func(ref string) string {
		if ref == "" {
			return ""
		}
		abs, err := s.Resolve(ref)
		if err != nil {
			return ""
		}
		for _, o := range out {
			if o == abs {
				return ""
			}
		}
		out = append(out, abs)
		return abs
	}
	if prof.Home != "" {
		if abs, err := s.Resolve(prof.Home); err == nil {
			out[0] = abs
		}
	}
	if login := add(prof.Login); login != "" {
		if to, off := leavesHost(ctx, s, login); off {
			out = out[:len(out)-1]
			skipped = append(skipped, fmt.Sprintf("%s (the login entry redirects to %s)", check.Redact(login), check.Redact(to)))
		}
	}
	for i, p := range prof.ProcedurePages {
		if i == maxProcedurePages {
			break
		}
		add(p)
	}
	return out, skipped
}

// leavesHost reports whether u answers with a redirect to another host, without following it.
func leavesHost(ctx context.Context, s *check.Session, u string) (string, bool) {
	ctx, cancel := context.WithTimeout(ctx, s.Config().RequestTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return "", false
	}
	req.Header.Set("User-Agent", s.Config().UserAgent)
	c := &http.Client{Transport: s.Transport(), CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Do(req)
	if err != nil {
		return "", false
	}
	_, _ = io.CopyN(io.Discard, resp.Body, 64<<10)
	resp.Body.Close()
	if resp.StatusCode < 300 || resp.StatusCode > 399 {
		return "", false
	}
	to, err := req.URL.Parse(resp.Header.Get("Location"))
	if err != nil || to.Host == "" || strings.EqualFold(to.Host, s.Base().Host) {
		return "", false
	}
	return to.String(), true
}

// verdict is the judgement of one page.
type verdict struct {
	// Problem is empty when the page meets the criterion.
	Problem string
	// Got is what the page sent, for the message.
	Got string
	// ProblemVI is Problem in Vietnamese; when empty the English is shown.
	ProblemVI string
	// Note is an observation on a passing page.
	Note string
}

// judgePages fetches each citizen page and judges it; the result fails when any page fails,
// naming each failing page, and is an error when no page could be fetched. headers names the
// response headers to keep as evidence.
func judgePages(ctx context.Context, s *check.Session, want, wantVI string, headers []string,
	judge func(p *check.Page) verdict) check.Result {
	var fails, failsVI, passes, notes []string
	var failURL string
	var ev []scoring.Evidence
	var errs []string
	var gots []string
	pages, skipped := citizenPages(ctx, s)
	s.Prefetch(ctx, pages...)
	for _, u := range pages {
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
			vi := v.ProblemVI
			if vi == "" {
				vi = v.Problem
			}
			failsVI = append(failsVI, fmt.Sprintf("%s: %s", check.Redact(p.FinalURL), vi))
			gots = append(gots, v.Got)
			if failURL == "" {
				failURL = p.FinalURL
			}
		} else {
			e.Note = v.Note
			passes = append(passes, check.Redact(p.FinalURL))
			notes = append(notes, v.Note)
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
			VI("%d/%d trang không đạt (%s): %s", len(fails), total, wantVI, strings.Join(failsVI, "; ")).
			GotWant(strings.Join(dedupe(gots), "; "), want).At(failURL).With(ev...)
	}
	msg := fmt.Sprintf("all %d page(s) meet it: %s", total, strings.Join(passes, ", "))
	if d := dedupe(notes); len(d) == 1 && d[0] != "" {
		msg = fmt.Sprintf("all %d page(s) meet it (%s): %s", total, d[0], strings.Join(passes, ", "))
	} else if len(d) > 1 {
		for i := range passes {
			if notes[i] != "" {
				passes[i] += " (" + notes[i] + ")"
			}
		}
		msg = fmt.Sprintf("all %d page(s) meet it: %s", total, strings.Join(passes, ", "))
	}
	if len(skipped) > 0 {
		msg += fmt.Sprintf(" (not judged: %s)", strings.Join(skipped, "; "))
	}
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
