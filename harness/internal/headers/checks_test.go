package headers

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/checktest"
	"github.com/p06kit/p06kit/harness/internal/probe"
	"github.com/p06kit/p06kit/scoring"
)

// portal serves "/" and "/login" with the given headers (the login page's override the home
// page's where given) and a 404 elsewhere.
func portal(t *testing.T, tlsOn bool, home, login map[string][]string, body string) (*httptest.Server, *check.Session) {
	t.Helper()
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var hdr map[string][]string
		switch r.URL.Path {
		case "/":
			hdr = home
		case "/login":
			hdr = map[string][]string{}
			for k, v := range home {
				hdr[k] = v
			}
			for k, v := range login {
				hdr[k] = v
			}
		default:
			for k, v := range home {
				if k == "Server" || k == "X-Powered-By" {
					w.Header()[k] = v
				}
			}
			http.NotFound(w, r)
			return
		}
		for k, v := range hdr {
			w.Header()[k] = v
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte("<!doctype html><html lang=vi><head><title>Cổng</title>" + body + `</head><body><a href="/login">Đăng nhập</a></body></html>`))
	})
	srv := checktest.Serve(t, h, tlsOn)
	s := checktest.Session(t, check.Target{BaseURL: srv.URL + "/", Client: srv.Client(),
		Profile: &check.Profile{Login: "/login", ProcedurePages: []string{"/"}}}, check.Config{Lang: "en"})
	return srv, s
}

type hdr = map[string][]string

func TestHeaderChecks(t *testing.T) {
	tests := []struct {
		name   string
		run    check.Func
		tls    bool
		home   hdr
		login  hdr
		body   string
		status scoring.Status
		msg    []string
	}{
		{"HSTS one year passes", checkHSTS, true, hdr{"Strict-Transport-Security": {"max-age=31536000; includeSubDomains"}}, nil, "", scoring.Pass, []string{"all 2 page(s) meet it (max-age=31536000; includeSubDomains)"}},
		{"HSTS exactly 15552000 passes", checkHSTS, true, hdr{"Strict-Transport-Security": {"max-age=15552000"}}, nil, "", scoring.Pass, nil},
		{"HSTS missing fails", checkHSTS, true, nil, nil, "", scoring.Fail, []string{"2 of 2 page(s) fail", "no Strict-Transport-Security header"}},
		{"HSTS short on login page fails naming it", checkHSTS, true, hdr{"Strict-Transport-Security": {"max-age=31536000"}}, hdr{"Strict-Transport-Security": {"max-age=86400"}}, "", scoring.Fail, []string{"1 of 2", "/login: max-age=86400 is under 15552000"}},
		{"HSTS invalid fails", checkHSTS, true, hdr{"Strict-Transport-Security": {"max-age=abc"}}, nil, "", scoring.Fail, []string{"invalid Strict-Transport-Security"}},
		{"HSTS over plain HTTP fails", checkHSTS, false, hdr{"Strict-Transport-Security": {"max-age=31536000"}}, nil, "", scoring.Fail, []string{"plain HTTP"}},

		{"CSP strict passes", checkCSP, true, hdr{"Content-Security-Policy": {"default-src 'self'; object-src 'none'"}}, nil, "", scoring.Pass, nil},
		{"CSP via meta passes", checkCSP, true, nil, nil, `<meta http-equiv="Content-Security-Policy" content="default-src 'self'">`, scoring.Pass, nil},
		{"CSP missing fails", checkCSP, true, nil, nil, "", scoring.Fail, []string{"no Content-Security-Policy"}},
		{"CSP report-only fails", checkCSP, true, hdr{"Content-Security-Policy-Report-Only": {"default-src 'self'"}}, nil, "", scoring.Fail, []string{"Report-Only"}},
		{"CSP unsafe-inline fails", checkCSP, true, hdr{"Content-Security-Policy": {"default-src 'self' 'unsafe-inline'"}}, nil, "", scoring.Fail, []string{"'unsafe-inline'"}},
		// P06-SEC-07 names the script policy only: a broad object-src is reported, not failed.
		{"CSP broad object-src passes, noted", checkCSP, true, hdr{"Content-Security-Policy": {"script-src 'self'; object-src *"}}, nil, "", scoring.Pass, []string{"outside the requirement, not judged: object-src"}},
		{"CSP second policy restricts", checkCSP, true, hdr{"Content-Security-Policy": {"default-src * 'unsafe-inline'", "script-src 'self'; object-src 'none'"}}, nil, "", scoring.Pass, nil},

		{"framing DENY passes", checkFraming, true, hdr{"X-Frame-Options": {"DENY"}}, nil, "", scoring.Pass, nil},
		{"framing frame-ancestors passes", checkFraming, true, hdr{"Content-Security-Policy": {"frame-ancestors 'self'"}}, nil, "", scoring.Pass, nil},
		{"framing missing fails", checkFraming, true, nil, nil, "", scoring.Fail, []string{"neither CSP frame-ancestors nor X-Frame-Options"}},
		{"framing ALLOW-FROM fails", checkFraming, true, hdr{"X-Frame-Options": {"ALLOW-FROM https://a.example"}}, nil, "", scoring.Fail, []string{"ALLOW-FROM is ignored"}},
		{"framing frame-ancestors * fails", checkFraming, true, hdr{"Content-Security-Policy": {"frame-ancestors *"}}, nil, "", scoring.Fail, []string{"frame-ancestors allows *"}},

		{"nosniff passes", checkNosniff, true, hdr{"X-Content-Type-Options": {"nosniff"}}, nil, "", scoring.Pass, nil},
		{"nosniff missing fails", checkNosniff, true, nil, nil, "", scoring.Fail, []string{"no X-Content-Type-Options"}},
		{"nosniff wrong value fails", checkNosniff, true, hdr{"X-Content-Type-Options": {"sniff"}}, nil, "", scoring.Fail, []string{`"sniff", not nosniff`}},

		// P06-SEC-10 requires the portal to set a policy (the Observatory passes its absence).
		{"referrer missing fails", checkReferrer, true, nil, nil, "", scoring.Fail, []string{"no Referrer-Policy header or meta tag"}},
		{"referrer in a meta tag passes", checkReferrer, true, nil, nil, `<meta name="referrer" content="same-origin">`, scoring.Pass, nil},
		{"referrer strict passes", checkReferrer, true, hdr{"Referrer-Policy": {"strict-origin-when-cross-origin"}}, nil, "", scoring.Pass, nil},
		{"referrer unsafe-url fails", checkReferrer, true, hdr{"Referrer-Policy": {"unsafe-url"}}, nil, "", scoring.Fail, []string{"unsafe-url sends the full URL"}},
		{"referrer meta overrides to leaky fails", checkReferrer, true, hdr{"Referrer-Policy": {"no-referrer"}}, nil, `<meta name="referrer" content="no-referrer-when-downgrade">`, scoring.Fail, []string{"no-referrer-when-downgrade"}},
		{"referrer invalid fails", checkReferrer, true, hdr{"Referrer-Policy": {"sometimes"}}, nil, "", scoring.Fail, []string{"holds no valid policy"}},

		{"cookies safe pass", checkCookies, true, hdr{"Set-Cookie": {"PHPSESSID=abcdef; Secure; HttpOnly; SameSite=Lax", "lang=vi; Max-Age=100; Secure; SameSite=Strict"}}, nil, "", scoring.Pass, []string{"all 2 cookie(s)"}},
		{"no cookies pass", checkCookies, true, nil, nil, "", scoring.Pass, []string{"no cookies"}},
		{"session cookie without HttpOnly fails", checkCookies, true, nil, hdr{"Set-Cookie": {"JSESSIONID=abcdef; Secure; SameSite=Lax"}}, "", scoring.Fail, []string{"JSESSIONID (set by", "/login", "without HttpOnly"}},
		{"cookie without Secure fails", checkCookies, true, hdr{"Set-Cookie": {"lang=vi; Max-Age=100; SameSite=Lax"}}, nil, "", scoring.Fail, []string{"lang", "not Secure"}},
		{"__Host- cookie with Domain fails", checkCookies, true, hdr{"Set-Cookie": {"__Host-sid=abcdef; Path=/; Domain=example.gov.vn; Secure; HttpOnly; SameSite=Lax"}}, nil, "", scoring.Fail, []string{"__Host- cookie needs Secure, Path=/ and no Domain"}},
		{"__Host- cookie done right passes", checkCookies, true, hdr{"Set-Cookie": {"__Host-sid=abcdef; Path=/; Secure; HttpOnly; SameSite=Lax"}}, nil, "", scoring.Pass, nil},
		{"cookie without SameSite fails", checkCookies, true, hdr{"Set-Cookie": {"lang=vi; Max-Age=100; Secure"}}, nil, "", scoring.Fail, []string{"no SameSite"}},

		{"bare product name passes", checkBanners, true, hdr{"Server": {"nginx"}}, nil, "", scoring.Pass, nil},
		{"server version fails", checkBanners, true, hdr{"Server": {"nginx/1.22.1"}}, nil, "", scoring.Fail, []string{"Server: nginx/1.22.1"}},
		{"powered-by version fails", checkBanners, true, hdr{"X-Powered-By": {"PHP/8.1.2"}}, nil, "", scoring.Fail, []string{"X-Powered-By: PHP/8.1.2"}},
		{"generator version fails", checkBanners, true, nil, nil, `<meta name="generator" content="WordPress 6.4.2">`, scoring.Fail, []string{"WordPress 6.4.2"}},

		{"no CORS passes", checkCORS, true, nil, nil, "", scoring.Pass, nil},
		{"public CORS without credentials passes", checkCORS, true, hdr{"Access-Control-Allow-Origin": {"*"}}, nil, "", scoring.Pass, nil},
		{"wildcard with credentials fails", checkCORS, true, hdr{"Access-Control-Allow-Origin": {"*"}, "Access-Control-Allow-Credentials": {"true"}}, nil, "", scoring.Fail, []string{"* with credentials"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, s := portal(t, tc.tls, tc.home, tc.login, tc.body)
			r := tc.run(context.Background(), s)
			checktest.Expect(t, r, tc.status, tc.msg...)
			if r.Status == scoring.Fail && (r.Got == "" || r.Want == "" || r.URL == "") {
				t.Errorf("a failure must say got, want and where: %+v", r)
			}
		})
	}
}

func TestCORSReflection(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if o := r.Header.Get("Origin"); o != "" {
			w.Header().Set("Access-Control-Allow-Origin", o)
			w.Header().Set("Access-Control-Allow-Credentials", "true")
		}
	}))
	defer srv.Close()
	s, _ := probe.NewSession(check.Target{BaseURL: srv.URL, Client: srv.Client()}, check.Config{})
	r := checkCORS(context.Background(), s)
	if r.Status != scoring.Fail || !strings.Contains(r.Message, "reflects Origin https://p06kit-cors-probe.example") ||
		!strings.Contains(r.Message, "reflects Origin null") {
		t.Fatalf("got %s: %s", r.Status, r.Message)
	}
}

func TestLoginEntryOnTheNationalSSOIsNotJudged(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/dang-nhap" {
			http.Redirect(w, r, "https://sso.dichvucong.example/authorize?client_id=portal", http.StatusFound)
			return
		}
		w.Header().Set("Strict-Transport-Security", "max-age=31536000")
		_, _ = w.Write([]byte("<html><body>Cổng</body></html>"))
	}))
	defer srv.Close()
	s, err := probe.NewSession(check.Target{BaseURL: srv.URL + "/", Client: srv.Client(),
		Profile: &check.Profile{Login: "/dang-nhap"}}, check.Config{})
	if err != nil {
		t.Fatal(err)
	}
	r := checkHSTS(context.Background(), s)
	if r.Status != scoring.Pass || !strings.Contains(r.Message, "not judged") || !strings.Contains(r.Message, "redirects to https://sso.dichvucong.example/authorize") {
		t.Fatalf("got %s %q", r.Status, r.Message)
	}
	if pages := CitizenPages(context.Background(), s); len(pages) != 1 {
		t.Errorf("CitizenPages = %q, want the home page only", pages)
	}
}

func TestCookiesSetOnARedirect(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/dang-nhap" {
			http.SetCookie(w, &http.Cookie{Name: "PORTALSESSION", Value: "0123456789abcdef", Path: "/", Secure: true})
			http.Redirect(w, r, "/dang-nhap/chon", http.StatusFound)
			return
		}
		_, _ = w.Write([]byte("<html><body>Chọn cách đăng nhập</body></html>"))
	}))
	defer srv.Close()
	s, err := probe.NewSession(check.Target{BaseURL: srv.URL + "/", Client: srv.Client(),
		Profile: &check.Profile{Login: "/dang-nhap"}}, check.Config{})
	if err != nil {
		t.Fatal(err)
	}
	r := checkCookies(context.Background(), s)
	if r.Status != scoring.Fail || !strings.Contains(r.Message, "PORTALSESSION") || !strings.Contains(r.Message, "without HttpOnly") {
		t.Fatalf("got %s %q", r.Status, r.Message)
	}
}

func TestVietnameseMessages(t *testing.T) {
	tests := []struct {
		name string
		run  check.Func
		home hdr
		want string
	}{
		{"hsts", checkHSTS, nil, "không có header Strict-Transport-Security"},
		{"nosniff", checkNosniff, hdr{"X-Content-Type-Options": {"sniff"}}, `X-Content-Type-Options là "sniff", không phải nosniff`},
		{"cookies", checkCookies, hdr{"Set-Cookie": {"PHPSESSID=abc; Path=/"}}, "thiếu Secure, cookie phiên thiếu HttpOnly (script đọc được), thiếu SameSite"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, s := portal(t, true, tc.home, nil, "")
			r := tc.run(context.Background(), s)
			if r.Status != scoring.Fail || !strings.Contains(r.MessageVI, tc.want) {
				t.Fatalf("got %s, VI %q; want it to contain %q", r.Status, r.MessageVI, tc.want)
			}
		})
	}
}
