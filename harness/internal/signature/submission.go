package signature

import (
	"context"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/signtest"
	"github.com/p06kit/p06kit/scoring"
	"golang.org/x/text/unicode/norm"
)

// P06-SIG-02: a correctly signed submission is accepted and its signer recorded (the "ký số"
// function group of Circular 21/2023 for organisations and individuals).
func submissionAccepted(ctx context.Context, s *check.Session) check.Result {
	pki, err := PKI(s)
	if err != nil {
		return fromError(msg.P(mStepSign), err)
	}
	d, err := Dossiers(s)
	if err != nil {
		return fromError(msg.P(mStepSubmitOne), err)
	}
	who := Citizen()
	id, err := pki.Citizen(who)
	if err != nil {
		return say(scoring.Error, mIssueCert, err)
	}
	b, err := s.Login(ctx, who)
	if err != nil {
		return fromError(msg.P(mStepLogin), err)
	}
	// A detached signature first (a document and its .p7s), then an attached one (a .p7m): a
	// portal may take either.
	base := NewDocument("to-khai-da-ky.pdf")
	var dos *check.Dossier
	var refusals []msg.Phrase
	for _, attached := range []bool{false, true} {
		doc := base
		sig, err := pki.Sign(base.Data, id, signtest.SignOptions{Detached: !attached})
		if err != nil {
			return say(scoring.Error, mSignFailed, err)
		}
		if attached {
			doc.Name, doc.ContentType, doc.Data = doc.Name+".p7m", "application/pkcs7-mime", sig
		} else {
			doc.Signature = sig
		}
		dos, err = Submit(ctx, d, b, check.DossierRequest{Procedure: Procedure, Documents: []check.Document{doc}})
		if err != nil {
			return fromError(msg.P(mStepSubmitOne), err)
		}
		if dos.Accepted {
			break
		}
		refusals = append(refusals, msg.P(mRefusal, format(attached), quote(dos.Message)))
	}
	subject := id.Subject()
	ev := scoring.Evidence{}.Noted(mNoteSubmitted, base.Name, len(base.Data), subject, dos.Accepted, dos.ID, quote(dos.Message), dos.Signers)
	if !dos.Accepted {
		list := msg.List{Items: refusals, Sep: "; "}
		return say(scoring.Fail, mSignedRefus, id.Cert.Subject.CommonName, list).
			Saw(masked(msg.P(mGotRefused, list)), msg.P(mWantRecords)).With(ev)
	}
	if len(dos.Signers) == 0 {
		return say(scoring.Fail, mNoSigner, dos.ID, id.Cert.Subject.CommonName).
			Saw(msg.P(mGotNoSigner), masked(msg.P(mWantSigner, subject))).With(ev)
	}
	for _, sg := range dos.Signers {
		if namesSigner(sg, id) {
			if len(refusals) > 0 {
				return say(scoring.Pass, mRecordedAttached, dos.ID, id.Cert.Subject.CommonName, sg, refusals[0]).With(ev)
			}
			return say(scoring.Pass, mRecorded, dos.ID, id.Cert.Subject.CommonName, sg).With(ev)
		}
	}
	return say(scoring.Fail, mWrongSigner, dos.ID, strings.Join(dos.Signers, "; "), subject).
		GotWant(check.Redact(strings.Join(dos.Signers, "; ")), check.Redact(subject)).With(ev)
}

// namesSigner says whether a recorded signer names the certificate: its subject, its common
// name or its identifier, compared in Unicode NFC and without case.
func namesSigner(recorded string, id *signtest.Identity) bool {
	r := strings.ToLower(norm.NFC.String(recorded))
	for _, want := range []string{id.Subject(), id.Cert.Subject.CommonName, id.Person.ID} {
		if want != "" && strings.Contains(r, strings.ToLower(norm.NFC.String(want))) {
			return true
		}
	}
	return false
}
