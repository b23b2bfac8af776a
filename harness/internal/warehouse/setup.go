package warehouse

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/signature"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/ident"
	"github.com/p06kit/p06kit/scoring"
)

// state is a citizen whose dossier has been completed, and what the warehouse showed before and
// after the completion.
type state struct {
	who     ident.Person
	b       *check.Browser
	w       check.Warehouse
	d       check.Dossiers
	dossier string
	before  []check.WarehouseItem
	after   []check.WarehouseItem
	// item is the result's item, or nil when none appeared; byDossier says the item named the
	// dossier (otherwise it is the one new item).
	item      *check.WarehouseItem
	byDossier bool
}

// warehouseOf returns the adapter's check.Warehouse, or a *check.NotImplementedError.
func warehouseOf(s *check.Session) (check.Warehouse, error) {
	if w, ok := s.Target().Portal.(check.Warehouse); ok {
		return w, nil
	}
	return nil, &check.NotImplementedError{Method: "Warehouse.ListWarehouse"}
}

// setup logs the citizen in, lists the warehouse, submits and completes a dossier, and lists the
// warehouse again to find the result's item.
func setup(ctx context.Context, s *check.Session) (*state, error) {
	st := &state{who: signature.Citizen()}
	var err error
	if st.w, err = warehouseOf(s); err != nil {
		return nil, err
	}
	if st.d, err = signature.Dossiers(s); err != nil {
		return nil, err
	}
	r, err := signature.Results(s)
	if err != nil {
		return nil, err
	}
	if st.b, err = s.Login(ctx, st.who); err != nil {
		return nil, err
	}
	if st.before, err = st.w.ListWarehouse(ctx, st.b); err != nil {
		return nil, msg.Wrap(msg.P(mStepListBefore), err)
	}
	dos, err := signature.Submit(ctx, st.d, st.b, check.DossierRequest{Procedure: signature.Procedure,
		Documents: []check.Document{signature.NewDocument("to-khai.pdf")}})
	if err != nil {
		return nil, err
	}
	if !dos.Accepted || dos.ID == "" {
		return nil, msg.Error(mPlainRefused, signature.Procedure, dos.Message)
	}
	st.dossier = dos.ID
	if err := r.CompleteDossier(ctx, dos.ID); err != nil {
		return nil, msg.Wrap(msg.P(mStepComplete, dos.ID), err)
	}
	if st.after, err = st.w.ListWarehouse(ctx, st.b); err != nil {
		return nil, msg.Wrap(msg.P(mStepListAfter, dos.ID), err)
	}
	st.find()
	return st, nil
}

func (st *state) find() {
	for i := range st.after {
		if st.after[i].Dossier == st.dossier {
			st.item, st.byDossier = &st.after[i], true
			return
		}
	}
	seen := map[string]bool{}
	for _, it := range st.before {
		seen[it.ID] = true
	}
	var fresh []*check.WarehouseItem
	for i := range st.after {
		if !seen[st.after[i].ID] {
			fresh = append(fresh, &st.after[i])
		}
	}
	for _, it := range fresh {
		if strings.Contains(it.Name, st.dossier) || strings.Contains(it.URL, st.dossier) {
			st.item = it
			return
		}
	}
	if len(fresh) == 1 {
		st.item = fresh[0]
	}
}

// missing is the failure when no item appeared, for the checks that need one.
func (st *state) missing(id string) check.Result {
	return check.Fail(mMissing, st.dossier, len(st.before), len(st.after), seeAlso(id)).
		Saw(msg.P(mMissingGot), msg.P(mMissingWant)).
		With(scoring.Evidence{}.Noted(mNoteBeforeAfter, itemList(st.before), itemList(st.after)))
}

// seeAlso is "" for P06-WH-01 itself, else a pointer to it.
func seeAlso(id string) any {
	if id == "P06-WH-01" {
		return ""
	}
	return msg.P(mSeeWH01)
}

// errOtherHost is returned for a link to a host the session may not visit.
var errOtherHost = msg.Error(mErrOtherHost)

// get fetches ref with browser b through the session's bounds. Links to hosts other than the
// target's and the allowed hosts are not fetched: the harness visits only what it was told to.
func get(ctx context.Context, s *check.Session, b *check.Browser, ref string) (*check.Response, error) {
	abs, err := s.Resolve(ref)
	if err != nil {
		return nil, err
	}
	if u, err := url.Parse(abs); err != nil || !s.InScope(u) {
		return nil, msg.Error(mAtLink, check.Redact(abs), errOtherHost)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, abs, nil)
	if err != nil {
		return nil, err
	}
	return s.Fetch(ctx, b, req)
}

func ok2xx(r *check.Response) bool { return r != nil && r.StatusCode >= 200 && r.StatusCode < 300 }

// person names a citizen in messages without the full identification number.
func person(p ident.Person) string { return fmt.Sprintf("%s (%s)", p.FullName(), check.Redact(p.ID)) }
