package signature_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/checktest"
	"github.com/p06kit/p06kit/harness/internal/signature"
	"github.com/p06kit/p06kit/harness/internal/signature/fakeportal"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/signtest"
	"github.com/p06kit/p06kit/scoring"
)

func dossiersOnly(a *fakeportal.Adapter) any { return fakeportal.DossiersOnly{A: a} }
func nothing(*fakeportal.Adapter) any        { return struct{}{} }

func runTable(t *testing.T, id string, cases []fakeportal.Case) {
	t.Helper()
	fakeportal.RunCases(t, signature.Checks(), id, cases, id == "P06-SIG-01")
}

func TestResultSigned(t *testing.T) {
	runTable(t, "P06-SIG-01", []fakeportal.Case{
		{Name: "agency signs results", Status: scoring.Pass, Says: signature.MsgResultSigned,
			Msg: []string{signtest.AgencyName, "signed after the dossier was submitted"}, Vietnamese: []string{signtest.AgencyName, "được ký sau khi hồ sơ được nộp"},
			Evidence: []string{"CAdES-BES", "time-stamped at", "detached signature"}},
		{Name: "agency signs PDF results", Defects: fakeportal.Defects{PDFResults: true}, Status: scoring.Pass, Says: signature.MsgResultSigned,
			Msg: []string{signtest.AgencyName}, Evidence: []string{"signed PDF", "no time-stamp"}},
		{Name: "PDF result changed after signing", Defects: fakeportal.Defects{PDFResults: true, TamperedResults: true}, Status: scoring.Fail,
			Says: signature.MsgNotVerifiedBy, Msg: []string{"PDF signature 1", "tampered"}, Vietnamese: []string{"nội dung đã bị thay đổi sau khi ký"}},
		{Name: "PDF result signed by a citizen", Defects: fakeportal.Defects{PDFResults: true, CitizenSignsResults: true}, Status: scoring.Fail,
			Says: signature.MsgNotAgency, Msg: []string{"citizen"}, Vietnamese: []string{"cá nhân"}},
		{Name: "pre-signed result", Defects: fakeportal.Defects{PresignedResults: true}, Status: scoring.Fail, Says: signature.MsgPresigned},
		{Name: "unsigned results", Defects: fakeportal.Defects{UnsignedResults: true}, Status: scoring.Fail, Says: signature.MsgUnsigned},
		{Name: "citizen signs results", Defects: fakeportal.Defects{CitizenSignsResults: true}, Status: scoring.Fail,
			Says: signature.MsgNotAgency, Msg: []string{"citizen certificate"}, Vietnamese: []string{"chứng thư của cá nhân"}},
		{Name: "untrusted signer", Defects: fakeportal.Defects{UntrustedResults: true}, Status: scoring.Fail,
			Says: signature.MsgNotVerifiedBy, Msg: []string{"not trusted"}, Vietnamese: []string{"không thuộc danh sách tin cậy"}},
		{Name: "result changed after signing", Defects: fakeportal.Defects{TamperedResults: true}, Status: scoring.Fail,
			Says: signature.MsgNotVerifiedBy, Msg: []string{"tampered"}, Vietnamese: []string{"bị thay đổi"}},
		{Name: "no results adapter", Adapter: dossiersOnly, Status: scoring.NotTested, Msg: []string{"Results.CompleteDossier"}},
		{Name: "no PKI", NoPKI: true, Status: scoring.NotTested, Msg: []string{"Target.PKI"}},
	})
}

func TestSubmissionAccepted(t *testing.T) {
	runTable(t, "P06-SIG-02", []fakeportal.Case{
		{Name: "accepted and recorded", Status: scoring.Pass, Says: signature.MsgRecorded, Msg: []string{"CCCD:" + check.Redact(signature.Citizen().ID)},
			Vietnamese: []string{"CCCD:" + check.Redact(signature.Citizen().ID)}},
		{Name: "attached signatures only", Defects: fakeportal.Defects{AttachedOnly: true}, Status: scoring.Pass, Says: signature.MsgRecordedAttached,
			Msg: []string{"after refusing the detached signature", "Chỉ nhận tệp ký số dạng đóng gói"}, Vietnamese: []string{"sau khi từ chối chữ ký tách rời (.p7s)"}},
		{Name: "signed documents refused", Defects: fakeportal.Defects{RefuseSigned: true}, Status: scoring.Fail, Says: signature.MsgSignedRefused,
			Msg: []string{"detached signature (.p7s): ", "attached signature (.p7m): ", "không nhận tài liệu có chữ ký số"}},
		{Name: "signer not recorded", Defects: fakeportal.Defects{NoSignerRecord: true}, Status: scoring.Fail, Says: signature.MsgNoSigner},
		{Name: "signer recorded wrongly", Defects: fakeportal.Defects{NoVerification: true}, Status: scoring.Fail, Says: signature.MsgWrongSigner,
			Msg: []string{"(không kiểm tra)"}},
		{Name: "no dossiers adapter", Adapter: nothing, Status: scoring.NotTested, Msg: []string{"Dossiers.StartDossier"}},
		{Name: "no PKI", NoPKI: true, Status: scoring.NotTested, Msg: []string{"Target.PKI"}},
	})
}

func TestBadSignaturesRejected(t *testing.T) {
	runTable(t, "P06-SIG-03", []fakeportal.Case{
		{Name: "every bad case refused", Status: scoring.Pass, Says: signature.MsgAllRefused,
			Msg: []string{"(detached signature (.p7s))", "tampered document: refused", "expired certificate: refused",
				"revoked certificate: refused", "untrusted issuer: refused", "tampered signature: refused"},
			Vietnamese: []string{"chứng thư bị thu hồi: bị từ chối", "tài liệu bị sửa sau khi ký: bị từ chối"}},
		{Name: "attached only, every bad case refused", Defects: fakeportal.Defects{AttachedOnly: true}, Status: scoring.Pass, Says: signature.MsgAllRefused,
			Msg: []string{"(attached signature (.p7m))", "tampered document: refused", "untrusted issuer: refused"}},
		{Name: "attached only, tampered accepted", Defects: fakeportal.Defects{AttachedOnly: true, AcceptTampered: true}, Status: scoring.Fail,
			Says: signature.MsgBadAccepted, Msg: []string{"tampered document: ACCEPTED", "expired certificate: refused"}},
		{Name: "tampered document accepted", Defects: fakeportal.Defects{AcceptTampered: true}, Status: scoring.Fail, Says: signature.MsgBadAccepted,
			Msg: []string{"accepted 2 of 5", "tampered document: ACCEPTED as dossier HS-", "tampered signature: ACCEPTED", "expired certificate: refused"}},
		{Name: "expired accepted", Defects: fakeportal.Defects{AcceptExpired: true}, Status: scoring.Fail, Says: signature.MsgBadAccepted,
			Msg:        []string{"accepted 1 of 5", "expired certificate: ACCEPTED as dossier HS-000002, signer \"UID=CCCD:", "revoked certificate: refused"},
			Vietnamese: []string{"chứng thư hết hạn: ĐƯỢC TIẾP NHẬN thành hồ sơ HS-000002"}},
		{Name: "revoked accepted", Defects: fakeportal.Defects{AcceptRevoked: true}, Status: scoring.Fail, Says: signature.MsgBadAccepted,
			Msg: []string{"revoked certificate: ACCEPTED"}},
		{Name: "untrusted accepted", Defects: fakeportal.Defects{AcceptUntrusted: true}, Status: scoring.Fail, Says: signature.MsgBadAccepted,
			Msg: []string{"untrusted issuer: ACCEPTED"}},
		{Name: "bad signatures ignored", Defects: fakeportal.Defects{IgnoreBadSigs: true}, Status: scoring.Fail, Says: signature.MsgBadAccepted,
			Msg: []string{"accepted 5 of 5", "with no signer recorded: the signature was ignored, not refused"}},
		{Name: "no verification", Defects: fakeportal.Defects{NoVerification: true}, Status: scoring.Fail, Says: signature.MsgBadAccepted,
			Msg: []string{"accepted 5 of 5"}},
		{Name: "refuses everything", Defects: fakeportal.Defects{RefuseSigned: true}, Status: scoring.Error, Says: signature.MsgControlRefused},
		{Name: "no dossiers adapter", Adapter: nothing, Status: scoring.NotTested, Msg: []string{"Dossiers.StartDossier"}},
		{Name: "no PKI", NoPKI: true, Status: scoring.NotTested, Msg: []string{"Target.PKI"}},
	})
}

func TestChecksListed(t *testing.T) {
	var ids []string
	for _, c := range signature.Checks() {
		ids = append(ids, c.ID)
		assert.NotNil(t, c.Run)
	}
	assert.Equal(t, []string{"P06-SIG-01", "P06-SIG-02", "P06-SIG-03"}, ids)
}

// A check that cannot go on names its step in the report's language.
func TestStepInVietnamese(t *testing.T) {
	for _, c := range []struct {
		id, step string
		noPKI    bool
	}{{"P06-SIG-01", "signature.step.verify-result", true}, {"P06-SIG-01", "signature.step.fetch-result", false}} {
		step, ok := msg.Lookup(c.step)
		if !ok {
			t.Fatalf("no message %s", c.step)
		}
		r := fakeportal.Run(t, signature.Checks(), c.id, fakeportal.Defects{}, nothing, c.noPKI)
		checktest.SaysStep(t, r, step)
	}
}
