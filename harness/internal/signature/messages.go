package signature

import (
	"errors"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/signtest"
)

// The family's messages (package msg), grouped by check.
var (
	// The formats of a signature (format).
	mDetached = msg.New("signature.format.detached", "detached signature (.p7s)", "chữ ký tách rời (.p7s)")
	mAttached = msg.New("signature.format.attached", "attached signature (.p7m)", "chữ ký đóng gói (.p7m)")

	// P06-SIG-01: results signed by the agency.
	mNoResultDocument = msg.New("signature.result.no-document",
		"fetching the result of dossier %s: the adapter's Results.FetchResult returned neither a document nor an error",
		"không lấy được kết quả của hồ sơ %s: `Results.FetchResult` của bộ tiếp hợp không trả về tài liệu, cũng không báo lỗi")
	mEmptyResult = msg.New("signature.result.empty",
		"the result of dossier %s is empty",
		"kết quả của hồ sơ %s rỗng")
	mGotEmpty     = msg.New("signature.result.empty.got", "an empty result", "kết quả rỗng")
	mWantByAgency = msg.New("signature.result.want-agency", "a result signed by the agency", "kết quả do cơ quan nhà nước ký số")
	mUnsigned     = msg.New("signature.result.unsigned",
		"the electronic result of dossier %s (%q) carries no digital signature: neither a detached CMS signature, a signed CMS file nor a signed PDF",
		"kết quả điện tử của hồ sơ %s (%q) không có chữ ký số: không có chữ ký CMS tách rời, tệp CMS có ký hay tệp PDF có ký số")
	mGotUnsigned    = msg.New("signature.result.unsigned.got", "an unsigned result", "kết quả không có chữ ký số")
	mWantTrustedSig = msg.New("signature.result.unsigned.want",
		"a result signed by the agency with a certificate that chains to the trust list",
		"kết quả do cơ quan nhà nước ký bằng chứng thư dẫn tới danh sách tin cậy")
	mNotVerified = msg.New("signature.result.not-verified",
		"the signature of the result of dossier %s does not verify against the trust list: %v",
		"chữ ký số trên kết quả của hồ sơ %s không hợp lệ theo danh sách tin cậy: %v")
	mNotVerifiedBy = msg.New("signature.result.not-verified-signer",
		"the signature of the result of dossier %s does not verify against the trust list (signer %q): %v",
		"chữ ký số trên kết quả của hồ sơ %s không hợp lệ theo danh sách tin cậy (người ký %q): %v")
	mGotFailure  = msg.New("signature.result.not-verified.got", "%v", "%v")
	mWantVerifes = msg.New("signature.result.not-verified.want",
		"a signature that verifies against the trust list",
		"chữ ký hợp lệ theo danh sách tin cậy")
	mNotAgency = msg.New("signature.result.not-agency",
		"the result of dossier %s is %s: a %s certificate, not an agency's",
		"kết quả của hồ sơ %s được %s — chứng thư của %s, không phải của cơ quan nhà nước")
	mGotSigner      = msg.New("signature.result.not-agency.got", "signer %q (%s)", "người ký %q (%s)")
	mWantAgencyCert = msg.New("signature.result.not-agency.want",
		"a signer certificate issued to an agency",
		"chứng thư người ký cấp cho cơ quan nhà nước")
	mPresigned = msg.New("signature.result.presigned",
		"the result of dossier %s is signed by %q at %s, before the dossier was submitted (%s): it was not signed for this dossier",
		"kết quả của hồ sơ %s được %q ký lúc %s, trước khi hồ sơ được nộp (%s): không phải được ký cho hồ sơ này")
	mGotSignedAt   = msg.New("signature.result.presigned.got", "signed %s", "ký lúc %s")
	mWantSignedNow = msg.New("signature.result.presigned.want",
		"signed when the dossier is completed",
		"ký khi hồ sơ được giải quyết xong")
	mResultSigned = msg.New("signature.result.ok",
		"the result of dossier %s is signed by the agency %q %s; the chain to %q verifies, no certificate is revoked and the content is intact%s",
		"kết quả của hồ sơ %s được cơ quan %q ký %s; chuỗi chứng thư tới %q hợp lệ, không chứng thư nào bị thu hồi, nội dung toàn vẹn%s")
	mAt            = msg.New("signature.result.ok.at", "at %s", "lúc %s")
	mNoTime        = msg.New("signature.result.ok.no-time", "without a signing time", "(không ghi thời điểm ký)")
	mAfterSubmit   = msg.New("signature.result.ok.after", ", signed after the dossier was submitted", ", được ký sau khi hồ sơ được nộp")
	mNoTimeToCheck = msg.New("signature.result.ok.unchecked",
		" (no signing time to show it was signed for this dossier)",
		" (không có thời điểm ký để chứng tỏ kết quả được ký cho hồ sơ này)")

	// P06-SIG-02: signed submissions accepted, signer recorded.
	mIssueCert = msg.New("signature.submission.issue-failed",
		"issuing the citizen's test certificate: %v",
		"lỗi khi cấp chứng thư thử cho công dân: %v")
	mSignFailed = msg.New("signature.submission.sign-failed",
		"signing the test document: %v",
		"lỗi khi ký tài liệu thử: %v")
	mRefusal     = msg.New("signature.submission.refusal", "%s: %s", "%s: %s")
	mSignedRefus = msg.New("signature.submission.refused",
		"the portal refused a document correctly signed by %q with a certificate of the trust list, detached and attached: %s",
		"cổng từ chối tài liệu được %q ký số hợp lệ bằng chứng thư thuộc danh sách tin cậy, cả dạng tách rời và đóng gói: %s")
	mGotRefused  = msg.New("signature.submission.refused.got", "refused: %s", "bị từ chối: %s")
	mWantRecords = msg.New("signature.submission.refused.want", "accepted, with the signer recorded", "được tiếp nhận và ghi nhận người ký")
	mNoSigner    = msg.New("signature.submission.no-signer",
		"the portal accepted dossier %s with a document signed by %q but recorded no signer",
		"cổng tiếp nhận hồ sơ %s có tài liệu do %q ký nhưng không ghi nhận người ký")
	mGotNoSigner = msg.New("signature.submission.no-signer.got", "no signer recorded", "không ghi nhận người ký")
	mWantSigner  = msg.New("signature.submission.no-signer.want", "the signer %s", "người ký %s")
	mRecorded    = msg.New("signature.submission.ok",
		"the portal accepted dossier %s with a document signed by %q and recorded the signer %q",
		"cổng tiếp nhận hồ sơ %s có tài liệu do %q ký số và ghi nhận người ký %q")
	mRecordedAttached = msg.New("signature.submission.ok-attached",
		"the portal accepted dossier %s with a document signed by %q and recorded the signer %q (as an attached signature (.p7m), after refusing the %s)",
		"cổng tiếp nhận hồ sơ %s có tài liệu do %q ký số và ghi nhận người ký %q (dạng chữ ký đóng gói (.p7m), sau khi từ chối %s)")
	mWrongSigner = msg.New("signature.submission.wrong-signer",
		"the portal accepted dossier %s but the signers it recorded (%s) do not name the certificate subject %q",
		"cổng tiếp nhận hồ sơ %s nhưng người ký được ghi nhận (%s) không phải chủ thể chứng thư %q")

	// P06-SIG-03: bad signatures refused.
	mPrepareFailed = msg.New("signature.rejection.prepare-failed",
		"preparing the signed test documents: %v",
		"lỗi khi chuẩn bị các tài liệu ký thử: %v")
	mStopped = msg.New("signature.rejection.stopped",
		"stopped after %d of %d submissions: %v",
		"dừng sau %d trên %d lần nộp: %v")
	mOutcomeFailed = msg.New("signature.rejection.outcome.failed",
		"%s: could not be submitted (%v)",
		"%s: không nộp được (%v)")
	mOutcomeIgnored = msg.New("signature.rejection.outcome.ignored",
		"%s: ACCEPTED as dossier %s with no signer recorded: the signature was ignored, not refused (%s)",
		"%s: ĐƯỢC TIẾP NHẬN thành hồ sơ %s mà không ghi nhận người ký: chữ ký bị bỏ qua chứ không bị từ chối (%s)")
	mOutcomeAccepted = msg.New("signature.rejection.outcome.accepted",
		"%s: ACCEPTED as dossier %s, signer %q recorded (%s)",
		"%s: ĐƯỢC TIẾP NHẬN thành hồ sơ %s, ghi nhận người ký %q (%s)")
	mOutcomeRefused = msg.New("signature.rejection.outcome.refused",
		"%s: refused (%s)",
		"%s: bị từ chối (%s)")
	mBadAccepted = msg.New("signature.rejection.accepted",
		"the portal accepted %d of %d bad signatures (%s): %s",
		"cổng tiếp nhận %d trên %d chữ ký không hợp lệ (%s): %s")
	mGotAccepted    = msg.New("signature.rejection.accepted.got", "accepted: %s", "được tiếp nhận: %s")
	mWantAllRefused = msg.New("signature.rejection.want",
		"every tampered, expired, revoked and untrusted signature refused",
		"mọi chữ ký bị sửa, hết hạn, bị thu hồi hoặc không được tin cậy đều bị từ chối")
	mControlFailed = msg.New("signature.rejection.control-failed",
		"the valid control document could not be submitted (%v), so the refusals prove nothing: %s",
		"không nộp được tài liệu đối chứng hợp lệ (%v), nên việc từ chối không chứng tỏ điều gì: %s")
	mControlRefused = msg.New("signature.rejection.control-refused",
		"the portal refused the valid control document too (%s), so its refusals do not show that it verifies signatures (see P06-SIG-02): %s",
		"cổng từ chối cả tài liệu đối chứng ký hợp lệ (%s), nên việc từ chối không chứng tỏ cổng kiểm tra chữ ký (xem P06-SIG-02): %s")
	mGotControlRefused   = msg.New("signature.rejection.control-refused.got", "valid control refused", "tài liệu đối chứng hợp lệ bị từ chối")
	mWantControlAccepted = msg.New("signature.rejection.control-refused.want",
		"valid control accepted, bad signatures refused",
		"tài liệu đối chứng hợp lệ được tiếp nhận, chữ ký không hợp lệ bị từ chối")
	mNotSubmitted = msg.New("signature.rejection.not-submitted",
		"%d bad cases could not be submitted (%s): %s",
		"%d trường hợp không nộp được (%s): %s")
	mAllRefused = msg.New("signature.rejection.ok",
		"the portal accepted the valid control and refused every bad signature (%s): %s",
		"cổng tiếp nhận tài liệu đối chứng hợp lệ và từ chối mọi chữ ký không hợp lệ (%s): %s")

	// The steps a check names when it could not go on (fromError, check.FromError).
	mStepPrepareBad         = msg.New("signature.step.prepare-bad", "preparing bad signatures", "chuẩn bị các chữ ký không hợp lệ")
	mStepSubmitSigned       = msg.New("signature.step.submit-signed", "submitting signed documents", "nộp các tài liệu đã ký")
	mStepLogin              = msg.New("signature.step.login", "logging in as the citizen", "đăng nhập với tư cách công dân")
	mStepSubmitControl      = msg.New("signature.step.submit-control", "submitting the valid control document", "nộp tài liệu đối chứng hợp lệ")
	mStepVerifyResult       = msg.New("signature.step.verify-result", "verifying a signed result", "xác minh một kết quả đã ký")
	mStepFetchResult        = msg.New("signature.step.fetch-result", "fetching an electronic result", "tải một kết quả điện tử")
	mStepObtainResult       = msg.New("signature.step.obtain-result", "obtaining an electronic result", "lấy một kết quả điện tử")
	mStepSign               = msg.New("signature.step.sign", "signing a submission", "ký một hồ sơ nộp")
	mStepSubmitOne          = msg.New("signature.step.submit-one", "submitting a signed document", "nộp một tài liệu đã ký")
	mStepFetchDossierResult = msg.New("signature.step.fetch-dossier-result", "fetching the result of dossier %s", "tải kết quả của hồ sơ %s")
)

// clock is a time as the family's messages show it: in English RFC 3339 in UTC, in Vietnamese
// the time of day and date in Vietnam.
type clock time.Time

func (c clock) Render(lang string) string {
	if lang == msg.EN {
		return time.Time(c).UTC().Format(time.RFC3339)
	}
	return time.Time(c).In(time.FixedZone("ICT", 7*3600)).Format("15:04 02/01/2006")
}

func (c clock) String() string { return c.Render(msg.EN) }

// failure is why a signature did not verify, as a value of a message: in English the error's
// text, in Vietnamese its reason and what exactly was wrong (signtest.VerifyError.Render), with
// identification numbers masked in both.
type failure struct{ err error }

func (f failure) Render(lang string) string {
	if lang == msg.EN {
		return check.Redact(f.err.Error())
	}
	var ve *signtest.VerifyError
	if errors.As(f.err, &ve) {
		return check.Redact(ve.Render(lang))
	}
	return check.Redact(signtest.Reason(f.err).Render(lang))
}

func (f failure) String() string { return f.Render(msg.EN) }

// format names the format of a signature.
func format(attached bool) msg.Phrase {
	if attached {
		return msg.P(mAttached)
	}
	return msg.P(mDetached)
}

// Evidence notes (scoring.Evidence.Noted).
var (
	mNoteResult      = msg.New("signature.note.result", "result %q of dossier %s: %d bytes, %s", "kết quả %q của hồ sơ %s: %d byte, %s")
	mShapeDetached   = msg.New("signature.note.shape.detached", "detached signature of %d bytes", "chữ ký tách rời %d byte")
	mShapeAttached   = msg.New("signature.note.shape.attached", "attached CMS signature", "chữ ký CMS đính kèm")
	mShapePDF        = msg.New("signature.note.shape.pdf", "signed PDF", "tệp PDF đã ký")
	mShapeNone       = msg.New("signature.note.shape.none", "no signature", "không có chữ ký")
	mNotePlainCMS    = msg.New("signature.note.plain-cms", "plain CMS: no signing-certificate attribute, so not CAdES-BES (Circular 15/2025/TT-BKHCN recommends CAdES/PAdES)", "CMS thuần: không có thuộc tính signing-certificate, nên không phải CAdES-BES (Thông tư 15/2025/TT-BKHCN khuyến nghị CAdES/PAdES)")
	mNoteCAdES       = msg.New("signature.note.cades", "CAdES-BES (signing-certificate attribute present and matching)", "CAdES-BES (có thuộc tính signing-certificate và khớp)")
	mNoteTimestamp   = msg.New("signature.note.timestamp", "time-stamped at %s by %q (CAdES-T)", "gắn dấu thời gian lúc %s bởi %q (CAdES-T)")
	mNoteNoTimestamp = msg.New("signature.note.no-timestamp", "no time-stamp (Circular 15/2025/TT-BKHCN asks signing software to support them)", "không có dấu thời gian (Thông tư 15/2025/TT-BKHCN yêu cầu phần mềm ký số hỗ trợ)")
	mNoteSigned      = msg.New("signature.note.signed", "%s; %s; signer %s; hash %s; %s", "%s; %s; người ký %s; hàm băm %s; %s")
	mNoteSubmitted   = msg.New("signature.note.submitted", "submitted %q (%d bytes) signed by %s; the portal replied: accepted %v, dossier %q, message %s, signers %q", "đã nộp %q (%d byte) do %s ký; cổng trả lời: chấp nhận %v, hồ sơ %q, thông báo %s, người ký %q")
)

// The errors of the dossier flow (msg.Error, msg.Wrap): a finding quotes them in its own language.
var (
	mErrNoPKI            = msg.New("signature.err.no-pki", "Target.PKI (a signtest PKI whose trust list the portal uses): %v", "Target.PKI (một PKI signtest có danh sách tin cậy được cổng sử dụng): %v")
	mStepStartDossier    = msg.New("signature.step.start-dossier", "starting a dossier for procedure %s", "mở hồ sơ cho thủ tục %s")
	mStepSubmitDossier   = msg.New("signature.step.submit-dossier", "submitting the dossier", "nộp hồ sơ")
	mStepCompleteDossier = msg.New("signature.step.complete-dossier", "completing dossier %s", "hoàn tất hồ sơ %s")
	mErrPlainRefused     = msg.New("signature.err.plain-refused", "the portal refused a plain dossier for procedure %s (%q), so no result can be obtained", "cổng từ chối một hồ sơ thông thường của thủ tục %s (%q), nên không lấy được kết quả")
	mErrNoDossierCode    = msg.New("signature.err.no-dossier-code", "the portal accepted a dossier but the adapter returned no dossier code", "cổng đã nhận hồ sơ nhưng bộ điều hợp không trả về mã hồ sơ")
	// errNoDossier is an adapter that returned neither a dossier nor an error.
	errNoDossier = msg.Error(msg.New("signature.err.no-dossier", "the adapter returned no dossier", "bộ điều hợp không trả về hồ sơ"))
)
