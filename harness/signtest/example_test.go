package signtest_test

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/p06kit/p06kit/harness/msg"
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
		fmt.Printf("%s: %v, %s\n", c.Name, errors.Is(err, c.Want) || (c.Want == nil && err == nil), signtest.Reason(err).Render(msg.VI))
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

// A portal whose PKI library follows CRL distribution points needs only the trust list when the
// certificates come from NewPKIServer; a Go verifier passes a CRLFetcher.
func ExampleNewPKIServer() {
	srv, err := signtest.NewPKIServer()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	pki := srv.PKI
	fmt.Println(strings.TrimPrefix(pki.Agency().Cert.CRLDistributionPoints[0], srv.URL))

	revoked, err := pki.Issue(ident.DefaultPeople()[0], signtest.Revoked)
	if err != nil {
		fmt.Println(err)
		return
	}
	sig, err := pki.Sign([]byte("tờ khai"), revoked, signtest.SignOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = signtest.Verify(nil, sig, signtest.VerifyOptions{
		Roots:             pki.TrustPool(),
		RequireRevocation: true,
		FetchCRL:          signtest.CRLFetcher(context.Background(), srv.Client()),
	})
	fmt.Println(errors.Is(err, signtest.ErrRevoked), signtest.Reason(err).Render(msg.VI))
	// Output:
	// /crl/intermediate.crl
	// true chứng thư số đã bị thu hồi
}

// A time-stamped signature says when it existed, vouched for by the time-stamping authority.
func ExampleSignOptions_timestamp() {
	pki, err := signtest.NewPKI()
	if err != nil {
		fmt.Println(err)
		return
	}
	at := pki.Now()
	sig, err := pki.Sign([]byte("kết quả"), pki.Agency(), signtest.SignOptions{TSA: pki.TSA(), SigningTime: at})
	if err != nil {
		fmt.Println(err)
		return
	}
	signed, err := pki.Verify(nil, sig)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(signed.Timestamp.Equal(at), signtest.Classify(signed.TimestampAuthority))
	// Output: true time-stamping authority
}
