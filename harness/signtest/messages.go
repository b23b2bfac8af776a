package signtest

import (
	"errors"
	"time"

	"github.com/p06kit/p06kit/harness/msg"
)

// The package's messages (package msg): the names of kinds, reasons and test cases, and what
// exactly was wrong with a signature that did not verify (VerifyError.Why).
var (
	// Kinds of certificate holders (Kind.Name).
	mKind = map[Kind]msg.Text{
		KindAgency:       msg.New("signtest.kind.agency", "agency", "cơ quan nhà nước"),
		KindCitizen:      msg.New("signtest.kind.citizen", "citizen", "cá nhân"),
		KindOrganisation: msg.New("signtest.kind.organisation", "organisation", "tổ chức"),
		KindCA:           msg.New("signtest.kind.ca", "certification authority", "tổ chức chứng thực"),
		KindTSA:          msg.New("signtest.kind.tsa", "time-stamping authority", "tổ chức cấp dấu thời gian"),
	}
	mKindUnknown = msg.New("signtest.kind.unknown", "unknown", "không xác định")

	// Who signed and when (Signed.Summary).
	mSigned = msg.New("signtest.signed",
		"signed by %q (%s) %s",
		"ký bởi %q (%s) %s; nội dung toàn vẹn")
	mSignedAt      = msg.New("signtest.signed.at", "at %s", "lúc %s")
	mNoSigningTime = msg.New("signtest.signed.no-time", "no signing time", "không có thời điểm ký")

	// Reasons a signature does not verify (Reason), by sentinel error.
	mReasons = []struct {
		err  error
		text msg.Text
	}{
		{ErrTampered, msg.New("signtest.reason.tampered", "content does not match the signature (tampered)", "nội dung đã bị thay đổi sau khi ký")},
		{ErrExpired, msg.New("signtest.reason.expired", "certificate expired", "chứng thư số đã hết hạn")},
		{ErrNotYetValid, msg.New("signtest.reason.not-yet-valid", "certificate not yet valid", "chứng thư số chưa có hiệu lực")},
		{ErrRevoked, msg.New("signtest.reason.revoked", "certificate revoked", "chứng thư số đã bị thu hồi")},
		{ErrRevocationUnknown, msg.New("signtest.reason.revocation-unknown", "revocation status unknown", "không xác định được tình trạng thu hồi")},
		{ErrUntrusted, msg.New("signtest.reason.untrusted", "certificate not trusted", "chứng thư số không thuộc danh sách tin cậy")},
		{ErrWeakKey, msg.New("signtest.reason.weak-key", "signer key too weak", "khóa ký quá yếu")},
		{ErrUnsupported, msg.New("signtest.reason.unsupported", "unsupported algorithm", "thuật toán không được hỗ trợ")},
		{ErrUnsigned, msg.New("signtest.reason.unsigned", "no signer in the signature", "không có chữ ký")},
		{ErrNoContent, msg.New("signtest.reason.no-content", "detached signature without content", "thiếu nội dung được ký")},
		{ErrMalformed, msg.New("signtest.reason.malformed", "malformed signature", "chữ ký không đúng định dạng CMS")},
	}
	mReasonValid = msg.New("signtest.reason.valid", "valid", "hợp lệ")
	mReasonOther = msg.New("signtest.reason.other", "signature check failed", "lỗi kiểm tra chữ ký")
	// A reason with what exactly was wrong (VerifyError.Render in Vietnamese).
	mReasonDetail = msg.New("signtest.reason.detail", "%s: %s", "%s: %s")

	// Names of the test cases (Case.Label).
	mCaseValid             = msg.New("signtest.case.valid", "valid", "hợp lệ")
	mCaseTamperedDocument  = msg.New("signtest.case.tampered-document", "tampered document", "tài liệu bị sửa sau khi ký")
	mCaseTamperedSignature = msg.New("signtest.case.tampered-signature", "tampered signature", "chữ ký bị sửa")
	mCaseExpired           = msg.New("signtest.case.expired", "expired certificate", "chứng thư hết hạn")
	mCaseRevoked           = msg.New("signtest.case.revoked", "revoked certificate", "chứng thư bị thu hồi")
	mCaseUntrusted         = msg.New("signtest.case.untrusted", "untrusted issuer", "chứng thư không thuộc danh sách tin cậy")

	// What was wrong: the chain.
	mNoTrustList          = msg.New("signtest.chain.no-trust-list", "no trust list configured", "chưa cấu hình danh sách tin cậy")
	mNotYetValidAtSigning = msg.New("signtest.chain.not-yet-valid-at-signing",
		"%q was not yet valid at the signing time %s (valid from %s)",
		"chứng thư %q chưa có hiệu lực tại thời điểm ký %s (có hiệu lực từ %s)")
	mExpiredAtSigning = msg.New("signtest.chain.expired-at-signing",
		"%q had expired at the signing time %s (valid until %s)",
		"chứng thư %q đã hết hạn tại thời điểm ký %s (hết hạn ngày %s)")
	mNoChain = msg.New("signtest.chain.no-path",
		"no chain from %q to a root of the trust list",
		"không có đường tin cậy từ %q tới chứng thư gốc trong danh sách tin cậy")
	mChainInvalid = msg.New("signtest.chain.invalid", "the certificate chain does not verify", "chuỗi chứng thư không hợp lệ")
	mNoSigningUse = msg.New("signtest.chain.key-usage",
		"the certificate's key usage does not allow signing",
		"mục đích sử dụng khóa của chứng thư không cho phép ký")

	// What was wrong: reading the CMS structure.
	mTooLarge = msg.New("signtest.parse.too-large",
		"%d bytes, more than the %d allowed",
		"chữ ký %d byte, vượt giới hạn %d byte")
	mBadPEM          = msg.New("signtest.parse.pem", "PEM armour without a readable block", "khối PEM không đọc được")
	mEmpty           = msg.New("signtest.parse.empty", "empty signature", "chữ ký rỗng")
	mNotBER          = msg.New("signtest.parse.not-ber", "not a BER/DER value", "không phải dữ liệu ASN.1 BER/DER")
	mNotContentInfo  = msg.New("signtest.parse.not-content-info", "not a CMS ContentInfo", "không phải ContentInfo CMS")
	mTrailing        = msg.New("signtest.parse.trailing", "trailing data after ContentInfo", "dữ liệu thừa sau ContentInfo")
	mNotSignedData   = msg.New("signtest.parse.not-signed-data", "content type %v is not signedData", "kiểu nội dung %v không phải SignedData")
	mBadSignedData   = msg.New("signtest.parse.signed-data", "SignedData does not parse", "SignedData không đọc được")
	mBadEncapContent = msg.New("signtest.parse.encap-content",
		"encapsulated content is not an OCTET STRING",
		"nội dung đóng gói không phải OCTET STRING")
	mBadCertSet      = msg.New("signtest.parse.cert-set", "certificate set does not parse", "tập chứng thư không đọc được")
	mTooManyCerts    = msg.New("signtest.parse.too-many-certs", "more than %d certificates", "quá %d chứng thư")
	mBadCert         = msg.New("signtest.parse.cert", "certificate %d does not parse", "chứng thư thứ %d không đọc được")
	mBadSignerID     = msg.New("signtest.parse.signer-id", "signer identifier does not parse", "định danh người ký không đọc được")
	mUnknownSignerID = msg.New("signtest.parse.signer-id-form", "signer identifier of unknown form", "định danh người ký không hợp lệ")
	mNoSignerCert    = msg.New("signtest.parse.no-signer-cert",
		"the signer's certificate is neither in the signature nor known to the verifier",
		"không tìm thấy chứng thư của người ký trong chữ ký hay trong bộ kiểm tra")

	// What was wrong: a PDF.
	mPDFUnreadable = msg.New("signtest.pdf.unreadable", "the PDF cannot be read: %v", "không đọc được cấu trúc tệp PDF: %v")
	mPDFForm       = msg.New("signtest.pdf.form", "the PDF's form cannot be read: %v", "không đọc được biểu mẫu của tệp PDF: %v")
	mPDFTooMany    = msg.New("signtest.pdf.too-many", "more than %d signatures", "quá %d chữ ký trong PDF")
	mPDFUnsigned   = msg.New("signtest.pdf.unsigned",
		"the PDF has no signature (no signature field with a value)",
		"tệp PDF không có chữ ký số (không có trường chữ ký nào có giá trị)")
	mPDFAppended = msg.New("signtest.pdf.appended",
		"%d bytes were added after the last signature, which covers bytes up to %d",
		"tệp PDF bị thêm %d byte sau chữ ký cuối cùng (chữ ký này chỉ phủ tới byte %d)")
	mPDFSignature = msg.New("signtest.pdf.signature",
		"PDF signature %d (field %q): %s",
		"chữ ký thứ %d trong PDF (trường %q): %s")
	mPDFField = msg.New("signtest.pdf.field",
		"signature field %q: %s",
		"vùng chữ ký %q trong PDF không hợp lệ: %s")
	mPDFRangeShape = msg.New("signtest.pdf.range-shape",
		"/ByteRange is not an array of four numbers",
		"/ByteRange không phải mảng bốn số")
	mPDFRangeFit = msg.New("signtest.pdf.range-fit",
		"/ByteRange %v does not fit a %d-byte file",
		"/ByteRange %v không khớp tệp %d byte")
	mPDFContentsHex = msg.New("signtest.pdf.contents-hex",
		"/Contents is not a hex string",
		"/Contents không phải chuỗi hex")
	mPDFCompressed = msg.New("signtest.pdf.compressed",
		"the signature dictionary is inside a compressed object stream, where no byte range can exclude its /Contents",
		"từ điển chữ ký nằm trong luồng đối tượng nén, nơi không vùng byte nào loại trừ được /Contents của nó")
	mPDFRangeGap = msg.New("signtest.pdf.range-gap",
		"/ByteRange %v leaves out bytes %d–%d, but its /Contents is at bytes %d–%d",
		"/ByteRange %v bỏ qua byte %d–%d, nhưng /Contents nằm ở byte %d–%d")

	// What was wrong: revocation.
	mNoCRL = msg.New("signtest.revocation.no-crl",
		"no current CRL signed by %q",
		"không có CRL hiện hành do %q ký")
	mNoCRLTried = msg.New("signtest.revocation.no-crl-fetched",
		"no current CRL signed by %q (%s)",
		"không có CRL hiện hành do %q ký (%s)")
	mCRLFetch = msg.New("signtest.revocation.fetch-failed", "%v", "tải CRL không được: %v")
	mCRLStale = msg.New("signtest.revocation.stale",
		"the CRL at %s is not a current CRL signed by %q",
		"CRL tại %s không phải CRL hiện hành do %q ký")
	mRevoked = msg.New("signtest.revocation.revoked",
		"%q was revoked on %s (reason %d)",
		"chứng thư %q bị thu hồi ngày %s (mã lý do %d)")

	// What was wrong: the time-stamp token.
	mTSToken          = msg.New("signtest.timestamp.token", "time-stamp token: %s", "dấu thời gian: %s")
	mTSUnparsable     = msg.New("signtest.timestamp.unparsable", "does not parse", "không đọc được")
	mTSNotTSTInfo     = msg.New("signtest.timestamp.not-tstinfo", "its content is not a TSTInfo", "không chứa TSTInfo")
	mTSSigners        = msg.New("signtest.timestamp.signers", "%d signers, want 1", "có %d người ký, cần đúng 1")
	mTSBadTSTInfo     = msg.New("signtest.timestamp.bad-tstinfo", "TSTInfo does not parse", "TSTInfo không đọc được")
	mTSImprintHash    = msg.New("signtest.timestamp.imprint-hash", "message imprint hash %v", "thuật toán băm %v của message imprint không được hỗ trợ")
	mTSOtherSignature = msg.New("signtest.timestamp.other-signature",
		"it stamps another signature (message imprint mismatch)",
		"dấu thời gian không khớp chữ ký (message imprint khác)")
	mTSNotTSA = msg.New("signtest.timestamp.not-tsa",
		"%q is not a time-stamping authority (no critical timeStamping extended key usage)",
		"%q không phải tổ chức cấp dấu thời gian (thiếu mục đích sử dụng khóa mở rộng timeStamping đánh dấu critical)")

	// What was wrong: the signature itself.
	mContentDiffers = msg.New("signtest.verify.content-differs",
		"the document differs from the content the signature carries",
		"tài liệu khác nội dung được ký")
	mNoSignerInfo = msg.New("signtest.verify.no-signer-info", "SignedData has no SignerInfo", "SignedData không có SignerInfo (không có người ký)")
	mDigestAlg    = msg.New("signtest.verify.digest-algorithm", "digest algorithm %v", "thuật toán băm %v không được hỗ trợ")
	mSignedAttrs  = msg.New("signtest.verify.signed-attributes", "signed attributes do not parse", "thuộc tính ký không đọc được")
	mContentType  = msg.New("signtest.verify.content-type",
		"the contentType signed attribute is missing or unreadable",
		"thiếu thuộc tính ký contentType hoặc không đọc được")
	mContentTypeDiffers = msg.New("signtest.verify.content-type-differs",
		"signed content type %v differs from the content's %v",
		"kiểu nội dung đã ký %v không khớp kiểu %v của nội dung")
	mMessageDigest = msg.New("signtest.verify.message-digest",
		"the messageDigest signed attribute is missing or unreadable",
		"thiếu thuộc tính ký messageDigest hoặc không đọc được")
	mDigestDiffers = msg.New("signtest.verify.digest-differs",
		"the content's digest differs from the signed messageDigest: the content changed after signing",
		"giá trị băm của nội dung khác giá trị đã ký: nội dung bị thay đổi sau khi ký")
	mSigningTime = msg.New("signtest.verify.signing-time", "the signingTime attribute is unreadable", "thời điểm ký (signingTime) không đọc được")
	mNoAttrs     = msg.New("signtest.verify.no-attributes",
		"content other than id-data without signed attributes",
		"nội dung khác id-data nhưng thiếu thuộc tính ký")
	mFutureSigning = msg.New("signtest.verify.future", "the signing time %s is in the future", "thời điểm ký %s ở tương lai")
	mUnsignedAttrs = msg.New("signtest.verify.unsigned-attributes", "unsigned attributes do not parse", "thuộc tính không ký không đọc được")
	mAfterStamp    = msg.New("signtest.verify.after-timestamp",
		"the claimed signing time %s is after the time-stamp %s",
		"thời điểm ký được khai %s muộn hơn dấu thời gian %s")
	mExpiredNow = msg.New("signtest.verify.expired",
		"%q expired on %s; it is now %s",
		"chứng thư %q hết hạn ngày %s; hiện là %s")
	mNotYetValidNow = msg.New("signtest.verify.not-yet-valid",
		"%q is valid only from %s",
		"chứng thư %q chỉ có hiệu lực từ ngày %s")
	mSigningCertAttr = msg.New("signtest.verify.signing-certificate",
		"the signingCertificateV2 attribute is unreadable",
		"thuộc tính signingCertificateV2 không đọc được")
	mSigningCertHash = msg.New("signtest.verify.signing-certificate-hash",
		"signingCertificateV2 hash %v",
		"thuật toán băm %v của signingCertificateV2 không được hỗ trợ")
	mSigningCertMismatch = msg.New("signtest.verify.signing-certificate-mismatch",
		"the signed certificate reference (signingCertificateV2) does not match the signer's certificate",
		"tham chiếu chứng thư đã ký (signingCertificateV2) không khớp chứng thư của người ký")
	mBadValue = msg.New("signtest.verify.bad-value",
		"the signature value does not verify with the signer's key: the signature or its signed attributes were altered",
		"giá trị chữ ký không khớp khóa công khai của người ký: chữ ký hoặc thuộc tính ký đã bị thay đổi")
	mNotRSA      = msg.New("signtest.verify.not-rsa", "RSA signature from a non-RSA key", "chữ ký RSA nhưng khóa không phải RSA")
	mNotECDSA    = msg.New("signtest.verify.not-ecdsa", "ECDSA signature from a non-ECDSA key", "chữ ký ECDSA nhưng khóa không phải ECDSA")
	mSigAlg      = msg.New("signtest.verify.signature-algorithm", "signature algorithm %v", "thuật toán ký %v không được hỗ trợ")
	mWeakRSA     = msg.New("signtest.verify.weak-rsa", "RSA key of %d bits, below 2048", "khóa RSA %d bit, dưới 2048")
	mWeakECDSA   = msg.New("signtest.verify.weak-ecdsa", "ECDSA key of %d bits, below 256", "khóa ECDSA %d bit, dưới 256")
	mNoSignature = msg.New("signtest.verify.no-signature",
		"the document carries no signature: no detached signature, not a CMS SignedData, not a signed PDF",
		"tài liệu không có chữ ký số: không có chữ ký tách rời, không phải SignedData CMS, không phải PDF có ký số")
)

// instant is a time as a message shows it: in English RFC 3339 in UTC, in Vietnamese the date
// (dd/mm/yyyy, UTC), or with clock the time of day in Vietnam too.
type instant struct {
	t     time.Time
	clock bool
}

func (i instant) Render(lang string) string {
	switch {
	case lang == msg.EN:
		return i.t.UTC().Format(time.RFC3339)
	case i.clock:
		return i.t.In(time.FixedZone("ICT", 7*3600)).Format("15:04:05 ngày 02/01/2006")
	}
	return i.t.UTC().Format("02/01/2006")
}

func (i instant) String() string { return i.Render(msg.EN) }

func date(t time.Time) instant   { return instant{t: t} }
func moment(t time.Time) instant { return instant{t: t, clock: true} }

// Reason is the reason a signature did not verify (err wraps one of the sentinel errors of this
// package), "valid" for a nil err, as a catalogue phrase: a value of a message, rendered in its
// language (Circular 15/2025/TT-BKHCN asks for results in Vietnamese).
func Reason(err error) msg.Phrase {
	if err == nil {
		return msg.P(mReasonValid)
	}
	for _, r := range mReasons {
		if errors.Is(err, r.err) {
			return msg.P(r.text)
		}
	}
	return msg.P(mReasonOther)
}

// Name is the kind's name as a catalogue phrase.
func (k Kind) Name() msg.Phrase {
	if t, ok := mKind[k]; ok {
		return msg.P(t)
	}
	return msg.P(mKindUnknown)
}
