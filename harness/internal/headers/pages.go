package headers

import (
	"context"
	"net/url"
	"strings"
	"sync"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/discover"
	"github.com/p06kit/p06kit/harness/internal/pagejudge"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/htmlx"
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
	skipped []msg.Phrase
}

// pageListKey is the key of the resolved list in the session's memo.
type pageListKey struct{}

// citizenPages returns CitizenPages and the pages left out, each with the reason.
func citizenPages(ctx context.Context, s *check.Session) (pages []string, skipped []msg.Phrase) {
	pl := s.Memo(pageListKey{}, func() any { return &pageList{} }).(*pageList)
	pl.once.Do(func() { pl.pages, pl.skipped = resolvePages(ctx, s) })
	return pl.pages, pl.skipped
}

func resolvePages(ctx context.Context, s *check.Session) (out []string, skipped []msg.Phrase) {
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
		if to, off := discover.LeavesHost(ctx, s, login); off {
			out = out[:len(out)-1]
			skipped = append(skipped, discover.LoginOffHost(login, to))
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

// verdict is the judgement of one page.
type verdict = pagejudge.Verdict

// judgePages judges each citizen page with judge (pagejudge: fail when a page read fails, naming
// each failing page; error when no page could be read). pass takes the number of pages read, what
// they noted (when all noted the same), the pages and pagejudge's NotJudged; fail is
// pagejudge.Texts.Fail. headers names the response headers kept as evidence of every page.
func judgePages(ctx context.Context, s *check.Session, pass, fail msg.Text, want msg.Phrase, headers []string,
	judge func(p *check.Page) verdict) check.Result {
	pages, skipped := citizenPages(ctx, s)
	j := pagejudge.Fetch(ctx, s, pages, skipped).Judge(pagejudge.Options{Headers: headers, AllEvidence: true}, judge)
	if len(j.Pages) == 0 || len(j.Failed) > 0 {
		return j.Finding(pagejudge.Texts{Fail: fail, Want: want})
	}
	// The pages that meet it, with what was noted (the evidence notes, values such as
	// max-age=31536000): once when every page noted the same.
	var notes []msg.Phrase
	seen := map[string]bool{}
	for _, p := range j.Passed {
		if k := p.Note.Render(msg.EN); !seen[k] {
			seen[k] = true
			notes = append(notes, p.Note)
		}
	}
	noted := msg.P(msg.Verbatim, "")
	passes := msg.List{Sep: ", "}
	for _, p := range j.Passed {
		u := pagejudge.Datum(check.Redact(p.FinalURL))
		if len(notes) > 1 && !p.Note.Text.IsZero() {
			u = msg.P(mPassedPage, check.Redact(p.FinalURL), p.Note)
		}
		passes.Items = append(passes.Items, u)
	}
	if len(notes) == 1 && !notes[0].Text.IsZero() {
		noted = msg.P(mNoted, notes[0])
	}
	return check.Pass(pass, len(j.Pages), noted, passes, j.NotJudged()).With(j.Evidence...).Saw(msg.P(mAsRequired), want)
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
