package signtest_test

import (
	"crypto/x509/pkix"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/signtest"
)

func TestFormatName(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   pkix.Name
		want string
	}{
		{"UID shown by name", pkix.Name{Names: []pkix.AttributeTypeAndValue{
			{Type: []int{2, 5, 4, 6}, Value: "VN"}, {Type: []int{2, 5, 4, 3}, Value: "Nguyễn Văn An"},
			{Type: signtest.OIDUserID, Value: "CCCD:001099012345"}}},
			"UID=CCCD:001099012345,CN=Nguyễn Văn An,C=VN"},
		{"special characters escaped", pkix.Name{Names: []pkix.AttributeTypeAndValue{
			{Type: []int{2, 5, 4, 10}, Value: "Công ty A, B + C"}, {Type: []int{2, 5, 4, 3}, Value: " #lead"}}},
			`CN=\ #lead,O=Công ty A\, B \+ C`},
		{"leading hash and trailing space escaped", pkix.Name{Names: []pkix.AttributeTypeAndValue{{Type: []int{2, 5, 4, 3}, Value: "#x "}}},
			`CN=\#x\ `},
		{"unknown attribute by OID", pkix.Name{Names: []pkix.AttributeTypeAndValue{{Type: []int{1, 2, 3}, Value: "x"}}}, "1.2.3=x"},
		{"no parsed names", pkix.Name{CommonName: "Sở Tư pháp"}, "CN=Sở Tư pháp"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, signtest.FormatName(tc.in))
		})
	}
}

func TestKindAndStateNames(t *testing.T) {
	for k, want := range map[signtest.Kind][2]string{
		signtest.KindAgency: {"agency", "cơ quan nhà nước"}, signtest.KindCitizen: {"citizen", "cá nhân"},
		signtest.KindOrganisation: {"organisation", "tổ chức"}, signtest.KindCA: {"certification authority", "tổ chức chứng thực"},
		signtest.KindTSA: {"time-stamping authority", "tổ chức cấp dấu thời gian"}, signtest.KindUnknown: {"unknown", "không xác định"},
	} {
		assert.Equal(t, want[0], k.String())
		assert.Equal(t, want[0], k.Name().Render(msg.EN))
		assert.Equal(t, want[1], k.Name().Render(msg.VI))
		assert.Equal(t, want[1], k.VI())
	}
	assert.Equal(t, "revoked", signtest.Revoked.String())
	assert.Equal(t, "State(42)", signtest.State(42).String())
}
