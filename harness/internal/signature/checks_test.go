package signature_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/signature"
	"github.com/p06kit/p06kit/harness/internal/signature/fakeportal"
	"github.com/p06kit/p06kit/harness/signtest"
	"github.com/p06kit/p06kit/scoring"
)

// run runs check id against a fake portal with the given defects; adapter, when not nil,
// replaces the portal's full adapter, and noPKI leaves the target without a PKI.
func run(t *testing.T, id string, d fakeportal.Defects, adapter func(*fakeportal.Adapter) any, noPKI bool) check.Result {
	return fakeportal.Run(t, signature.Checks(), id, d, adapter, noPKI)
}

type tc struct {
	name    string
	defects fakeportal.Defects
	adapter func(*fakeportal.Adapter) any
	noPKI   bool
	status  scoring.Status
	// msg are substrings the English message must contain; msgVI of the Vietnamese one;
	// evidence of the first evidence note.
	msg, msgVI, evidence []string
}

func runTable(t *testing.T, id string, cases []tc) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := run(t, id, c.defects, c.adapter, c.noPKI)
			t.Logf("%s: %s\n%s", r.Status, r.Message, r.MessageVI)
			assert.Equal(t, c.status, r.Status, "message: %s", r.Message)
			for _, m := range c.msg {
				assert.Contains(t, r.Message, m)
			}
			for _, m := range c.msgVI {
				assert.Contains(t, r.MessageVI, m)
			}
			if c.status == scoring.Fail || (c.status == scoring.Pass && id == "P06-SIG-01") {
				require.NotEmpty(t, r.Evidence, "a finding shows what was seen")
			}
			for _, text := range append([]string{r.Message, r.MessageVI, r.Got, r.Want}, notes(r)...) {
				assert.NotRegexp(t, `\b\d{12}\b`, text, "personal identification numbers are masked")
			}
			for _, e := range c.evidence {
				require.NotEmpty(t, r.Evidence)
				assert.Contains(t, r.Evidence[0].Note, e)
			}
		})
	}
}

func dossiersOnly(a *fakeportal.Adapter) any { return fakeportal.DossiersOnly{A: a} }
func nothing(*fakeportal.Adapter) any        { return struct{}{} }

func TestResultSigned(t *testing.T) {
	runTable(t, "P06-SIG-01", []tc{
		{name: "agency signs results", status: scoring.Pass,
			msg: []string{"signed by the agency", signtest.AgencyName, "chain to", "intact", "signed after the dossier was submitted"}, msgVI: []string{"được cơ quan", "toàn vẹn"},
			evidence: []string{"CAdES-BES", "time-stamped at", "detached signature"}},
		{name: "agency signs PDF results", defects: fakeportal.Defects{PDFResults: true}, status: scoring.Pass,
			msg: []string{"signed by the agency", signtest.AgencyName}, evidence: []string{"signed PDF", "no time-stamp"}},
		{name: "PDF result changed after signing", defects: fakeportal.Defects{PDFResults: true, TamperedResults: true}, status: scoring.Fail,
			msg: []string{"PDF signature 1", "tampered"}},
		{name: "PDF result signed by a citizen", defects: fakeportal.Defects{PDFResults: true, CitizenSignsResults: true}, status: scoring.Fail,
			msg: []string{"not an agency's"}},
		{name: "pre-signed result", defects: fakeportal.Defects{PresignedResults: true}, status: scoring.Fail,
			msg: []string{"before the dossier was submitted", "not signed for this dossier"}, msgVI: []string{"trước khi hồ sơ được nộp"}},
		{name: "unsigned results", defects: fakeportal.Defects{UnsignedResults: true}, status: scoring.Fail,
			msg: []string{"carries no digital signature"}, msgVI: []string{"không có chữ ký số"}},
		{name: "citizen signs results", defects: fakeportal.Defects{CitizenSignsResults: true}, status: scoring.Fail,
			msg: []string{"citizen certificate, not an agency's"}, msgVI: []string{"không phải của cơ quan nhà nước"}},
		{name: "untrusted signer", defects: fakeportal.Defects{UntrustedResults: true}, status: scoring.Fail,
			msg: []string{"does not verify against the trust list", "not trusted"}, msgVI: []string{"không thuộc danh sách tin cậy"}},
		{name: "result changed after signing", defects: fakeportal.Defects{TamperedResults: true}, status: scoring.Fail,
			msg: []string{"tampered"}, msgVI: []string{"bị thay đổi"}},
		{name: "no results adapter", adapter: dossiersOnly, status: scoring.NotTested, msg: []string{"Results.CompleteDossier"}},
		{name: "no PKI", noPKI: true, status: scoring.NotTested, msg: []string{"Target.PKI"}},
	})
}

func TestSubmissionAccepted(t *testing.T) {
	runTable(t, "P06-SIG-02", []tc{
		{name: "accepted and recorded", status: scoring.Pass, msg: []string{"recorded the signer", "CCCD:" + check.Redact(signature.Citizen().ID)}, msgVI: []string{"ghi nhận người ký"}},
		{name: "attached signatures only", defects: fakeportal.Defects{AttachedOnly: true}, status: scoring.Pass,
			msg: []string{"recorded the signer", "as an attached signature (.p7m), after refusing the detached signature", "Chỉ nhận tệp ký số dạng đóng gói"}},
		{name: "signed documents refused", defects: fakeportal.Defects{RefuseSigned: true}, status: scoring.Fail,
			msg: []string{"refused a document correctly signed", "detached and attached", "không nhận tài liệu có chữ ký số"}},
		{name: "signer not recorded", defects: fakeportal.Defects{NoSignerRecord: true}, status: scoring.Fail, msg: []string{"recorded no signer"}},
		{name: "signer recorded wrongly", defects: fakeportal.Defects{NoVerification: true}, status: scoring.Fail,
			msg: []string{"do not name the certificate subject", "(không kiểm tra)"}},
		{name: "no dossiers adapter", adapter: nothing, status: scoring.NotTested, msg: []string{"Dossiers.StartDossier"}},
		{name: "no PKI", noPKI: true, status: scoring.NotTested, msg: []string{"Target.PKI"}},
	})
}

func TestBadSignaturesRejected(t *testing.T) {
	runTable(t, "P06-SIG-03", []tc{
		{name: "every bad case refused", status: scoring.Pass,
			msg: []string{"refused every bad signature", "tampered document: refused", "expired certificate: refused",
				"revoked certificate: refused", "untrusted issuer: refused", "tampered signature: refused"},
			msgVI: []string{"bị thu hồi", "bị từ chối"}},
		{name: "attached only, every bad case refused", defects: fakeportal.Defects{AttachedOnly: true}, status: scoring.Pass,
			msg: []string{"attached signature (.p7m)", "tampered document: refused", "untrusted issuer: refused"}},
		{name: "attached only, tampered accepted", defects: fakeportal.Defects{AttachedOnly: true, AcceptTampered: true}, status: scoring.Fail,
			msg: []string{"tampered document: ACCEPTED", "expired certificate: refused"}},
		{name: "tampered document accepted", defects: fakeportal.Defects{AcceptTampered: true}, status: scoring.Fail,
			msg: []string{"accepted 2 of 5", "tampered document: ACCEPTED as dossier HS-", "tampered signature: ACCEPTED", "expired certificate: refused"}},
		{name: "expired accepted", defects: fakeportal.Defects{AcceptExpired: true}, status: scoring.Fail,
			msg: []string{"accepted 1 of 5", "expired certificate: ACCEPTED as dossier HS-000002, signer \"UID=CCCD:", "revoked certificate: refused"}, msgVI: []string{"ĐƯỢC TIẾP NHẬN"}},
		{name: "revoked accepted", defects: fakeportal.Defects{AcceptRevoked: true}, status: scoring.Fail,
			msg: []string{"revoked certificate: ACCEPTED"}},
		{name: "untrusted accepted", defects: fakeportal.Defects{AcceptUntrusted: true}, status: scoring.Fail,
			msg: []string{"untrusted issuer: ACCEPTED"}},
		{name: "bad signatures ignored", defects: fakeportal.Defects{IgnoreBadSigs: true}, status: scoring.Fail,
			msg: []string{"accepted 5 of 5", "with no signer recorded: the signature was ignored, not refused"}},
		{name: "no verification", defects: fakeportal.Defects{NoVerification: true}, status: scoring.Fail,
			msg: []string{"accepted 5 of 5"}},
		{name: "refuses everything", defects: fakeportal.Defects{RefuseSigned: true}, status: scoring.Error,
			msg: []string{"refused the valid control document too"}},
		{name: "no dossiers adapter", adapter: nothing, status: scoring.NotTested, msg: []string{"Dossiers.StartDossier"}},
		{name: "no PKI", noPKI: true, status: scoring.NotTested, msg: []string{"Target.PKI"}},
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

func notes(r check.Result) []string {
	var out []string
	for _, e := range r.Evidence {
		out = append(out, e.Note, e.Excerpt)
	}
	return out
}
