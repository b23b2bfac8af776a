package signature

import (
	"context"
	"fmt"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/signtest"
	"github.com/p06kit/p06kit/scoring"
	"golang.org/x/text/unicode/norm"
)

// P06-SIG-02: a correctly signed submission is accepted and its signer recorded (the "ký số"
// function group of Circular 21/2023 for organisations and individuals).
func submissionAccepted(ctx context.Context, s *check.Session) check.Result {
	pki, err := PKI(s)
	if err != nil {
		return check.FromError("signing a submission", err)
	}
	d, err := Dossiers(s)
	if err != nil {
		return check.FromError("submitting a signed document", err)
	}
	who := Citizen()
	id, err := pki.Citizen(who)
	if err != nil {
		return check.Errorf("issuing the citizen's test certificate: %v", err)
	}
	b, err := s.Login(ctx, who)
	if err != nil {
		return check.FromError("logging in as the citizen", err)
	}
	// A detached signature first (a document and its .p7s), then an attached one (a .p7m): a
	// portal may take either.
	base := NewDocument("to-khai-da-ky.pdf")
	var dos *check.Dossier
	var refusals []string
	for _, attached := range []bool{false, true} {
		doc := base
		sig, err := pki.Sign(base.Data, id, signtest.SignOptions{Detached: !attached})
		if err != nil {
			return check.Errorf("signing the test document: %v", err)
		}
		if attached {
			doc.Name, doc.ContentType, doc.Data = doc.Name+".p7m", "application/pkcs7-mime", sig
		} else {
			doc.Signature = sig
		}
		dos, err = Submit(ctx, d, b, check.DossierRequest{Procedure: Procedure, Documents: []check.Document{doc}})
		if err != nil {
			return check.FromError("submitting a signed document", err)
		}
		if dos.Accepted {
			break
		}
		refusals = append(refusals, fmt.Sprintf("%s: %s", format(attached), quote(dos.Message)))
	}
	subject := id.Subject()
	ev := scoring.Evidence{Note: fmt.Sprintf("submitted %q (%d bytes) signed by %s; the portal replied: accepted %v, dossier %q, message %s, signers %q",
		base.Name, len(base.Data), subject, dos.Accepted, dos.ID, quote(dos.Message), dos.Signers)}
	if !dos.Accepted {
		return check.Failf("the portal refused a document correctly signed by %q with a certificate of the trust list, detached and attached: %s", id.Cert.Subject.CommonName, strings.Join(refusals, "; ")).
			VI("cổng từ chối tài liệu được %q ký số hợp lệ bằng chứng thư thuộc danh sách tin cậy (cả dạng tách rời và đóng gói): %s", id.Cert.Subject.CommonName, strings.Join(refusals, "; ")).
			GotWant("refused: "+strings.Join(refusals, "; "), "accepted, with the signer recorded").With(ev)
	}
	if len(dos.Signers) == 0 {
		return check.Failf("the portal accepted dossier %s with a document signed by %q but recorded no signer", dos.ID, id.Cert.Subject.CommonName).
			VI("cổng tiếp nhận hồ sơ %s có tài liệu do %q ký nhưng không ghi nhận người ký", dos.ID, id.Cert.Subject.CommonName).
			GotWant("no signer recorded", "the signer "+subject).With(ev)
	}
	for _, sg := range dos.Signers {
		if namesSigner(sg, id) {
			note := ""
			if len(refusals) > 0 {
				note = fmt.Sprintf(" (as an attached signature (.p7m), after refusing the %s)", refusals[0])
			}
			return check.Passf("the portal accepted dossier %s with a document signed by %q and recorded the signer %q%s", dos.ID, id.Cert.Subject.CommonName, sg, note).
				VI("cổng tiếp nhận hồ sơ %s có tài liệu do %q ký số và ghi nhận người ký %q", dos.ID, id.Cert.Subject.CommonName, sg).With(ev)
		}
	}
	return check.Failf("the portal accepted dossier %s but the signers it recorded (%s) do not name the certificate subject %q", dos.ID, strings.Join(dos.Signers, "; "), subject).
		VI("cổng tiếp nhận hồ sơ %s nhưng người ký được ghi nhận (%s) không phải chủ thể chứng thư %q", dos.ID, strings.Join(dos.Signers, "; "), subject).
		GotWant(strings.Join(dos.Signers, "; "), subject).With(ev)
}

// format names a signature format in messages.
func format(attached bool) string {
	if attached {
		return "attached signature (.p7m)"
	}
	return "detached signature (.p7s)"
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
