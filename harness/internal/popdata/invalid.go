package popdata

import (
	"context"
	"errors"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/popdbtest"
	"github.com/p06kit/p06kit/ident"
)

// invalidCase is a malformed personal identification number a citizen might type.
type invalidCase struct {
	id  string
	why msg.Text
}

// invalidIDs are the identifiers P06-POP-07 types as subjects. Each is rejected by
// ident.ParsePIN (a test asserts it).
var invalidIDs = []invalidCase{
	{"07930500123", mWhy11Digits},
	{"003085123445", mWhyProvince},
	{"07930500123A", mWhyLetter},
	{"0793 0500123", mWhySpace},
}

// judgeInvalid is P06-POP-07: identifiers that are not valid personal identification numbers are
// rejected by the portal before any look-up: none reaches the gateway, and the citizen is told.
func judgeInvalid(ctx context.Context, e *env, b *check.Browser) check.Result {
	sent, accepted := msg.List{Sep: ", "}, msg.List{Sep: ", "}
	var all []popdbtest.Request
	for _, c := range invalidIDs {
		a := e.start(ctx, b, check.DossierRequest{Subjects: []string{c.id}})
		all = append(all, a.entries...)
		if a.err != nil && !errors.Is(a.err, check.ErrRefused) {
			return dossierError(msg.P(mStepStartSubject, ident.Mask(c.id)), a.err)
		}
		for _, r := range a.entries {
			if r.Subject == c.id || r.SoDinhDanh == c.id || r.SoCMND == c.id {
				sent.Items = append(sent.Items, msg.P(mInvalidInRequest, ident.Mask(c.id), msg.P(c.why), r.Seq))
				break
			}
		}
		if a.err == nil && a.dossier.Accepted {
			accepted.Items = append(accepted.Items, msg.P(mInvalidID, ident.Mask(c.id), msg.P(c.why)))
		}
	}
	want := msg.P(mInvalidWant)
	switch {
	case len(sent.Items) > 0:
		return check.Fail(mInvalidSent, sent).
			Saw(msg.P(mInvalidSentGot, sent), want).
			With(evidence(all)...)
	case len(accepted.Items) > 0:
		return check.Fail(mInvalidAccepted, accepted).
			Saw(msg.P(mInvalidAcceptedGot, accepted), want).
			With(evidence(all)...)
	}
	return check.Pass(mInvalidPass, len(invalidIDs)).
		Saw(msg.P(mInvalidPassGot, len(invalidIDs)), want).
		With(evidence(all)...)
}
