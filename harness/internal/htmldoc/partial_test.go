package htmldoc

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func parse(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

const chromeTop = `<!doctype html><html lang="vi"><head><title>Cổng dịch vụ công</title></head><body>
<header id="banner"><a href="/"><img src="/logo.png">Cổng dịch vụ công tỉnh Mẫu</a><div id="react-root"></div></header>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/thu-tuc-hanh-chinh">Thủ tục hành chính</a></li><li><a href="/tra-cuu-ho-so">Tra cứu hồ sơ</a></li><li><a href="/hoi-dap">Hỏi đáp</a></li></ul></nav>
`
const chromeBottom = `<footer><p><i class="fa fa-map-marker"></i> Số 1 đường Trung tâm, phường Trung Tâm, tỉnh Mẫu</p>
<p><i class="fa fa-phone"></i> 0200.3800.000</p><p>Phát triển bởi một doanh nghiệp trên nền một phần mềm nguồn mở dùng cho nhiều tỉnh.</p></footer>
</body></html>`

func TestPartialShellReason(t *testing.T) {
	for _, c := range []struct {
		name, doc string
		want      string // a phrase of the reason; "" for not a partial shell
	}{
		{"Liferay theme around an empty Vue mount", chromeTop + `<div id="app_login"></div><script src="/o/js/app.js"></script>` + chromeBottom, `<div id="app_login">`},
		{"mount inside main", chromeTop + `<main><p>Đang tải…</p><div id="app"></div></main><script type="module" src="/src/main.js"></script>` + chromeBottom, `<div id="app">`},
		{"chrome by class names", `<html><body><div class="header"><a href="/">Trang chủ</a> Cổng dịch vụ công của tỉnh Mẫu, nơi nộp hồ sơ trực tuyến</div><div id="vue-app"></div><div id="footer">Ủy ban nhân dân tỉnh Mẫu, số 1 đường Trung tâm, điện thoại 0200 3800 000</div><script src="/app.js"></script></body></html>`, `<div id="vue-app">`},
		{"server-rendered content beside a widget mount", chromeTop + `<div id="app"></div><h1>Thủ tục hành chính</h1><table><tr><td>1.000123</td><td>Đăng ký khai sinh</td></tr></table><script src="/chat.js"></script>` + chromeBottom, ""},
		{"server-rendered text beside a mount", chromeTop + `<div id="root"></div><div class="content"><p>` + strings.Repeat("Hướng dẫn nộp hồ sơ trực tuyến. ", 5) + `</p></div><script src="/widget.js"></script>` + chromeBottom, ""},
		{"empty mount only in the header", chromeTop + `<div class="content"><p>` + strings.Repeat("Giới thiệu cổng dịch vụ công. ", 5) + `</p></div><script src="/o/js/login.js"></script>` + chromeBottom, ""},
		{"no script", chromeTop + `<div id="app"></div>` + chromeBottom, ""},
		{"no chrome: a whole shell, not a partial one", `<html><body><div id="app"></div><script src="/app.js"></script></body></html>`, ""},
		{"form in the content region", chromeTop + `<div id="app"></div><form action="/tim-kiem"><input name="q" aria-label="Tìm"></form><script src="/app.js"></script>` + chromeBottom, ""},
		{"main with server-rendered content", chromeTop + `<main><div id="app"></div><h1>Tra cứu hồ sơ</h1></main><script src="/app.js"></script>` + chromeBottom, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := PartialShellReason(parse(t, c.doc)).String()
			if c.want == "" {
				if got != "" {
					t.Errorf("PartialShellReason = %q, want none", got)
				}
				return
			}
			if !strings.Contains(got, c.want) || !strings.Contains(got, "scripts (") {
				t.Errorf("PartialShellReason = %q, want it to name %s and the scripts", got, c.want)
			}
		})
	}
}

// The real-portal corpus: the OpenCPS Liferay pages are partial shells; the server-rendered
// NukeViet and MotCua pages and the whole OpenCPS shell are not.
func TestPartialShellCorpus(t *testing.T) {
	var files []string
	err := filepath.WalkDir(filepath.Join("..", "..", "testdata", "corpus"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 5 {
		t.Fatalf("only %d corpus pages found", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		got := PartialShellReason(parse(t, string(b))).String()
		want := strings.Contains(filepath.ToSlash(f), "/opencps-portal/")
		if (got != "") != want {
			t.Errorf("%s: PartialShellReason = %q, want partial shell %v", f, got, want)
		}
	}
}

// A short theme (under the whole-shell text bound) around an empty mount element is a partial
// shell, not a whole one: its chrome stays judged. Without the chrome it is a whole shell.
func TestShortChromeIsPartial(t *testing.T) {
	short := `<!doctype html><html lang="vi"><head><title>Cổng</title></head><body><header><a href="/">Cổng dịch vụ công</a></header>
<nav><a href="/">Trang chủ</a> <a href="/thu-tuc">Thủ tục</a> <a href="/huong-dan">Hướng dẫn</a></nav>
<div id="app"></div><script src="/js/app.js"></script><footer><p>Điện thoại: 0200 3800 000</p></footer></body></html>`
	doc := parse(t, short)
	if got := ShellReason(doc); !got.IsZero() {
		t.Errorf("ShellReason = %q, want none (a partial shell)", got)
	}
	if got := PartialShellReason(doc).String(); !strings.Contains(got, `<div id="app">`) {
		t.Errorf("PartialShellReason = %q", got)
	}
	bare := parse(t, `<!doctype html><html><body><p>Đang tải…</p><div id="app"></div><script src="/js/app.js"></script></body></html>`)
	if ShellReason(bare).IsZero() || !PartialShellReason(bare).IsZero() {
		t.Errorf("a bare mount: ShellReason %q, PartialShellReason %q", ShellReason(bare), PartialShellReason(bare))
	}
}
