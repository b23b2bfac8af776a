package discover_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/p06kit/p06kit/harness/internal/discover"
	"github.com/p06kit/p06kit/harness/internal/service/portaltest"
)

func resolve(t *testing.T, srv *httptest.Server, p *Profile) *discover.Found {
	t.Helper()
	s, err := NewSession(Target{BaseURL: srv.URL, Client: srv.Client(), Profile: p}, Config{})
	if err != nil {
		t.Fatal(err)
	}
	var prof Profile
	if p != nil {
		prof = *p
	}
	return discover.Run(context.Background(), s, prof, func(_, _ string, _ *Response, err error) error { return err })
}

func TestDiscoverGoodPortal(t *testing.T) {
	srv := portaltest.Good().Start()
	defer srv.Close()
	r := resolve(t, srv, nil)
	want := map[string]string{
		"procedures":    srv.URL + "/thu-tuc-hanh-chinh",
		"status_lookup": srv.URL + "/tra-cuu-ho-so?ma_ho_so={code}",
		"search":        srv.URL + "/tim-kiem?q={q}",
		"login":         srv.URL + "/dang-nhap",
		"privacy":       srv.URL + "/chinh-sach-bao-mat",
		"contact":       srv.URL + "/lien-he",
		"feedback":      srv.URL + "/phan-anh-kien-nghi",
		"rating":        srv.URL + "/danh-gia",
		"payment":       srv.URL + "/thanh-toan",
	}
	got := map[string]string{"procedures": r.Procedures, "status_lookup": r.StatusLookup, "search": r.Search,
		"login": r.Login, "privacy": r.Privacy, "contact": r.Contact, "feedback": r.Feedback, "rating": r.Rating,
		"payment": r.Payment}
	for f, w := range want {
		if got[f] != w {
			t.Errorf("%s = %q, want %q", f, got[f], w)
		}
		if r.Sources[f] != SourceDiscovered {
			t.Errorf("Sources[%s] = %q, want discovered", f, r.Sources[f])
		}
	}
	for f, w := range map[string]string{"home": SourceDefault, "procedures_json": SourceMissing, "logout": SourceMissing,
		"sample_dossier": SourceMissing, "procedure_pages": SourceDiscovered, "scope": SourceDefault} {
		if r.Sources[f] != w {
			t.Errorf("Sources[%s] = %q, want %q", f, r.Sources[f], w)
		}
	}
	if r.LookupPage() != srv.URL+"/tra-cuu-ho-so" {
		t.Errorf("LookupPage = %q", r.LookupPage())
	}
	if len(r.ProcedurePages) != 10 || r.ProcedurePages[0] != srv.URL+"/thu-tuc/1.001000" {
		t.Errorf("ProcedurePages = %v", r.ProcedurePages)
	}
	s, _ := NewSession(Target{BaseURL: srv.URL, Client: srv.Client()}, Config{})
	list, err := s.Procedures(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if list.Format != "html" || len(list.Procedures) != 10 {
		t.Fatalf("catalogue: %s with %d procedures", list.Format, len(list.Procedures))
	}
	p := list.Procedures[7]
	if p.Code != "2.001234.000.00.00.H55" || p.Name != "Cấp giấy phép xây dựng nhà ở riêng lẻ" || p.Level != LevelPartial || !p.LevelStated {
		t.Errorf("procedure 7 = %+v", p)
	}
}

func TestDiscoverConfiguredWins(t *testing.T) {
	srv := portaltest.Good().Start()
	defer srv.Close()
	r := resolve(t, srv, &Profile{Login: "/khac", StatusLookup: "/tra-cuu-ho-so", Scope: "commune"})
	if r.Login != "/khac" || r.Sources["login"] != SourceConfigured {
		t.Errorf("login = %q (%s), want the configured /khac", r.Login, r.Sources["login"])
	}
	if r.StatusLookup != srv.URL+"/tra-cuu-ho-so?ma_ho_so={code}" || r.Sources["status_lookup"] != SourceConfigured {
		t.Errorf("status_lookup = %q (%s): a configured page without {code} takes its form", r.StatusLookup, r.Sources["status_lookup"])
	}
	if r.Scope != "commune" || r.Sources["scope"] != SourceConfigured {
		t.Errorf("scope = %q (%s)", r.Scope, r.Sources["scope"])
	}
}

func TestDiscoverLookupPageFromTemplate(t *testing.T) {
	p := portaltest.Good()
	p.Rewrite = func(_, page string) string {
		return strings.ReplaceAll(page, `<li><a href="/tra-cuu-ho-so">Tra cứu hồ sơ</a></li>`, "")
	}
	srv := p.Start()
	defer srv.Close()
	for tmpl, want := range map[string]string{
		"/tra-cuu?ma={code}&x=1": srv.URL + "/tra-cuu", // the code in the query: the page is the path
		"/ho-so/{code}":          "",                   // the code in the path: no page to sample
	} {
		r := resolve(t, srv, &Profile{StatusLookup: tmpl})
		if r.LookupPage() != want {
			t.Errorf("template %s: LookupPage = %q, want %q", tmpl, r.LookupPage(), want)
		}
	}
}

func TestDiscoverScriptRenderedHome(t *testing.T) {
	p := portaltest.Good()
	p.Pages["/"] = `<html lang="vi"><head><title>Cổng</title><script src="/main.js"></script></head><body><app-root></app-root></body></html>`
	srv := p.Start()
	defer srv.Close()
	r := resolve(t, srv, nil)
	if !strings.Contains(fmt.Sprint(r.Notes), "shows 0 links and runs scripts") {
		t.Errorf("notes = %q", r.Notes)
	}
}

func TestDiscoverBarePortal(t *testing.T) {
	p := portaltest.Good()
	p.Pages["/"] = "<!DOCTYPE html><html><head><title>x</title></head><body><p>Xin chào</p></body></html>"
	srv := p.Start()
	defer srv.Close()
	r := resolve(t, srv, nil)
	for _, f := range []string{"procedures", "status_lookup", "search", "login", "privacy", "procedure_pages"} {
		if r.Sources[f] != SourceMissing {
			t.Errorf("Sources[%s] = %q, want missing", f, r.Sources[f])
		}
	}
	s, _ := NewSession(Target{BaseURL: srv.URL, Client: srv.Client()}, Config{})
	if _, err := s.Procedures(context.Background()); err == nil || !strings.Contains(err.Error(), "no procedure catalogue") {
		t.Errorf("Procedures error = %v, want no procedure catalogue", err)
	}
}

func TestDiscoverJSONCatalogue(t *testing.T) {
	p := portaltest.Good()
	p.Files["/api/thu-tuc.json"] = portaltest.File{Type: "application/json", Body: `{"procedures":[
	 {"MaTTHC":"1.000001","Ten":"Đăng ký khai sinh","MucDo":"toan_trinh","CoPhiLePhi":false,"ThietYeu":true,"URL":"/thu-tuc/1.000001"},
	 {"MaTTHC":"1.000002","Ten":"Cấp phép","MucDo":"","CoPhiLePhi":true,"URL":"https://other.example/x"}]}`}
	p.Pages["/thu-tuc-hanh-chinh"] = `<html lang="vi"><head><title>TTHC</title><link rel="alternate" type="application/json" href="/api/thu-tuc.json"></head><body></body></html>`
	srv := p.Start()
	defer srv.Close()
	r := resolve(t, srv, nil)
	if r.ProceduresJSON != srv.URL+"/api/thu-tuc.json" || r.Sources["procedures_json"] != SourceDiscovered {
		t.Fatalf("procedures_json = %q (%s)", r.ProceduresJSON, r.Sources["procedures_json"])
	}
	if len(r.ProcedurePages) != 1 || r.ProcedurePages[0] != srv.URL+"/thu-tuc/1.000001" {
		t.Errorf("ProcedurePages = %v, want only the same-host page", r.ProcedurePages)
	}
	s, _ := NewSession(Target{BaseURL: srv.URL, Client: srv.Client()}, Config{})
	list, err := s.Procedures(context.Background())
	if err != nil || list.Format != "json" || len(list.Procedures) != 2 || !list.Procedures[0].Essential || list.Procedures[1].Online() {
		t.Errorf("catalogue = %+v, %v", list, err)
	}
}

func TestParseProceduresJSON(t *testing.T) {
	cases := []struct {
		name, in, err string
		n             int
	}{
		{"object", `{"procedures":[{"MaTTHC":"1.000001","Ten":"A","MucDo":"mot_phan"}]}`, "", 1},
		{"bare array", `[{"MaTTHC":"1.000001"},{"Ten":"B","MucDo":"Toàn trình"}]`, "", 2},
		{"no procedures", `{"items":[]}`, `no "procedures" array`, 0},
		{"bad level", `{"procedures":[{"MucDo":"muc_do_9"}]}`, `$.procedures[0].MucDo: unknown level "muc_do_9"`, 0},
		{"bad type", `{"procedures":[{"Ten":"x"},{"CoPhiLePhi":"yes"}]}`, `$.procedures[1]: CoPhiLePhi: got JSON string, want bool`, 0},
		{"syntax", `{"procedures":[`, `invalid JSON`, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ps, err := ParseProceduresJSON([]byte(c.in))
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("error = %v, want %q", err, c.err)
				}
				return
			}
			if err != nil || len(ps) != c.n {
				t.Fatalf("got %d procedures, %v; want %d", len(ps), err, c.n)
			}
		})
	}
}

func TestFindProcedureCode(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"short", "Mã: 1.000123 - Đăng ký", "1.000123"},
		{"long", "2.001234.000.00.00.H55", "2.001234.000.00.00.H55"},
		{"end of sentence", "mã thủ tục 1.004227.", "1.004227"},
		{"too many digits", "11.0001234", ""},
		{"partial suffix", "1.000123.000", ""},
		{"money", "50.000 đồng", ""},
		{"none", "không có mã", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := FindProcedureCode(c.in); got != c.want {
				t.Errorf("FindProcedureCode(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
	if !ValidProcedureCode("1.000123") || ValidProcedureCode(" 1.000123") || ValidProcedureCode("x1.000123") {
		t.Error("ValidProcedureCode accepts or rejects the wrong strings")
	}
}

func TestProceduresFromHTMLTagged(t *testing.T) {
	doc := mustParse(t, `<ul><li data-ma-tthc="1.000001" data-muc-do="mot_phan" data-co-phi="true" data-thiet-yeu="1"><a href="/a">Đăng ký khai sinh</a></li>
	<li data-ma-tthc="1.000002"><a href="/b">Khác</a></li></ul>`)
	ps := ProceduresFromHTML(doc, nil)
	if len(ps) != 2 || ps[0].Level != LevelPartial || !ps[0].Fee || !ps[0].Essential || ps[0].URL != "/a" || ps[1].LevelStated {
		t.Errorf("procedures = %+v", ps)
	}
}

func FuzzParseProceduresJSON(f *testing.F) {
	for _, s := range []string{`{"procedures":[{"MaTTHC":"1.000001","Ten":"A","MucDo":"toan_trinh","CoPhiLePhi":true,"URL":"/x"}]}`,
		`[]`, `{"procedures":null}`, `{"procedures":[1]}`, "\xef\xbb\xbf[{}]"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		ps, err := ParseProceduresJSON(b)
		if err != nil && ps != nil {
			t.Errorf("half-read: %d procedures with error %v", len(ps), err)
		}
		for _, p := range ps {
			if p.Level != LevelFull && p.Level != LevelPartial && p.Level != LevelOffline {
				t.Errorf("level %q", p.Level)
			}
		}
	})
}

func FuzzFindProcedureCode(f *testing.F) {
	for _, s := range []string{"1.000123", "2.001234.000.00.00.H55", "a1.000123b", "1.000123.", "50.000.000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if c := FindProcedureCode(s); c != "" && (!strings.Contains(s, c) || !ValidProcedureCode(c)) {
			t.Errorf("FindProcedureCode(%q) = %q, not a valid code in the input", s, c)
		}
	})
}

func FuzzProceduresFromHTML(f *testing.F) {
	for _, s := range []string{`<table><tr><td>1.000001</td><td><a href="/x">A</a></td><td>Toàn trình</td></tr></table>`,
		`<li data-ma-tthc="x" data-muc-do="zz"><a href=":">b</a></li>`, `<li><li><li>1.000001<a>`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := parseHTML(s)
		if err != nil {
			return
		}
		for _, p := range ProceduresFromHTML(doc, nil) {
			if p.Where == "" {
				t.Errorf("procedure without location: %+v", p)
			}
		}
	})
}

func FuzzDiscoverScan(f *testing.F) {
	for _, s := range []string{
		`<a href="/thu-tuc">Thủ tục hành chính</a><form role=search action="/s"><input name=q></form>`,
		`<form method=post><input name=mahoso></form><form action="http://evil.example/x"><input name=ma_ho_so></form>`,
		`<link rel=alternate type=application/json href="//evil.example/p.json"><a href="javascript:alert(1)">Đăng nhập</a>`,
		`<form action=":::"><input name=q type=search></form><area href="/lien-he" title="Liên hệ">`,
	} {
		f.Add(s)
	}
	s, err := NewSession(Target{BaseURL: "http://portal.test/"}, Config{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src string) {
		doc, err := parseHTML(src)
		if err != nil {
			return
		}
		found, queue := discover.Scan(s, "http://portal.test/tra-cuu", &Page{Response: &Response{URL: "http://portal.test/tra-cuu", FinalURL: "http://portal.test/tra-cuu"}, Doc: doc})
		for field, v := range found {
			u, err := url.Parse(strings.NewReplacer("{q}", "x", "{code}", "x").Replace(v))
			if err != nil || u.Host != "portal.test" {
				t.Errorf("%s = %q leaves the portal", field, v)
			}
		}
		for _, q := range queue {
			if u, err := url.Parse(q); err != nil || u.Host != "portal.test" {
				t.Errorf("queued %q", q)
			}
		}
	})
}

func BenchmarkProceduresFromHTML(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("<table>")
	for i := 0; i < 2000; i++ {
		fmt.Fprintf(&sb, `<tr><td>1.%06d</td><td><a href="/thu-tuc/%d">Thủ tục số %d</a></td><td>Toàn trình</td></tr>`, i, i, i)
	}
	sb.WriteString("</table>")
	doc, err := parseHTML(sb.String())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if n := len(ProceduresFromHTML(doc, nil)); n != 2000 {
			b.Fatalf("%d procedures", n)
		}
	}
}

func BenchmarkParseProceduresJSON(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`{"procedures":[`)
	for i := 0; i < 2000; i++ {
		if i > 0 {
			sb.WriteByte(',')
		}
		fmt.Fprintf(&sb, `{"MaTTHC":"1.%06d","Ten":"Thủ tục số %d","MucDo":"toan_trinh","CoPhiLePhi":false,"ThietYeu":false,"URL":"/thu-tuc/%d"}`, i, i, i)
	}
	sb.WriteString(`]}`)
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseProceduresJSON(data); err != nil {
			b.Fatal(err)
		}
	}
}

func TestDiscoverPaginatedCatalogue(t *testing.T) {
	p := portaltest.Good()
	row := func(code, name string) string {
		return `<tr><td>` + code + `</td><td><a href="/thu-tuc/` + code + `">` + name + `</a></td><td>Toàn trình</td></tr>`
	}
	p.Pages["/thu-tuc-hanh-chinh"] = portaltest.Layout("TTHC", `<h1>TTHC</h1><table>`+row("1.000001", "A")+row("1.000002", "B")+`</table><a href="/tthc/2" aria-label="Trang sau">›</a>`)
	p.Pages["/tthc/2"] = portaltest.Layout("TTHC", `<h1>TTHC</h1><table>`+row("1.000003", "C")+row("1.000001", "A")+`</table><a rel="next" href="/tthc/3">3</a>`)
	p.Pages["/tthc/3"] = portaltest.Layout("TTHC", `<h1>TTHC</h1><table>`+row("1.000004", "D")+`</table><a href="/thu-tuc-hanh-chinh">Tiếp</a>`) // loops back
	srv := p.Start()
	defer srv.Close()
	s, _ := NewSession(Target{BaseURL: srv.URL, Client: srv.Client()}, Config{})
	list, err := s.Procedures(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, pr := range list.Procedures {
		codes = append(codes, pr.Code)
	}
	if strings.Join(codes, " ") != "1.000001 1.000002 1.000003 1.000004" {
		t.Errorf("codes = %v, want the four procedures of three pages, once each", codes)
	}
	r, _ := s.Profile(context.Background())
	if !strings.Contains(fmt.Sprint(r.Notes), "procedure catalogue: 3 pages read") {
		t.Errorf("notes = %q", r.Notes)
	}
}

func TestLegacyLevel(t *testing.T) {
	ps, err := ParseProceduresJSON([]byte(`[{"MucDo":"Mức độ 4"},{"MucDo":"toan_trinh"},{"MucDo":"muc do 3"}]`))
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprintln(ps[0].Level, ps[0].LegacyLevel, ps[1].Level, ps[1].LegacyLevel, ps[2].Level, ps[2].LegacyLevel)
	if got != "toan_trinh true toan_trinh false mot_phan true\n" {
		t.Errorf("levels = %s", got)
	}
}

// A news headline ending in "dịch vụ công trực tuyến" comes before the menu in the page; the
// menu's link is the catalogue. Links that lead nowhere are not candidates at all.
func TestDiscoverPrefersNavigation(t *testing.T) {
	p := portaltest.Good()
	p.Rewrite = func(path, page string) string {
		if path != "/" {
			return page
		}
		news := `<article><h2><a href="/tin-tuc/so-lieu">Tỉnh đẩy mạnh thủ tục hành chính, dịch vụ công trực tuyến</a></h2></article>` +
			`<p><a href="#">Liên hệ</a> <a href="javascript:void(0)">Chính sách bảo mật</a></p>`
		return strings.Replace(page, "<body>", "<body>"+news, 1)
	}
	srv := p.Start()
	defer srv.Close()
	r := resolve(t, srv, nil)
	if r.Procedures != srv.URL+"/thu-tuc-hanh-chinh" {
		t.Errorf("procedures = %q, want the menu's /thu-tuc-hanh-chinh", r.Procedures)
	}
	if r.Contact != srv.URL+"/lien-he" || r.Privacy != srv.URL+"/chinh-sach-bao-mat" {
		t.Errorf("contact %q, privacy %q: a # or javascript: link was taken", r.Contact, r.Privacy)
	}
}
