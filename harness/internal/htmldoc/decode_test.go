package htmldoc

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func TestDecodeHTMLAsBrowsers(t *testing.T) {
	const vi = "Địa chỉ: Ủy ban nhân dân xã"
	padding := "<!-- " + strings.Repeat("x", 1100) + " -->"
	// Windows-1258 writes Vietnamese tones as combining marks (0xF2 is U+0323, the dot below).
	cp1258, err := charmap.Windows1258.NewEncoder().String("<p>\u0110a\u0323i</p>")
	if err != nil {
		t.Fatal(err)
	}
	utf16le, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("<p>" + vi + "</p>")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, body, ct string
		truncated      bool
		charset        string
		source         string
		text           string
	}{
		{name: "UTF-16 with BOM", body: utf16le, ct: "text/html; charset=windows-1252", charset: "utf-16le", source: "byte order mark", text: vi},
		{name: "UTF-8 BOM beats header", body: "\xEF\xBB\xBF<p>" + vi + "</p>", ct: "text/html; charset=iso-8859-1", charset: "utf-8", source: "byte order mark", text: vi},
		{name: "header", body: "<p>" + vi + "</p>", ct: "text/html; charset=UTF-8", charset: "utf-8", source: "Content-Type", text: vi},
		{name: "meta in prescan", body: `<meta charset="windows-1258">` + cp1258, ct: "text/html", charset: "windows-1258", source: "meta (prescan)", text: "\u0110a\u0323i"},
		{name: "http-equiv in prescan", body: `<meta http-equiv="Content-Type" content="text/html; charset=utf-8"><p>` + vi, charset: "utf-8", source: "meta (prescan)", text: vi},
		// Stock nginx serving a static file: no charset in the header, <meta charset> after
		// byte 1024. x/net's DetermineEncoding alone gives windows-1252 here.
		{name: "late meta, UTF-8 body", body: "<html><head>" + padding + `<meta charset="utf-8"></head><body><p>` + vi, ct: "text/html", charset: "utf-8", source: "UTF-8 (detected)", text: vi},
		{name: "no label, UTF-8 body", body: "<p>" + padding + vi, charset: "utf-8", source: "UTF-8 (detected)", text: vi},
		{name: "no label, UTF-8 cut by the size bound", body: "<p>" + padding + vi + "\xE1\xBB", truncated: true, charset: "utf-8", source: "UTF-8 (detected)", text: vi},
		{name: "no label, legacy bytes", body: "<p>" + padding + cp1258, charset: "windows-1258", source: "default", text: "\u0110a\u0323i"},
		{name: "no label, ASCII", body: "<p>" + padding + "Dia chi", charset: "windows-1258", source: "default", text: "Dia chi"},
		// A late <meta> naming another encoding re-decodes, as the parser's "change the
		// encoding" does.
		// Byte 0xD0 is Đ in windows-1258 (the default) and Ð in windows-1252.
		{name: "late meta re-decodes", body: "<html><head>" + padding + `<meta charset="windows-1252"></head><body><p>` + "\xD0", charset: "windows-1252", source: "meta (while parsing)", text: "\u00D0"},
		{name: "late meta utf-16 means utf-8", body: "<html><head>" + padding + `<meta charset="utf-16"></head><body>` + "\xFF<p>" + vi, charset: "utf-8", source: "meta (while parsing)", text: vi},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := DecodeHTML([]byte(c.body), c.ct, c.truncated)
			if err != nil {
				t.Fatal(err)
			}
			if d.Charset != c.charset || d.Source != c.source {
				t.Errorf("decoded as %s (%s), want %s (%s)", d.Charset, d.Source, c.charset, c.source)
			}
			if got := textOf(d.Doc); !strings.Contains(got, c.text) {
				t.Errorf("text %q does not contain %q", got, c.text)
			}
		})
	}
}
