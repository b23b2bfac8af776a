package a11y

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/checktest"
	"github.com/p06kit/p06kit/harness/internal/probe"
	"github.com/p06kit/p06kit/harness/internal/service/portaltest"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/scoring"
)

func page(head, body string) string {
	return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Trang</title>` + head + `</head><body><h1>Trang</h1>` + body + `</body></html>`
}

func rulesOf(t *testing.T, src string) string {
	t.Helper()
	doc := checktest.HTML(t, src)
	var ids []string
	for _, v := range Audit(doc) {
		if _, ok := Rules[v.Rule]; !ok {
			t.Errorf("violation of unknown rule %q", v.Rule)
		}
		if v.Path == "" || v.Detail.Text.IsZero() {
			t.Errorf("violation without path or detail: %+v", v)
		}
		ids = append(ids, v.Rule)
	}
	return strings.Join(ids, " ")
}

func TestAudit(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"clean", page("", `<img src="a.png" alt="Logo"><a href="/">Trang chủ</a>`), ""},
		{"no lang", `<html><head><title>x</title></head><body><h1>x</h1></body></html>`, "html-has-lang"},
		{"lang vn is invalid", `<html lang="vn"><head><title>x</title></head><body><h1>x</h1></body></html>`, "html-lang-valid"},
		{"english lang on vietnamese page", `<html lang="en"><head><title>x</title></head><body><h1>Cổng dịch vụ công</h1><p>Thủ tục hành chính được giải quyết trực tuyến toàn trình, người dân không phải đến cơ quan nhà nước.</p></body></html>`, "p06-lang-vi"},
		{"xml:lang only", `<html xml:lang="vi"><head><title>x</title></head><body><h1>x</h1></body></html>`, ""},
		{"no title", `<html lang="vi"><head></head><body><h1>x</h1></body></html>`, "document-title"},
		{"empty title", `<html lang="vi"><head><title> </title></head><body><h1>x</h1></body></html>`, "document-title"},
		{"svg title is not the page title", `<html lang="vi"><head></head><body><h1>x</h1><svg><title>icon</title></svg></body></html>`, "document-title"},
		{"img without alt", page("", `<img src="a.png">`), "image-alt"},
		{"decorative img", page("", `<img src="a.png" alt="">`), ""},
		// WCAG failure F30: a file name or a generic word is not a text alternative.
		{"alt is a file name or a generic word", page("", `<img src="/upload/IMG_20240312.jpg" alt="IMG_20240312.jpg"><img src="/a/banner-tthc.png" alt="banner-tthc">
<img src="x.png" alt="Image"><img src="y.png" alt="Hình ảnh"><img src="z.png" alt="ảnh"><img src="c.jpg" alt="DSC01234">`), "p06-alt-meaningful p06-alt-meaningful p06-alt-meaningful p06-alt-meaningful p06-alt-meaningful p06-alt-meaningful"},
		{"meaningful alts", page("", `<img src="/logo.png" alt="Logo Ủy ban nhân dân tỉnh"><img src="/img/so-do.png" alt="Sơ đồ quy trình nộp hồ sơ trực tuyến"><img src="/a.png" alt="Ảnh chụp màn hình bước 2: nhập số định danh">`), ""},
		{"img named by aria-label, title, role", page("", `<img src="a" aria-label="A"><img src="b" title="B"><img src="c" role="presentation">`), ""},
		{"img labelled by missing id", page("", `<img src="a" aria-labelledby="nope">`), "image-alt"},
		{"hidden img", page("", `<div hidden><img src="a"></div><img src="b" aria-hidden="true"><img src="c" style="display: none">`), ""},
		{"input image", page("", `<input type="image" src="go.png"><input type="image" src="go.png" alt="Tìm">`), "input-image-alt"},
		{"area", page("", `<map name="m"><area href="/a"><area href="/b" alt="B"><area></map>`), "area-alt"},
		{"role img", page("", `<div role="img"></div><span role="img" aria-label="Sao">*</span>`), "role-img-alt"},
		{"svg role img", page("", `<svg role="img"></svg><svg role="img"><title>Biểu đồ</title></svg>`), "svg-img-alt"},
		{"labels", page("", `<label for="a">Họ tên</label><input id="a"><label>Ngày sinh <input name="b"></label>
<input aria-label="C"><span id="l">D</span><input aria-labelledby="l"><input title="E"><input placeholder="F">
<input type="hidden" name="g"><input type="submit"><textarea id="t"></textarea><input name="x">`), "p06-label-not-placeholder p06-label-not-placeholder label label"},
		// P06-A11Y-04 lists label, aria-label and aria-labelledby: a placeholder or a title alone
		// is not a label (axe-core accepts both, so these are the catalogue's own rule).
		{"placeholder only", page("", `<input placeholder="Số định danh"><textarea placeholder="Nội dung"></textarea>`), "p06-label-not-placeholder p06-label-not-placeholder"},
		{"title only select", page("", `<select title="Tỉnh"><option>A</option></select>`), "p06-label-not-placeholder"},
		{"placeholder beside a label", page("", `<label for="a">Số định danh</label><input id="a" placeholder="12 chữ số">`), ""},
		{"label for empty text", page("", `<label for="a"></label><input id="a">`), "label"},
		{"select", page("", `<select><option>A</option></select><label>Tỉnh <select><option>B</option></select></label><label><select><option>C</option></select></label>`), "select-name select-name"},
		{"links", page("", `<a href="/a"></a><a href="/b"><img src="x" alt="Trang chủ"></a><a href="/c" aria-label="C"></a><a href="/d" title="D"></a><a name="anchor"></a><a href="/e"><img src="y" alt=""></a>`), "link-name link-name"},
		{"buttons", page("", `<button></button><button aria-label="Đóng">×</button><button><span aria-hidden="true">x</span></button><input type="button"><input type="submit"><input type="submit" value=""><input type="reset" value="Xóa">`), "button-name button-name input-button-name input-button-name"},
		{"heading order", `<html lang="vi"><head><title>x</title></head><body><h1>A</h1><h2>B</h2><h4>C</h4><h2>D</h2><h3>E</h3><div role="heading" aria-level="5">F</div></body></html>`, "heading-order heading-order"},
		{"no h1", `<html lang="vi"><head><title>x</title></head><body><h2>A</h2><h3>B</h3></body></html>`, "p06-heading-h1"},
		// The requirement is "has an h1" and no skipped level: a site heading before the h1 is fine.
		{"h1 after a site heading", `<html lang="vi"><head><title>x</title></head><body><h2>Menu</h2><h1>A</h1><h2>B</h2></body></html>`, ""},
		{"no headings", `<html lang="vi"><head><title>x</title></head><body><p>A</p></body></html>`, "p06-heading-h1"},
		{"duplicate ids", page("", `<div id="a"></div><p id="a"></p><span id="b"></span><i id="a"></i><b id="c"></b><b id="c"></b>`), "duplicate-id duplicate-id"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := rulesOf(t, c.src); got != c.want {
				t.Errorf("violations = %q, want %q", got, c.want)
			}
		})
	}
}

func TestRulesComplete(t *testing.T) {
	for id, r := range Rules {
		if r.ID != id || r.Criterion == "" || r.SC == "" || r.Advice.IsZero() || r.Help() == "" {
			t.Errorf("rule %s is incomplete: %+v, help %q", id, r, r.Help())
		}
	}
}

func TestValidLang(t *testing.T) {
	for in, want := range map[string]bool{"vi": true, "vi-VN": true, "VI_vn": true, "en-US": true, "vie": true, "vn": false, "": false, "v1": false, "english": false} {
		if got := validLang(in); got != want {
			t.Errorf("validLang(%q) = %v, want %v", in, got, want)
		}
	}
}

func runCheck(t *testing.T, id string, p *portaltest.Portal, prof *check.Profile) check.Result {
	t.Helper()
	return checktest.RunOn(t, Checks(), id, p, prof, check.Config{})
}

func TestChecksOnPortal(t *testing.T) {
	ids := []string{"P06-A11Y-01", "P06-A11Y-02", "P06-A11Y-03", "P06-A11Y-04", "P06-A11Y-05", "P06-A11Y-06", "P06-A11Y-07"}
	for _, id := range ids {
		t.Run(id+"/good", func(t *testing.T) {
			r := runCheck(t, id, portaltest.Good(), nil)
			if r.Status != scoring.Pass || !strings.Contains(r.Message, "no violation on the 17 pages audited") {
				t.Errorf("%s: %s", r.Status, r.Message)
			}
			checktest.Says(t, r, mPass, r.Args[0], 17, msg.List{})
		})
	}
	// One defect per criterion, on a procedure page.
	defects := map[string]struct{ body, rule, path string }{
		"P06-A11Y-01": {`<html lang="vn"><head><title>x</title></head><body><h1>x</h1></body></html>`, "html-lang-valid", "html"},
		"P06-A11Y-02": {`<html lang="vi"><head></head><body><h1>x</h1></body></html>`, "document-title", "html"},
		"P06-A11Y-03": {page("", `<img src="/static/logo.png">`), "image-alt", "html>body>img"},
		"P06-A11Y-04": {page("", `<form><input name="ho_ten"></form>`), "label", "html>body>form>input[name=ho_ten]"},
		"P06-A11Y-05": {page("", `<a href="/x"><i class="icon"></i></a>`), "link-name", "html>body>a"},
		"P06-A11Y-06": {page("", `<h3>x</h3>`), "heading-order", "html>body>h3"},
		"P06-A11Y-07": {page("", `<p id="x"></p><p id="x"></p><p id="x"></p>`), "duplicate-id", "html>body>p#x"},
	}
	for _, id := range ids {
		d := defects[id]
		t.Run(id+"/defect", func(t *testing.T) {
			p := portaltest.Good()
			p.Pages[p.Procedures[3].Path()] = d.body
			r := runCheck(t, id, p, nil)
			if r.Status != scoring.Fail {
				t.Fatalf("%s: %s", r.Status, r.Message)
			}
			checktest.Says(t, r, mFail)
			if len(r.Args) != 10 || r.Args[1] != 1 || r.Args[2] != 1 || r.Args[3] != 17 || r.Args[6] != d.path {
				t.Errorf("values %v", r.Args)
			}
			for _, want := range []string{"1 violations on 1 of 17 pages", d.rule + " ×1 (WCAG", "at " + d.path} {
				if !strings.Contains(r.Message, want) {
					t.Errorf("message %q lacks %q", r.Message, want)
				}
			}
			if !strings.Contains(r.MessageVI, "1 lỗi trên 1/17 trang") || r.URL == "" || len(r.Evidence) != 1 || r.Evidence[0].Location != d.path {
				t.Errorf("VI %q, URL %q, evidence %+v", r.MessageVI, r.URL, r.Evidence)
			}
			// The advice is said once, after the first violation, not in it too; the evidence
			// note keeps it with the rule's help page.
			advice := Rules[d.rule].Advice
			for lang, text := range map[string]string{msg.EN: r.Message, msg.VI: r.MessageVI} {
				if n := strings.Count(text, advice.Render(lang)); n != 1 {
					t.Errorf("%s: the advice %q is said %d times in %q", lang, advice.Render(lang), n, text)
				}
			}
			if !strings.Contains(r.Evidence[0].NoteIn("vi"), advice.Render(msg.VI)) {
				t.Errorf("evidence note %q lacks the advice", r.Evidence[0].NoteIn("vi"))
			}
		})
	}
}

func TestChecksNoPage(t *testing.T) {
	p := portaltest.Good()
	p.Files["/"] = portaltest.File{Type: "application/json", Body: "{}"}
	r := runCheck(t, "P06-A11Y-02", p, nil)
	if r.Status != scoring.Error || !strings.Contains(r.Message, "no page could be read") {
		t.Errorf("%s: %s", r.Status, r.Message)
	}
}

func FuzzAudit(f *testing.F) {
	for _, s := range []string{page("", `<img><a href></a><label for=x></label><input id=x>`),
		`<html lang=""><svg role=img><title></title></svg><h7><h0><div role=heading aria-level=-3>`,
		`<template><img></template><select><label><select></select></label></select>`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := html.Parse(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, v := range Audit(doc) {
			if _, ok := Rules[v.Rule]; !ok {
				t.Errorf("unknown rule %q", v.Rule)
			}
		}
	})
}

func ExampleAudit() {
	doc, _ := html.Parse(strings.NewReader(`<html lang="vn"><head><title>Cổng DVC</title></head>
<body><h1>Cổng</h1><img src="logo.png"><h3>Tin tức</h3></body></html>`))
	for _, v := range Audit(doc) {
		fmt.Printf("%s WCAG %s at %s: %s\n", v.Rule, Rules[v.Rule].SC, v.Path, v.Detail)
	}
	// Output:
	// html-lang-valid WCAG 3.1.1 at html: lang="vn" is not a valid language tag
	// image-alt WCAG 1.1.1 at html>body>img: the image has no alt attribute
	// heading-order WCAG 1.3.1 at html>body>h3: h3 follows h1: level 2 is skipped
}

func TestChecksSkipOffHostLogin(t *testing.T) {
	sso := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><body><img src="x"></body></html>`) // defects that are not the portal's
	}))
	defer sso.Close()
	p := portaltest.Good()
	srv := p.Start()
	defer srv.Close()
	mux := http.NewServeMux()
	mux.Handle("/dang-nhap", http.RedirectHandler(sso.URL+"/authorize", http.StatusFound))
	mux.Handle("/", p)
	front := httptest.NewServer(mux)
	defer front.Close()
	u, _ := url.Parse(sso.URL)
	s, err := probe.NewSession(check.Target{BaseURL: front.URL, Client: front.Client()}, check.Config{AllowedHosts: []string{u.Host}})
	if err != nil {
		t.Fatal(err)
	}
	r := Checks()[2].Run(context.Background(), s)
	if r.Status != scoring.Pass || !strings.Contains(r.Message, "16 pages audited") || !strings.Contains(r.Message, "the login entry redirects to "+sso.URL+"/authorize") {
		t.Errorf("%s: %s", r.Status, r.Message)
	} // The reason a page was not judged is said in the finding's language, as the rest is.
	if want := "trang đăng nhập chuyển hướng tới " + sso.URL + "/authorize"; !strings.Contains(r.MessageVI, want) || strings.Contains(r.MessageVI, "redirects") {
		t.Errorf("Vietnamese %q lacks %q", r.MessageVI, want)
	}
}

// A check that cannot go on names its step in the report's language.
func TestChecksStepInVietnamese(t *testing.T) {
	s := checktest.FailingSession(check.Target{}, check.Config{}, fmt.Errorf("GET /: %w", check.ErrTimeout))
	r := checktest.Run(t, Checks(), "P06-A11Y-01", s)
	if r.Status != scoring.Error || !strings.HasPrefix(r.Message, "resolving the portal profile: ") {
		t.Errorf("%s: %s", r.Status, r.Message)
	}
	checktest.SaysStep(t, r, mStepProfile)
}
