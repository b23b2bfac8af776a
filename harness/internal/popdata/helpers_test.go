package popdata

import (
	"context"
	"net/url"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/probe"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/popdbtest"
	"github.com/p06kit/p06kit/ident"
	"github.com/p06kit/p06kit/internal/redact/redacttest"
	"github.com/p06kit/p06kit/scoring"
)

func TestInvalidIDsAreInvalid(t *testing.T) {
	for _, c := range invalidIDs {
		_, err := ident.ParsePIN(c.id)
		assert.Error(t, err, "%s (%s) must be rejected by ident.ParsePIN", c.id, c.why.ID())
	}
}

func TestURLProblems(t *testing.T) {
	cases := []struct {
		name string
		url  string
		want []string
	}{
		{"clean", "https://dvc.example.gov.vn/thu-tuc?q=khai+sinh&page=2", nil},
		{"oauth callback code and state", "https://dvc.example.gov.vn/signin-oidc?code=abc&state=xyz", nil},
		{"12 digits that are not a number (bad prefix)", "https://x/hoso/003085123445", nil},
		{"13-digit timestamp", "https://x/?t=1732680000000", nil},
		{"PIN in the query", "https://x/tra-cuu?soDinhDanh=001085123445", []string{"a personal identification number (001*******45) in the query parameter soDinhDanh"}},
		{"PIN in any parameter", "https://x/tra-cuu?q=001085123445", []string{"a personal identification number (001*******45) in the query parameter q"}},
		{"PIN in the path", "https://x/cong-dan/079305001234/ho-so", []string{"a personal identification number (079*******34) in the path"}},
		{"PIN in the fragment", "https://x/#079305001234", []string{"a personal identification number (079*******34) in the fragment"}},
		{"CMND parameter", "https://x/?so_cmnd=012345678", []string{"an identification number parameter (so_cmnd) in the query"}},
		{"password", "https://x/login?user=a&matKhau=123", []string{"a credential (matKhau) in the query"}},
		{"access token in the fragment", "https://x/cb#access_token=eyJ&token_type=bearer", []string{"a credential (access_token) in the fragment"}},
		{"API key", "https://gw/dancu?ApiKey=k", []string{"a credential (ApiKey) in the query"}},
		{"user information", "https://user:pass@x/", []string{"a password in the URL's user information"}},
		{"unparsable", "http://[::1", nil},
		{"jsessionid path parameter", "https://x/app;jsessionid=ABC/list", []string{"a credential (jsessionid) in a path parameter"}},
		{"auth parameter", "https://x/api?auth=T", []string{"a credential (auth) in the query"}},
		{"ASP.NET session", "https://x/?ASP.NET_SessionId=s", []string{"a credential (ASP.NET_SessionId) in the query"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, ens(URLProblems(c.url)))
			for _, p := range URLProblems(c.url) {
				assert.NotEmpty(t, p.Render(msg.VI))
			}
		})
	}
}

// TestURLProblemsFlagsWhatReportsMask: the detector and the redactor share one list, so every
// secret parameter of the catalogue a portal may put in a URL is flagged here, and masked in
// the report that flags it.
func TestURLProblemsFlagsWhatReportsMask(t *testing.T) {
	for _, c := range redacttest.Catalogue {
		if c.Query == "" {
			continue
		}
		u := "https://portal.example/a?x=1&" + c.Query
		if strings.HasPrefix(c.Query, ";") {
			u = "https://portal.example/a" + c.Query + "?x=1"
		}
		ps := URLProblems(u)
		if len(ps) == 0 {
			t.Errorf("%s: URLProblems(%q) flags nothing", c.Name, u)
		}
		for _, p := range ps {
			if strings.Contains(p.String(), c.Value) || strings.Contains(p.Render(msg.VI), c.Value) {
				t.Errorf("%s: the problem quotes the secret: %q", c.Name, p.String())
			}
		}
		if red := check.RedactURL(u); strings.Contains(red, c.Value) {
			t.Errorf("%s: the redacted URL %q shows %q", c.Name, red, c.Value)
		}
	}
}

func FuzzURLProblems(f *testing.F) {
	for _, s := range []string{"https://x/?soDinhDanh=001085123445", "https://x/#a=b", "https://u:p@x/079305001234", "%zz", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range URLProblems(s) {
			for _, text := range []string{p.String(), p.Render(msg.VI)} {
				if m := twelveDigits.FindStringSubmatch(text); m != nil && ident.ValidPIN(m[2]) {
					t.Fatalf("a problem shows a number in full: %q", text)
				}
			}
		}
	})
}

func TestLeaks(t *testing.T) {
	gw := popdbtest.NewServer()
	defer gw.Close()
	cases := []struct {
		name, text string
		want       []string
	}{
		{"clean Vietnamese message", "Hệ thống CSDL dân cư đang bận, vui lòng nhập thông tin thủ công.", nil},
		{"go stack", "panic: runtime error\ngoroutine 1 [running]:\nmain.go:12", []string{"a Go stack trace"}},
		{"java stack", "java.lang.NullPointerException: x\n\tat vn.gov.Portal.lookup(Portal.java:42)", []string{"a Java or .NET stack trace"}},
		{"python", "Traceback (most recent call last):", []string{"a Python traceback"}},
		{"soap fault", "<soap:Envelope><faultstring>x</faultstring>", []string{"a raw SOAP fault or envelope"}},
		{"network error", "Post \"https://gw\": dial tcp: connection refused", []string{"a low-level network error"}},
		{"gateway address", "lỗi khi gọi " + gw.Endpoint(), []string{"the gateway's address"}},
		{"api key", "ApiKey=" + gw.Credentials.APIKey, []string{"the gateway ApiKey"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, ens(Leaks(c.text, gw)))
		})
	}
	assert.Nil(t, ens(Leaks("ổn", nil)))
}

func TestComparePrefill(t *testing.T) {
	p := ident.DefaultPeople()[0]
	rec := popdbtest.Record(p, nil)
	n := rec.NgayThangNamSinh.NgayThangNam
	good := map[string]string{
		"HoVaTen":          "  " + strings.ToUpper(p.FullName()) + " ",
		"SoDinhDanh":       p.ID,
		"NgayThangNamSinh": n[:4] + "-" + n[4:6] + "-" + n[6:],
		"GioiTinh":         map[bool]string{true: "Nam", false: "Nữ"}[p.Male],
		"ThuongTru":        "Phường " + strings.TrimPrefix(p.Residence.Ward, "Phường ") + " - " + p.Residence.Detail + " - " + p.Residence.District + " - " + p.Residence.Province,
	}
	assert.Empty(t, ComparePrefill(good, rec))

	ascii := map[string]string{}
	for k, v := range good {
		ascii[k] = v
	}
	ascii["HoVaTen"] = "nguyen" // different name, even accent-folded
	assert.Len(t, ComparePrefill(ascii, rec), 1)

	bad := map[string]string{"HoVaTen": p.FullName(), "SoDinhDanh": "001085123445", "NgayThangNamSinh": "1900-01-01", "GioiTinh": "?"}
	got := ens(ComparePrefill(bad, rec))
	require.Len(t, got, 4)
	assert.Equal(t, "not pre-filled (the citizen is asked again): ThuongTru", got[0])
	assert.Contains(t, got[1], `SoDinhDanh: form shows "001*******45"`)
	assert.Contains(t, got[2], "NgayThangNamSinh")
	assert.Contains(t, got[3], "GioiTinh")
}

func TestNormDate(t *testing.T) {
	for in, want := range map[string]string{"2005-03-04": "20050304", "04/03/2005": "20050304", "20050304": "20050304", "2005/03/04": "20050304", "04.03.2005": "20050304"} {
		got, ok := normDate(in)
		assert.True(t, ok, in)
		assert.Equal(t, want, got, in)
	}
	for _, in := range []string{"", "2005", "4/3/2005", "yyyy-mm-dd"} {
		_, ok := normDate(in)
		assert.False(t, ok, in)
	}
}

func TestWellFormedProblems(t *testing.T) {
	ok := popdbtest.Request{Seq: 2, Method: "POST", HasSOAPAction: true, ContentType: "text/xml; charset=utf-8", AuthOK: true,
		Operation: popdbtest.Operation, Namespace: popdbtest.NSRequest, Subject: "001085123445",
		LookupRequest: popdbtest.LookupRequest{MaYeuCau: "a", MaDVC: "VPCP", MaTichHop: "037", MaCanBo: "x", MaDonVi: "y", SoDinhDanh: "001085123445"}}
	assert.Empty(t, WellFormedProblems([]popdbtest.Request{ok}, nil))
	reused := ok
	reused.Seq = 3
	assert.Equal(t, []string{`request #3: MaYeuCau "a" already used by request #2`}, ens(WellFormedProblems([]popdbtest.Request{ok, reused}, nil)))
	assert.Equal(t, []string{`request #2: MaYeuCau "a" already used by request #1`}, ens(WellFormedProblems([]popdbtest.Request{ok}, []popdbtest.Request{{Seq: 1, LookupRequest: popdbtest.LookupRequest{MaYeuCau: "a"}}})))
	bad := ok
	bad.HasSOAPAction, bad.ContentType, bad.Namespace, bad.MaCanBo, bad.MaDonVi = false, "application/json", "urn:x", "", ""
	got := ens(WellFormedProblems([]popdbtest.Request{bad}, nil))
	assert.Equal(t, []string{
		"request #2: no SOAPAction header",
		`request #2: Content-Type "application/json", want text/xml (SOAP 1.1)`,
		"request #2: operation {urn:x}TraCuuThongTinCongDan, want {http://dancuquocgia.bca}TraCuuThongTinCongDan",
		"request #2: no MaCanBo",
		"request #2: no MaDonVi",
	}, got)
}

func TestMinimalProblems(t *testing.T) {
	req := func(seq int, subject string) popdbtest.Request {
		return popdbtest.Request{Seq: seq, Subject: subject, LookupRequest: popdbtest.LookupRequest{MaYeuCau: "r"}}
	}
	allowed := map[string]bool{"001085123445": true}
	assert.Empty(t, MinimalProblems([]popdbtest.Request{req(1, "001085123445"), {Seq: 2}}, allowed, nil))
	got := ens(MinimalProblems([]popdbtest.Request{req(1, "001085123445"), req(2, "079305001234"), req(3, "079305001234"), req(4, "001085123445")}, allowed, nil))
	assert.Equal(t, []string{
		"looked up 1 person(s) the dossier does not concern: 079*******34 (#2, MaYeuCau r)",
		"looked up the same person more than once for one dossier: 001*******45 2 times, 079*******34 2 times",
	}, got)
}

func TestProcedureChoice(t *testing.T) {
	f := newFixture(t, defects{})
	s, err := probe.NewSession(check.Target{BaseURL: f.srv.URL, Portal: namingAdapter{adapter{base: f.srv.URL}, "9.999999"}, PopDB: f.gw}, check.Config{})
	require.NoError(t, err)
	assert.Equal(t, "9.999999", procedure(context.Background(), s), "the adapter's choice first")
	r := assisted(judgeLookup)(context.Background(), s)
	assert.Equal(t, scoring.Pass, r.Status, r.Message)
	assert.Equal(t, []string{"9.999999"}, f.procs)

	s2 := f.session(t)
	list, err := s2.Procedures(context.Background())
	if err != nil || list == nil || len(list.Procedures) == 0 {
		t.Skipf("the catalogue of the fixture was not discovered (%v); discovery is another package's", err)
	}
	assert.Equal(t, "1.001612", procedure(context.Background(), s2), "the birth registration of the catalogue")
}

// ens returns the English texts of problems, nil for none.
func ens(ps []msg.Phrase) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

func TestPageLinksAndForms(t *testing.T) {
	page := `<html><body>
<a href="/ok?q=1">ok</a>
<a href="/ho-so/001085123445">mine</a>
<form action="/dang-nhap"><input name="tenDangNhap"><input type="password" name="pw"></form>
<form action="/tra-cuu" method="GET"><input name="soCCCD"></form>
<form action="/tra-cuu" method="post"><input name="soCCCD"><input type="password" name="matKhau"></form>
<img src="https://cdn.example/x.png?token=abc">
</body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	require.NoError(t, err)
	base, _ := url.Parse("https://dvc.example/")
	c := &urlCollector{seen: map[string]bool{}}
	c.links(doc, base, "https://dvc.example/")
	got := ens(c.problems)
	sort.Strings(got)
	assert.Equal(t, []string{
		"a credential (token) in the query in https://cdn.example/x.png?token=[redacted] (link on https://dvc.example/)",
		`a password field "pw" sent in the URL by a GET form on https://dvc.example/`,
		"a personal identification number (001*******45) in the path in https://dvc.example/ho-so/001*******45 (link on https://dvc.example/)",
		`a personal identification number field "soCCCD" sent in the URL by a GET form on https://dvc.example/`,
	}, got, "the POST form is not a problem")
	assert.NotEmpty(t, c.evidence)
}

// FuzzComparePrefill feeds arbitrary form values (what a portal returns) to the comparison: it
// must not panic, must never quote an identifier in full, and must accept the record's own values.
func FuzzComparePrefill(f *testing.F) {
	f.Add("Nguyễn Văn A", "001085123445", "1985-01-02", "Nam", "Hà Nội")
	f.Add("", "", "", "", "")
	f.Add("x", "0", "31/02/2024", "Nữ", ",,,")
	rec := popdbtest.Record(ident.DefaultPeople()[0], nil)
	f.Fuzz(func(t *testing.T, name, id, date, sex, addr string) {
		form := map[string]string{"HoVaTen": name, "SoDinhDanh": id, "NgayThangNamSinh": date, "GioiTinh": sex, "ThuongTru": addr}
		for _, p := range ComparePrefill(form, rec) {
			if strings.Contains(p.String(), rec.SoDinhDanh) || (len(id) >= 12 && ident.ValidPIN(id) && strings.Contains(p.String(), id)) {
				t.Fatalf("identifier in full: %q", p.String())
			}
		}
	})
}

func TestComparePrefillAcceptsTheRecord(t *testing.T) {
	for _, p := range ident.Synthetic(3, 50) {
		rec := popdbtest.Record(p, nil)
		n := rec.NgayThangNamSinh.NgayThangNam
		form := map[string]string{"HoVaTen": rec.HoVaTen.String(), "SoDinhDanh": rec.SoDinhDanh, "NgayThangNamSinh": n,
			"GioiTinh": rec.GioiTinh, "ThuongTru": rec.ThuongTru.String(), "QueQuan": rec.QueQuan.String(), "QuocTich": rec.QuocTich}
		assert.Empty(t, ComparePrefill(form, rec), p.ID)
	}
}
