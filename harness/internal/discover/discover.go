package discover

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/htmlx"
)

// The values of Resolved.Sources.
const (
	SourceConfigured = "configured"
	SourceDiscovered = "discovered"
	SourceDefault    = "default"
	SourceMissing    = "missing"
)

// discoveryPages bounds the pages discovery visits (also bounded by Config.MaxPages).
const discoveryPages = 12

// maxCataloguePages bounds the pages of a paginated HTML catalogue that are read (also bounded
// by Config.MaxPages).
const maxCataloguePages = 50

// maxQueue bounds the links discovery keeps to visit later.
const maxQueue = 2000

// maxProcedurePages bounds the procedure pages discovery samples from the catalogue (also bounded
// by Config.MaxPages).
const maxProcedurePages = 20

// label is what discovery looks for to find one profile field: phrases of link text in priority
// order, then phrases of the link's path. Both are folded (see htmlx.Fold).
type label struct {
	field string
	text  []string
	path  []string
}

// labels are the Vietnamese (and English) labels portals use. The package documentation lists
// them; keep the two in step.
var labels = []label{
	{"procedures",
		[]string{"thu tuc hanh chinh", "danh muc thu tuc", "danh sach thu tuc", "tra cuu thu tuc", "procedures", "dich vu cong truc tuyen"},
		[]string{"thu tuc hanh chinh", "thutuchanhchinh", "danh muc thu tuc", "thu tuc", "thutuc", "tthc", "procedures"}},
	{"status_lookup",
		[]string{"tra cuu ho so", "tra cuu tinh trang ho so", "tra cuu tien do", "tinh trang ho so", "tra cuu ket qua", "dossier status"},
		[]string{"tra cuu ho so", "tracuuhoso", "tra cuu", "tracuu", "lookup", "status"}},
	{"login",
		[]string{"dang nhap", "login", "log in", "sign in"},
		[]string{"dang nhap", "dangnhap", "login", "signin", "sign in"}},
	{"logout",
		[]string{"dang xuat", "logout", "log out", "sign out"},
		[]string{"dang xuat", "dangxuat", "logout", "signout"}},
	{"privacy",
		[]string{"chinh sach bao mat", "quyen rieng tu", "bao ve du lieu ca nhan", "chinh sach bao ve du lieu", "privacy"},
		[]string{"chinh sach bao mat", "quyen rieng tu", "bao ve du lieu", "privacy"}},
	{"contact",
		[]string{"lien he", "thong tin lien he", "contact", "huong dan", "ho tro"},
		[]string{"lien he", "lienhe", "contact", "huong dan", "huongdan", "ho tro"}},
	{"feedback",
		[]string{"phan anh kien nghi", "phan anh", "kien nghi", "gop y", "feedback"},
		[]string{"phan anh kien nghi", "pakn", "phananh", "phan anh", "feedback"}},
	{"rating",
		[]string{"muc do hai long", "danh gia hai long", "danh gia", "khao sat", "rating"},
		[]string{"danh gia", "danhgia", "hai long", "rating", "survey"}},
	{"payment",
		[]string{"thanh toan truc tuyen", "thanh toan", "nop phi", "payment"},
		[]string{"thanh toan", "thanhtoan", "payment"}},
}

// searchNames are the input names taken for a site-search box.
var searchNames = map[string]bool{"q": true, "keyword": true, "keywords": true, "tukhoa": true, "tu khoa": true,
	"query": true, "search": true, "s": true, "key": true, "textsearch": true, "searchtext": true, "tim kiem": true}

// dossierNames are the input names taken, on any page, for a dossier-code box.
var dossierNames = []string{"ma ho so", "mahoso", "so ho so", "sohoso", "ma hs", "mahs", "dossier", "dossier code", "dossiercode", "ho so"}

// link is an anchor seen during discovery.
type link struct {
	abs        string
	text, path string // folded
	// local is false for a link to another allowed host (the national SSO), which only the login
	// entry may be.
	local bool
	// nav says the link is in the page's navigation (<nav>, <header>, role="navigation", a
	// menu), which discovery prefers to links in article text.
	nav bool
}

// maxFormPages bounds the service-form pages discovery adds to the sampled pages.
const maxFormPages = 6

// serviceForm reports whether a page holds a form a citizen fills in: at least two fields to
// type or choose in (text, e-mail, telephone, number, date, select, textarea) and no password
// (a login form is the login entry's).
func serviceForm(doc *html.Node) bool {
	for _, f := range htmlx.All(doc, "form") {
		fields, password := 0, false
		for _, c := range htmlx.All(f, "input", "select", "textarea") {
			t, _ := htmlx.Attr(c, "type")
			switch strings.ToLower(strings.TrimSpace(t)) {
			case "", "text", "email", "tel", "number", "date":
				fields++
			case "password":
				password = true
			}
			if c.Data != "input" {
				fields++
			}
		}
		if fields >= 2 && !password {
			return true
		}
	}
	return false
}

// inNavigation reports whether an element sits in the page's navigation: a <nav>, <header> or
// role="navigation" ancestor, or a list whose id or class names a menu.
func inNavigation(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type != html.ElementNode {
			continue
		}
		if p.Data == "nav" || p.Data == "header" {
			return true
		}
		if r, _ := htmlx.Attr(p, "role"); strings.EqualFold(r, "navigation") || strings.EqualFold(r, "menubar") || strings.EqualFold(r, "menu") {
			return true
		}
		id, _ := htmlx.Attr(p, "id")
		class, _ := htmlx.Attr(p, "class")
		if (p.Data == "ul" || p.Data == "div") && strings.Contains(strings.ToLower(id+" "+class), "menu") {
			return true
		}
	}
	return false
}

// discovery is the state of one discovery run.
type discovery struct {
	s        *check.Session
	failed   FailureFunc
	r        *Found
	found    map[string]string // field -> absolute URL
	visited  map[string]bool
	queued   map[string]bool
	queue    []string
	budget   int
	notes    []msg.Phrase
	lookupPg string
	unread   []error
}

// resolveProfile fills in what the configured profile leaves out: it crawls the home page and the
// pages it links to (same host, at most Config.MaxPages and 12 pages), and reads the procedure
// catalogue. Discovery never fails the session: what cannot be found is "missing" in Sources and
// the checks that need it say so.
func Run(ctx context.Context, s *check.Session, p check.Profile, failed FailureFunc) *Found {
	r := &Found{Resolved: &check.Resolved{Profile: p, Sources: map[string]string{}}, login: &loginProbe{}}
	base := s.Base()
	d := &discovery{s: s, failed: failed, r: r, found: map[string]string{}, visited: map[string]bool{}, queued: map[string]bool{},
		budget: min(s.Config().MaxPages, discoveryPages)}
	if r.Home == "" {
		r.Home = s.Target().BaseURL
		r.Sources["home"] = SourceDefault
	} else {
		r.Sources["home"] = SourceConfigured
	}
	if r.PlainHTTP == "" {
		if base.Scheme == "https" {
			u := *base
			u.Scheme, u.Host, u.Path, u.RawQuery = "http", base.Hostname(), "/", ""
			if strings.Contains(u.Host, ":") { // IPv6 literal
				u.Host = "[" + u.Host + "]"
			}
			r.PlainHTTP = u.String()
			r.Sources["plain_http"] = SourceDefault
		} else {
			r.Sources["plain_http"] = SourceMissing
		}
	} else {
		r.Sources["plain_http"] = SourceConfigured
	}
	if r.Scope == "" {
		r.Scope = criteria.Province
		r.Sources["scope"] = SourceDefault
	} else {
		r.Sources["scope"] = SourceConfigured
	}
	if r.SampleDossier != "" {
		r.Sources["sample_dossier"] = SourceConfigured
	} else {
		r.Sources["sample_dossier"] = SourceMissing
	}
	if len(r.Samples) > 0 {
		r.Sources["samples"] = SourceConfigured
	}

	if home, err := s.Resolve(r.Home); err == nil {
		d.queue = append(d.queue, home)
	}
	if r.StatusLookup != "" && !strings.Contains(r.StatusLookup, "{code}") {
		// A configured page without a template: look for its form.
		d.lookupPg, _ = s.Resolve(r.StatusLookup)
	}
	d.crawl(ctx)
	if d.missing() {
		r.Unread = d.unread
	}
	d.fill()
	d.readCatalogue(ctx)
	d.procedurePages()
	r.Notes = append(r.Notes, d.notes...)
	return r
}

// fields lists the URL fields discovery can fill, with pointers into the profile.
func (d *discovery) fields() map[string]*string {
	p := &d.r.Profile
	return map[string]*string{"procedures": &p.Procedures, "procedures_json": &p.ProceduresJSON,
		"search": &p.Search, "status_lookup": &p.StatusLookup, "login": &p.Login, "logout": &p.Logout,
		"privacy": &p.Privacy, "contact": &p.Contact, "feedback": &p.Feedback, "rating": &p.Rating,
		"payment": &p.Payment}
}

// missing reports whether some discoverable field is still unknown.
func (d *discovery) missing() bool {
	for f, v := range d.fields() {
		if *v == "" && d.found[f] == "" {
			return true
		}
	}
	return d.lookupPg != "" && d.found["status_lookup"] == "" && !strings.Contains(d.r.StatusLookup, "{code}")
}

func (d *discovery) crawl(ctx context.Context) {
	for len(d.queue) > 0 && d.budget > 0 && d.missing() {
		if ctx.Err() != nil {
			d.notes = append(d.notes, msg.P(mNoteStopped, ctx.Err()))
			return
		}
		d.prefetch(ctx)
		u := d.queue[0]
		d.queue = d.queue[1:]
		if d.visited[u] {
			continue
		}
		d.visited[u] = true
		d.budget--
		pg, err := d.s.Page(ctx, u)
		var resp *check.Response
		if pg != nil {
			resp = pg.Response
		}
		if f := d.failed(http.MethodGet, u, resp, err); f != nil && len(d.unread) < maxUnread {
			d.unread = append(d.unread, f)
		}
		if err != nil {
			d.notes = append(d.notes, msg.P(mNoteFetch, check.Redact(u), err))
			continue
		}
		if pg.Doc == nil || pg.StatusCode >= 400 {
			continue
		}
		d.scan(pg)
	}
}

// prefetch fetches, side by side, the pages at the head of the queue that the crawl would visit
// next within its budget, so that visiting them in order costs one round trip, not one each.
// The order of visits, and so what is found, stays that of the queue.
func (d *discovery) prefetch(ctx context.Context) {
	var next []string
	seen := map[string]bool{}
	for _, u := range d.queue {
		if len(next) >= min(d.budget, d.s.Config().MaxInFlight) {
			break
		}
		if !d.visited[u] && !seen[u] {
			seen[u] = true
			next = append(next, u)
		}
	}
	if len(next) > 1 {
		d.s.Prefetch(ctx, next...)
	}
}

// scan takes what one page shows: labelled links, the search form, a dossier look-up form and a
// JSON catalogue link; then queues the pages most likely to hold what is still missing.
func (d *discovery) scan(pg *check.Page) {
	base, err := url.Parse(pg.FinalURL)
	if err != nil {
		return
	}
	if len(d.r.forms) < maxFormPages && serviceForm(pg.Doc) && onHost(d.s, pg.FinalURL) {
		d.r.forms = append(d.r.forms, pg.FinalURL)
	}
	var links []link
	for _, a := range htmlx.All(pg.Doc, "a", "area") {
		href, ok := htmlx.Attr(a, "href")
		if !ok || !check.UsableHref(href) {
			continue // an empty, "#" or javascript: link leads nowhere
		}
		abs, local := d.sameHost(base, href)
		if !local {
			var ok bool
			if abs, ok = d.allowedHost(base, href); !ok {
				continue
			}
		}
		u, _ := url.Parse(abs)
		text := htmlx.Text(a)
		for _, attr := range []string{"aria-label", "title"} {
			if v, ok := htmlx.Attr(a, attr); ok {
				text += " " + v
			}
		}
		links = append(links, link{abs: abs, text: htmlx.Fold(text), path: htmlx.Fold(u.Path), local: local, nav: inNavigation(a)})
	}
	// Navigation first: a menu's "Dịch vụ công trực tuyến" is the catalogue, a news headline
	// ending in the same words is not.
	sort.SliceStable(links, func(i, j int) bool { return links[i].nav && !links[j].nav })
	if len(d.visited) == 1 && len(links) < 5 && len(htmlx.All(pg.Doc, "script")) > 0 {
		d.notes = append(d.notes, msg.P(mNoteScriptHome, check.Redact(pg.URL), len(links)))
	}
	for _, l := range labels {
		if d.found[l.field] != "" {
			continue
		}
		if v := d.fields()[l.field]; v != nil && *v != "" && l.field != "status_lookup" {
			continue
		}
		if l.field == "status_lookup" && d.lookupPg != "" {
			continue
		}
		if u := pick(links, l); u != "" {
			if l.field == "status_lookup" {
				d.lookupPg = u
				d.queue = append([]string{u}, d.queue...)
				continue
			}
			d.found[l.field] = u
			if l.field == "procedures" || l.field == "contact" {
				d.queue = append([]string{u}, d.queue...)
			}
		}
	}
	if d.r.Search == "" && d.found["search"] == "" {
		if t := searchTemplate(pg.Doc, base, d); t != "" {
			d.found["search"] = t
		}
	}
	if d.r.StatusLookup == "" || d.lookupPg != "" {
		if d.found["status_lookup"] == "" {
			onLookupPage := d.lookupPg != "" && (pg.FinalURL == d.lookupPg || pg.URL == d.lookupPg)
			if t := lookupTemplate(pg.Doc, base, d, onLookupPage); t != "" {
				d.found["status_lookup"] = t
				if d.lookupPg == "" {
					d.lookupPg = pg.FinalURL
				}
			}
		}
	}
	if d.r.ProceduresJSON == "" && d.found["procedures_json"] == "" {
		for _, l := range htmlx.All(pg.Doc, "link") {
			rel, _ := htmlx.Attr(l, "rel")
			typ, _ := htmlx.Attr(l, "type")
			href, _ := htmlx.Attr(l, "href")
			if strings.EqualFold(strings.TrimSpace(rel), "alternate") && strings.Contains(strings.ToLower(typ), "json") {
				if abs, ok := d.sameHost(base, href); ok {
					d.found["procedures_json"] = abs
					break
				}
			}
		}
	}
	for _, l := range links {
		if l.local && !d.visited[l.abs] && !d.queued[l.abs] && htmlLike(l.abs) && len(d.queue) < maxQueue {
			d.queued[l.abs] = true
			d.queue = append(d.queue, l.abs)
		}
	}
}

// pick returns the first link matching the label's text phrases (by priority), else its path
// phrases. Only the login entry may be on another (allowed) host.
func pick(links []link, l label) string {
	for _, phrase := range l.text {
		for _, k := range links {
			if (k.local || l.field == "login") && htmlx.FoldedContains(k.text, phrase) {
				return k.abs
			}
		}
	}
	for _, phrase := range l.path {
		for _, k := range links {
			if (k.local || l.field == "login") && htmlx.FoldedContains(k.path, phrase) {
				return k.abs
			}
		}
	}
	return ""
}

// allowedHost resolves href against base and reports whether it leads to another host the
// session may visit (Config.AllowedHosts, the fake national services).
func (d *discovery) allowedHost(base *url.URL, href string) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return "", false
	}
	abs := base.ResolveReference(u)
	if abs.Scheme != "http" && abs.Scheme != "https" || abs.Host == "" || !d.s.InScope(abs) {
		return "", false
	}
	abs.Fragment = ""
	return abs.String(), true
}

// sameHost resolves href against base and reports whether it stays on the target's host.
func (d *discovery) sameHost(base *url.URL, href string) (string, bool) {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") {
		return "", false
	}
	u, err := url.Parse(href)
	if err != nil {
		return "", false
	}
	abs := base.ResolveReference(u)
	if abs.Scheme != "http" && abs.Scheme != "https" || !strings.EqualFold(abs.Host, d.s.Base().Host) {
		return "", false
	}
	abs.Fragment = ""
	return abs.String(), true
}

// htmlLike reports whether a URL may be an HTML page worth crawling (not a document or an image,
// not a logout).
func htmlLike(abs string) bool {
	u, err := url.Parse(abs)
	if err != nil {
		return false
	}
	p := strings.ToLower(u.Path)
	for _, ext := range []string{".pdf", ".doc", ".docx", ".xls", ".xlsx", ".zip", ".rar", ".jpg", ".jpeg",
		".png", ".gif", ".svg", ".webp", ".ico", ".css", ".js", ".json", ".xml", ".txt", ".mp4", ".mp3"} {
		if strings.HasSuffix(p, ext) {
			return false
		}
	}
	f := htmlx.Fold(u.Path)
	return !htmlx.FoldedContains(f, "logout") && !htmlx.FoldedContains(f, "dang xuat") && !htmlx.FoldedContains(f, "dangxuat")
}

// getForm reports whether form submits with GET and returns its absolute action.
func (d *discovery) getForm(form *html.Node, base *url.URL) (string, bool) {
	if m, ok := htmlx.Attr(form, "method"); ok && !strings.EqualFold(strings.TrimSpace(m), "get") && strings.TrimSpace(m) != "" {
		return "", false
	}
	action, _ := htmlx.Attr(form, "action")
	if strings.TrimSpace(action) == "" {
		b := *base
		b.RawQuery, b.Fragment = "", ""
		return b.String(), true
	}
	return d.sameHost(base, action)
}

// formTemplate builds the GET URL a form submits, with placeholder where field's value goes.
func formTemplate(action string, form, field *html.Node, placeholder string) string {
	u, err := url.Parse(action)
	if err != nil {
		return ""
	}
	const mark = "P06KITPLACEHOLDER"
	q := url.Values{}
	for _, in := range htmlx.All(form, "input", "select") {
		name, _ := htmlx.Attr(in, "name")
		if name == "" {
			continue
		}
		if in == field {
			q.Set(name, mark)
			continue
		}
		typ, _ := htmlx.Attr(in, "type")
		switch strings.ToLower(typ) {
		case "hidden":
			v, _ := htmlx.Attr(in, "value")
			q.Add(name, v)
		}
	}
	u.RawQuery = strings.Replace(q.Encode(), mark, placeholder, 1)
	return u.String()
}

// searchTemplate finds a site-search form: a GET form with role=search, or one with an
// input[type=search] or an input named q, keyword, tukhoa, … .
func searchTemplate(doc *html.Node, base *url.URL, d *discovery) string {
	for _, form := range htmlx.All(doc, "form") {
		action, ok := d.getForm(form, base)
		if !ok {
			continue
		}
		role, _ := htmlx.Attr(form, "role")
		var field *html.Node
		for _, in := range htmlx.All(form, "input") {
			name, typ, ok := textInput(in)
			if !ok {
				continue
			}
			if typ == "search" || searchNames[htmlx.Fold(name)] || strings.EqualFold(role, "search") {
				field = in
				break
			}
		}
		if field != nil {
			return formTemplate(action, form, field, "{q}")
		}
	}
	return ""
}

// textInput reports whether in is a named input a visitor types text into (type text, search or
// none), with its name and its type in lower case.
func textInput(in *html.Node) (name, typ string, ok bool) {
	typ, _ = htmlx.Attr(in, "type")
	typ = strings.ToLower(strings.TrimSpace(typ))
	name, _ = htmlx.Attr(in, "name")
	return name, typ, name != "" && (typ == "" || typ == "text" || typ == "search")
}

// lookupTemplate finds a dossier status look-up form: a GET form with a text input named like a
// dossier code (mahoso, ma_ho_so, so_ho_so, dossier, …); on the look-up page itself, the first GET
// form with a text input that is not the site search.
func lookupTemplate(doc *html.Node, base *url.URL, d *discovery, onLookupPage bool) string {
	for _, form := range htmlx.All(doc, "form") {
		action, ok := d.getForm(form, base)
		if !ok {
			continue
		}
		role, _ := htmlx.Attr(form, "role")
		var first, named *html.Node
		for _, in := range htmlx.All(form, "input") {
			name, _, ok := textInput(in)
			if !ok {
				continue
			}
			if first == nil {
				first = in
			}
			f := htmlx.Fold(name)
			for _, dn := range dossierNames {
				if f == dn || htmlx.FoldedContains(f, dn) {
					named = in
				}
			}
		}
		switch {
		case named != nil:
			return formTemplate(action, form, named, "{code}")
		case onLookupPage && first != nil && !strings.EqualFold(role, "search") && !searchNames[htmlx.Fold(attr(first, "name"))]:
			return formTemplate(action, form, first, "{code}")
		}
	}
	return ""
}

func attr(n *html.Node, name string) string { v, _ := htmlx.Attr(n, name); return v }

// fill copies what was found into the profile and records the sources.
func (d *discovery) fill() {
	for f, v := range d.fields() {
		switch {
		case *v != "":
			d.r.Sources[f] = SourceConfigured
		case d.found[f] != "":
			*v = d.found[f]
			d.r.Sources[f] = SourceDiscovered
		case f == "status_lookup" && d.lookupPg != "":
			// A look-up page without a usable form: SVC-03 says so.
			*v = d.lookupPg
			d.r.Sources[f] = SourceDiscovered
			d.notes = append(d.notes, msg.P(mNoteLookupNoForm, check.Redact(d.lookupPg)))
		default:
			d.r.Sources[f] = SourceMissing
		}
	}
	if d.found["status_lookup"] != "" && d.r.Sources["status_lookup"] == SourceConfigured && !strings.Contains(d.r.StatusLookup, "{code}") {
		// A configured page without {code}: its form gives the template.
		d.r.StatusLookup = d.found["status_lookup"]
	}
	d.r.lookupPage = d.lookupPg
	if d.r.lookupPage == "" && strings.Contains(d.r.StatusLookup, "{code}") {
		// The look-up's form page is, most often, the template without its query.
		const mark = "P06KITCODE"
		if u, err := url.Parse(strings.ReplaceAll(d.r.StatusLookup, "{code}", mark)); err == nil && !strings.Contains(u.EscapedPath(), mark) {
			u.RawQuery = ""
			if abs, err := d.s.Resolve(u.String()); err == nil {
				d.r.lookupPage = abs
			}
		}
	}
}

// nextPageText are the texts of a "next page" link, folded; nextPageSymbols as written.
var (
	nextPageText    = map[string]bool{"trang sau": true, "trang tiep": true, "tiep": true, "tiep theo": true, "next": true, "sau": true}
	nextPageSymbols = map[string]bool{"›": true, "»": true, ">": true, "→": true}
)

// nextPage returns the same-host "next page" link of a paginated catalogue: rel="next" (a or
// link), else a link whose text is "Trang sau", "Tiếp", "Next", "›", "»" or ">".
func (d *discovery) nextPage(doc *html.Node, base *url.URL) string {
	var byText string
	for _, a := range htmlx.All(doc, "a", "link") {
		href, ok := htmlx.Attr(a, "href")
		if !ok {
			continue
		}
		abs, ok := d.sameHost(base, href)
		if !ok {
			continue
		}
		for _, r := range strings.Fields(strings.ToLower(attr(a, "rel"))) {
			if r == "next" {
				return abs
			}
		}
		if t := htmlx.Text(a) + " " + attr(a, "aria-label"); byText == "" && a.Data == "a" &&
			(nextPageText[htmlx.Fold(t)] || nextPageSymbols[strings.TrimSpace(t)]) {
			byText = abs
		}
	}
	return byText
}

// readCatalogue reads the procedure catalogue from the JSON endpoint, else the HTML page and the
// pages its pagination links to.
func (d *discovery) readCatalogue(ctx context.Context) {
	r, s := d.r, d.s
	switch {
	case r.ProceduresJSON != "":
		abs, err := s.Resolve(r.ProceduresJSON)
		if err != nil {
			r.procErr = err
			return
		}
		resp, err := s.Get(ctx, abs)
		if err != nil {
			r.procErr = msg.Wrap(msg.P(mStepFetchCatalogue), err)
			return
		}
		if resp.StatusCode != 200 {
			r.procErr = msg.Error(mNoCatalogueStatus, check.ErrNoCatalogue, check.Redact(abs), resp.StatusCode)
			return
		}
		if resp.Truncated {
			r.procErr = msg.Error(mCatalogueTooLarge, check.Redact(abs), s.Config().MaxBodyBytes)
			return
		}
		ps, err := ParseProceduresJSON(resp.Body)
		if err != nil {
			r.procErr = msg.Wrap(msg.P(msg.Verbatim, check.Redact(abs)), err)
			return
		}
		base, _ := url.Parse(resp.FinalURL)
		for i := range ps {
			if ps[i].URL != "" {
				ps[i].URL = resolveRef(base, ps[i].URL)
			}
		}
		r.procs = &check.ProcedureList{URL: abs, Format: "json", Procedures: ps}
	case r.Procedures != "":
		pg, err := s.Page(ctx, r.Procedures)
		if err != nil {
			r.procErr = msg.Wrap(msg.P(mStepFetchCatalogue), err)
			return
		}
		if pg.StatusCode != 200 || pg.Doc == nil {
			r.procErr = msg.Error(mNoCataloguePage, check.ErrNoCatalogue, check.Redact(pg.URL), pg.StatusCode, pg.Header.Get("Content-Type"))
			return
		}
		base, _ := url.Parse(pg.FinalURL)
		list := &check.ProcedureList{URL: pg.URL, Format: "html"}
		seen := map[string]bool{pg.URL: true, pg.FinalURL: true}
		have := map[string]bool{}
		add := func(ps []check.Procedure) {
			for _, p := range ps {
				k := p.Code + "\x00" + p.URL
				if !have[k] && len(list.Procedures) < maxProcedures {
					have[k] = true
					list.Procedures = append(list.Procedures, p)
				}
			}
		}
		add(ProceduresFromHTML(pg.Doc, base))
		// Follow the catalogue's pagination, bounded.
		pages := 1
		for next := d.nextPage(pg.Doc, base); next != "" && !seen[next] && pages < min(s.Config().MaxPages, maxCataloguePages); next = d.nextPage(pg.Doc, base) {
			seen[next] = true
			np, err := s.Page(ctx, next)
			if err != nil || np.StatusCode != 200 || np.Doc == nil {
				d.notes = append(d.notes, msg.P(mNoteNextPage, check.Redact(next)))
				break
			}
			pages++
			pg = np
			base, _ = url.Parse(np.FinalURL)
			add(ProceduresFromHTML(np.Doc, base))
		}
		if pages > 1 {
			d.notes = append(d.notes, msg.P(mNotePages, pages))
		}
		r.procs = list
	default:
		r.procErr = msg.Error(mNoCatalogueLink, check.ErrNoCatalogue, "Thủ tục hành chính", "Danh mục thủ tục")
	}
	if r.procs != nil {
		d.notes = append(d.notes, msg.P(mNoteCatalogue, check.Redact(r.procs.URL), r.procs.Format, len(r.procs.Procedures)))
	}
}

// procedurePages samples procedure pages from the catalogue when none are configured.
func (d *discovery) procedurePages() {
	r := d.r
	if len(r.ProcedurePages) > 0 {
		r.Sources["procedure_pages"] = SourceConfigured
		return
	}
	if r.procs == nil {
		r.Sources["procedure_pages"] = SourceMissing
		return
	}
	limit := min(d.s.Config().MaxPages, maxProcedurePages)
	seen := map[string]bool{}
	for _, p := range r.procs.Procedures {
		if len(r.ProcedurePages) >= limit {
			break
		}
		if p.URL == "" || seen[p.URL] {
			continue
		}
		if u, err := url.Parse(p.URL); err != nil || !strings.EqualFold(u.Host, d.s.Base().Host) {
			continue
		}
		seen[p.URL] = true
		r.ProcedurePages = append(r.ProcedurePages, p.URL)
	}
	if len(r.ProcedurePages) > 0 {
		r.Sources["procedure_pages"] = SourceDiscovered
	} else {
		r.Sources["procedure_pages"] = SourceMissing
	}
}

// Catalogue returns the procedure catalogue discovery read (from procedures_json, else the
// procedures page), or why there is none.
func (r *Found) Catalogue() (*check.ProcedureList, error) { return r.procs, r.procErr }

// LookupPage is the page that holds the dossier status look-up form, when known; else "".
func (r *Found) LookupPage() string { return r.lookupPage }

// Pages returns the pages checks sample, absolute and without duplicates, at most max: the home
// page, the procedure catalogue, the login entry, the status look-up page, the privacy and
// contact pages, the procedure pages (two clicks: home, catalogue, procedure), the configured
// samples, then the pages with a service form that discovery met within two clicks of the home
// page (serviceForm), in that order.
func (r *Found) Pages(s *check.Session, max int) []string {
	var out []string
	seen := map[string]bool{}
	add := func(ref string) {
		if ref == "" || len(out) >= max || strings.Contains(ref, "{") {
			return
		}
		abs, err := s.Resolve(ref)
		if err != nil || seen[abs] {
			return
		}
		seen[abs] = true
		out = append(out, abs)
	}
	add(r.Home)
	add(r.Procedures)
	add(r.Login)
	add(r.lookupPage)
	add(r.Privacy)
	add(r.Contact)
	for _, p := range r.ProcedurePages {
		add(p)
	}
	for _, p := range r.Samples {
		add(p)
	}
	// Service forms discovery met within two clicks of the home page, when the budget allows.
	for _, p := range r.forms {
		add(p)
	}
	return out
}

// SamplePages fetches the pages checks sample (Resolved.Pages, at most max) and keeps those that
// answer 200 with HTML on the portal's host. The others are named in skipped with the reason: a
// login entry that redirects to another host (the national SSO) is recognised from its first
// response and not followed, since that page is not the portal's to judge.
func (r *Found) SamplePages(ctx context.Context, s *check.Session, max int) (pages []*check.Page, skipped []msg.Phrase, err error) {
	login := ""
	if r.Login != "" {
		login, _ = s.Resolve(r.Login)
	}
	urls := r.Pages(s, max)
	// Fetch the pages side by side (the login entry is probed first below, not fetched blind).
	var ahead []string
	for _, u := range urls {
		if u != login {
			ahead = append(ahead, u)
		}
	}
	s.Prefetch(ctx, ahead...)
	for _, u := range urls {
		if u == login && r.login != nil {
			r.login.once.Do(func() { r.login.to, r.login.off = LeavesHost(ctx, s, u) })
			if to, off := r.login.to, r.login.off; off {
				skipped = append(skipped, LoginOffHost(u, to))
				continue
			}
		}
		pg, err := s.Page(ctx, u)
		switch {
		case err != nil:
			skipped = append(skipped, msg.P(mSkipError, check.Redact(u), err))
		case !onHost(s, pg.FinalURL):
			skipped = append(skipped, msg.P(mSkipOffHost, check.Redact(u), check.Redact(pg.FinalURL)))
		case pg.StatusCode != 200 || pg.Doc == nil:
			skipped = append(skipped, msg.P(mSkipStatus, check.Redact(u), pg.StatusCode, pg.Header.Get("Content-Type")))
		case !pg.Shell().IsZero():
			skipped = append(skipped, shellNote(pg, pg.Shell()))
		default:
			pages = append(pages, pg)
		}
	}
	pages, skipped = dropFallbacks(pages, skipped)
	return pages, skipped, nil
}

// dropFallbacks moves to skipped the pages whose body is byte for byte the body of pages at two
// or more other paths, when the document runs scripts: a single-page app answers every path
// with its one shell (the "SPA fallback"), and judging it once per URL would judge the same
// shell as many pages. Two paths are allowed to share a document ("/" and "/index.html").
// Rendered pages are not compared.
func dropFallbacks(pages []*check.Page, skipped []msg.Phrase) ([]*check.Page, []msg.Phrase) {
	groups := map[string][]*check.Page{}
	for _, p := range pages {
		if !p.Rendered && len(p.Body) > 0 {
			groups[string(p.Body)] = append(groups[string(p.Body)], p)
		}
	}
	dup := map[*check.Page]int{}
	for _, g := range groups {
		paths := map[string]bool{}
		for _, p := range g {
			paths[pathOf(p.FinalURL)] = true
		}
		if len(paths) >= 3 && htmlx.First(g[0].Doc, "script") != nil {
			for _, p := range g {
				dup[p] = len(paths)
			}
		}
	}
	if len(dup) == 0 {
		return pages, skipped
	}
	var kept []*check.Page
	for _, p := range pages {
		if n, ok := dup[p]; ok {
			skipped = append(skipped, shellNote(p, msg.P(mSkipFallback, n)))
			continue
		}
		kept = append(kept, p)
	}
	return kept, skipped
}

func pathOf(raw string) string {
	if u, err := url.Parse(raw); err == nil {
		return u.Path
	}
	return raw
}

// loginProbe remembers, for the session, whether the login entry redirects to another host.
type loginProbe struct {
	once sync.Once
	to   string
	off  bool
}

func onHost(s *check.Session, raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && strings.EqualFold(u.Host, s.Base().Host)
}

// leavesKey is the key, in the session's memo, of LeavesHost's answer for one URL.
type leavesKey struct{ url string }

// leaves is LeavesHost's answer.
type leaves struct {
	to  string
	off bool
}

// LeavesHost sends one GET to u without following redirects and reports whether it redirects
// to another host, and where (without the query). Sampling policies use it to leave out a login
// entry that redirects to the national SSO: that page is not the portal's to judge. It asks once
// per session and URL: discovery and the header checks both ask it of the login entry.
func LeavesHost(ctx context.Context, s *check.Session, u string) (string, bool) {
	l := s.Memo(leavesKey{u}, func() any {
		to, off := leavesHost(ctx, s, u)
		return leaves{to, off}
	}).(leaves)
	return l.to, l.off
}

func leavesHost(ctx context.Context, s *check.Session, u string) (string, bool) {
	ctx, cancel := context.WithTimeout(ctx, s.Config().RequestTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return "", false
	}
	req.Header.Set("User-Agent", s.Config().UserAgent)
	resp, err := s.Transport().RoundTrip(req)
	if err != nil {
		return "", false
	}
	// Read a short body to its end, so that the connection is reused rather than closed.
	_, _ = io.CopyN(io.Discard, resp.Body, 64<<10)
	resp.Body.Close()
	if resp.StatusCode < 300 || resp.StatusCode > 399 {
		return "", false
	}
	loc, err := resp.Location()
	if err != nil || strings.EqualFold(loc.Host, s.Base().Host) {
		return "", false
	}
	// Where, without the query: an authorization request's parameters are noise in a message.
	return loc.Scheme + "://" + loc.Host + loc.Path, true
}
