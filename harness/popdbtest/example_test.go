package popdbtest_test

import (
	"context"
	"fmt"

	"github.com/p06kit/p06kit/harness/popdbtest"
	"github.com/p06kit/p06kit/ident"
)

// A portal's test points the portal at the fake gateway; here the reference client plays the
// portal.
func ExampleServer() {
	gw := popdbtest.NewServer()
	defer gw.Close()

	citizen := ident.DefaultPeople()[0]
	c := gw.LookupClient() // trusts the gateway's test CA, signs with its credentials
	rec, err := c.Lookup(context.Background(), popdbtest.LookupRequest{
		MaDVC: "VPCP", MaCanBo: "001085123445", MaDonVi: "000.00.00.H00", SoDinhDanh: citizen.ID,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rec.HoVaTen.String() == citizen.FullName())
	for _, r := range gw.Requests() {
		fmt.Println(r.Operation, r.MaTichHop, ident.Mask(r.Subject), r.AuthOK, r.Outcome)
	}
	// Output:
	// true
	// TraCuuThongTinCongDan 037 062*******89 true found
}

// Faults make the gateway misbehave for a test; the audit log says what the portal got.
func ExampleServer_Inject() {
	gw := popdbtest.NewServer()
	defer gw.Close()
	restore := gw.Inject(popdbtest.Faults{Status: 503, Times: 1})
	defer restore()

	c := gw.LookupClient()
	req := popdbtest.LookupRequest{MaDVC: "VPCP", MaCanBo: "001085123445", MaDonVi: "H00", SoDinhDanh: ident.DefaultPeople()[1].ID}
	_, err := c.Lookup(context.Background(), req)
	fmt.Println(err)
	_, err = c.Lookup(context.Background(), req) // the fault applied once
	fmt.Println(err)
	for _, r := range gw.Requests() {
		fmt.Println(r.Seq, r.Status, r.Outcome, r.Injected)
	}
	// Output:
	// gateway answered HTTP 503: SOAP fault soap:Server: population database unavailable (DC-5XX-INJECTED)
	// <nil>
	// 1 503 server_error status=503
	// 2 200 found
}

// The Authorization value, checked independently with sha256sum and base64 in a shell.
func ExampleSign() {
	fmt.Println(popdbtest.Sign("https://gw.example/dancu/037", "dvc-portal", "1700000000000", "secret"))
	// Output: Basic ZHZjLXBvcnRhbDozMmM5ODU3YWNmZjQ1MzFhMjQ5NmM1MzgxYWFlMWVmY2E4NTAxMGYwYTlkMmI5MjgyZWRlYTk1ZjVlZDM5NjFi
}
