package popdbtest_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/harness/popdbtest"
	"github.com/p06kit/p06kit/ident"
)

func TestRequestRoundTrip(t *testing.T) {
	in := popdbtest.LookupRequest{MaYeuCau: "r1", MaDVC: "VPCP", MaTichHop: "037", MaCanBo: "001085123445",
		MaDonVi: "H00", TaiKhoan: "canbo", SoDienThoai: "0900000000", SoDinhDanh: "079305001234",
		HoVaTen: "Nguyễn Thị <Mai>", NgayThangNam: "20050304"}
	op, out, err := popdbtest.ParseRequest(popdbtest.MarshalRequest(in))
	require.NoError(t, err)
	assert.Equal(t, popdbtest.Operation, op.Local)
	assert.Equal(t, popdbtest.NSRequest, op.Space)
	assert.Equal(t, in, out)
}

func TestParseRequestUnqualifiedChildren(t *testing.T) {
	body := `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Header/><S:Body>
	<ns:TraCuuThongTinCongDan xmlns:ns="http://dancuquocgia.bca"><MaYeuCau>a</MaYeuCau><SoCMND>012345678</SoCMND>
	<NgayThangNamSinh><Nam>1985</Nam></NgayThangNamSinh></ns:TraCuuThongTinCongDan></S:Body></S:Envelope>`
	op, r, err := popdbtest.ParseRequest([]byte(body))
	require.NoError(t, err)
	assert.Equal(t, "TraCuuThongTinCongDan", op.Local)
	assert.Equal(t, "012345678", r.Subject())
	assert.Equal(t, "1985", r.Nam)
}

func TestParseRequestErrors(t *testing.T) {
	cases := map[string]string{
		"empty":           "",
		"not xml":         "hello",
		"not an envelope": `<Envelope><Body/></Envelope>`,
		"empty body":      `<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Body></e:Body></e:Envelope>`,
		"two operations":  `<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Body><a/><b/></e:Body></e:Envelope>`,
		"unclosed":        `<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Body><a>`,
		"too many":        `<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Body><a>` + strings.Repeat("<x/>", 600) + `</a></e:Body></e:Envelope>`,
	}
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			_, _, err := popdbtest.ParseRequest([]byte(body))
			assert.ErrorIs(t, err, popdbtest.ErrMalformed)
		})
	}
}

func TestParseResponse(t *testing.T) {
	gw := popdbtest.NewUnstartedServer()
	gw.Start()
	defer gw.Close()
	p := ident.DefaultPeople()[0]
	rec, ok := gw.Record(p.ID)
	require.True(t, ok)
	assert.Equal(t, popdbtest.SexFemale, map[bool]string{true: popdbtest.SexMale, false: popdbtest.SexFemale}[p.Male] /* sanity */)
	assert.Equal(t, p.FullName(), rec.HoVaTen.String())

	_, err := popdbtest.ParseResponse([]byte(`<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>x</faultstring></soap:Fault></soap:Body></soap:Envelope>`))
	var f *popdbtest.Fault
	require.ErrorAs(t, err, &f)
	assert.Equal(t, "soap:Server", f.Code)
	_, err = popdbtest.ParseResponse([]byte(`<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body/></soap:Envelope>`))
	assert.ErrorIs(t, err, popdbtest.ErrMalformed)
	_, err = popdbtest.ParseResponse([]byte(`<Envelope/>`))
	assert.ErrorIs(t, err, popdbtest.ErrMalformed)
}

func FuzzParseRequest(f *testing.F) {
	f.Add(popdbtest.MarshalRequest(popdbtest.LookupRequest{MaYeuCau: "1", SoDinhDanh: "001085123445", Nam: "1985"}))
	f.Add([]byte(`<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Body><a/></e:Body></e:Envelope>`))
	f.Add([]byte("<"))
	f.Fuzz(func(t *testing.T, b []byte) {
		op, r, err := popdbtest.ParseRequest(b)
		if err == nil && op.Local == "" {
			t.Fatalf("no error but no operation: %+v", r)
		}
	})
}

func FuzzParseResponse(f *testing.F) {
	f.Add([]byte(`<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><CongdanCollection xmlns="http://www.mic.gov.vn/dancu/1.0"><SoCongDan>1</SoCongDan><CongDan><SoDinhDanh>001085123445</SoDinhDanh></CongDan></CongdanCollection></soap:Body></soap:Envelope>`))
	f.Add([]byte(`<x/>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := popdbtest.ParseResponse(b)
		if err == nil && c == nil {
			t.Fatal("nil collection without error")
		}
	})
}
