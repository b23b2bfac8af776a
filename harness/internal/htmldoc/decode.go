// Package htmldoc reads web documents and URLs as a browser does: the character encoding of an
// HTML page (DecodeHTML), references resolved and percent-encoded (ResolveURL), and whether a
// page is a single-page app's empty shell (ShellReason). It knows nothing of sessions or checks;
// package check forwards to it.
package htmldoc

import (
	"bytes"
	"fmt"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/transform"
)

// DefaultCharset is the encoding an HTML page is decoded with when nothing labels it and its
// bytes are not valid UTF-8: windows-1258, the default the HTML standard suggests for a
// Vietnamese locale (HTML § 13.2.3.3, "suggested default encoding"), which is what a browser
// set to Vietnamese falls back on.
const DefaultCharset = "windows-1258"

// Decoded is an HTML document as a browser reads it.
type Decoded struct {
	Doc *html.Node
	// Charset is the WHATWG name of the encoding the document was decoded with.
	Charset string
	// Source says how the encoding was chosen: "byte order mark", "Content-Type",
	// "meta (prescan)", "meta (while parsing)", "UTF-8 (detected)", "default".
	Source string
}

// DecodeHTML decodes and parses an HTML body as the WHATWG Encoding and HTML standards have a
// browser do it ("determining the character encoding", HTML § 13.2.3.2):
//
//  1. a byte-order mark decides;
//  2. else the charset of the Content-Type header, when it names a known encoding;
//  3. else a <meta charset> or <meta http-equiv=Content-Type> in the first 1024 bytes (prescan);
//  4. else a guess: UTF-8 when the whole body is valid UTF-8 with non-ASCII bytes (as Chromium's
//     detector decides), otherwise DefaultCharset.
//
// Steps 3 and 4 are tentative: when the parsed document holds a <meta> declaring another
// encoding (one after the first 1024 bytes), the body is decoded again with it, as the parser's
// "change the encoding" step does. A UTF-16 label met while parsing means UTF-8, and
// x-user-defined means windows-1252, as the standard says.
//
// contentType is the Content-Type header ("" if none). truncated says the body was cut at a
// size bound, so a character cut in two at its end does not make it invalid UTF-8.
func DecodeHTML(body []byte, contentType string, truncated bool) (*Decoded, error) {
	enc, name, source := determineEncoding(body, contentType, truncated)
	doc, err := parseWith(body, enc)
	if err != nil {
		return &Decoded{Charset: name, Source: source}, err
	}
	d := &Decoded{Doc: doc, Charset: name, Source: source}
	if source == "byte order mark" || source == "Content-Type" {
		return d, nil
	}
	label := declaredInDocument(doc)
	if label == "" {
		return d, nil
	}
	e2, n2 := charset.Lookup(label)
	switch n2 {
	case "utf-16be", "utf-16le":
		e2, n2 = charset.Lookup("utf-8")
	case "x-user-defined":
		e2, n2 = charset.Lookup("windows-1252")
	}
	if e2 == nil || n2 == name {
		return d, nil
	}
	doc2, err := parseWith(body, e2)
	if err != nil {
		return d, nil // keep the first reading: the parser refused the second
	}
	return &Decoded{Doc: doc2, Charset: n2, Source: "meta (while parsing)"}, nil
}

// determineEncoding is steps 1–4 of DecodeHTML.
func determineEncoding(body []byte, contentType string, truncated bool) (encoding.Encoding, string, string) {
	e, name, certain := charset.DetermineEncoding(body, contentType)
	if certain {
		if hasBOM(body) {
			return e, name, "byte order mark"
		}
		return e, name, "Content-Type"
	}
	head := body
	if len(head) > 1024 {
		head = head[:1024]
	}
	if name != "windows-1252" && name != "utf-8" || declaredInPrescan(head) {
		return e, name, "meta (prescan)"
	}
	if validUTF8(body, truncated) && hasHighBit(body) {
		e, name = charset.Lookup("utf-8")
		return e, name, "UTF-8 (detected)"
	}
	e, name = charset.Lookup(DefaultCharset)
	return e, name, "default"
}

func hasBOM(b []byte) bool {
	return bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) || bytes.HasPrefix(b, []byte{0xFF, 0xFE})
}

func hasHighBit(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// validUTF8 reports whether b is UTF-8; a body cut at the size bound may end inside a character.
func validUTF8(b []byte, truncated bool) bool {
	if utf8.Valid(b) {
		return true
	}
	if !truncated {
		return false
	}
	for i := 1; i < utf8.UTFMax && i <= len(b); i++ {
		if utf8.RuneStart(b[len(b)-i]) {
			return utf8.Valid(b[:len(b)-i])
		}
	}
	return false
}

// declaredInPrescan reports whether the first bytes hold a meta declaration the prescan found:
// the prescan's answer alone cannot tell a declared windows-1252 or utf-8 from the fallback.
func declaredInPrescan(head []byte) bool {
	doc, err := html.Parse(bytes.NewReader(head))
	return err == nil && declaredInDocument(doc) != ""
}

// declaredInDocument returns the charset label of the first <meta charset> or
// <meta http-equiv="Content-Type" content="…; charset=…"> of a document, or "".
func declaredInDocument(doc *html.Node) string {
	var label string
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.Data == "meta" {
			var cs, he, content string
			for _, a := range n.Attr {
				switch strings.ToLower(a.Key) {
				case "charset":
					cs = a.Val
				case "http-equiv":
					he = a.Val
				case "content":
					content = a.Val
				}
			}
			if cs = strings.TrimSpace(cs); cs != "" {
				if e, _ := charset.Lookup(cs); e != nil {
					label = cs
					return true
				}
			}
			if strings.EqualFold(strings.TrimSpace(he), "content-type") {
				if _, params, err := mime.ParseMediaType(content); err == nil && params["charset"] != "" {
					if e, _ := charset.Lookup(params["charset"]); e != nil {
						label = params["charset"]
						return true
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(doc)
	return label
}

func parseWith(body []byte, enc encoding.Encoding) (*html.Node, error) {
	doc, err := html.Parse(transform.NewReader(bytes.NewReader(body), enc.NewDecoder()))
	if err != nil {
		if strings.Contains(err.Error(), "open stack") {
			return nil, fmt.Errorf("the page nests HTML elements deeper than the parser allows (%v)", err)
		}
		return nil, err
	}
	return doc, nil
}
