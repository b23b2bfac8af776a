package popdbtest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/p06kit/p06kit/ident"
)

// The XML namespaces of service 037 (docs/integration.md).
const (
	// NSRequest is the namespace of the request operation and its elements.
	NSRequest = "http://dancuquocgia.bca"
	// NSResponse is the namespace of CongdanCollection in the reply.
	NSResponse = "http://www.mic.gov.vn/dancu/1.0"
	// NSSOAP is the SOAP 1.1 envelope namespace.
	NSSOAP = "http://schemas.xmlsoap.org/soap/envelope/"
	// Operation is the look-up operation.
	Operation = "TraCuuThongTinCongDan"
	// ServiceCode is the integration code of the look-up (MaTichHop).
	ServiceCode = "037"
)

// LookupRequest holds the request elements of TraCuuThongTinCongDan. Either SoDinhDanh (12
// digits) or SoCMND (9 digits) names the citizen; NgayThangNamSinh is sent as Nam (yyyy) or
// NgayThangNam (yyyyMMdd).
type LookupRequest struct {
	// MaYeuCau is the request ID, unique per request.
	MaYeuCau string
	// MaDVC is the public-service code, e.g. "VPCP".
	MaDVC string
	// MaTichHop is the integration code; [ServiceCode] when empty in [NewLookup].
	MaTichHop string
	// MaCanBo is the personal identification number of the officer (or the portal's service
	// account) on whose behalf the look-up is made; MaDonVi the unit code.
	MaCanBo, MaDonVi string
	// TaiKhoan is the account name; SoDienThoai a contact phone.
	TaiKhoan, SoDienThoai string
	SoDinhDanh, SoCMND    string
	HoVaTen               string
	Nam, NgayThangNam     string
}

// Subject is the identifier looked up: SoDinhDanh, or SoCMND when that is empty.
func (r LookupRequest) Subject() string {
	if r.SoDinhDanh != "" {
		return r.SoDinhDanh
	}
	return r.SoCMND
}

// Collection is the reply's CongdanCollection.
type Collection struct {
	XMLName        xml.Name  `xml:"http://www.mic.gov.vn/dancu/1.0 CongdanCollection"`
	ID             string    `xml:"Id,omitempty"`
	SoCongDan      int       `xml:"SoCongDan"`
	ThoiDiemDuLieu string    `xml:"ThoiDiemDuLieu,omitempty"`
	GhiChu         string    `xml:"GhiChu,omitempty"`
	CongDan        []CongDan `xml:"CongDan"`
}

// CongDan is a citizen's record as service 037 returns it.
type CongDan struct {
	SoDinhDanh        string     `xml:"SoDinhDanh"`
	SoCMND            string     `xml:"SoCMND,omitempty"`
	HoVaTen           HoVaTen    `xml:"HoVaTen"`
	GioiTinh          string     `xml:"GioiTinh"`
	DanToc            string     `xml:"DanToc,omitempty"`
	TonGiao           string     `xml:"TonGiao,omitempty"`
	TinhTrangHonNhan  string     `xml:"TinhTrangHonNhan,omitempty"`
	NhomMau           string     `xml:"NhomMau,omitempty"`
	NgayThangNamSinh  NgaySinh   `xml:"NgayThangNamSinh"`
	NoiDangKyKhaiSinh DiaChi     `xml:"NoiDangKyKhaiSinh"`
	QueQuan           DiaChi     `xml:"QueQuan"`
	ThuongTru         DiaChi     `xml:"ThuongTru"`
	NoiOHienTai       DiaChi     `xml:"NoiOHienTai"`
	QuocTich          string     `xml:"QuocTich,omitempty"`
	Cha               *NguoiThan `xml:"Cha,omitempty"`
	Me                *NguoiThan `xml:"Me,omitempty"`
	VoChong           *NguoiThan `xml:"VoChong,omitempty"`
	NguoiDaiDien      *NguoiThan `xml:"NguoiDaiDien,omitempty"`
	ChuHo             *ChuHo     `xml:"ChuHo,omitempty"`
	SoSoHoKhau        string     `xml:"SoSoHoKhau,omitempty"`
}

// HoVaTen is a name split as the population database keeps it.
type HoVaTen struct {
	Ho     string `xml:"Ho"`
	ChuDem string `xml:"ChuDem"`
	Ten    string `xml:"Ten"`
}

// String is "Ho ChuDem Ten".
func (n HoVaTen) String() string {
	return strings.Join(strings.Fields(n.Ho+" "+n.ChuDem+" "+n.Ten), " ")
}

// NgaySinh is a date of birth: Nam (yyyy) and, when known, NgayThangNam (yyyyMMdd).
type NgaySinh struct {
	Nam          string `xml:"Nam,omitempty"`
	NgayThangNam string `xml:"NgayThangNam,omitempty"`
}

// DiaChi is an address.
type DiaChi struct {
	MaTinhThanh  string `xml:"MaTinhThanh,omitempty"`
	MaQuanHuyen  string `xml:"MaQuanHuyen,omitempty"`
	MaPhuongXa   string `xml:"MaPhuongXa,omitempty"`
	TenTinhThanh string `xml:"TenTinhThanh,omitempty"`
	TenQuanHuyen string `xml:"TenQuanHuyen,omitempty"`
	TenPhuongXa  string `xml:"TenPhuongXa,omitempty"`
	ChiTiet      string `xml:"ChiTiet,omitempty"`
	QuocGia      string `xml:"QuocGia,omitempty"`
}

// String is the address on one line, from the most to the least specific part.
func (d DiaChi) String() string {
	var parts []string
	for _, s := range []string{d.ChiTiet, d.TenPhuongXa, d.TenQuanHuyen, d.TenTinhThanh} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// NguoiThan is a relative: father, mother, spouse or representative.
type NguoiThan struct {
	HoVaTen    string `xml:"HoVaTen"`
	QuocTich   string `xml:"QuocTich,omitempty"`
	SoDinhDanh string `xml:"SoDinhDanh,omitempty"`
	SoCMND     string `xml:"SoCMND,omitempty"`
}

// ChuHo is the head of household and the citizen's relation to them.
type ChuHo struct {
	QuanHe     string `xml:"QuanHe"`
	SoDinhDanh string `xml:"SoDinhDanh,omitempty"`
	SoCMND     string `xml:"SoCMND,omitempty"`
	HoVaTen    string `xml:"HoVaTen"`
}

// Sex codes of GioiTinh. The national code list is NOT FOUND; the fake uses these.
const (
	SexMale   = "1"
	SexFemale = "2"
)

// Record returns p's record as the fake answers it, with relatives named from people (which may
// be nil: relatives are then given by number only).
func Record(p ident.Person, people map[string]ident.Person) CongDan {
	c := CongDan{
		SoDinhDanh:        p.ID,
		SoCMND:            p.OldID,
		HoVaTen:           HoVaTen{Ho: p.Family, ChuDem: p.Middle, Ten: p.Given},
		GioiTinh:          SexFemale,
		DanToc:            p.Ethnicity,
		TonGiao:           p.Religion,
		NgayThangNamSinh:  NgaySinh{Nam: firstN(p.BirthDate, 4), NgayThangNam: strings.ReplaceAll(p.BirthDate, "-", "")},
		NoiDangKyKhaiSinh: diaChi(p.BirthPlace),
		QueQuan:           diaChi(p.Hometown),
		ThuongTru:         diaChi(p.Residence),
		NoiOHienTai:       diaChi(p.Residence),
		QuocTich:          p.Nationality,
		SoSoHoKhau:        p.Household,
	}
	if p.Male {
		c.GioiTinh = SexMale
	}
	if c.ThuongTru == (DiaChi{}) && p.Address != "" {
		c.ThuongTru = DiaChi{ChiTiet: p.Address, QuocGia: "VN"}
		c.NoiOHienTai = c.ThuongTru
	}
	rel := func(id string) *NguoiThan {
		if id == "" {
			return nil
		}
		r := &NguoiThan{SoDinhDanh: id, QuocTich: "VN"}
		if q, ok := people[id]; ok {
			r.HoVaTen, r.SoCMND, r.QuocTich = q.FullName(), q.OldID, q.Nationality
		}
		return r
	}
	c.Cha, c.Me, c.VoChong = rel(p.Father), rel(p.Mother), rel(p.Spouse)
	if p.HouseholdHead != "" {
		h := &ChuHo{QuanHe: p.Relation, SoDinhDanh: p.HouseholdHead}
		if q, ok := people[p.HouseholdHead]; ok {
			h.HoVaTen, h.SoCMND = q.FullName(), q.OldID
		}
		c.ChuHo = h
	}
	return c
}

func firstN(s string, n int) string {
	if len(s) < n {
		return s
	}
	return s[:n]
}

func diaChi(p ident.Place) DiaChi {
	return DiaChi{MaTinhThanh: p.ProvinceCode, MaQuanHuyen: p.DistrictCode, MaPhuongXa: p.WardCode,
		TenTinhThanh: p.Province, TenQuanHuyen: p.District, TenPhuongXa: p.Ward, ChiTiet: p.Detail, QuocGia: p.Country}
}

// MarshalRequest returns the SOAP 1.1 envelope of a look-up.
func MarshalRequest(r LookupRequest) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<soapenv:Envelope xmlns:soapenv="` + NSSOAP + `" xmlns:dan="` + NSRequest + `"><soapenv:Body><dan:` + Operation + `>`)
	el := func(name, v string) {
		if v == "" {
			return
		}
		b.WriteString("<dan:" + name + ">")
		_ = xml.EscapeText(&b, []byte(v))
		b.WriteString("</dan:" + name + ">")
	}
	for _, f := range r.elements() {
		el(f.name, *f.v)
	}
	if r.Nam != "" || r.NgayThangNam != "" {
		b.WriteString("<dan:NgayThangNamSinh>")
		el("Nam", r.Nam)
		el("NgayThangNam", r.NgayThangNam)
		b.WriteString("</dan:NgayThangNamSinh>")
	}
	b.WriteString(`</dan:` + Operation + `></soapenv:Body></soapenv:Envelope>`)
	return b.Bytes()
}

// ErrMalformed is wrapped by the parsers when a message is not the expected SOAP.
var ErrMalformed = errors.New("malformed SOAP message")

// maxElements bounds how many elements a parsed message may have (a look-up has about 15).
const maxElements = 512

// ParseRequest reads a SOAP 1.1 envelope carrying a look-up. It returns the operation's local
// name and namespace as found (so that a caller can report a wrong operation or namespace) and
// the request elements, whose own namespace prefix does not matter. Errors wrap [ErrMalformed]
// and name the element path.
func ParseRequest(body []byte) (op xml.Name, req LookupRequest, err error) {
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = true
	var path []xml.Name
	var text strings.Builder
	n := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return op, req, fmt.Errorf("%w: %v", ErrMalformed, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if n++; n > maxElements {
				return op, req, fmt.Errorf("%w: more than %d elements", ErrMalformed, maxElements)
			}
			path = append(path, t.Name)
			text.Reset()
			switch len(path) {
			case 1:
				if t.Name.Space != NSSOAP || t.Name.Local != "Envelope" {
					return op, req, fmt.Errorf("%w: root element is {%s}%s, want a SOAP 1.1 Envelope", ErrMalformed, t.Name.Space, t.Name.Local)
				}
			case 3:
				if path[1].Space == NSSOAP && path[1].Local == "Body" {
					if op.Local != "" {
						return op, req, fmt.Errorf("%w: more than one element in Body", ErrMalformed)
					}
					op = t.Name
				}
			}
		case xml.CharData:
			if text.Len() < 4096 {
				text.Write(t)
			}
		case xml.EndElement:
			if len(path) >= 4 && path[1].Local == "Body" {
				v := strings.TrimSpace(text.String())
				name := path[len(path)-1].Local
				if len(path) == 4 {
					setField(&req, name, v)
				} else if len(path) == 5 && path[3].Local == "NgayThangNamSinh" {
					switch name {
					case "Nam":
						req.Nam = v
					case "NgayThangNam":
						req.NgayThangNam = v
					}
				}
			}
			path = path[:len(path)-1]
			text.Reset()
		}
	}
	if op.Local == "" {
		return op, req, fmt.Errorf("%w: no operation in Envelope/Body", ErrMalformed)
	}
	return op, req, nil
}

func setField(r *LookupRequest, name, v string) {
	for _, f := range r.elements() {
		if f.name == name {
			*f.v = v
			return
		}
	}
}

// requestElement is an element of a look-up and the field that holds its text.
type requestElement struct {
	name string
	v    *string
}

// elements are the look-up's elements directly under the operation, in the order they are sent
// (NgayThangNamSinh, which nests two, apart).
func (r *LookupRequest) elements() []requestElement {
	return []requestElement{
		{"MaYeuCau", &r.MaYeuCau}, {"MaDVC", &r.MaDVC}, {"MaTichHop", &r.MaTichHop}, {"MaCanBo", &r.MaCanBo},
		{"MaDonVi", &r.MaDonVi}, {"TaiKhoan", &r.TaiKhoan}, {"SoDienThoai", &r.SoDienThoai},
		{"SoDinhDanh", &r.SoDinhDanh}, {"SoCMND", &r.SoCMND}, {"HoVaTen", &r.HoVaTen},
	}
}

// Fault is a SOAP 1.1 fault. The gateway's and the database's error codes are NOT FOUND in
// public sources: the codes this fake sends (in Detail) are invented for it.
type Fault struct {
	Code   string `xml:"faultcode"`
	String string `xml:"faultstring"`
	Detail string `xml:"detail>code,omitempty"`
}

func (f *Fault) Error() string {
	s := "SOAP fault " + f.Code + ": " + f.String
	if f.Detail != "" {
		s += " (" + f.Detail + ")"
	}
	return s
}

type envelope struct {
	XMLName xml.Name `xml:"soap:Envelope"`
	NS      string   `xml:"xmlns:soap,attr"`
	Body    struct {
		Fault      *soapFault  `xml:"soap:Fault,omitempty"`
		Collection *Collection `xml:",omitempty"`
	} `xml:"soap:Body"`
}

type soapFault struct {
	Code   string `xml:"faultcode"`
	String string `xml:"faultstring"`
	Detail string `xml:"detail>code,omitempty"`
}

func marshalEnvelope(c *Collection, f *Fault) []byte {
	e := envelope{NS: NSSOAP}
	e.Body.Collection = c
	if f != nil {
		e.Body.Fault = &soapFault{Code: f.Code, String: f.String, Detail: f.Detail}
	}
	out, err := xml.Marshal(e)
	if err != nil { // only plain strings and structs: cannot fail
		return []byte(xml.Header + `<soap:Envelope xmlns:soap="` + NSSOAP + `"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>encoding</faultstring></soap:Fault></soap:Body></soap:Envelope>`)
	}
	return append([]byte(xml.Header), out...)
}

// ParseResponse reads a reply of the look-up: the CongdanCollection, or the SOAP fault as a
// *[Fault] error. Errors for anything else wrap [ErrMalformed].
func ParseResponse(body []byte) (*Collection, error) {
	var e struct {
		XMLName xml.Name
		Body    struct {
			Fault      *Fault      `xml:"http://schemas.xmlsoap.org/soap/envelope/ Fault"`
			Collection *Collection `xml:"http://www.mic.gov.vn/dancu/1.0 CongdanCollection"`
		} `xml:"http://schemas.xmlsoap.org/soap/envelope/ Body"`
	}
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = true
	if err := d.Decode(&e); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	if e.XMLName.Space != NSSOAP || e.XMLName.Local != "Envelope" {
		return nil, fmt.Errorf("%w: root element is {%s}%s, want a SOAP 1.1 Envelope", ErrMalformed, e.XMLName.Space, e.XMLName.Local)
	}
	if e.Body.Fault != nil {
		return nil, e.Body.Fault
	}
	if e.Body.Collection == nil {
		return nil, fmt.Errorf("%w: no Envelope/Body/CongdanCollection", ErrMalformed)
	}
	if len(e.Body.Collection.CongDan) > maxElements {
		return nil, fmt.Errorf("%w: %d CongDan records", ErrMalformed, len(e.Body.Collection.CongDan))
	}
	return e.Body.Collection, nil
}
