package htmldoc

import (
	"fmt"
	"net/url"
	"strings"

	"golang.org/x/net/idna"
)

// ResolveURL resolves ref against base as a browser resolves the href of a link (the WHATWG
// URL Standard's basic URL parser, for the parts that change what is sent):
//
//   - leading and trailing spaces and C0 controls are stripped, tabs and newlines removed;
//   - in http(s) URLs a backslash is a slash;
//   - characters of the path percent-encode set (controls, space, ", #, <, >, ?, `, {, },
//     and everything beyond ASCII, as UTF-8) are percent-encoded in the path, and those of the
//     special-query percent-encode set (controls, space, ", #, <, >, ', and beyond ASCII) in the
//     query; an escape already there (%XX) is kept, as browsers keep it, and a % that starts
//     no escape is sent as %25 (a browser sends it raw, which Go's URL type cannot carry);
//   - the host is lower-cased and a non-ASCII host becomes its IDNA (punycode) form.
//
// So a link to "/thủ tục/góp ý?ten=Góp ý" is requested as
// "/th%E1%BB%A7%20t%E1%BB%A5c/g%C3%B3p%20%C3%BD?ten=G%C3%B3p%20%C3%BD", as Chromium requests it,
// not with raw bytes that servers answer with 400. The query is encoded as UTF-8: a browser
// encodes it in the document's encoding, which differs only on pages in a legacy encoding.
// The fragment is dropped (it is never sent).
func ResolveURL(base *url.URL, ref string) (*url.URL, error) {
	ref = cleanRef(ref)
	special := true
	if i := strings.IndexAny(ref, ":/?#"); i > 0 && ref[i] == ':' {
		sch := strings.ToLower(ref[:i])
		special = sch == "http" || sch == "https"
	} else if base != nil {
		special = base.Scheme == "http" || base.Scheme == "https"
	}
	if special {
		ref = encodeRef(ref)
	}
	r, err := url.Parse(ref)
	if err != nil {
		return nil, err
	}
	abs := r
	if base != nil {
		abs = base.ResolveReference(r)
	}
	abs.Fragment, abs.RawFragment = "", ""
	if abs.Host != "" {
		h, err := asciiHost(abs.Host)
		if err != nil {
			return nil, err
		}
		abs.Host = h
	}
	return abs, nil
}

// cleanRef strips what the URL parser strips before parsing.
func cleanRef(ref string) string {
	ref = strings.TrimFunc(ref, func(r rune) bool { return r <= ' ' })
	if strings.ContainsAny(ref, "\t\n\r") {
		ref = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(ref)
	}
	return ref
}

// encodeRef percent-encodes the path and query of a reference in an http(s) URL.
func encodeRef(ref string) string {
	var b strings.Builder
	// The scheme and authority, when present, are copied as they are (the host is handled by
	// asciiHost after parsing).
	start := 0
	if i := strings.Index(ref, "://"); i > 0 && !strings.ContainsAny(ref[:i], "/?#") {
		start = i + 3
		end := strings.IndexAny(ref[start:], "/\\?#")
		if end < 0 {
			return ref
		}
		start += end
	} else if strings.HasPrefix(ref, "//") || strings.HasPrefix(ref, `\\`) {
		end := strings.IndexAny(ref[2:], "/\\?#")
		if end < 0 {
			return "//" + ref[2:]
		}
		b.WriteString("//")
		b.WriteString(ref[2 : 2+end])
		ref, start = ref[2+end:], 0
	}
	b.WriteString(ref[:start])
	const hex = "0123456789ABCDEF"
	inQuery := false
	for i := start; i < len(ref); i++ {
		c := ref[i]
		switch {
		case c == '#':
			b.WriteString(ref[i:]) // the fragment is dropped after parsing
			return b.String()
		case c == '?' && !inQuery:
			inQuery = true
			b.WriteByte(c)
			continue
		case c == '\\' && !inQuery:
			b.WriteByte('/')
			continue
		}
		enc := c < 0x21 || c > 0x7E || c == '"' || c == '<' || c == '>' ||
			c == '%' && !(i+2 < len(ref) && isHex(ref[i+1]) && isHex(ref[i+2]))
		if inQuery {
			enc = enc || c == '\''
		} else {
			enc = enc || c == '`' || c == '{' || c == '}'
		}
		if enc {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// asciiHost lower-cases a host and turns a non-ASCII name into its IDNA form, keeping the port.
func asciiHost(host string) (string, error) {
	name, port := host, ""
	if i := strings.LastIndexByte(host, ':'); i >= 0 && !strings.Contains(host[i:], "]") {
		name, port = host[:i], host[i:]
	}
	if strings.HasPrefix(name, "[") {
		return strings.ToLower(host), nil
	}
	ascii := true
	for i := 0; i < len(name); i++ {
		if name[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(name) + port, nil
	}
	a, err := idna.Lookup.ToASCII(name)
	if err != nil {
		return "", fmt.Errorf("host %q is not a valid internationalised domain name: %v", name, err)
	}
	return a + port, nil
}

// BrowserRequestURL percent-encodes, in place, what a browser would have encoded in an http(s)
// URL built elsewhere (by url.Parse and ResolveReference, or from a redirect's Location): Go
// escapes the path when it writes a request, but sends the query as it is, so a link's
// "?ten=Góp ý" would go out with a raw space and raw UTF-8, which servers answer with 400.
func BrowserRequestURL(u *url.URL) {
	if u == nil || u.Scheme != "http" && u.Scheme != "https" || u.RawQuery == "" {
		return
	}
	u.RawQuery = encodeRef("?" + u.RawQuery)[1:]
}
