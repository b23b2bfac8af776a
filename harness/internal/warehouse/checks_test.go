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

type tc struct {
	name    string
	defects fakeportal.Defects
	adapter func(*fakeportal.Adapter) any
	status  scoring.Status
	msg     []string
	msgVI   []string
	absent  []string // substrings the message must not contain
}

func runTable(t *testing.T, id string, cases []tc) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := fakeportal.Run(t, warehouse.Checks(), id, c.defects, c.adapter, false)
			t.Logf("%s: %s\n%s", r.Status, r.Message, r.MessageVI)
			assert.Equal(t, c.status, r.Status, "message: %s", r.Message)
			for _, m := range c.msg {
				assert.Contains(t, r.Message, m)
			}
			for _, m := range c.msgVI {
				assert.Contains(t, r.MessageVI, m)
			}
			if c.status == scoring.Fail {
				assert.NotEmpty(t, r.Evidence, "a failure shows what was seen")
			}
			for _, m := range c.absent {
				assert.NotContains(t, r.Message, m)
			}
		})
	}
}

func noWarehouse(a *fakeportal.Adapter) any {
	return fakeportal.NoWarehouse{DossiersOnly: fakeportal.DossiersOnly{A: a}}
}
func dossiersOnly(a *fakeportal.Adapter) any { return fakeportal.DossiersOnly{A: a} }

func TestResultStored(t *testing.T) {
	runTable(t, "P06-WH-01", []tc{
		{name: "stored", status: scoring.Pass, msg: []string{"is in the citizen's warehouse", "it names the dossier"}, msgVI: []string{"kho dữ liệu"}},
		{name: "stored without naming the dossier", defects: fakeportal.Defects{HideDossierOfItem: true}, status: scoring.Pass,
			msg: []string{"the one new item", "does not name its dossier"}},
		{name: "not stored", defects: fakeportal.Defects{NoWarehouse: true}, status: scoring.Fail,
			msg: []string{"has no item for its result", "0 items before, 0 after"}, msgVI: []string{"không có kết quả"}, absent: []string{"see P06-WH-01"}},
		{name: "no warehouse adapter", adapter: noWarehouse, status: scoring.NotTested, msg: []string{"Warehouse.ListWarehouse"}},
		{name: "no results adapter", adapter: dossiersOnly, status: scoring.NotTested, msg: []string{"Warehouse.ListWarehouse"}},
	})
}

func TestListed(t *testing.T) {
	runTable(t, "P06-WH-02", []tc{
		{name: "listed with name and link", status: scoring.Pass, msg: []string{"is listed as", "with a link that downloads"}},
		{name: "link on another host", defects: fakeportal.Defects{ForeignLinks: true}, status: scoring.Error,
			msg: []string{"link on another host", "kho.example.invalid", "allowed hosts"}},
		{name: "no name nor link", defects: fakeportal.Defects{NoItemLinks: true}, status: scoring.Fail,
			msg: []string{"has no name", "has no download link"}, msgVI: []string{"không có tên"}},
		{name: "nothing stored", defects: fakeportal.Defects{NoWarehouse: true}, status: scoring.Fail, msg: []string{"see P06-WH-01"}},
		{name: "no warehouse adapter", adapter: noWarehouse, status: scoring.NotTested, msg: []string{"Warehouse.ListWarehouse"}},
	})
}

func TestReused(t *testing.T) {
	runTable(t, "P06-WH-03", []tc{
		{name: "reuse accepted", status: scoring.Pass, msg: []string{"reuses warehouse item", "with no upload", "refused a reference to a nonexistent item"}},
		{name: "any reference accepted", defects: fakeportal.Defects{ReuseUnchecked: true}, status: scoring.Fail,
			msg: []string{"which does not exist", "does not check what is reused"}, msgVI: []string{"không tồn tại"}},
		{name: "reuse refused", defects: fakeportal.Defects{RefuseReuse: true}, status: scoring.Fail,
			msg: []string{"refused a new dossier that reuses", "Không hỗ trợ sử dụng lại"}, msgVI: []string{"cổng từ chối"}},
		{name: "nothing stored", defects: fakeportal.Defects{NoWarehouse: true}, status: scoring.Fail, msg: []string{"see P06-WH-01"}},
		{name: "no warehouse adapter", adapter: noWarehouse, status: scoring.NotTested, msg: []string{"Warehouse.ListWarehouse"}},
	})
}

func TestPrivate(t *testing.T) {
	runTable(t, "P06-WH-04", []tc{
		{name: "only the owner reads", status: scoring.Pass,
			msg: []string{"only the owner can read", "by ID through the adapter: refused", "by its URL: refused (status 403)",
				"in their own warehouse list: absent", "by reusing it in a dossier of their own: refused",
				"an anonymous visitor by its URL: refused (status 200 with another page"},
			msgVI: []string{"bị từ chối"}},
		{name: "another citizen reads by ID", defects: fakeportal.Defects{IDORByID: true}, status: scoring.Fail,
			msg: []string{"serves item", "read it by ID through the adapter", "the owner's document"}, absent: []string{"read it by its URL"}},
		{name: "another citizen reads by URL", defects: fakeportal.Defects{IDORByURL: true}, status: scoring.Fail,
			msg: []string{"read it by its URL", "status 200"}, absent: []string{"read it by ID"}},
		{name: "another citizen's list shows it", defects: fakeportal.Defects{SharedList: true}, status: scoring.Fail,
			msg: []string{"got it in their own warehouse list"}, absent: []string{"read it"}},
		{name: "another citizen reuses it", defects: fakeportal.Defects{ReuseOthers: true}, status: scoring.Fail,
			msg: []string{"got it by reusing it in a dossier of their own", "accepted with the item attached"}},
		{name: "anonymous visitor reads by URL", defects: fakeportal.Defects{AnonymousByURL: true}, status: scoring.Fail,
			msg: []string{"an anonymous visitor read it by its URL"}},
		{name: "link on another host: not probed", defects: fakeportal.Defects{ForeignLinks: true}, status: scoring.Pass,
			msg: []string{"on another host, not in the allowed hosts, so it was not probed", "by ID through the adapter: refused"}},
		{name: "no link: only ID probed", defects: fakeportal.Defects{NoItemLinks: true}, status: scoring.Pass,
			msg: []string{"only access by ID was probed"}},
		{name: "nothing stored", defects: fakeportal.Defects{NoWarehouse: true}, status: scoring.Error, msg: []string{"no warehouse item to probe"}},
		{name: "no warehouse adapter", adapter: noWarehouse, status: scoring.NotTested, msg: []string{"Warehouse.ListWarehouse"}},
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
