// Package spatest serves a small single-page app, the way React or Vue portals are served: every
// path answers the same shell (an empty <div id="root"> and a script), and the script builds
// the page: its title, navigation, contact details and an image without a text alternative.
// Tests use it to show that content criteria are not judged on the shell, and are judged on
// what a browser renders.
package spatest

import (
	"net/http"
	"net/http/httptest"
	"strings"
)

// Shell is the document every path answers.
const Shell = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<script type="module" src="/assets/index-4f2a.js"></script>
</head>
<body>
<noscript>Bạn cần bật JavaScript để sử dụng cổng dịch vụ công.</noscript>
<div id="root"></div>
</body>
</html>
`

// Script is the bundle: it sets the title and fills the root. It fetches /api/config (same
// host) and asks for an analytics script on another host, which a renderer must block.
const Script = `
document.title = "Cổng dịch vụ công tỉnh Thử Nghiệm";
const root = document.getElementById("root");
root.innerHTML = ` + "`" + `
<header><nav aria-label="Điều hướng chính">
  <a href="/">Trang chủ</a>
  <a href="/thu-tuc-hanh-chinh">Thủ tục hành chính</a>
  <a href="/tra-cuu-ho-so">Tra cứu hồ sơ</a>
  <a href="/huong-dan-su-dung">Hướng dẫn sử dụng</a>
  <a href="/gop-y">Góp ý, phản ánh</a>
</nav></header>
<main>
  <h1>Cổng dịch vụ công tỉnh Thử Nghiệm</h1>
  <img src="/assets/banner.png" width="600" height="120">
  <p>Nộp hồ sơ, tra cứu kết quả và thanh toán phí, lệ phí trực tuyến.</p>
</main>
<footer>
  <p>Địa chỉ: Số 1 đường Thử Nghiệm, phường Trung Tâm, tỉnh Thử Nghiệm</p>
  <p>Đường dây nóng: <a href="tel:18001096">1800 1096</a></p>
  <p>Thư điện tử: <a href="mailto:dichvucong@thunghiem.example.vn">dichvucong@thunghiem.example.vn</a></p>
</footer>` + "`" + `;
fetch("/api/config").then(r => r.json()).then(c => {
  const p = document.createElement("p");
  p.textContent = "Phiên bản " + c.version;
  document.querySelector("main").appendChild(p);
});
const s = document.createElement("script");
s.src = "https://analytics.example.com/track.js";
document.head.appendChild(s);
`

// Handler serves the app: the bundle, a small PNG, /api/config, and the shell for every other
// path (the "SPA fallback").
func Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/assets/index-4f2a.js":
			w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
			_, _ = w.Write([]byte(Script))
		case r.URL.Path == "/assets/banner.png":
			w.Header().Set("Content-Type", "image/png")
			_, _ = w.Write(png)
		case r.URL.Path == "/api/config":
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{"version":"2.4.1"}`))
		case strings.HasPrefix(r.URL.Path, "/assets/"):
			http.NotFound(w, r)
		default:
			w.Header().Set("Content-Type", "text/html") // no charset, as nginx serves index.html
			_, _ = w.Write([]byte(Shell))
		}
	})
}

// Start serves the app on 127.0.0.1.
func Start() *httptest.Server { return httptest.NewServer(Handler()) }

// png is a 1×1 transparent PNG.
var png = []byte("\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\x0b\x49\x44\x41\x54\x78\x9c\x63\x60\x00\x02\x00\x00\x05\x00\x01\x7a\x5e\xab\x3f\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82")
