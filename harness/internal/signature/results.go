package signature

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/signtest"
	"github.com/p06kit/p06kit/scoring"
)

// P06-SIG-01: electronic results are signed by the agency and the signature verifies against
// the trust list (Decree 45/2020; Circular 15/2025/TT-BKHCN: trust path to the root, signer,
// signing time and integrity).
func resultSigned(ctx context.Context, s *check.Session) check.Result {
	pki, err := PKI(s)
	if err != nil {
		return fromError(msg.P(mStepVerifyResult), err)
	}
	r, err := Results(s)
	if err != nil {
		return fromError(msg.P(mStepFetchResult), err)
	}
	who := Citizen()
	submitted := pki.Now()
	b, id, err := CompletedDossier(ctx, s, who)
	if err != nil {
		return fromError(msg.P(mStepObtainResult), err)
	}
	doc, err := r.FetchResult(ctx, b, id)
	if err != nil {
		return fromError(msg.P(mStepFetchDossierResult, id), err)
	}
	if doc == nil {
		return say(scoring.Error, mNoResultDocument, id)
	}
	if len(doc.Data) == 0 {
		return say(scoring.Fail, mEmptyResult, id).Saw(msg.P(mGotEmpty), msg.P(mWantByAgency))
	}
	result := msg.P(mNoteResult, doc.Name, id, len(doc.Data), sigShape(doc))
	ev := scoring.Evidence{}.Noted(msg.Verbatim, result)
	signed, unsigned, err := VerifyDocument(pki, doc)
	switch {
	case unsigned:
		return say(scoring.Fail, mUnsigned, id, doc.Name).Saw(msg.P(mGotUnsigned), msg.P(mWantTrustedSig)).With(ev)
	case err != nil:
		why := failure{err}
		r := say(scoring.Fail, mNotVerified, id, why)
		if ve := (*signtest.VerifyError)(nil); errors.As(err, &ve) && ve.Signer != nil {
			r = say(scoring.Fail, mNotVerifiedBy, id, ve.Signer.Subject.CommonName, why)
		}
		return r.Saw(msg.P(mGotFailure, why), msg.P(mWantVerifes)).With(ev)
	case signed.Kind != signtest.KindAgency:
		return say(scoring.Fail, mNotAgency, id, signed.Summary(), signed.Kind.Name()).
			Saw(masked(msg.P(mGotSigner, signed.Subject, signed.Kind.Name())), msg.P(mWantAgencyCert)).With(ev)
	}
	// A result signed before its dossier existed was not issued for it: a pre-signed template.
	if !signed.SigningTime.IsZero() && signed.SigningTime.Before(submitted.Add(-maxSkew)) {
		return say(scoring.Fail, mPresigned, id, signed.CommonName, clock(signed.SigningTime), clock(submitted)).
			Saw(msg.P(mGotSignedAt, clock(signed.SigningTime)), msg.P(mWantSignedNow)).With(ev)
	}
	when, after := msg.P(mNoTime), msg.P(mNoTimeToCheck)
	if !signed.SigningTime.IsZero() {
		when, after = msg.P(mAt, clock(signed.SigningTime)), msg.P(mAfterSubmit)
	}
	root := signed.Chain[len(signed.Chain)-1].Subject.CommonName
	format := msg.P(mNotePlainCMS)
	if signed.CAdES {
		format = msg.P(mNoteCAdES)
	}
	stamp := msg.P(mNoteNoTimestamp)
	if !signed.Timestamp.IsZero() && signed.TimestampAuthority != nil {
		stamp = msg.P(mNoteTimestamp, signed.Timestamp.UTC().Format(time.RFC3339), signed.TimestampAuthority.Subject.CommonName)
	}
	ev = ev.Noted(mNoteSigned, result, format, signed.Subject, fmt.Sprint(signed.Hash), stamp)
	return say(scoring.Pass, mResultSigned, id, signed.CommonName, when, root, after).With(ev)
}

// maxSkew is the clock difference tolerated between the harness and the portal.
const maxSkew = 5 * time.Minute

func sigShape(doc *check.Document) msg.Phrase {
	switch {
	case doc.Signature != nil:
		return msg.P(mShapeDetached, len(doc.Signature))
	case signtest.IsSignedData(doc.Data):
		return msg.P(mShapeAttached)
	case signtest.IsSignedPDF(doc.Data):
		return msg.P(mShapePDF)
	}
	return msg.P(mShapeNone)
}
