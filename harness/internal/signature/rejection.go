package signature

import (
	"context"
	"errors"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/signtest"
	"github.com/p06kit/p06kit/scoring"
)

// outcome is what the portal did with one signed submission.
type outcome struct {
	c        signtest.Case
	accepted bool
	dossier  string
	message  string
	signers  []string
	err      error
}

// said is what the portal did with the case, as a phrase of the check's message.
func (o outcome) said() msg.Phrase {
	switch {
	case o.err != nil:
		return msg.P(mOutcomeFailed, o.c.Label, o.err)
	case o.accepted && len(o.signers) == 0:
		return msg.P(mOutcomeIgnored, o.c.Label, o.dossier, quote(o.message))
	case o.accepted:
		return msg.P(mOutcomeAccepted, o.c.Label, o.dossier, strings.Join(o.signers, "; "), quote(o.message))
	}
	return msg.P(mOutcomeRefused, o.c.Label, quote(o.message))
}

// String is what the portal did with the case, in English.
func (o outcome) String() string { return o.said().String() }

// P06-SIG-03: tampered, expired, revoked and untrusted signatures are rejected (Circular
// 15/2025/TT-BKHCN: verification checks certificate validity, the trust path and integrity).
// Each bad case differs from a valid control in one way; the control must be accepted, or the
// refusals prove nothing.
func badSignaturesRejected(ctx context.Context, s *check.Session) check.Result {
	pki, err := PKI(s)
	if err != nil {
		return fromError(msg.P(mStepPrepareBad), err)
	}
	d, err := Dossiers(s)
	if err != nil {
		return fromError(msg.P(mStepSubmitSigned), err)
	}
	who := Citizen()
	b, err := s.Login(ctx, who)
	if err != nil {
		return fromError(msg.P(mStepLogin), err)
	}
	base := NewDocument("to-khai-da-ky.pdf")
	submit := func(c signtest.Case) outcome {
		doc := base
		doc.Data, doc.Signature = c.Data, c.Signature
		if c.Signature == nil {
			doc.Name, doc.ContentType = doc.Name+".p7m", "application/pkcs7-mime"
		}
		o := outcome{c: c}
		dos, err := Submit(ctx, d, b, check.DossierRequest{Procedure: Procedure, Documents: []check.Document{doc}})
		if err != nil {
			o.err = err
		} else {
			o.accepted, o.dossier, o.message, o.signers = dos.Accepted, dos.ID, dos.Message, dos.Signers
		}
		return o
	}
	// The bad cases go in the format the portal takes: detached, or attached when it refuses a
	// valid detached signature but takes a valid attached one.
	cases, err := pki.Cases(base.Data, who)
	if err != nil {
		return say(scoring.Error, mPrepareFailed, err)
	}
	control := submit(cases[0])
	attached := false
	if control.err == nil && !control.accepted {
		att, err := pki.AttachedCases(base.Data, who)
		if err != nil {
			return say(scoring.Error, mPrepareFailed, err)
		}
		if c := submit(att[0]); c.err == nil && c.accepted {
			cases, control, attached = att, c, true
		}
	}
	outs := []outcome{control}
	for _, c := range cases[1:] {
		outs = append(outs, submit(c))
		if ctx.Err() != nil {
			return say(scoring.Error, mStopped, len(outs), len(cases), ctx.Err())
		}
	}
	summary := msg.List{Sep: "; "}
	accepted, failedToSubmit := msg.List{Sep: ", "}, msg.List{Sep: ", "}
	var ev []scoring.Evidence
	for _, o := range outs[1:] {
		summary.Items = append(summary.Items, o.said())
		ev = append(ev, scoring.Evidence{}.Noted(msg.Verbatim, o.said()))
		switch {
		case o.err != nil:
			failedToSubmit.Items = append(failedToSubmit.Items, o.c.Label)
		case o.accepted:
			accepted.Items = append(accepted.Items, o.c.Label)
		}
	}
	switch {
	case len(accepted.Items) > 0:
		return say(scoring.Fail, mBadAccepted, len(accepted.Items), len(outs)-1, accepted, summary).
			Saw(msg.P(mGotAccepted, accepted), msg.P(mWantAllRefused)).With(ev...)
	case control.err != nil:
		if errors.Is(control.err, check.ErrNotImplemented) || errors.Is(control.err, check.ErrNoFake) {
			return fromError(msg.P(mStepSubmitControl), control.err)
		}
		return say(scoring.Error, mControlFailed, control.err, summary).With(ev...)
	case !control.accepted:
		return say(scoring.Error, mControlRefused, quote(control.message), summary).
			Saw(msg.P(mGotControlRefused), msg.P(mWantControlAccepted)).With(ev...)
	case len(failedToSubmit.Items) > 0:
		return say(scoring.Error, mNotSubmitted, len(failedToSubmit.Items), failedToSubmit, summary).With(ev...)
	}
	return say(scoring.Pass, mAllRefused, format(attached), summary).With(ev...)
}
