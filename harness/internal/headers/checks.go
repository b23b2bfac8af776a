package headers

import (
	"context"
	"fmt"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
)

// Checks returns the checks of this family: P06-SEC-06 … P06-SEC-12 and P06-SEC-18.
func Checks() []check.Check {
	return []check.Check{
		{ID: "P06-SEC-06", Run: checkHSTS},
		{ID: "P06-SEC-07", Run: checkCSP},
		{ID: "P06-SEC-08", Run: checkFraming},
		{ID: "P06-SEC-09", Run: checkNosniff},
		{ID: "P06-SEC-10", Run: checkReferrer},
		{ID: "P06-SEC-11", Run: checkCookies},
		{ID: "P06-SEC-12", Run: checkBanners},
		{ID: "P06-SEC-18", Run: checkCORS},
	}
}

// MinHSTSMaxAge is P06-SEC-06's threshold, counted as the HTTP Observatory counts six months.
const MinHSTSMaxAge = 15552000

func checkHSTS(ctx context.Context, s *check.Session) check.Result {
	want := fmt.Sprintf("Strict-Transport-Security: max-age=%d or more, on HTTPS", MinHSTSMaxAge)
	return judgePages(ctx, s, want, "HSTS max-age ≥ 15552000", []string{"Strict-Transport-Security"}, judgeHSTS)
}

func judgeHSTS(p *check.Page) verdict {
	if !isHTTPS(p) {
		return verdict{Problem: "served over plain HTTP, where HSTS cannot apply", Got: "plain HTTP", ProblemVI: "phục vụ qua HTTP không mã hoá, HSTS không có tác dụng"}
	}
	vals := p.Header.Values("Strict-Transport-Security")
	if len(vals) == 0 {
		return verdict{Problem: "no Strict-Transport-Security header", Got: "no HSTS header", ProblemVI: "không có header Strict-Transport-Security"}
	}
	// Browsers process only the first header (RFC 6797 §8.1).
	h, err := ParseHSTS(vals[0])
	if err != nil {
		return verdict{Problem: fmt.Sprintf("invalid Strict-Transport-Security %q: %v", truncate(vals[0], 80), err), Got: "invalid HSTS header", ProblemVI: fmt.Sprintf("header Strict-Transport-Security %q không hợp lệ: %v", truncate(vals[0], 80), err)}
	}
	if h.MaxAge < MinHSTSMaxAge {
		return verdict{Problem: fmt.Sprintf("max-age=%d is under %d (180 days)", h.MaxAge, MinHSTSMaxAge), Got: fmt.Sprintf("max-age=%d", h.MaxAge), ProblemVI: fmt.Sprintf("max-age=%d nhỏ hơn %d (180 ngày)", h.MaxAge, MinHSTSMaxAge)}
	}
	var note []string
	note = append(note, fmt.Sprintf("max-age=%d", h.MaxAge))
	if h.IncludeSubDomains {
		note = append(note, "includeSubDomains")
	}
	if h.Preload {
		note = append(note, "preload")
	}
	return verdict{Note: strings.Join(note, "; ")}
}

func checkCSP(ctx context.Context, s *check.Session) check.Result {
	want := "Content-Security-Policy that blocks inline and eval'd scripts (no 'unsafe-inline' without nonce/hash, no 'unsafe-eval', no wildcard script sources)"
	return judgePages(ctx, s, want, "CSP chặn script nội tuyến và eval", []string{"Content-Security-Policy", "Content-Security-Policy-Report-Only"}, judgeCSP)
}

func judgeCSP(p *check.Page) verdict {
	raw := p.Header.Values("Content-Security-Policy")
	meta := metaEquiv(p.Doc, "http-equiv", "content-security-policy")
	if len(raw)+len(meta) == 0 {
		if ro := p.Header.Get("Content-Security-Policy-Report-Only"); ro != "" {
			return verdict{Problem: "only Content-Security-Policy-Report-Only is sent, which enforces nothing", Got: "report-only CSP", ProblemVI: "chỉ có Content-Security-Policy-Report-Only, không thực thi gì"}
		}
		return verdict{Problem: "no Content-Security-Policy header or meta tag", Got: "no CSP", ProblemVI: "không có Content-Security-Policy (header hoặc thẻ meta)"}
	}
	var policies []Policy
	for _, v := range append(raw, meta...) {
		// A header may carry several policies separated by commas.
		for _, one := range strings.Split(v, ",") {
			if strings.TrimSpace(one) == "" {
				continue
			}
			pol, err := ParseCSP(one)
			if err != nil {
				return verdict{Problem: fmt.Sprintf("invalid Content-Security-Policy: %v", err), Got: "invalid CSP", ProblemVI: fmt.Sprintf("Content-Security-Policy không hợp lệ: %v", err)}
			}
			policies = append(policies, pol)
		}
	}
	// Every policy is enforced: scripts are restricted when any one policy restricts them.
	var worst ScriptVerdict
	for i, pol := range policies {
		v := pol.Scripts(isHTTPS(p))
		if len(v.Problems) == 0 {
			notes := append(v.Notes, "scripts restricted")
			if len(v.Beyond) > 0 {
				// Reported, not failed: the requirement names the script policy only.
				notes = append(notes, "outside the requirement, not judged: "+strings.Join(v.Beyond, "; "))
			}
			return verdict{Note: strings.Join(notes, "; ")}
		}
		if i == 0 {
			worst = v
		}
	}
	return verdict{Problem: strings.Join(worst.Problems, "; "), Got: strings.Join(worst.Problems, "; "),
		ProblemVI: "CSP không ngăn script không an toàn: " + strings.Join(worst.Problems, "; ")}
}

func checkFraming(ctx context.Context, s *check.Session) check.Result {
	want := "CSP frame-ancestors without wildcards, or X-Frame-Options DENY or SAMEORIGIN"
	return judgePages(ctx, s, want, "hạn chế nhúng khung (frame-ancestors hoặc X-Frame-Options DENY/SAMEORIGIN)", []string{"X-Frame-Options", "Content-Security-Policy"}, judgeFraming)
}

func judgeFraming(p *check.Page) verdict {
	// frame-ancestors counts only from the header: browsers ignore it in a meta tag.
	for _, v := range p.Header.Values("Content-Security-Policy") {
		for _, one := range strings.Split(v, ",") {
			pol, err := ParseCSP(one)
			if err != nil {
				continue
			}
			if fa, ok := pol.FrameAncestors(); ok {
				for _, src := range fa {
					if dangerouslyBroad[src] {
						return verdict{Problem: fmt.Sprintf("CSP frame-ancestors allows %s: any site may frame the page", src), Got: "frame-ancestors " + strings.Join(fa, " "),
							ProblemVI: fmt.Sprintf("CSP frame-ancestors cho phép %s: mọi trang đều nhúng được", src)}
					}
				}
				return verdict{Note: "CSP frame-ancestors " + strings.Join(fa, " ")}
			}
		}
	}
	xfo := p.Header.Values("X-Frame-Options")
	if len(xfo) == 0 {
		return verdict{Problem: "neither CSP frame-ancestors nor X-Frame-Options is sent", Got: "framing not restricted", ProblemVI: "không có CSP frame-ancestors lẫn X-Frame-Options"}
	}
	v := strings.ToLower(strings.TrimSpace(xfo[0]))
	switch {
	case v == "deny" || v == "sameorigin":
		return verdict{Note: "X-Frame-Options " + strings.ToUpper(v)}
	case strings.HasPrefix(v, "allow-from"):
		return verdict{Problem: fmt.Sprintf("X-Frame-Options %q: ALLOW-FROM is ignored by current browsers, so the page can be framed; use CSP frame-ancestors", xfo[0]), Got: "X-Frame-Options ALLOW-FROM",
			ProblemVI: "X-Frame-Options ALLOW-FROM bị trình duyệt hiện nay bỏ qua nên trang vẫn bị nhúng được; hãy dùng CSP frame-ancestors"}
	}
	return verdict{Problem: fmt.Sprintf("X-Frame-Options %q is not DENY or SAMEORIGIN", truncate(xfo[0], 60)), Got: "invalid X-Frame-Options", ProblemVI: fmt.Sprintf("X-Frame-Options %q không phải DENY hay SAMEORIGIN", truncate(xfo[0], 60))}
}

func checkNosniff(ctx context.Context, s *check.Session) check.Result {
	return judgePages(ctx, s, "X-Content-Type-Options: nosniff", "X-Content-Type-Options: nosniff", []string{"X-Content-Type-Options"}, judgeNosniff)
}

func judgeNosniff(p *check.Page) verdict {
	v := p.Header.Values("X-Content-Type-Options")
	if len(v) == 0 {
		return verdict{Problem: "no X-Content-Type-Options header", Got: "no X-Content-Type-Options", ProblemVI: "không có header X-Content-Type-Options"}
	}
	if strings.ToLower(strings.TrimSpace(v[0])) != "nosniff" {
		return verdict{Problem: fmt.Sprintf("X-Content-Type-Options is %q, not nosniff", truncate(v[0], 60)), Got: "X-Content-Type-Options " + truncate(v[0], 60),
			ProblemVI: fmt.Sprintf("X-Content-Type-Options là %q, không phải nosniff", truncate(v[0], 60))}
	}
	return verdict{Note: "nosniff"}
}

func checkReferrer(ctx context.Context, s *check.Session) check.Result {
	want := "Referrer-Policy set (header or meta tag) to no-referrer, same-origin, strict-origin or strict-origin-when-cross-origin"
	return judgePages(ctx, s, want, "Referrer-Policy không làm lộ URL đầy đủ sang trang khác", []string{"Referrer-Policy"}, judgeReferrer)
}

func judgeReferrer(p *check.Page) verdict {
	vals := append(p.Header.Values("Referrer-Policy"), metaEquiv(p.Doc, "name", "referrer")...)
	if len(vals) == 0 {
		// The requirement is that the portal sets a policy: a browser's default is not the
		// portal's (older browsers default to no-referrer-when-downgrade, which sends the full
		// URL to other HTTPS sites). The HTTP Observatory passes an absent header.
		return verdict{Problem: "no Referrer-Policy header or meta tag: the portal sets none, and relies on the browser's default",
			Got: "no Referrer-Policy", ProblemVI: "không có Referrer-Policy (tiêu đề hoặc thẻ meta): cổng không đặt chính sách, phụ thuộc mặc định của trình duyệt"}
	}
	pol, ok := ReferrerPolicy(vals)
	if !ok {
		return verdict{Problem: fmt.Sprintf("Referrer-Policy %q holds no valid policy", truncate(strings.Join(vals, ", "), 80)), Got: "invalid Referrer-Policy", ProblemVI: "Referrer-Policy không chứa chính sách hợp lệ nào"}
	}
	if why := leakyReferrer[pol]; why != "" {
		return verdict{Problem: fmt.Sprintf("Referrer-Policy %s %s", pol, why), Got: "Referrer-Policy " + pol, ProblemVI: fmt.Sprintf("Referrer-Policy %s làm lộ URL hoặc nguồn gốc sang trang khác", pol)}
	}
	return verdict{Note: "Referrer-Policy " + pol}
}
