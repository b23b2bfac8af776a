package login

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/redact"
)

func TestSSOLink(t *testing.T) {
	const sso = "https://127.0.0.1:9443"
	for _, tc := range []struct{ name, page, want string }{
		{"link to the SSO wins", `<a href="/dang-nhap">Đăng nhập</a><a href="https://127.0.0.1:9443/oauth2/authorize?x=1">Tiếp tục</a>`, "https://127.0.0.1:9443/oauth2/authorize?x=1"},
		{"VNeID label", `<a href="/tin-tuc">Tin tức</a><a href="/auth/vneid">Đăng nhập bằng tài khoản VNeID</a>`, "/auth/vneid"},
		{"label in alt text", `<a href="/sso"><img alt="Cổng Dịch vụ công Quốc gia"></a>`, "/sso"},
		{"scripts and anchors ignored", `<a href="javascript:login()">Đăng nhập</a><a href="#top">Đăng nhập</a>`, ""},
		{"nothing", `<p>Xin chào</p>`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &check.Response{Header: http.Header{"Content-Type": {"text/html"}}, Body: []byte(tc.page)}
			if got := ssoLink(r, sso); got != tc.want {
				t.Errorf("ssoLink = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestMaskURL(t *testing.T) {
	got := redact.LoginURL("https://p.example/signin-oidc?code=abc&state=xyz&lang=vi")
	if strings.Contains(got, "abc") || strings.Contains(got, "xyz") || !strings.Contains(got, "lang=vi") {
		t.Errorf("maskURL = %s", got)
	}
}

func FuzzSSOLink(f *testing.F) {
	f.Add(`<a href="https://127.0.0.1:9443/x">a</a>`)
	f.Add(`<a href="/vneid">VNeID</a>` + strings.Repeat("<b>", 3000))
	f.Add(`<a href="%zz">Đăng nhập</a>`)
	f.Fuzz(func(t *testing.T, page string) {
		_ = ssoLink(&check.Response{Header: http.Header{}, Body: []byte(page)}, "https://127.0.0.1:9443")
	})
}

// A failed login is check.ErrLoginFlow and says its step in the language of the message that
// quotes it; the cause is told, not unwrapped.
func TestFlowErrorSaysItsStep(t *testing.T) {
	err := flowErr(msg.P(mStepCallback), context.DeadlineExceeded)
	if !errors.Is(err, check.ErrLoginFlow) || errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("errors.Is: %v", err)
	}
	if got := err.Error(); got != "login through the national SSO failed: visiting the callback: context deadline exceeded" {
		t.Errorf("English: %q", got)
	}
	if got := msg.Verbatim.Render(msg.VI, err); got != "đăng nhập qua SSO quốc gia không thành công: truy cập callback: context deadline exceeded" {
		t.Errorf("Vietnamese: %q", got)
	}
}
