package referenceportal

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/p06kit/p06kit/harness"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/popdbtest"
	"github.com/p06kit/p06kit/harness/signtest"
	"github.com/p06kit/p06kit/harness/ssotest"
)

// Env is a running portal wired to its own fakes of the national services: the national SSO
// (ssotest), the population-database gateway (popdbtest) and a test PKI (signtest). It is what
// a vendor's test sets up, and what `p06 demo` runs twice (the reference and the broken portal).
type Env struct {
	SSO     *ssotest.Server
	PopDB   *popdbtest.Server
	PKI     *signtest.PKI
	Server  *Server
	Adapter *Adapter
}

// StartEnv starts the fakes and a portal with the given defects (zero: the reference portal),
// all on 127.0.0.1. Close stops everything.
func StartEnv(defects Defects) (*Env, error) {
	pki, err := signtest.NewPKI()
	if err != nil {
		return nil, fmt.Errorf("test PKI: %w", err)
	}
	sso := ssotest.NewUnstartedServer()
	// The national SSO requires PKCE; a portal without it could not log anyone in at all, and
	// its other defects would hide behind that. The broken portal's fake accepts it and the
	// identity check P06-AUTH-01 reports it from the fake's audit log.
	sso.PKCEOptional = defects.NoPKCE
	sso.Start()
	e := &Env{PKI: pki, SSO: sso, PopDB: popdbtest.NewServer()}
	officer := randomID(16)
	creds := e.PopDB.Credentials
	srv, err := Start(Config{
		SSO: SSOConfig{Issuer: e.SSO.URL, ClientID: ssotest.DefaultClientID, ClientSecret: ssotest.DefaultClientSecret, Roots: e.SSO.CertPool()},
		PopDB: PopDBConfig{URL: e.PopDB.Endpoint(), Username: creds.Username, Secret: creds.Secret, APIKey: creds.APIKey, Client: creds.Client,
			Roots: e.PopDB.CertPool(), Officer: "001085000001", Unit: "H99.01"},
		Signer: Signer{
			Sign: func(data []byte) ([]byte, error) {
				return pki.Sign(data, pki.Agency(), signtest.SignOptions{Detached: true})
			},
			Verify: func(data, sig []byte) (string, error) {
				var s *signtest.Signed
				var err error
				if len(sig) == 0 {
					s, err = pki.Verify(nil, data)
				} else {
					s, err = pki.Verify(data, sig)
				}
				if err != nil {
					return "", fmt.Errorf("%s", signtest.Reason(err).Render(msg.VI))
				}
				return s.Subject, nil
			},
		},
		OfficerToken: officer,
		Defects:      defects,
	})
	if err != nil {
		e.Close()
		return nil, err
	}
	e.Server = srv
	e.Adapter = &Adapter{BaseURL: srv.URL, OfficerToken: officer, Officer: srv.Client()}
	return e, nil
}

// Target is the harness target for this portal: its address and TLS trust, its profile, the
// adapter and the fakes.
func (e *Env) Target() harness.Target {
	return harness.Target{
		BaseURL: e.Server.URL + "/",
		Client:  e.Server.Client(),
		Profile: &harness.Profile{PlainHTTP: e.Server.PlainURL + "/", SampleDossier: SampleDossier, ProceduresJSON: "/api/thu-tuc", Logout: "/dang-xuat"},
		Portal:  e.Adapter,
		SSO:     e.SSO,
		PopDB:   e.PopDB,
		PKI:     e.PKI,
	}
}

// Close stops the portal and the fakes.
func (e *Env) Close() {
	if e.Server != nil {
		e.Server.Close()
	}
	if e.SSO != nil {
		e.SSO.Close()
	}
	if e.PopDB != nil {
		e.PopDB.Close()
	}
}

// WriteEvidence writes an evidence file for the attested criteria (security level, monitoring,
// security testing, warehouse synchronisation, the population-database connection conditions) into dir and returns its path. The documents are
// the demo's: their numbers are illustrative.
func WriteEvidence(dir string, now time.Time) (string, error) {
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	issued, expires := day(now.AddDate(0, -3, 0)), day(now.AddDate(1, 0, 0))
	att := map[string]any{"attestations": []map[string]string{
		{"criterion": "P06-SEC-20", "document": "Quyết định phê duyệt hồ sơ đề xuất cấp độ 3 (minh họa)", "issued_by": "UBND tỉnh Mẫu", "issued": issued, "expires": expires},
		{"criterion": "P06-SEC-21", "document": "Biên bản kết nối giám sát an toàn thông tin với SOC tỉnh và NCSC (minh họa)", "issued_by": "Sở Khoa học và Công nghệ tỉnh Mẫu", "issued": issued, "expires": expires},
		{"criterion": "P06-SEC-22", "document": "Báo cáo kiểm tra, đánh giá an toàn thông tin trước khi vận hành (minh họa)", "issued_by": "Đơn vị kiểm định độc lập", "issued": issued, "expires": expires},
		{"criterion": "P06-SEC-23", "document": "Quy chế lưu trữ nhật ký truy cập và giao dịch tối thiểu 3 tháng, tập trung tại SIEM (minh họa)", "issued_by": "UBND tỉnh Mẫu", "issued": issued, "expires": expires},
		{"criterion": "P06-SEC-24", "document": "Phương án bảo đảm hoạt động 24/7 và dự phòng thảm họa, biên bản diễn tập khôi phục (minh họa)", "issued_by": "Sở Khoa học và Công nghệ tỉnh Mẫu", "issued": issued, "expires": expires},
		{"criterion": "P06-SEC-26", "document": "Quy định ghi nhật ký (che số định danh, không ghi mật khẩu, token, cookie phiên) và biên bản rà soát mẫu nhật ký (minh họa)", "issued_by": "Sở Khoa học và Công nghệ tỉnh Mẫu", "issued": issued, "expires": expires},
		{"criterion": "P06-WH-05", "document": "Biên bản nghiệm thu đồng bộ Kho dữ liệu với Cổng Dịch vụ công quốc gia (minh họa)", "issued_by": "Văn phòng UBND tỉnh Mẫu", "issued": issued, "expires": expires},
		{"criterion": "P06-POP-09", "document": "Quyết định phê duyệt cấp độ 3, ban hành trước ngày kết nối CSDLQG về dân cư (minh họa)", "issued_by": "UBND tỉnh Mẫu", "issued": issued, "expires": expires},
		{"criterion": "P06-POP-10", "document": "Biên bản kiểm tra, đánh giá an ninh, an toàn của Công an tỉnh trước khi kết nối và sau thay đổi thiết kế (minh họa)", "issued_by": "Công an tỉnh Mẫu", "issued": issued, "expires": expires},
		{"criterion": "P06-SEC-25", "document": "Biên bản kết nối Hệ thống giám sát EMC (minh họa)", "issued_by": "Sở Khoa học và Công nghệ tỉnh Mẫu", "issued": issued, "expires": expires},
		{"criterion": "P06-POP-11", "document": "Chính sách tài khoản, truy cập, mật khẩu và thỏa thuận trách nhiệm kết nối CSDLQG về dân cư (minh họa)", "issued_by": "UBND tỉnh Mẫu", "issued": issued, "expires": expires},
	}}
	b, err := json.MarshalIndent(att, "", "  ")
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, "evidence.json")
	return path, writeFileAtomic(path, b)
}

// writeFileAtomic writes data to path through a temporary file in the same directory renamed
// over path, so that a write cut short (a full disk, a killed process) leaves the previous file
// whole rather than a truncated one: `p06 demo --out DIR` rewrites evidence.json in a
// directory the user keeps and passes again to `p06 scan --evidence`.
func writeFileAtomic(path string, data []byte) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			err = fmt.Errorf("writing %s: %w", path, err)
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil { // CreateTemp makes it 0600; the file is not secret
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
