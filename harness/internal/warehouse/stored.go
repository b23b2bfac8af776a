package warehouse

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/signature"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/scoring"
)

// P06-WH-01: a completed dossier's result is stored in the citizen's warehouse (Decree
// 107/2021; Decision 766 indicators 4.1 and 4.4).
func resultStored(ctx context.Context, s *check.Session) check.Result {
	st, err := setup(ctx, s)
	if err != nil {
		return check.FromError(msg.P(mStepSetup), err)
	}
	if st.item == nil {
		return st.missing("P06-WH-01")
	}
	how := msg.P(mStoredByDossier)
	if !st.byDossier {
		how = msg.P(mStoredOneNew)
	}
	r := check.Pass(mStored, st.dossier, st.item.ID, st.item.Name, how)
	// The stored item should be the result itself; say so when the adapter lets us compare.
	if res, ok := s.Target().Portal.(check.Results); ok {
		stored, err1 := st.w.FetchWarehouseItem(ctx, st.b, st.item.ID)
		result, err2 := res.FetchResult(ctx, st.b, st.dossier)
		if err1 == nil && err2 == nil && stored != nil && result != nil {
			note := msg.P(mNoteSameContent)
			if !bytes.Equal(stored.Data, result.Data) {
				note = msg.P(mNoteDiffers, len(stored.Data), len(result.Data))
			}
			r = r.With(scoring.Evidence{}.Noted(msg.Verbatim, note))
		}
	}
	return r.With(scoring.Evidence{}.Noted(mNoteItems, len(st.before), len(st.after), itemList(st.after)))
}

// P06-WH-02: the citizen can list the documents in the warehouse, each with a name and a link
// that downloads it.
func listed(ctx context.Context, s *check.Session) check.Result {
	st, err := setup(ctx, s)
	if err != nil {
		return check.FromError(msg.P(mStepSetup), err)
	}
	if st.item == nil {
		return st.missing("P06-WH-02")
	}
	it := st.item
	var problems msg.List
	if strings.TrimSpace(it.Name) == "" {
		problems.Items = append(problems.Items, msg.P(mNoName))
	}
	var ev []scoring.Evidence
	size := 0
	if strings.TrimSpace(it.URL) == "" {
		problems.Items = append(problems.Items, msg.P(mNoLink))
	} else {
		resp, err := get(ctx, s, st.b, it.URL)
		switch {
		case errors.Is(err, errOtherHost) && len(problems.Items) == 0:
			return check.Error(mListedOtherHost, st.dossier, it.Name, check.Redact(it.URL))
		case err != nil:
			problems.Items = append(problems.Items, msg.P(mLinkFails, check.Redact(it.URL), err))
		case !ok2xx(resp) || len(resp.Body) == 0:
			ev = append(ev, resp.Evidence("Content-Type"))
			problems.Items = append(problems.Items, msg.P(mLinkStatus, check.Redact(it.URL), resp.StatusCode, len(resp.Body)))
		default:
			ev = append(ev, resp.Evidence("Content-Type"))
			size = len(resp.Body)
		}
	}
	if len(problems.Items) > 0 {
		return check.Fail(mListedProblems, st.dossier, it.ID, problems).
			Saw(msg.P(mList, problems), msg.P(mListedWant)).
			With(append(ev, scoring.Evidence{}.Noted(mNoteItem, fmt.Sprintf("%+v", *it)))...)
	}
	return check.Pass(mListed, len(st.after), st.dossier, it.Name, size).At(it.URL).With(ev...)
}

// P06-WH-03: a new dossier can reuse a stored document without uploading it again (Decree
// 107/2021; Decision 766 indicator 4.3).
func reused(ctx context.Context, s *check.Session) check.Result {
	st, err := setup(ctx, s)
	if err != nil {
		return check.FromError(msg.P(mStepSetup), err)
	}
	if st.item == nil {
		return st.missing("P06-WH-03")
	}
	dos, err := signature.Submit(ctx, st.d, st.b, check.DossierRequest{Procedure: signature.Procedure, Reuse: []string{st.item.ID}})
	if err != nil {
		return check.FromError(msg.P(mStepReuse, st.item.ID), err)
	}
	if !dos.Accepted {
		return check.Fail(mReuseRefused, st.item.ID, st.item.Name, quote(dos.Message)).
			Saw(msg.P(mReuseRefusedGot, dos.Message), msg.P(mReuseRefusedWant)).
			With(scoring.Evidence{}.Noted(mNoteReuseRequest, signature.Procedure, st.item.ID, dos.Accepted, quote(dos.Message)))
	}
	// A reference to an item that does not exist must be refused, or the acceptance above shows
	// only that the portal ignores the reference.
	bogus := fmt.Sprintf("%s-p06kit-khong-ton-tai-%d", st.item.ID, len(st.after))
	neg, err := signature.Submit(ctx, st.d, st.b, check.DossierRequest{Procedure: signature.Procedure, Reuse: []string{bogus}})
	if err != nil {
		return check.FromError(msg.P(mStepReuseBogus, bogus), err)
	}
	if neg.Accepted {
		return check.Fail(mReuseUnchecked, dos.ID, st.item.ID, neg.ID, bogus).
			Saw(msg.P(mReuseUncheckedGot), msg.P(mReuseUncheckedWant)).
			With(scoring.Evidence{}.Noted(mNoteBogusRequest, bogus, neg.ID, quote(neg.Message)))
	}
	return check.Pass(mReused, dos.ID, st.item.ID, st.item.Name, quote(neg.Message))
}

func itemList(items []check.WarehouseItem) msg.Phrase {
	if len(items) == 0 {
		return msg.P(mNoteNoItems)
	}
	var parts []msg.Phrase
	for i, it := range items {
		if i == 10 {
			parts = append(parts, msg.P(mNoteMoreItems, len(items)-10))
			break
		}
		parts = append(parts, msg.P(msg.Verbatim, fmt.Sprintf("%s %q", it.ID, it.Name)))
	}
	return msg.P(msg.Verbatim, msg.List{Items: parts, Sep: ", "})
}

func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 160 {
		s = string(r[:160]) + "…"
	}
	return fmt.Sprintf("%q", s)
}
