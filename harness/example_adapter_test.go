package harness_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/p06kit/p06kit/harness"
	"github.com/p06kit/p06kit/harness/check"
)

// myAdapter is a minimal adapter: it lets the harness start a dossier on a portal whose form
// lives at /dossier/new?procedure=CODE and shows the pre-filled values in inputs named as the
// portal likes. It implements check.Dossiers only: the checks that need another interface are
// not_tested and name it.
type myAdapter struct{ base string }

func (a myAdapter) StartDossier(ctx context.Context, b *check.Browser, req check.DossierRequest) (*check.Dossier, error) {
	resp, err := b.Client.Get(a.base + "/dossier/new?procedure=" + url.QueryEscape(req.Procedure))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		// A refusal the citizen sees is an outcome, not an error.
		return &check.Dossier{Accepted: false, Message: resp.Status}, nil
	}
	// Read the form (parsing omitted here) and map the portal's field names to the population
	// database's element names the harness compares with the citizen's record.
	return &check.Dossier{Accepted: true, ID: "HS-1", Form: map[string]string{
		"HoVaTen":          "Nguyễn Văn An",
		"SoDinhDanh":       "001090001234",
		"NgayThangNamSinh": "1990-01-15", // yyyymmdd, yyyy-mm-dd or dd/mm/yyyy
		"GioiTinh":         "Nam",
		"ThuongTru":        "Số 1 Tràng Tiền, Phường Tràng Tiền, Quận Hoàn Kiếm, Hà Nội",
	}}, nil
}

func (a myAdapter) SubmitDossier(ctx context.Context, b *check.Browser, d *check.Dossier, req check.DossierRequest) (*check.Dossier, error) {
	d.Status = "submitted"
	return d, nil
}

// An adapter goes in Target.Portal. harness.AdapterReport (which the harness logs at the start of
// a run) says which interfaces it implements and warns about near misses.
func ExampleTarget_adapter() {
	target := harness.Target{BaseURL: "https://portal.example/", Portal: myAdapter{base: "https://portal.example"}}
	found, warnings := harness.AdapterReport(target.Portal)
	fmt.Println("adapter:", strings.Join(found, ", "))
	fmt.Println("warnings:", len(warnings))
	// Output:
	// adapter: Dossiers
	// warnings: 0
}
