package warehouse_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/probe"
	"github.com/p06kit/p06kit/harness/internal/signature/fakeportal"
	"github.com/p06kit/p06kit/harness/internal/warehouse"
	"github.com/p06kit/p06kit/harness/signtest"
	"github.com/p06kit/p06kit/scoring"
)

func testPKI(t *testing.T) *signtest.PKI { return fakeportal.SharedPKI(t) }

func byID(t *testing.T, id string) check.Check { return fakeportal.Find(t, warehouse.Checks(), id) }

func noWarehouse(a *fakeportal.Adapter) any {
	return fakeportal.NoWarehouse{DossiersOnly: fakeportal.DossiersOnly{A: a}}
}
func dossiersOnly(a *fakeportal.Adapter) any { return fakeportal.DossiersOnly{A: a} }

func runTable(t *testing.T, id string, cases []fakeportal.Case) {
	t.Helper()
	fakeportal.RunCases(t, warehouse.Checks(), id, cases, false)
}

func TestResultStored(t *testing.T) {
	runTable(t, "P06-WH-01", []fakeportal.Case{
		{Name: "stored", Status: scoring.Pass, Msg: []string{"is in the citizen's warehouse", "it names the dossier"}, Vietnamese: []string{"kho dữ liệu"}},
		{Name: "stored without naming the dossier", Defects: fakeportal.Defects{HideDossierOfItem: true}, Status: scoring.Pass,
			Msg: []string{"the one new item", "does not name its dossier"}},
		{Name: "not stored", Defects: fakeportal.Defects{NoWarehouse: true}, Status: scoring.Fail,
			Msg: []string{"has no item for its result", "0 items before, 0 after"}, Vietnamese: []string{"không có kết quả"}, Absent: []string{"see P06-WH-01"}},
		{Name: "no warehouse adapter", Adapter: noWarehouse, Status: scoring.NotTested, Msg: []string{"Warehouse.ListWarehouse"}},
		{Name: "no results adapter", Adapter: dossiersOnly, Status: scoring.NotTested, Msg: []string{"Warehouse.ListWarehouse"}},
	})
}

func TestListed(t *testing.T) {
	runTable(t, "P06-WH-02", []fakeportal.Case{
		{Name: "listed with name and link", Status: scoring.Pass, Msg: []string{"is listed as", "with a link that downloads"}},
		{Name: "link on another host", Defects: fakeportal.Defects{ForeignLinks: true}, Status: scoring.Error,
			Msg: []string{"link on another host", "kho.example.invalid", "allowed hosts"}},
		{Name: "no name nor link", Defects: fakeportal.Defects{NoItemLinks: true}, Status: scoring.Fail,
			Msg: []string{"has no name", "has no download link"}, Vietnamese: []string{"không có tên"}},
		{Name: "nothing stored", Defects: fakeportal.Defects{NoWarehouse: true}, Status: scoring.Fail, Msg: []string{"see P06-WH-01"}},
		{Name: "no warehouse adapter", Adapter: noWarehouse, Status: scoring.NotTested, Msg: []string{"Warehouse.ListWarehouse"}},
	})
}

func TestReused(t *testing.T) {
	runTable(t, "P06-WH-03", []fakeportal.Case{
		{Name: "reuse accepted", Status: scoring.Pass, Msg: []string{"reuses warehouse item", "with no upload", "refused a reference to a nonexistent item"}},
		{Name: "any reference accepted", Defects: fakeportal.Defects{ReuseUnchecked: true}, Status: scoring.Fail,
			Msg: []string{"which does not exist", "does not check what is reused"}, Vietnamese: []string{"không tồn tại"}},
		{Name: "reuse refused", Defects: fakeportal.Defects{RefuseReuse: true}, Status: scoring.Fail,
			Msg: []string{"refused a new dossier that reuses", "Không hỗ trợ sử dụng lại"}, Vietnamese: []string{"cổng từ chối"}},
		{Name: "nothing stored", Defects: fakeportal.Defects{NoWarehouse: true}, Status: scoring.Fail, Msg: []string{"see P06-WH-01"}},
		{Name: "no warehouse adapter", Adapter: noWarehouse, Status: scoring.NotTested, Msg: []string{"Warehouse.ListWarehouse"}},
	})
}

func TestPrivate(t *testing.T) {
	runTable(t, "P06-WH-04", []fakeportal.Case{
		{Name: "only the owner reads", Status: scoring.Pass,
			Msg: []string{"only the owner can read", "by ID through the adapter: refused", "by its URL: refused (status 403)",
				"in their own warehouse list: absent", "by reusing it in a dossier of their own: refused",
				"an anonymous visitor by its URL: refused (status 200 with another page"},
			Vietnamese: []string{"bị từ chối"}},
		{Name: "another citizen reads by ID", Defects: fakeportal.Defects{IDORByID: true}, Status: scoring.Fail,
			Msg: []string{"serves item", "read it by ID through the adapter", "the owner's document"}, Absent: []string{"read it by its URL"}},
		{Name: "another citizen reads by URL", Defects: fakeportal.Defects{IDORByURL: true}, Status: scoring.Fail,
			Msg: []string{"read it by its URL", "status 200"}, Absent: []string{"read it by ID"}},
		{Name: "another citizen's list shows it", Defects: fakeportal.Defects{SharedList: true}, Status: scoring.Fail,
			Msg: []string{"got it in their own warehouse list"}, Absent: []string{"read it"}},
		{Name: "another citizen reuses it", Defects: fakeportal.Defects{ReuseOthers: true}, Status: scoring.Fail,
			Msg: []string{"got it by reusing it in a dossier of their own", "accepted with the item attached"}},
		{Name: "anonymous visitor reads by URL", Defects: fakeportal.Defects{AnonymousByURL: true}, Status: scoring.Fail,
			Msg: []string{"an anonymous visitor read it by its URL"}},
		{Name: "link on another host: not probed", Defects: fakeportal.Defects{ForeignLinks: true}, Status: scoring.Pass,
			Msg: []string{"on another host, not in the allowed hosts, so it was not probed", "by ID through the adapter: refused"}},
		{Name: "no link: only ID probed", Defects: fakeportal.Defects{NoItemLinks: true}, Status: scoring.Pass,
			Msg: []string{"only access by ID was probed"}},
		{Name: "nothing stored", Defects: fakeportal.Defects{NoWarehouse: true}, Status: scoring.Error, Msg: []string{"no warehouse item to probe"}},
		{Name: "no warehouse adapter", Adapter: noWarehouse, Status: scoring.NotTested, Msg: []string{"Warehouse.ListWarehouse"}},
	})
}

func TestPersonalNumbersMasked(t *testing.T) {
	p := testPKI(t)
	portal := fakeportal.New(p, fakeportal.Defects{IDORByID: true})
	defer portal.Close()
	s, err := probe.NewSession(check.Target{BaseURL: portal.URL, Client: portal.Client(), Portal: portal.Adapter(), PKI: p}, check.Config{Active: true})
	require.NoError(t, err)
	r := byID(t, "P06-WH-04").Run(context.Background(), s)
	require.Equal(t, scoring.Fail, r.Status)
	assert.Regexp(t, `\d{3}\*{7}\d{2}`, r.Message, "personal identification numbers are masked")
	assert.NotRegexp(t, `\b\d{12}\b`, r.Message)
}
