// Package popdbtest is a fake of the National Population Database citizen look-up (service 037,
// TraCuuThongTinCongDan) behind the integration gateway, in the style of net/http/httptest. A
// vendor points its portal at it in tests; the harness's population-data checks (P06-POP-*)
// read its audit log and switch its faults.
//
//	gw := popdbtest.NewServer()
//	defer gw.Close()
//	portal := myportal.New(myportal.Config{
//		GatewayURL: gw.Endpoint(),
//		GatewayCAs: gw.CertPool(), // trust the gateway's test CA, and only it
//		Username:   gw.Credentials.Username,
//		Secret:     gw.Credentials.Secret,
//		APIKey:     gw.Credentials.APIKey,
//		Client:     gw.Credentials.Client,
//	})
//	// … drive the portal, then:
//	for _, r := range gw.Requests() {
//		fmt.Println(r.Subject, r.AuthOK, r.Outcome)
//	}
//
// # The service
//
// The gateway serves SOAP 1.1 over HTTPS on 127.0.0.1 at [Server.Endpoint]. A request is an
// Envelope whose Body holds {http://dancuquocgia.bca}TraCuuThongTinCongDan with MaYeuCau, MaDVC,
// MaTichHop (037), MaCanBo, MaDonVi, TaiKhoan, SoDienThoai, SoDinhDanh or SoCMND, HoVaTen and
// NgayThangNamSinh {Nam | NgayThangNam}; the reply's Body holds
// {http://www.mic.gov.vn/dancu/1.0}CongdanCollection with zero or one CongDan (names, sex,
// ethnicity, date of birth, the four addresses, nationality, father, mother, spouse, head of
// household, household book number). These shapes come from public integration code (docs/integration.md
// §10). Citizens are matched on the identifier alone.
//
// # Gateway authentication
//
// Every request must carry the headers Timestamp (epoch milliseconds, within [Server.MaxSkew]
// of the gateway's clock), Authorization "Basic base64(username:sha256hex(url + username +
// timestamp + secret))" where url is the absolute URL requested, X-Road-Client, ApiKey and
// SOAPAction "". [SignRequest] sets them. The signature does not cover the body (that is the
// scheme public integration code shows), so the fake accepts each signature once: a request
// repeating the headers of an accepted one, whatever its body, gets 401 (GW-401-REPLAY); and a
// request ID (MaYeuCau) already answered is refused with a SOAP client fault (DC-400-MAYEUCAU).
// Whether the real gateway does so is NOT FOUND in public sources; the fake is the stricter.
// Missing or wrong credentials get 401, a client not
// allowed the service 403, a request that is not a well-formed look-up 400, and a look-up with
// invalid elements (MaTichHop other than 037, a malformed SoDinhDanh) a SOAP client fault with
// 500, as SOAP 1.1 prescribes. The real gateway's error codes are NOT FOUND in public sources:
// the codes in the faults' detail (GW-401-SIGNATURE, DC-400-SODINHDANH, …) are invented for the
// fake.
//
// # Faults
//
// [Server.Inject] makes the gateway slow, fail with 5xx, hang until the client gives up, answer
// malformed XML, answer "not found", or present a TLS certificate from a CA the portal does not
// trust; [Server.Handshakes] records whether the client refused that certificate.
// [Server.InjectFor] does the same for the look-ups of one citizen only, and
// [Server.RemoveCitizen] makes a citizen unknown.
//
// # Audit log
//
// [Server.Requests] lists every request: when, from where, the credentials presented (never the
// secret), whether authentication passed, the request elements, the identifier looked up, and
// what was answered. The body of a request refused for its credentials is still read and
// recorded, so the log shows whom an unauthenticated client tried to look up. [Server.Mark] and [Server.RequestsSince] read the entries of one step;
// [Server.WaitIdle] waits for requests the client abandoned to be recorded.
//
// # Concurrency
//
// A Server is safe for concurrent use: many portal requests, and tests reading the log, at once.
// Faults and the log belong to the server, so parallel tests should each start their own (it
// costs a few milliseconds: two throwaway CAs and a loopback listener).
//
// # Reference client
//
// [Client], [NewLookup], [MarshalRequest] and [ParseResponse] are a small reference client of
// the service, for tests and examples.
package popdbtest
