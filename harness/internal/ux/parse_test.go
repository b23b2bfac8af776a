package ux

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func TestParseSitemap(t *testing.T) {
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write([]byte(`<urlset><url><loc>https://a/x</loc></url></urlset>`))
	w.Close()
	cases := []struct {
		name, in     string
		urls, childs int
		err          string
	}{
		{"urlset", `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc> https://a/1 </loc></url><url><loc>https://a/2</loc></url></urlset>`, 2, 0, ""},
		{"index", `<sitemapindex><sitemap><loc>https://a/s1.xml</loc></sitemap></sitemapindex>`, 0, 1, ""},
		{"gzip", gz.String(), 1, 0, ""},
		{"html", `<html><body>404</body></html>`, 0, 0, "root element <html>"},
		{"empty", ``, 0, 0, "no XML element"},
		{"broken", `<urlset><url><loc>x</url>`, 0, 0, "sitemap: line"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			u, ch, err := ParseSitemap([]byte(c.in), 1<<20)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("error = %v, want %q", err, c.err)
				}
				return
			}
			if err != nil || len(u) != c.urls || len(ch) != c.childs {
				t.Fatalf("got %v %v %v", u, ch, err)
			}
		})
	}
}

func TestParseSitemapGzipBomb(t *testing.T) {
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write(bytes.Repeat([]byte(" "), 1<<20))
	w.Close()
	if _, _, err := ParseSitemap(gz.Bytes(), 1000); err == nil || !strings.Contains(err.Error(), "inflates to more than 1000 bytes") {
		t.Errorf("error = %v", err)
	}
}

func TestPercentile(t *testing.T) {
	var ds []time.Duration
	for i := 1; i <= 20; i++ {
		ds = append(ds, time.Duration(i)*time.Millisecond)
	}
	for p, want := range map[float64]time.Duration{0.95: 19 * time.Millisecond, 0.5: 10 * time.Millisecond, 1: 20 * time.Millisecond, 0.01: time.Millisecond} {
		if got := percentile(ds, p); got != want {
			t.Errorf("percentile(%v) = %v, want %v", p, got, want)
		}
	}
	if percentile(nil, 0.95) != 0 {
		t.Error("percentile of nothing")
	}
}

func TestNoindex(t *testing.T) {
	for in, want := range map[string]bool{"noindex": true, "NOINDEX, nofollow": true, "none": true, "googlebot: noindex": true, "index, follow": false, "nofollow": false, "": false} {
		if got := noindex(in); got != want {
			t.Errorf("noindex(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestPhone(t *testing.T) {
	for in, want := range map[string]string{
		"Hotline: 1900 1234.":           "1900 1234",
		"ĐT: (+84) 24 3823 4567":        "(+84) 24 3823 4567",
		"Di động 0912.345.678":          "0912.345.678",
		"Mã hồ sơ 000.00.30.H55-250101": "",
		"Năm 2025":                      "",
	} {
		got := ""
		if m := phone.FindStringSubmatch(in); m != nil {
			got = m[1]
		}
		if got != want {
			t.Errorf("phone in %q = %q, want %q", in, got, want)
		}
	}
}

func FuzzParseSitemap(f *testing.F) {
	for _, s := range []string{`<urlset><url><loc>a</loc></url></urlset>`, `<sitemapindex><sitemap><loc>b</loc></sitemap></sitemapindex>`, "\x1f\x8b\x08", `<a><b><c>`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		u, c, err := ParseSitemap(b, 1<<16)
		if err != nil && (u != nil || c != nil) {
			t.Errorf("locations returned with error %v", err)
		}
	})
}

func FuzzParseViewport(f *testing.F) {
	for _, s := range []string{"width=device-width, initial-scale=1", "user-scalable=no;maximum-scale=1", "=,;=", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for k := range parseViewport(s) {
			if k == "" || k != strings.ToLower(k) {
				t.Errorf("key %q", k)
			}
		}
	})
}

func TestFindContact(t *testing.T) {
	cases := []struct{ name, body, phone, address, guidance string }{
		{"labelled address", `<p>Địa chỉ: Số 2 Lê Lợi, Huế. Hotline 1800 1096</p><a href="/hd">Câu hỏi thường gặp</a>`, "1800 1096", "Số 2 Lê Lợi, Huế", "Câu hỏi thường gặp"},
		{"address element", `<address>UBND tỉnh</address><a href="tel:+842343822222">Gọi</a>`, "tel:+842343822222", "UBND tỉnh", ""},
		{"too short to be an address", `<p>Địa chỉ: Huế</p>`, "", "", ""},
		{"nothing", `<p>Xin chào</p>`, "", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(c.body))
			if err != nil {
				t.Fatal(err)
			}
			f := findContact(doc)
			if f.phone != c.phone || f.address != c.address || f.guidance != c.guidance {
				t.Errorf("got %+v, want phone %q address %q guidance %q", f, c.phone, c.address, c.guidance)
			}
		})
	}
}

func BenchmarkParseRobots(b *testing.B) {
	var sb strings.Builder
	for i := 0; i < 500; i++ {
		sb.WriteString("User-agent: bot" + strings.Repeat("x", i%7) + "\nDisallow: /private/*/area" + strings.Repeat("/a", i%5) + "$\nAllow: /public\n")
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		r := ParseRobots(data)
		if !r.Allowed("Googlebot", "/thu-tuc/1.000123") {
			b.Fatal("disallowed")
		}
	}
}

func BenchmarkAnalyseText(b *testing.B) {
	doc, err := html.Parse(strings.NewReader("<html><body>" + strings.Repeat("<p>Thủ tục hành chính: đăng ký khai sinh, kết hôn, thường trú.</p>", 2000) + "</body></html>"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if rep := analyseText(doc); rep.Decomposed != 0 || rep.Legacy != "" {
			b.Fatal(rep)
		}
	}
}
