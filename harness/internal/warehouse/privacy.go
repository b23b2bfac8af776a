package warehouse

import (
	"bytes"
	"context"
	"errors"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/signature"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/scoring"
)

// probe is one attempt by someone other than the owner to read the owner's item.
type probe struct {
	who    msg.Phrase // mWhoCitizen, mWhoAnonymous
	how    msg.Text   // mHowByID, mHowByURL, mHowList, mHowReuse
	leaked bool
	unsure error // the probe could not tell
	seen   any   // what the probe saw: a phrase, or the portal's or adapter's words
}

// phrase says what the probe found.
func (p probe) phrase() msg.Phrase {
	switch {
	case p.leaked && (p.how == mHowByID || p.how == mHowByURL):
		return msg.P(mProbeRead, p.who, msg.P(p.how), p.seen)
	case p.leaked:
		return msg.P(mProbeGot, p.who, msg.P(p.how), p.seen)
	case p.unsure != nil:
		return msg.P(mProbeUnsure, p.who, msg.P(p.how), p.unsure)
	case p.how == mHowList:
		return msg.P(mProbeAbsent, p.who, msg.P(p.how), p.seen)
	}
	return msg.P(mProbeRefused, p.who, msg.P(p.how), p.seen)
}

// P06-WH-04: no citizen can read another citizen's warehouse item — the insecure direct object
// reference test (OWASP ASVS 4.0 V4.2.1) — and no anonymous visitor either.
func private(ctx context.Context, s *check.Session) check.Result {
	st, err := setup(ctx, s)
	if err != nil {
		return check.FromError(msg.P(mStepSetup), err)
	}
	if st.item == nil {
		return check.Error(mPrivateNoItem, st.dossier)
	}
	it := *st.item
	// What the owner sees is the yardstick a leak is measured by.
	owner, err := st.w.FetchWarehouseItem(ctx, st.b, it.ID)
	if err != nil || owner == nil {
		if err == nil {
			err = msg.Error(mErrNoDocument)
		}
		return check.FromError(msg.P(mStepOwnerFetch, it.ID), err)
	}
	var ownerBody []byte
	var ev []scoring.Evidence
	urlNote := msg.P(mLinkNone)
	if it.URL != "" {
		r, err := get(ctx, s, st.b, it.URL)
		switch {
		case errors.Is(err, errOtherHost):
			urlNote = msg.P(mLinkOtherHost, check.Redact(it.URL))
		case err == nil && ok2xx(r) && len(r.Body) > 0:
			ownerBody = r.Body
		default:
			urlNote = msg.P(mLinkBroken)
		}
	}

	other := signature.Other()
	b2, err := s.Login(ctx, other)
	if err != nil {
		return check.FromError(msg.P(mStepSecondLogin), err)
	}
	visitors := []struct {
		b   *check.Browser
		who msg.Phrase
	}{
		{b2, msg.P(mWhoCitizen, person(other))},
		{s.NewBrowser(), msg.P(mWhoAnonymous)},
	}
	var probes []probe
	for _, v := range visitors {
		p := probe{who: v.who, how: mHowByID}
		doc, err := st.w.FetchWarehouseItem(ctx, v.b, it.ID)
		switch {
		case err == nil && doc != nil && len(doc.Data) > 0:
			p.leaked = true
			p.seen = msg.P(mSawBytes, len(doc.Data))
			if bytes.Equal(doc.Data, owner.Data) {
				p.seen = msg.P(mSawOwnerBytes, len(doc.Data))
			}
		case err == nil:
			p.seen = msg.P(mSawEmpty)
		case errors.Is(err, check.ErrRefused), errors.Is(err, check.ErrNotLoggedIn):
			p.seen = msg.P(msg.Verbatim, err) // the adapter's words; a catalogue error in the finding's language
		default:
			p.unsure = err
		}
		probes = append(probes, p)

		if ownerBody == nil {
			continue
		}
		p = probe{who: v.who, how: mHowByURL}
		resp, err := get(ctx, s, v.b, it.URL)
		switch {
		case err != nil:
			p.unsure = err
		case ok2xx(resp) && (bytes.Equal(resp.Body, ownerBody) || (len(owner.Data) > 0 && bytes.Contains(resp.Body, owner.Data))):
			p.leaked = true
			p.seen = msg.P(mSawOwnerURL, check.Redact(resp.URL), resp.StatusCode, len(resp.Body))
			ev = append(ev, resp.Evidence("Content-Type", "Cache-Control"))
		case ok2xx(resp):
			p.seen = msg.P(mSawOtherPage, resp.StatusCode, check.Redact(resp.FinalURL))
		default:
			p.seen = msg.P(mSawStatus, resp.StatusCode)
		}
		probes = append(probes, p)
	}

	// The second citizen's own list must not show the item, nor may a dossier of theirs reuse it.
	p := probe{who: visitors[0].who, how: mHowList}
	if list, err := st.w.ListWarehouse(ctx, b2); err != nil {
		p.unsure = err
	} else {
		p.seen = msg.P(mSawListed, len(list))
		for _, o := range list {
			if o.ID == it.ID {
				p.leaked, p.seen = true, msg.P(mSawListedAs, o.Name)
			}
		}
	}
	probes = append(probes, p)
	p = probe{who: visitors[0].who, how: mHowReuse}
	if dos, err := signature.Submit(ctx, st.d, b2, check.DossierRequest{Procedure: signature.Procedure, Reuse: []string{it.ID}}); err != nil {
		p.unsure = err
	} else if dos.Accepted {
		p.leaked, p.seen = true, msg.P(mSawAccepted, dos.ID)
	} else {
		p.seen = quote(dos.Message)
	}
	probes = append(probes, p)

	var lines, leaks msg.List
	var unsure int
	for _, p := range probes {
		lines.Items = append(lines.Items, p.phrase())
		switch {
		case p.leaked:
			leaks.Items = append(leaks.Items, p.phrase())
		case p.unsure != nil:
			unsure++
		}
	}
	for _, l := range lines.Items {
		ev = append(ev, scoring.Evidence{}.Noted(msg.Verbatim, l))
	}
	whose := person(st.who)
	switch {
	case len(leaks.Items) > 0:
		return check.Fail(mPrivateLeak, it.ID, it.Name, whose, leaks).
			Saw(msg.P(mList, leaks), msg.P(mPrivateWant)).At(it.URL).With(ev...)
	case unsure > 0:
		return check.Error(mPrivateUnsure, it.ID, it.Name, whose, lines).With(ev...)
	}
	var note any = ""
	if ownerBody == nil {
		note = urlNote
	}
	return check.Pass(mPrivate, it.ID, it.Name, whose, lines, note).At(it.URL).With(ev...)
}
