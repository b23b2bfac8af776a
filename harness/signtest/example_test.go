package signtest_test

import (
	"errors"
	"fmt"

	"github.com/p06kit/p06kit/harness/signtest"
	"github.com/p06kit/p06kit/ident"
)

// A portal signs an electronic result as the agency; anyone with the trust list verifies who
// signed it.
func ExamplePKI_Verify() {
	pki, err := signtest.NewPKI()
	if err != nil {
		fmt.Println(err)
		return
	}
	result := []byte("%PDF-1.7 … Giấy khai sinh …")
	sig, err := pki.Sign(result, pki.Agency(), signtest.SignOptions{Detached: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	signed, err := pki.Verify(result, sig)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(signed.CommonName, "/", signed.Kind)
	// Output: Sở Tư pháp Thành phố Hà Nội / agency
}

// A portal verifying a citizen's submission refuses bad signatures and tells the citizen why, in
// Vietnamese.
func ExamplePKI_Cases() {
	pki, err := signtest.NewPKI()
	if err != nil {
		fmt.Println(err)
		return
	}
	citizen := ident.DefaultPeople()[0]
	cases, err := pki.Cases([]byte("tờ khai"), citizen)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range cases {
		_, err := pki.VerifyFile(c.Data, c.Signature)
		fmt.Printf("%s: %v, %s\n", c.Name, errors.Is(err, c.Want) || (c.Want == nil && err == nil), signtest.ReasonVI(err))
	}
	// Output:
	// valid: true, hợp lệ
	// tampered document: true, nội dung đã bị thay đổi sau khi ký
	// tampered signature: true, nội dung đã bị thay đổi sau khi ký
	// expired certificate: true, chứng thư số đã hết hạn
	// revoked certificate: true, chứng thư số đã bị thu hồi
	// untrusted issuer: true, chứng thư số không thuộc danh sách tin cậy
}

// The holder's identifier is in the UID attribute, as Vietnamese CAs write it.
func ExampleFormatName() {
	pki, err := signtest.NewPKI()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(signtest.FormatName(pki.Organisation().Cert.Subject))
	// Output: UID=MST:0101234565,CN=Công ty TNHH Thử Nghiệm Số,O=Công ty TNHH Thử Nghiệm Số,L=Hà Nội,ST=Hà Nội,C=VN
}
