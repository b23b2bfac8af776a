package popdata

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"sync"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/fakes"
	"github.com/p06kit/p06kit/harness/msg"
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
		return check.FromError(msg.P(mStepProfile), err)
	}
	pages := prof.Pages(s, min(maxURLPages, s.Config().MaxPages))
	read := 0
	for _, ref := range pages {
		pg, err := s.Page(ctx, ref)
		if err != nil {
			continue // another check reports unreachable pages
		}
		read++
		c.add(pg.URL, msg.P(mWherePage))
		for _, r := range pg.Redirects {
			c.add(r, msg.P(mWhereRedirect, check.RedactURL(pg.URL)))
		}
		c.add(pg.FinalURL, msg.P(mWherePage))
		if pg.Doc != nil {
			base, _ := url.Parse(pg.FinalURL)
			c.links(pg.Doc, base, check.RedactURL(pg.FinalURL))
		}
	}
	if read == 0 {
		return check.Error(mURLsNoneRead, len(pages))
	}
	flows := c.flows(ctx, s)
	if gw := fakes.PopDB(s.Target()); gw != nil {
		for _, r := range gw.Requests() {
			c.add(r.URL, msg.P(mWhereGateway, r.Seq))
		}
	}
	want := msg.P(mURLsWant)
	if len(c.problems) > 0 {
		sort.Slice(c.problems, func(i, j int) bool { return c.problems[i].String() < c.problems[j].String() })
		got := list(append([]msg.Phrase(nil), c.problems[:min(8, len(c.problems))]...), "; ")
		if len(c.problems) > 8 {
			got.Items = append(got.Items, msg.P(mURLsMore, len(c.problems)-8))
		}
		return check.Fail(mURLsFail, len(c.problems), got).
			Saw(msg.P(mPlain, got), want).
			With(c.evidence...)
	}
	return check.Pass(mURLsPass, len(c.seen), read, flows).
		Saw(msg.P(mURLsPassGot, len(c.seen)), want)
}

type urlCollector struct {
	mu       sync.Mutex
	seen     map[string]bool
	problems []msg.Phrase
	evidence []scoring.Evidence
}

// add examines the URL raw, met where.
func (c *urlCollector) add(raw string, where msg.Phrase) {
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
		c.problems = append(c.problems, msg.P(mInURL, p, u, where))
		if len(c.evidence) < maxEvidence {
			c.evidence = append(c.evidence, scoring.Evidence{Request: "GET " + u}.Noted(mNoteWhere, p, where))
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
				c.add(u.String(), msg.P(mWhereLink, page))
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
		var why msg.Text
		switch {
		case strings.EqualFold(typ, "password"):
			why = mFieldPassword
		case credentialKey(name):
			why = mFieldCredential
		case identityKey(name):
			why = mFieldPIN
		}
		if !why.IsZero() {
			n := truncate(name, 40)
			c.mu.Lock()
			c.problems = append(c.problems, msg.P(mGetForm, msg.P(why), n, page))
			if len(c.evidence) < maxEvidence {
				c.evidence = append(c.evidence, scoring.Evidence{Request: "GET " + page, Location: htmlx.Path(in)}.Noted(mNoteGetForm, msg.P(why)))
			}
			c.mu.Unlock()
		}
	}
}

// flows logs in and starts a dossier when the target allows it, recording the URLs the browser
// visits, and returns a note for the message: "" or a phrase.
func (c *urlCollector) flows(ctx context.Context, s *check.Session) any {
	t := s.Target()
	_, hasLogin := t.Portal.(check.Login)
	if !hasLogin && fakes.SSO(t) == nil {
		return ""
	}
	failed := func(err error) msg.Phrase {
		quote := func(lang string) string { return truncate(check.Redact(msg.Verbatim.Render(lang, err)), 120) }
		return msg.P(mFlowLoginFailed, msg.Rendered{EN: quote(msg.EN), VI: quote(msg.VI)})
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
				c.add(u, msg.P(mWhereLoginChain))
			}
		}
		if err != nil {
			return failed(err)
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
		cl.Transport = &recorder{next: rt, c: c, where: msg.P(mWhereLogin)}
		br.Client = &cl
		if err := t.Portal.(check.Login).Login(ctx, br, who); err != nil {
			return failed(err)
		}
		b = br
	} else {
		br, err := s.Login(ctx, who)
		if err != nil {
			return failed(err)
		}
		b = br
	}
	note := msg.P(mFlowLogin)
	d, ok := t.Portal.(check.Dossiers)
	if !ok || fakes.PopDB(t) == nil {
		return note
	}
	rec := &recorder{next: b.Client.Transport, c: c, where: msg.P(mWhereDossier)}
	if rec.next == nil {
		rec.next = http.DefaultTransport
	}
	cl := *b.Client
	cl.Transport = rec
	b.Client = &cl
	sctx, cancel := context.WithTimeout(ctx, s.Config().RequestTimeout)
	defer cancel()
	if _, err := d.StartDossier(sctx, b, check.DossierRequest{Procedure: procedure(ctx, s)}); err == nil {
		note = msg.P(mFlowLoginDossier)
	}
	fakes.PopDB(t).WaitIdle(settle)
	return note
}

// recorder records the URL of every request a browser makes.
type recorder struct {
	next  http.RoundTripper
	c     *urlCollector
	where msg.Phrase
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.c.add(req.URL.String(), r.where)
	return r.next.RoundTrip(req)
}

var twelveDigits = regexp.MustCompile(`(^|[^0-9])([0-9]{12})($|[^0-9])`)

// URLProblems lists why a URL must not be used: a personal identification number in its path,
// query or fragment, an identification-number parameter, a credential parameter (password,
// token, secret, API key, session ID) or a password in its user information. The OAuth
// authorization code and state are not credentials here: the authorization-code flow carries
// them in the callback URL by design.
func URLProblems(raw string) []msg.Phrase {
	u, err := url.Parse(raw)
	if err != nil {
		return nil
	}
	var out []msg.Phrase
	add := func(m msg.Text, a ...any) { out = append(out, msg.P(m, a...)) }
	if u.User != nil {
		if _, has := u.User.Password(); has {
			add(mURLUserPassword)
		}
	}
	for _, seg := range strings.Split(u.EscapedPath(), "/") {
		if v, err := url.PathUnescape(seg); err == nil && hasPIN(v) != "" {
			add(mURLPINPath, ident.Mask(hasPIN(v)))
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
				add(mURLCredPathParam, truncate(k, 40))
			case v != "" && identityKey(k):
				add(mURLIDPathParam, truncate(k, 40))
			}
		}
	}
	check := func(part msg.Text, q string) {
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
					add(mURLCredIn, truncate(k, 40), msg.P(part))
				case hasPIN(v) != "":
					add(mURLPINParam, ident.Mask(hasPIN(v)), msg.P(part), truncate(k, 40))
				case identityKey(k) && v != "":
					add(mURLIDParam, truncate(k, 40), msg.P(part))
				}
			}
		}
	}
	check(mPartQuery, u.RawQuery)
	if strings.Contains(u.Fragment, "=") {
		check(mPartFragment, u.Fragment)
	} else if p := hasPIN(u.Fragment); p != "" {
		add(mURLPINFragment, ident.Mask(p))
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
