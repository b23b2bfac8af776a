package warehouse

import (
	"fmt"
	"testing"

	"github.com/p06kit/p06kit/harness/internal/checktest"
	"github.com/p06kit/p06kit/harness/internal/signature/fakeportal"
	"github.com/p06kit/p06kit/harness/msg"
)

// Each finding is the catalogue message the case calls for, with the values that tell the cases
// apart (how the item was found, what is wrong with it, what a probe saw): the words of those
// messages are the catalogue's, tested in harness.TestMessagesReadInTheirLanguage.
func TestFindingsAreCatalogueMessages(t *testing.T) {
	p := func(t msg.Text, args ...any) string { return fmt.Sprint(msg.P(t, args...)) }
	for _, c := range []struct {
		name, id string
		d        fakeportal.Defects
		m        msg.Text
		arg      int    // the value to look at (-1: none)
		want     string // that value as %v prints it
	}{
		{"stored", "P06-WH-01", fakeportal.Defects{}, mStored, 3, p(mStoredByDossier)},
		{"stored, dossier unnamed", "P06-WH-01", fakeportal.Defects{HideDossierOfItem: true}, mStored, 3, p(mStoredOneNew)},
		{"not stored", "P06-WH-01", fakeportal.Defects{NoWarehouse: true}, mMissing, 3, ""},
		{"listed", "P06-WH-02", fakeportal.Defects{}, mListed, 0, "1"},
		{"link on another host", "P06-WH-02", fakeportal.Defects{ForeignLinks: true}, mListedOtherHost, 2, "http://kho.example.invalid/kho/KHO-000002"},
		{"no name nor link", "P06-WH-02", fakeportal.Defects{NoItemLinks: true}, mListedProblems, 2, p(mNoName) + "; " + p(mNoLink)},
		{"not stored, see WH-01", "P06-WH-02", fakeportal.Defects{NoWarehouse: true}, mMissing, 3, p(mSeeWH01)},
		{"reused", "P06-WH-03", fakeportal.Defects{}, mReused, -1, ""},
		{"reuse unchecked", "P06-WH-03", fakeportal.Defects{ReuseUnchecked: true}, mReuseUnchecked, -1, ""},
		{"reuse refused", "P06-WH-03", fakeportal.Defects{RefuseReuse: true}, mReuseRefused, -1, ""},
		{"private", "P06-WH-04", fakeportal.Defects{}, mPrivate, 4, ""},
		{"private, no link", "P06-WH-04", fakeportal.Defects{NoItemLinks: true}, mPrivate, 4, p(mLinkNone)},
		{"private, link on another host", "P06-WH-04", fakeportal.Defects{ForeignLinks: true}, mPrivate, 4, p(mLinkOtherHost, "http://kho.example.invalid/kho/KHO-000002")},
		{"read by ID", "P06-WH-04", fakeportal.Defects{IDORByID: true}, mPrivateLeak, -1, ""},
		{"nothing to probe", "P06-WH-04", fakeportal.Defects{NoWarehouse: true}, mPrivateNoItem, -1, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := fakeportal.Run(t, Checks(), c.id, c.d, nil, false)
			checktest.Says(t, r, c.m)
			if c.arg >= 0 && (c.arg >= len(r.Args) || fmt.Sprint(r.Args[c.arg]) != c.want) {
				t.Errorf("value %d of %v, want %q", c.arg, r.Args, c.want)
			}
		})
	}
}

// A probe that leaks says who read the item, how and what they got, in both languages.
func TestLeakNamesProbe(t *testing.T) {
	r := fakeportal.Run(t, Checks(), "P06-WH-04", fakeportal.Defects{AnonymousByURL: true}, nil, false)
	checktest.Says(t, r, mPrivateLeak)
	leaks, ok := r.Args[3].(msg.List)
	if !ok || len(leaks.Items) != 1 {
		t.Fatalf("leaks %#v", r.Args[3])
	}
	leak := leaks.Items[0]
	if leak.Text != mProbeRead || fmt.Sprint(leak.Args[0]) != p0(mWhoAnonymous) || fmt.Sprint(leak.Args[1]) != p0(mHowByURL) {
		t.Errorf("leak %v", leak)
	}
	checktest.Contains(t, r.MessageVI, "khách chưa đăng nhập đọc được mục theo đường dẫn")
}

func p0(t msg.Text) string { return msg.P(t).String() }

// Without the warehouse adapter the finding names its step in the report's language.
func TestStepInVietnamese(t *testing.T) {
	noWarehouse := func(a *fakeportal.Adapter) any {
		return fakeportal.NoWarehouse{DossiersOnly: fakeportal.DossiersOnly{A: a}}
	}
	for _, c := range Checks() {
		r := fakeportal.Run(t, Checks(), c.ID, fakeportal.Defects{}, noWarehouse, false)
		checktest.SaysStep(t, r, mStepSetup)
	}
}
