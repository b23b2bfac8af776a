package signature

// The family's messages, for the external tests to assert.
var (
	MsgResultSigned     = mResultSigned
	MsgNotVerifiedBy    = mNotVerifiedBy
	MsgNotAgency        = mNotAgency
	MsgPresigned        = mPresigned
	MsgUnsigned         = mUnsigned
	MsgRecorded         = mRecorded
	MsgRecordedAttached = mRecordedAttached
	MsgSignedRefused    = mSignedRefus
	MsgNoSigner         = mNoSigner
	MsgWrongSigner      = mWrongSigner
	MsgAllRefused       = mAllRefused
	MsgBadAccepted      = mBadAccepted
	MsgControlRefused   = mControlRefused
)
