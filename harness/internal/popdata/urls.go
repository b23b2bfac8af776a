package popdata

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"sync"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/fakes"
	"github.com/p06kit/p06kit/harness/ssotest"
	"github.com/p06kit/p06kit/ident"
	"github.com/p06kit/p06kit/internal/htmlx"
	"github.com/p06kit/p06kit/internal/redact"
	"github.com/p06kit/p06kit/scoring"
)

// maxURLPages bounds how many pages P06-POP-08 reads.
const maxURLPages = 20

// checkURLs is P06-POP-08: no personal identification number or credential appears in a URL.
// It reads the URLs the harness meets: the sampled pages, their redirect chains, their links and
// GET forms; with an adapter or the fake SSO, the URLs of logging in and of starting a dossier;
// and, with the population-database fake, the URLs of the portal's gateway requests.
func checkURLs(ctx context.Context, s *check.Session) check.Result {
	if res, shell := s.HomeShell(ctx); shell {
		return res // a single-page app not rendered: nothing to judge
	}
	c := &urlCollector{seen: map[string]bool{}}
	prof, err := s.Profile(ctx)
	if err != nil {
		return check.FromError("resolving the portal profile", err)
	}
	pages := prof.Pages(s, min(maxURLPages, s.Config().MaxPages))
	read := 0
	for _, ref := range pages {
		pg, err := s.Page(ctx, ref)
		if err != nil {
			continue // another check reports unreachable pages
		}
		read++
		c.add(pg.URL, "page", "trang")
		for _, r := range pg.Redirects {
			c.add(r, "redirect from "+check.RedactURL(pg.URL), "chuyển hướng từ "+check.RedactURL(pg.URL))
		}
		c.add(pg.FinalURL, "page", "trang")
		if pg.Doc != nil {
			base, _ := url.Parse(pg.FinalURL)
			c.links(pg.Doc, base, check.RedactURL(pg.FinalURL))
		}
	}
	if read == 0 {
		return check.Errorf("none of the %d sampled page(s) could be read, so no URL could be examined", len(pages)).
			VI("Không đọc được trang nào trong %d trang mẫu nên không kiểm tra được URL", len(pages))
	}
	flows := c.flows(ctx, s)
	if gw := fakes.PopDB(s.Target()); gw != nil {
		for _, r := range gw.Requests() {
			c.add(r.URL, fmt.Sprintf("the portal's gateway request #%d", r.Seq), fmt.Sprintf("yêu cầu #%d của cổng tới trục tích hợp", r.Seq))
		}
	}
	want := "no personal identification number, password, token, secret or API key in any URL"
	if len(c.problems) > 0 {
		sort.Slice(c.problems, func(i, j int) bool { return c.problems[i].EN < c.problems[j].EN })
		shown := c.problems[:min(8, len(c.problems))]
		got, gotVI := joinEN(shown, "; "), joinVI(shown, "; ")
		if len(c.problems) > 8 {
			got += fmt.Sprintf("; and %d more", len(c.problems)-8)
			gotVI += fmt.Sprintf("; và %d trường hợp khác", len(c.problems)-8)
		}
		return check.Failf("%d URL(s) carry personal identification numbers or credentials: %s", len(c.problems), got).
			VI("%d URL chứa số định danh cá nhân hoặc thông tin xác thực: %s", len(c.problems), gotVI).
			GotWant(got, want).
			With(c.evidence...)
	}
	return check.Passf("no personal identification number or credential in the %d URL(s) examined (%d page(s), their links and forms%s)", len(c.seen), read, flows).
		VI("Không có số định danh cá nhân hay thông tin xác thực trong %d URL đã kiểm tra", len(c.seen)).
		GotWant(fmt.Sprintf("%d URLs clean", len(c.seen)), want)
}

type urlCollector struct {
	mu       sync.Mutex
	seen     map[string]bool
	problems []Problem
	evidence []scoring.Evidence
}

func (c *urlCollector) add(raw, where, whereVI string) {
	if raw == "" {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.seen[raw] || len(c.seen) > 5000 {
		return
	}
	c.seen[raw] = true
	for _, p := range URLProblems(raw) {
		u := check.RedactURL(raw)
		c.problems = append(c.problems, Problem{fmt.Sprintf("%s in %s (%s)", p.EN, u, where), fmt.Sprintf("%s trong %s (%s)", p.VI, u, whereVI)})
		if len(c.evidence) < maxEvidence {
			c.evidence = append(c.evidence, scoring.Evidence{Request: "GET " + u, Note: p.EN + " (" + where + ")"})
		}
	}
}

// links examines the URLs of a page: links, resources, and what GET forms would put in a URL.
func (c *urlCollector) links(doc *html.Node, base *url.URL, page string) {
	attrs := map[string]string{"a": "href", "link": "href", "area": "href", "iframe": "src", "img": "src", "script": "src", "form": "action"}
	htmlx.Walk(doc, func(n *html.Node) bool {
		a, ok := attrs[n.Data]
		if !ok {
			return true
		}
		v, _ := htmlx.Attr(n, a)
		if v != "" && base != nil {
			if u, err := base.Parse(strings.TrimSpace(v)); err == nil {
				c.add(u.String(), "link on "+page, "liên kết trên "+page)
			}
		}
		if n.Data == "form" {
			c.form(n, page)
		}
		return true
	})
}

// form flags a GET form whose fields would put a password or identification number in the URL.
func (c *urlCollector) form(f *html.Node, page string) {
	if m, _ := htmlx.Attr(f, "method"); m != "" && !strings.EqualFold(strings.TrimSpace(m), "get") {
		return
	}
	for _, in := range htmlx.All(f, "input") {
		name, _ := htmlx.Attr(in, "name")
		typ, _ := htmlx.Attr(in, "type")
		if name == "" {
			continue
		}
		why, whyVI := "", ""
		switch {
		case strings.EqualFold(typ, "password"):
			why, whyVI = "a password field", "trường mật khẩu"
		case credentialKey(name):
			why, whyVI = "a credential field", "trường thông tin xác thực"
		case identityKey(name):
			why, whyVI = "a personal identification number field", "trường số định danh cá nhân"
		}
		if why != "" {
			n := truncate(name, 40)
			c.mu.Lock()
			c.problems = append(c.problems, Problem{fmt.Sprintf("%s %q sent in the URL by a GET form on %s", why, n, page),
				fmt.Sprintf("%s %q bị gửi trong URL bởi biểu mẫu GET trên %s", whyVI, n, page)})
			if len(c.evidence) < maxEvidence {
				c.evidence = append(c.evidence, scoring.Evidence{Request: "GET " + page, Location: htmlx.Path(in), Note: why + " in a GET form"})
			}
			c.mu.Unlock()
		}
	}
}

// flows logs in and starts a dossier when the target allows it, recording the URLs the browser
// visits, and returns a note for the message.
func (c *urlCollector) flows(ctx context.Context, s *check.Session) string {
	t := s.Target()
	_, hasLogin := t.Portal.(check.Login)
	if !hasLogin && fakes.SSO(t) == nil {
		return ""
	}
	var who ident.Person
	if fakes.PopDB(t) != nil {
		who = pickCitizen(fakes.PopDB(t).People)
	} else {
		who = pickCitizen(ident.DefaultPeople())
	}
	var b *check.Browser
	if !hasLogin {
		br, tr, err := s.LoginSSO(ctx, who, ssotest.Normal)
		if tr != nil {
			for _, u := range tr.Chain {
				c.add(u, "the login redirect chain", "chuỗi chuyển hướng khi đăng nhập")
			}
		}
		if err != nil {
			return "; logging in failed: " + truncate(check.Redact(err.Error()), 120)
		}
		b = br
	} else if fakes.SSO(t) == nil {
		// The adapter logs in by the portal's own means: record the URLs it visits.
		br := s.NewBrowser()
		br.Citizen = who
		rt := br.Client.Transport
		if rt == nil {
			rt = http.DefaultTransport
		}
		cl := *br.Client
		cl.Transport = &recorder{next: rt, c: c, where: "a request while logging in", whereVI: "yêu cầu khi đăng nhập"}
		br.Client = &cl
		if err := t.Portal.(check.Login).Login(ctx, br, who); err != nil {
			return "; logging in failed: " + truncate(check.Redact(err.Error()), 120)
		}
		b = br
	} else {
		br, err := s.Login(ctx, who)
		if err != nil {
			return "; logging in failed: " + truncate(check.Redact(err.Error()), 120)
		}
		b = br
	}
	note := ", logging in"
	d, ok := t.Portal.(check.Dossiers)
	if !ok || fakes.PopDB(t) == nil {
		return note
	}
	rec := &recorder{next: b.Client.Transport, c: c, where: "a request while starting a dossier", whereVI: "yêu cầu khi bắt đầu hồ sơ"}
	if rec.next == nil {
		rec.next = http.DefaultTransport
	}
	cl := *b.Client
	cl.Transport = rec
	b.Client = &cl
	sctx, cancel := context.WithTimeout(ctx, s.Config().RequestTimeout)
	defer cancel()
	if _, err := d.StartDossier(sctx, b, check.DossierRequest{Procedure: procedure(ctx, s)}); err == nil {
		note += ", starting a dossier"
	}
	fakes.PopDB(t).WaitIdle(settle)
	return note
}

// recorder records the URL of every request a browser makes.
type recorder struct {
	next           http.RoundTripper
	c              *urlCollector
	where, whereVI string
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.c.add(req.URL.String(), r.where, r.whereVI)
	return r.next.RoundTrip(req)
}

var twelveDigits = regexp.MustCompile(`(^|[^0-9])([0-9]{12})($|[^0-9])`)

// URLProblems lists why a URL must not be used: a personal identification number in its path,
// query or fragment, an identification-number parameter, a credential parameter (password,
// token, secret, API key, session ID) or a password in its user information. The OAuth
// authorization code and state are not credentials here: the authorization-code flow carries
// them in the callback URL by design.
func URLProblems(raw string) []Problem {
	u, err := url.Parse(raw)
	if err != nil {
		return nil
	}
	var out []Problem
	add := func(en, vi string, a ...any) {
		out = append(out, Problem{fmt.Sprintf(en, a...), fmt.Sprintf(vi, a...)})
	}
	if u.User != nil {
		if _, has := u.User.Password(); has {
			add("a password in the URL's user information", "mật khẩu trong phần thông tin người dùng của URL")
		}
	}
	for _, seg := range strings.Split(u.EscapedPath(), "/") {
		if v, err := url.PathUnescape(seg); err == nil && hasPIN(v) != "" {
			add("a personal identification number (%s) in the path", "số định danh cá nhân (%s) trong đường dẫn", ident.Mask(hasPIN(v)))
		}
		// Path parameters: "/app;jsessionid=…" puts the session in every link.
		params := strings.Split(seg, ";")
		for _, p := range params[1:] {
			k, v, _ := strings.Cut(p, "=")
			if dk, err := url.PathUnescape(k); err == nil {
				k = dk
			}
			switch {
			case v != "" && credentialKey(k):
				add("a credential (%s) in a path parameter", "thông tin xác thực (%s) trong tham số đường dẫn", truncate(k, 40))
			case v != "" && identityKey(k):
				add("an identification number parameter (%s) in the path", "tham số số định danh (%s) trong đường dẫn", truncate(k, 40))
			}
		}
	}
	check := func(part, partVI, q string) {
		vals, err := url.ParseQuery(q)
		if err != nil {
			return
		}
		keys := make([]string, 0, len(vals))
		for k := range vals {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			for _, v := range vals[k] {
				switch {
				case credentialKey(k) && v != "":
					out = append(out, Problem{fmt.Sprintf("a credential (%s) in the %s", truncate(k, 40), part),
						fmt.Sprintf("thông tin xác thực (%s) trong %s", truncate(k, 40), partVI)})
				case hasPIN(v) != "":
					out = append(out, Problem{fmt.Sprintf("a personal identification number (%s) in the %s parameter %s", ident.Mask(hasPIN(v)), part, truncate(k, 40)),
						fmt.Sprintf("số định danh cá nhân (%s) trong tham số %s của %s", ident.Mask(hasPIN(v)), truncate(k, 40), partVI)})
				case identityKey(k) && v != "":
					out = append(out, Problem{fmt.Sprintf("an identification number parameter (%s) in the %s", truncate(k, 40), part),
						fmt.Sprintf("tham số số định danh (%s) trong %s", truncate(k, 40), partVI)})
				}
			}
		}
	}
	check("query", "chuỗi truy vấn", u.RawQuery)
	if strings.Contains(u.Fragment, "=") {
		check("fragment", "phân đoạn (#)", u.Fragment)
	} else if p := hasPIN(u.Fragment); p != "" {
		add("a personal identification number (%s) in the fragment", "số định danh cá nhân (%s) trong phân đoạn (#)", ident.Mask(p))
	}
	return out
}

// hasPIN returns the first valid personal identification number standing alone in s, or "".
func hasPIN(s string) string {
	for _, m := range twelveDigits.FindAllStringSubmatch(s, 8) {
		if ident.ValidPIN(m[2]) {
			return m[2]
		}
	}
	return ""
}

// credentialKey and identityKey use p06kit's one redaction policy: the keys this check flags in
// URLs are the keys no report shows.
func credentialKey(k string) bool { return redact.KindOf(k) == redact.Credential }

func identityKey(k string) bool { return redact.KindOf(k) == redact.Identity }
