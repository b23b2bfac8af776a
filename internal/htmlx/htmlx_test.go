package htmlx

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func parse(t testing.TB, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

const page = `<html lang="vi"><head><title>Cổng  DVC</title><style>p{}</style></head><body>
<div id="a"><p>Một <b>hai</b></p><script>var x = "no";</script></div><form name="f"><input name="q"></form><p>ba</p></body></html>`

func TestWalkOrderAndStop(t *testing.T) {
	doc := parse(t, page)
	var got []string
	Walk(doc, func(n *html.Node) bool { got = append(got, n.Data); return true })
	want := "html head title style body div p b script form input p"
	if strings.Join(got, " ") != want {
		t.Errorf("Walk order = %q, want %q", strings.Join(got, " "), want)
	}
	got = nil
	Walk(doc, func(n *html.Node) bool { got = append(got, n.Data); return n.Data != "b" })
	if strings.Join(got, " ") != "html head title style body div p b" {
		t.Errorf("Walk did not stop at b: %v", got)
	}
	// A subtree: its siblings are not visited.
	div := First(doc, "div")
	got = nil
	Walk(div, func(n *html.Node) bool { got = append(got, n.Data); return true })
	if strings.Join(got, " ") != "div p b script" {
		t.Errorf("Walk(div) = %v, want div p b script", got)
	}
	Walk(nil, func(*html.Node) bool { t.Fatal("called on nil"); return true })
}

func TestHelpers(t *testing.T) {
	doc := parse(t, page)
	if got := Text(First(doc, "body")); got != "Một hai ba" {
		t.Errorf("Text(body) = %q, want %q (no script, collapsed spaces)", got, "Một hai ba")
	}
	if got := Text(First(doc, "title")); got != "Cổng DVC" {
		t.Errorf("Text(title) = %q", got)
	}
	if got := len(All(doc, "p")); got != 2 {
		t.Errorf("All(p) = %d elements, want 2", got)
	}
	if got := len(All(doc)); got != 12 {
		t.Errorf("All() = %d elements, want 12", got)
	}
	in := First(doc, "input")
	if got := Path(in); got != "html>body>form[name=f]>input[name=q]" {
		t.Errorf("Path = %q", got)
	}
	if v, ok := Attr(First(doc, "html"), "LANG"); !ok || v != "vi" {
		t.Errorf("Attr(lang) = %q, %v", v, ok)
	}
	if got := Outer(in, 10); got != `<input nam…` {
		t.Errorf("Outer = %q", got)
	}
	if First(doc, "table") != nil {
		t.Error("First found a table")
	}
	if Text(nil) != "" {
		t.Error("Text(nil) not empty")
	}
}

// TestDeepDocument walks a document nested as deep as the parser allows, many times over: no
// recursion, so no stack growth.
func TestDeepDocument(t *testing.T) {
	doc := parse(t, strings.Repeat("<table><tr><td>", 100)+"x")
	var n int
	Walk(doc, func(*html.Node) bool { n++; return true })
	if n < 300 {
		t.Errorf("walked %d elements, want at least 300", n)
	}
	if Text(doc) != "x" {
		t.Errorf("Text = %q", Text(doc))
	}
}

func BenchmarkWalk(b *testing.B) {
	doc := parse(b, strings.Repeat(page, 50))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		Walk(doc, func(*html.Node) bool { n++; return true })
	}
}

func TestLinks(t *testing.T) {
	doc := parse(t, `<a href=" /a?x=1#top ">Đăng nhập</a><a href="https://SSO.example/x" title="Cổng">SSO</a><a href="javascript:void(0)">j</a><a>none</a><a href="%zz">bad</a>`)
	ls := Links(doc, "https://portal.example:8443/dir/page")
	if len(ls) != 5 {
		t.Fatalf("got %d links, want 5", len(ls))
	}
	if ls[0].Href != "/a?x=1#top" || ls[0].URL.String() != "https://portal.example:8443/a?x=1" || !ls[0].OnHost("portal.example") || ls[0].Folded() != "dang nhap" {
		t.Errorf("first link: %+v %q", ls[0], ls[0].Folded())
	}
	if !ls[1].Web() || ls[1].OnHost("portal.example") || !ls[1].OnHost("sso.example") || ls[1].Folded("title") != "sso cong" {
		t.Errorf("second link: %+v %q", ls[1].URL, ls[1].Folded("title"))
	}
	if ls[2].Web() || ls[2].URL == nil {
		t.Errorf("javascript: link: %+v", ls[2].URL)
	}
	if ls[3].Href != "" || ls[4].URL != nil {
		t.Errorf("links without or with a bad href: %+v %+v", ls[3], ls[4])
	}
	if ls := Links(doc, "%zz"); ls[0].URL != nil {
		t.Errorf("a bad base resolves nothing: %+v", ls[0].URL)
	}
}

func TestVisitSkipsSubtrees(t *testing.T) {
	doc := parse(t, `<div id=a><p>x</p><script>y</script></div><p id=b>z</p>`)
	var seen []string
	Visit(doc, func(n *html.Node) bool {
		if n.Type == html.TextNode {
			seen = append(seen, n.Data)
		}
		return n.Data != "script"
	})
	if strings.Join(seen, ",") != "x,z" {
		t.Errorf("Visit saw %v, want x and z (the script's text skipped)", seen)
	}
	Visit(nil, func(*html.Node) bool { t.Error("called on nil"); return true })
}
