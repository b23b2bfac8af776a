package signature

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/signtest"
	"github.com/p06kit/p06kit/scoring"
)

// P06-SIG-01: electronic results are signed by the agency and the signature verifies against
// the trust list (Decree 45/2020; Circular 15/2025/TT-BKHCN: trust path to the root, signer,
// signing time and integrity).
func resultSigned(ctx context.Context, s *check.Session) check.Result {
	pki, err := PKI(s)
	if err != nil {
		return check.FromError("verifying a signed result", err)
	}
	r, err := Results(s)
	if err != nil {
		return check.FromError("fetching an electronic result", err)
	}
	who := Citizen()
	submitted := pki.Now()
	b, id, err := CompletedDossier(ctx, s, who)
	if err != nil {
		return check.FromError("obtaining an electronic result", err)
	}
	doc, err := r.FetchResult(ctx, b, id)
	if err != nil {
		return check.FromError(fmt.Sprintf("fetching the result of dossier %s", id), err)
	}
	if doc == nil {
		return check.Errorf("fetching the result of dossier %s: the adapter's Results.FetchResult returned neither a document nor an error", id).
			VI("không lấy được kết quả của hồ sơ %s: bộ tiếp hợp không trả về tài liệu", id)
	}
	if len(doc.Data) == 0 {
		return check.Failf("the result of dossier %s is empty", id).
			VI("kết quả của hồ sơ %s rỗng", id).GotWant("an empty result", "a result signed by the agency")
	}
	ev := scoring.Evidence{Note: fmt.Sprintf("result %q of dossier %s: %d bytes, %s", doc.Name, id, len(doc.Data), sigShape(doc))}
	signed, unsigned, err := VerifyDocument(pki, doc)
	switch {
	case unsigned:
		return check.Failf("the electronic result of dossier %s (%q) carries no digital signature: neither a detached CMS signature, a signed CMS file nor a signed PDF", id, doc.Name).
			VI("kết quả điện tử của hồ sơ %s (%q) không có chữ ký số", id, doc.Name).
			GotWant("an unsigned result", "a result signed by the agency with a certificate that chains to the trust list").With(ev)
	case err != nil:
		var ve *signtest.VerifyError
		signer, signerVI := "", ""
		if errors.As(err, &ve) && ve.Signer != nil {
			signer = fmt.Sprintf(" (signer %q)", ve.Signer.Subject.CommonName)
			signerVI = fmt.Sprintf(" (người ký %q)", ve.Signer.Subject.CommonName)
		}
		return check.Failf("the signature of the result of dossier %s does not verify against the trust list%s: %v", id, signer, err).
			VI("chữ ký số trên kết quả của hồ sơ %s không hợp lệ%s: %s", id, signerVI, signtest.ReasonVI(err)).
			GotWant(err.Error(), "a signature that verifies against the trust list").With(ev)
	case signed.Kind != signtest.KindAgency:
		return check.Failf("the result of dossier %s is %s: a %s certificate, not an agency's", id, signed, signed.Kind).
			VI("kết quả của hồ sơ %s được %s — chứng thư của %s, không phải của cơ quan nhà nước", id, signed.StringVI(), signed.Kind.VI()).
			GotWant(fmt.Sprintf("signer %q (%s)", signed.Subject, signed.Kind), "a signer certificate issued to an agency").With(ev)
	}
	// A result signed before its dossier existed was not issued for it: a pre-signed template.
	if !signed.SigningTime.IsZero() && signed.SigningTime.Before(submitted.Add(-maxSkew)) {
		return check.Failf("the result of dossier %s is signed by %q at %s, before the dossier was submitted (%s): it was not signed for this dossier",
			id, signed.CommonName, signed.SigningTime.UTC().Format(time.RFC3339), submitted.UTC().Format(time.RFC3339)).
			VI("kết quả của hồ sơ %s được ký lúc %s, trước khi hồ sơ được nộp: không phải được ký cho hồ sơ này", id,
				signed.SigningTime.In(time.FixedZone("ICT", 7*3600)).Format("15:04 02/01/2006")).
			GotWant("signed "+signed.SigningTime.UTC().Format(time.RFC3339), "signed when the dossier is completed").With(ev)
	}
	when := "without a signing time"
	whenVI := "không có thời điểm ký"
	after := " (no signing time to show it was signed for this dossier)"
	if !signed.SigningTime.IsZero() {
		after = ", signed after the dossier was submitted"
		when = "at " + signed.SigningTime.UTC().Format(time.RFC3339)
		whenVI = "lúc " + signed.SigningTime.In(time.FixedZone("ICT", 7*3600)).Format("15:04 02/01/2006")
	}
	root := signed.Chain[len(signed.Chain)-1].Subject.CommonName
	format := "plain CMS: no signing-certificate attribute, so not CAdES-BES (Circular 15/2025/TT-BKHCN recommends CAdES/PAdES)"
	if signed.CAdES {
		format = "CAdES-BES (signing-certificate attribute present and matching)"
	}
	ev.Note += "; " + format + fmt.Sprintf("; signer %s; hash %v", signed.Subject, signed.Hash)
	if !signed.Timestamp.IsZero() && signed.TimestampAuthority != nil {
		ev.Note += fmt.Sprintf("; time-stamped at %s by %q (CAdES-T)", signed.Timestamp.UTC().Format(time.RFC3339), signed.TimestampAuthority.Subject.CommonName)
	} else {
		ev.Note += "; no time-stamp (Circular 15/2025/TT-BKHCN asks signing software to support them)"
	}
	return check.Passf("the result of dossier %s is signed by the agency %q %s; the chain to %q verifies, no certificate is revoked and the content is intact%s",
		id, signed.CommonName, when, root, after).
		VI("kết quả của hồ sơ %s được cơ quan %q ký %s; chuỗi chứng thư tới %q hợp lệ, không bị thu hồi, nội dung toàn vẹn", id, signed.CommonName, whenVI, root).
		With(ev)
}

// maxSkew is the clock difference tolerated between the harness and the portal.
const maxSkew = 5 * time.Minute

func sigShape(doc *check.Document) string {
	switch {
	case doc.Signature != nil:
		return fmt.Sprintf("detached signature of %d bytes", len(doc.Signature))
	case signtest.IsSignedData(doc.Data):
		return "attached CMS signature"
	case signtest.IsSignedPDF(doc.Data):
		return "signed PDF"
	}
	return "no signature"
}
