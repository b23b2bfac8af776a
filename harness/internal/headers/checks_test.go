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
	"github.com/p06kit/p06kit/harness/msg"
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
		// says are the finding's message, then the parts it must hold (a page's fault…).
		says []msg.Text
	}{
		{"HSTS one year passes", checkHSTS, true, hdr{"Strict-Transport-Security": {"max-age=31536000; includeSubDomains"}}, nil, "", scoring.Pass, []string{"all 2 page(s) meet it (max-age=31536000; includeSubDomains)"}, []msg.Text{mHSTSPass}},
		{"HSTS exactly 15552000 passes", checkHSTS, true, hdr{"Strict-Transport-Security": {"max-age=15552000"}}, nil, "", scoring.Pass, nil, []msg.Text{mHSTSPass}},
		{"HSTS missing fails", checkHSTS, true, nil, nil, "", scoring.Fail, []string{"2 of 2 page(s) fail", "no Strict-Transport-Security header"}, []msg.Text{mHSTSFail, mHSTSMissing}},
		{"HSTS short on login page fails naming it", checkHSTS, true, hdr{"Strict-Transport-Security": {"max-age=31536000"}}, hdr{"Strict-Transport-Security": {"max-age=86400"}}, "", scoring.Fail, []string{"1 of 2", "/login: max-age=86400 is under 15552000"}, []msg.Text{mHSTSFail, mHSTSShort}},
		{"HSTS invalid fails", checkHSTS, true, hdr{"Strict-Transport-Security": {"max-age=abc"}}, nil, "", scoring.Fail, []string{"invalid Strict-Transport-Security"}, []msg.Text{mHSTSFail, mHSTSInvalid}},
		{"HSTS over plain HTTP fails", checkHSTS, false, hdr{"Strict-Transport-Security": {"max-age=31536000"}}, nil, "", scoring.Fail, []string{"plain HTTP"}, []msg.Text{mHSTSFail, mHSTSPlain}},

		{"CSP strict passes", checkCSP, true, hdr{"Content-Security-Policy": {"default-src 'self'; object-src 'none'"}}, nil, "", scoring.Pass, nil, []msg.Text{mCSPPass}},
		{"CSP via meta passes", checkCSP, true, nil, nil, `<meta http-equiv="Content-Security-Policy" content="default-src 'self'">`, scoring.Pass, nil, []msg.Text{mCSPPass}},
		{"CSP missing fails", checkCSP, true, nil, nil, "", scoring.Fail, []string{"no Content-Security-Policy"}, []msg.Text{mCSPFail, mCSPMissing}},
		{"CSP report-only fails", checkCSP, true, hdr{"Content-Security-Policy-Report-Only": {"default-src 'self'"}}, nil, "", scoring.Fail, []string{"Report-Only"}, []msg.Text{mCSPFail, mCSPReportOnly}},
		{"CSP unsafe-inline fails", checkCSP, true, hdr{"Content-Security-Policy": {"default-src 'self' 'unsafe-inline'"}}, nil, "", scoring.Fail, []string{"'unsafe-inline'"}, []msg.Text{mCSPFail, mCSPUnsafe}},
		// P06-SEC-07 names the script policy only: a broad object-src is reported, not failed.
		{"CSP broad object-src passes, noted", checkCSP, true, hdr{"Content-Security-Policy": {"script-src 'self'; object-src *"}}, nil, "", scoring.Pass, []string{"outside the requirement, not judged: object-src"}, []msg.Text{mCSPPass}},
		{"CSP second policy restricts", checkCSP, true, hdr{"Content-Security-Policy": {"default-src * 'unsafe-inline'", "script-src 'self'; object-src 'none'"}}, nil, "", scoring.Pass, nil, []msg.Text{mCSPPass}},

		{"framing DENY passes", checkFraming, true, hdr{"X-Frame-Options": {"DENY"}}, nil, "", scoring.Pass, nil, []msg.Text{mFramingPass}},
		{"framing frame-ancestors passes", checkFraming, true, hdr{"Content-Security-Policy": {"frame-ancestors 'self'"}}, nil, "", scoring.Pass, nil, []msg.Text{mFramingPass}},
		{"framing missing fails", checkFraming, true, nil, nil, "", scoring.Fail, []string{"neither CSP frame-ancestors nor X-Frame-Options"}, []msg.Text{mFramingFail, mFramingMissing}},
		{"framing ALLOW-FROM fails", checkFraming, true, hdr{"X-Frame-Options": {"ALLOW-FROM https://a.example"}}, nil, "", scoring.Fail, []string{"ALLOW-FROM is ignored"}, []msg.Text{mFramingFail, mFramingAllowFrom}},
		{"framing frame-ancestors * fails", checkFraming, true, hdr{"Content-Security-Policy": {"frame-ancestors *"}}, nil, "", scoring.Fail, []string{"frame-ancestors allows *"}, []msg.Text{mFramingFail, mFramingBroad}},

		{"nosniff passes", checkNosniff, true, hdr{"X-Content-Type-Options": {"nosniff"}}, nil, "", scoring.Pass, nil, []msg.Text{mNosniffPass}},
		{"nosniff missing fails", checkNosniff, true, nil, nil, "", scoring.Fail, []string{"no X-Content-Type-Options"}, []msg.Text{mNosniffFail, mNosniffMissing}},
		{"nosniff wrong value fails", checkNosniff, true, hdr{"X-Content-Type-Options": {"sniff"}}, nil, "", scoring.Fail, []string{`"sniff", not nosniff`}, []msg.Text{mNosniffFail, mNosniffWrong}},

		// P06-SEC-10 requires the portal to set a policy (the Observatory passes its absence).
		{"referrer missing fails", checkReferrer, true, nil, nil, "", scoring.Fail, []string{"no Referrer-Policy header or meta tag"}, []msg.Text{mReferrerFail, mReferrerMissing}},
		{"referrer in a meta tag passes", checkReferrer, true, nil, nil, `<meta name="referrer" content="same-origin">`, scoring.Pass, nil, []msg.Text{mReferrerPass}},
		{"referrer strict passes", checkReferrer, true, hdr{"Referrer-Policy": {"strict-origin-when-cross-origin"}}, nil, "", scoring.Pass, nil, []msg.Text{mReferrerPass}},
		{"referrer unsafe-url fails", checkReferrer, true, hdr{"Referrer-Policy": {"unsafe-url"}}, nil, "", scoring.Fail, []string{"unsafe-url sends the full URL"}, []msg.Text{mReferrerFail, mReferrerLeaky, leakyReferrer["unsafe-url"]}},
		{"referrer meta overrides to leaky fails", checkReferrer, true, hdr{"Referrer-Policy": {"no-referrer"}}, nil, `<meta name="referrer" content="no-referrer-when-downgrade">`, scoring.Fail, []string{"no-referrer-when-downgrade"}, []msg.Text{mReferrerFail, mReferrerLeaky, leakyReferrer["no-referrer-when-downgrade"]}},
		{"referrer invalid fails", checkReferrer, true, hdr{"Referrer-Policy": {"sometimes"}}, nil, "", scoring.Fail, []string{"holds no valid policy"}, []msg.Text{mReferrerFail, mReferrerInvalid}},

		{"cookies safe pass", checkCookies, true, hdr{"Set-Cookie": {"PHPSESSID=abcdef; Secure; HttpOnly; SameSite=Lax", "lang=vi; Max-Age=100; Secure; SameSite=Strict"}}, nil, "", scoring.Pass, []string{"all 2 cookie(s)"}, []msg.Text{mCookiesSafe}},
		{"no cookies pass", checkCookies, true, nil, nil, "", scoring.Pass, []string{"no cookies"}, []msg.Text{mCookiesNone}},
		{"session cookie without HttpOnly fails", checkCookies, true, nil, hdr{"Set-Cookie": {"JSESSIONID=abcdef; Secure; SameSite=Lax"}}, "", scoring.Fail, []string{"JSESSIONID (set by", "/login", "without HttpOnly"}, []msg.Text{mCookiesUnsafe, mCookieSetBy, mCookieNoHttpOnly}},
		{"cookie without Secure fails", checkCookies, true, hdr{"Set-Cookie": {"lang=vi; Max-Age=100; SameSite=Lax"}}, nil, "", scoring.Fail, []string{"lang", "not Secure"}, []msg.Text{mCookiesUnsafe, mCookieNotSecure}},
		{"__Host- cookie with Domain fails", checkCookies, true, hdr{"Set-Cookie": {"__Host-sid=abcdef; Path=/; Domain=example.gov.vn; Secure; HttpOnly; SameSite=Lax"}}, nil, "", scoring.Fail, []string{"__Host- cookie needs Secure, Path=/ and no Domain"}, []msg.Text{mCookiesUnsafe, mCookieHostPrefix}},
		{"__Host- cookie done right passes", checkCookies, true, hdr{"Set-Cookie": {"__Host-sid=abcdef; Path=/; Secure; HttpOnly; SameSite=Lax"}}, nil, "", scoring.Pass, nil, []msg.Text{mCookiesSafe}},
		{"cookie without SameSite fails", checkCookies, true, hdr{"Set-Cookie": {"lang=vi; Max-Age=100; Secure"}}, nil, "", scoring.Fail, []string{"no SameSite"}, []msg.Text{mCookiesUnsafe, mCookieNoSameSite}},

		{"bare product name passes", checkBanners, true, hdr{"Server": {"nginx"}}, nil, "", scoring.Pass, nil, []msg.Text{mBannersPass}},
		{"server version fails", checkBanners, true, hdr{"Server": {"nginx/1.22.1"}}, nil, "", scoring.Fail, []string{"Server: nginx/1.22.1"}, []msg.Text{mBannersFail, mBannerHeader}},
		{"powered-by version fails", checkBanners, true, hdr{"X-Powered-By": {"PHP/8.1.2"}}, nil, "", scoring.Fail, []string{"X-Powered-By: PHP/8.1.2"}, []msg.Text{mBannersFail, mBannerHeader}},
		{"generator version fails", checkBanners, true, nil, nil, `<meta name="generator" content="WordPress 6.4.2">`, scoring.Fail, []string{"WordPress 6.4.2"}, []msg.Text{mBannersFail, mBannerGenerator}},

		{"no CORS passes", checkCORS, true, nil, nil, "", scoring.Pass, nil, []msg.Text{mCORSPass}},
		{"public CORS without credentials passes", checkCORS, true, hdr{"Access-Control-Allow-Origin": {"*"}}, nil, "", scoring.Pass, nil, []msg.Text{mCORSPass}},
		{"wildcard with credentials fails", checkCORS, true, hdr{"Access-Control-Allow-Origin": {"*"}, "Access-Control-Allow-Credentials": {"true"}}, nil, "", scoring.Fail, []string{"* with credentials"}, []msg.Text{mCORSFail, mCORSWildcard}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, s := portal(t, tc.tls, tc.home, tc.login, tc.body)
			r := tc.run(context.Background(), s)
			checktest.Expect(t, r, tc.status, tc.msg...)
			checktest.Says(t, r, tc.says[0])
			parts := partIDs(r.Args)
			for _, m := range tc.says[1:] {
				if !parts[m.ID()] {
					t.Errorf("the message holds no %s: %v", m.ID(), r.Args)
				}
			}
			if r.Status == scoring.Fail && (r.Got == "" || r.Want == "" || r.URL == "") {
				t.Errorf("a failure must say got, want and where: %+v", r)
			}
		})
	}
}

// partIDs are the IDs of the phrases among args, at any depth.
func partIDs(args []any) map[string]bool {
	ids := map[string]bool{}
	var walk func(a any)
	walk = func(a any) {
		switch a := a.(type) {
		case msg.Phrase:
			ids[a.Text.ID()] = true
			for _, x := range a.Args {
				walk(x)
			}
		case msg.List:
			for _, x := range a.Items {
				walk(x)
			}
		}
	}
	for _, a := range args {
		walk(a)
	}
	return ids
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
	checktest.Says(t, r, mCORSFail)
	if !partIDs(r.Args)[mCORSReflects.ID()] {
		t.Errorf("no %s in %v", mCORSReflects.ID(), r.Args)
	}
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
	checktest.Says(t, r, mHSTSPass)
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
	checktest.Says(t, r, mCookiesUnsafe)
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
