package signtest_test

import (
	"crypto"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/signtest"
	"github.com/p06kit/p06kit/ident"
)

var (
	pkiOnce sync.Once
	shared  *signtest.PKI
	pkiErr  error
)

// testPKI is one PKI for the package's tests: key generation is the slow part.
func testPKI(t testing.TB) *signtest.PKI {
	t.Helper()
	pkiOnce.Do(func() { shared, pkiErr = signtest.NewPKI() })
	require.NoError(t, pkiErr)
	return shared
}

var doc = []byte("%PDF-1.7\nGiấy khai sinh — kết quả giải quyết thủ tục hành chính\n%%EOF\n")

func TestSignVerify(t *testing.T) {
	pki := testPKI(t)
	citizen := ident.DefaultPeople()[0]
	cid, err := pki.Citizen(citizen)
	require.NoError(t, err)
	at := pki.Now().Add(-time.Hour)
	for _, tc := range []struct {
		name     string
		signer   *signtest.Identity
		opts     signtest.SignOptions
		kind     signtest.Kind
		noTime   bool
		data     []byte // passed to Verify
		detached bool
	}{
		{name: "agency attached", signer: pki.Agency(), kind: signtest.KindAgency},
		{name: "agency attached with expected content", signer: pki.Agency(), kind: signtest.KindAgency, data: doc},
		{name: "citizen detached", signer: cid, opts: signtest.SignOptions{Detached: true}, kind: signtest.KindCitizen, data: doc, detached: true},
		{name: "organisation SHA-384", signer: pki.Organisation(), opts: signtest.SignOptions{Hash: crypto.SHA384}, kind: signtest.KindOrganisation},
		{name: "SHA-512 detached", signer: cid, opts: signtest.SignOptions{Hash: crypto.SHA512, Detached: true}, kind: signtest.KindCitizen, data: doc, detached: true},
		{name: "without chain (intermediate known)", signer: cid, opts: signtest.SignOptions{NoChain: true}, kind: signtest.KindCitizen},
		{name: "without attributes", signer: cid, opts: signtest.SignOptions{NoAttributes: true}, kind: signtest.KindCitizen, noTime: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := tc.opts
			if !tc.noTime {
				opts.SigningTime = at
			}
			sig, err := pki.Sign(doc, tc.signer, opts)
			require.NoError(t, err)
			s, err := pki.Verify(tc.data, sig)
			require.NoError(t, err)
			assert.Equal(t, tc.signer.Cert.Raw, s.Signer.Raw)
			assert.Equal(t, tc.kind, s.Kind)
			assert.Equal(t, doc, s.Content)
			assert.Equal(t, tc.detached, s.Detached)
			assert.Len(t, s.Chain, 3)
			assert.Equal(t, !tc.noTime, s.CAdES, "signatures with attributes are CAdES-BES")
			if tc.noTime {
				assert.True(t, s.SigningTime.IsZero())
			} else {
				assert.True(t, at.Equal(s.SigningTime), "signing time %v, want %v", s.SigningTime, at)
			}
		})
	}
}

func TestVerifyCitizenSubject(t *testing.T) {
	pki := testPKI(t)
	who := ident.DefaultPeople()[1]
	id, err := pki.Citizen(who)
	require.NoError(t, err)
	sig, err := pki.Sign(doc, id, signtest.SignOptions{})
	require.NoError(t, err)
	s, err := pki.Verify(nil, sig)
	require.NoError(t, err)
	assert.Equal(t, who.FullName(), s.CommonName)
	assert.Equal(t, "CCCD:"+who.ID, s.Identifier)
	assert.Contains(t, s.String(), who.FullName())
	assert.Contains(t, s.Summary().Render(msg.VI), "cá nhân")
	assert.Contains(t, s.Summary().Render(msg.VI), "nội dung toàn vẹn")
	assert.Equal(t, s.String(), s.Summary().Render(msg.EN))
	assert.Equal(t, s.Summary().Render(msg.VI), s.StringVI())
	again, err := pki.Citizen(who)
	require.NoError(t, err)
	assert.Same(t, id, again, "a citizen's certificate is issued once")
}

func TestVerifyRejects(t *testing.T) {
	pki := testPKI(t)
	who := ident.DefaultPeople()[2]
	cases, err := pki.Cases(doc, who)
	require.NoError(t, err)
	require.Len(t, cases, 6)
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			s, err := pki.Verify(c.Data, c.Signature)
			if c.Want == nil {
				require.NoError(t, err)
				assert.Equal(t, who.FullName(), s.CommonName)
				return
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, c.Want)
			var ve *signtest.VerifyError
			require.ErrorAs(t, err, &ve)
			assert.NotEmpty(t, ve.Detail)
			assert.Equal(t, ve.Detail, ve.Why.Render(msg.EN))
			assert.NotEmpty(t, ve.Why.Render(msg.VI))
			assert.Equal(t, err.Error(), ve.Render(msg.EN), "in English a VerifyError renders as its text")
			assert.Contains(t, ve.Render(msg.VI), signtest.Reason(err).Render(msg.VI))
			assert.Contains(t, ve.Render(msg.VI), ve.Why.Render(msg.VI))
			assert.Equal(t, c.Name, c.Label.Render(msg.EN))
			assert.NotEqual(t, c.Label.Render(msg.EN), c.Label.Render(msg.VI))
			assert.Nil(t, s)
		})
	}
}

func TestAttachedCases(t *testing.T) {
	pki := testPKI(t)
	who := ident.DefaultPeople()[2]
	cases, err := pki.AttachedCases(doc, who)
	require.NoError(t, err)
	require.Len(t, cases, 6)
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			assert.Nil(t, c.Signature, "attached: the document is the CMS")
			assert.True(t, signtest.IsSignedData(c.Data))
			s, err := pki.VerifyFile(c.Data, c.Signature)
			if c.Want == nil {
				require.NoError(t, err)
				assert.Equal(t, doc, s.Content)
				return
			}
			assert.ErrorIs(t, err, c.Want)
		})
	}
}

func TestVerifyFile(t *testing.T) {
	pki := testPKI(t)
	_, err := pki.VerifyFile(doc, nil)
	assert.ErrorIs(t, err, signtest.ErrUnsigned)
	pdf, err := signtest.SignPDF(signtest.NewPDF("Giấy khai sinh"), pki.Agency(), signtest.SignOptions{})
	require.NoError(t, err)
	s, err := pki.VerifyFile(pdf, nil)
	require.NoError(t, err)
	assert.Equal(t, signtest.KindAgency, s.Kind)
	sig, err := pki.Sign(doc, pki.Agency(), signtest.SignOptions{Detached: true})
	require.NoError(t, err)
	_, err = pki.VerifyFile(doc, sig)
	assert.NoError(t, err)
	_, err = pki.VerifyFile(signtest.TamperData(doc), sig)
	assert.ErrorIs(t, err, signtest.ErrTampered)
}

func TestVerifyErrors(t *testing.T) {
	pki := testPKI(t)
	good, err := pki.Sign(doc, pki.Agency(), signtest.SignOptions{})
	require.NoError(t, err)
	detached, err := pki.Sign(doc, pki.Agency(), signtest.SignOptions{Detached: true})
	require.NoError(t, err)
	attachedTampered, err := signtest.TamperAttached(good)
	require.NoError(t, err)
	noCerts, err := pki.Sign(doc, pki.Agency(), signtest.SignOptions{NoCertificates: true})
	require.NoError(t, err)
	opts := pki.VerifyOptions()
	later := func() time.Time { return pki.Now().AddDate(5, 0, 0) }
	staleCRL := opts
	staleCRL.Now = func() time.Time { return pki.Now().AddDate(0, 0, 30) }
	noRoots := opts
	noRoots.Roots = nil
	otherRoots := opts
	otherRoots.Roots = x509.NewCertPool()
	otherRoots.Roots.AddCert(pki.UntrustedRoot.Cert)
	for _, tc := range []struct {
		name       string
		data, sig  []byte
		opts       signtest.VerifyOptions
		want       error
		detailPart string
	}{
		{"empty", nil, nil, opts, signtest.ErrMalformed, "empty"},
		{"garbage", nil, []byte("not a signature"), opts, signtest.ErrMalformed, "BER"},
		{"truncated", nil, good[:len(good)/2], opts, signtest.ErrMalformed, ""},
		{"trailing data", nil, append(append([]byte(nil), good...), 0), opts, signtest.ErrMalformed, "trailing"},
		{"detached without content", nil, detached, opts, signtest.ErrNoContent, ""},
		{"attached content differs from document", []byte("another document"), good, opts, signtest.ErrTampered, "differs"},
		{"attached content tampered", nil, attachedTampered, opts, signtest.ErrTampered, "digest"},
		{"signer unknown", nil, noCerts, opts, signtest.ErrUntrusted, "neither in the signature"},
		{"no trust list", nil, good, noRoots, signtest.ErrUntrusted, "no trust list"},
		{"other trust list", nil, good, otherRoots, signtest.ErrUntrusted, "no chain"},
		{"CRL stale", nil, good, staleCRL, signtest.ErrRevocationUnknown, "no current CRL"},
		{"verified after expiry", nil, good, signtest.VerifyOptions{Roots: opts.Roots, Now: later}, signtest.ErrExpired, "expired on"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := signtest.Verify(tc.data, tc.sig, tc.opts)
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.want)
			assert.Contains(t, err.Error(), tc.detailPart)
		})
	}
}

func TestVerifyAtSigningTime(t *testing.T) {
	pki := testPKI(t)
	who := ident.DefaultPeople()[3]
	revoked, err := pki.Issue(who, signtest.Revoked)
	require.NoError(t, err)
	// Signed two days ago, before the revocation a day ago: valid in long-term validation only.
	before := pki.Now().Add(-48 * time.Hour)
	sig, err := pki.Sign(doc, revoked, signtest.SignOptions{SigningTime: before})
	require.NoError(t, err)
	_, err = pki.Verify(nil, sig)
	assert.ErrorIs(t, err, signtest.ErrRevoked)
	opts := pki.VerifyOptions()
	opts.AtSigningTime = true
	_, err = signtest.Verify(nil, sig, opts)
	assert.NoError(t, err)

	// A signature made before expiry still fails now unless judged at the signing time.
	expired, err := pki.Issue(who, signtest.Expired)
	require.NoError(t, err)
	sig, err = pki.Sign(doc, expired, signtest.SignOptions{SigningTime: expired.Cert.NotAfter.Add(-time.Hour)})
	require.NoError(t, err)
	_, err = pki.Verify(nil, sig)
	assert.ErrorIs(t, err, signtest.ErrExpired)
	_, err = signtest.Verify(nil, sig, opts)
	assert.NoError(t, err)

	// Not yet valid at the signing time.
	nyv, err := pki.Issue(who, signtest.NotYetValid)
	require.NoError(t, err)
	sig, err = pki.Sign(doc, nyv, signtest.SignOptions{})
	require.NoError(t, err)
	_, err = pki.Verify(nil, sig)
	assert.ErrorIs(t, err, signtest.ErrNotYetValid)
}

func TestRSA(t *testing.T) {
	if testing.Short() {
		t.Skip("RSA key generation is slow")
	}
	pki, err := signtest.NewPKI(signtest.WithAlgorithm(signtest.RSA2048))
	require.NoError(t, err)
	sig, err := pki.Sign(doc, pki.Agency(), signtest.SignOptions{Detached: true})
	require.NoError(t, err)
	s, err := pki.Verify(doc, sig)
	require.NoError(t, err)
	assert.Equal(t, signtest.KindAgency, s.Kind)
	_, err = pki.Verify(signtest.TamperData(doc), sig)
	assert.ErrorIs(t, err, signtest.ErrTampered)
}

func TestPEM(t *testing.T) {
	pki := testPKI(t)
	sig, err := pki.Sign(doc, pki.Agency(), signtest.SignOptions{})
	require.NoError(t, err)
	armoured := "-----BEGIN CMS-----\n" + chunk(sig) + "-----END CMS-----\n"
	_, err = pki.Verify(nil, []byte(armoured))
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(pki.TrustPEM()), "-----BEGIN CERTIFICATE-----"))
	assert.True(t, strings.Count(string(pki.CRLPEM()), "-----BEGIN X509 CRL-----") == 2)
	key, err := pki.Agency().KeyPEM()
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(key), "-----BEGIN PRIVATE KEY-----"))
	assert.Equal(t, 3, strings.Count(string(pki.Agency().CertPEM()), "BEGIN CERTIFICATE"))
}

func chunk(b []byte) string {
	s := base64Std(b)
	var out strings.Builder
	for len(s) > 64 {
		out.WriteString(s[:64] + "\n")
		s = s[64:]
	}
	out.WriteString(s + "\n")
	return out.String()
}

func TestReason(t *testing.T) {
	assert.Equal(t, "chứng thư số đã bị thu hồi", signtest.Reason(&signtest.VerifyError{Reason: signtest.ErrRevoked}).Render(msg.VI))
	assert.Equal(t, "certificate revoked", signtest.Reason(&signtest.VerifyError{Reason: signtest.ErrRevoked}).Render(msg.EN))
	assert.Equal(t, "hợp lệ", signtest.Reason(nil).Render(msg.VI))
	assert.Equal(t, "lỗi kiểm tra chữ ký", signtest.Reason(errors.New("x")).Render(msg.VI))
	assert.Equal(t, "chứng thư số đã bị thu hồi", signtest.ReasonVI(signtest.ErrRevoked))
}

func base64Std(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

func errorsAs(err error, target any) bool { return errors.As(err, target) }

// The PKI is safe for concurrent use: portals verify while tests issue certificates.
func TestConcurrentUse(t *testing.T) {
	pki, err := signtest.NewPKI()
	require.NoError(t, err)
	people := ident.DefaultPeople()
	var wg sync.WaitGroup
	errs := make(chan error, 2*len(people))
	for i, who := range people {
		wg.Add(1)
		go func() {
			defer wg.Done()
			state := []signtest.State{signtest.Valid, signtest.Revoked}[i%2]
			id, err := pki.Issue(who, state)
			if err != nil {
				errs <- err
				return
			}
			sig, err := pki.Sign(doc, id, signtest.SignOptions{})
			if err != nil {
				errs <- err
				return
			}
			_, err = pki.Verify(nil, sig)
			if state == signtest.Valid && err != nil {
				errs <- err
			}
			if state == signtest.Revoked && !errors.Is(err, signtest.ErrRevoked) {
				errs <- fmt.Errorf("revoked %s: got %v", who.FullName(), err)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// A PKI that did not come from NewPKI returns errors, never panics.
func TestZeroPKI(t *testing.T) {
	var pki signtest.PKI
	_, err := pki.Citizen(ident.DefaultPeople()[0])
	assert.ErrorContains(t, err, "not created with NewPKI")
	assert.Nil(t, pki.TrustPEM())
	assert.Empty(t, pki.CRLs())
	assert.Nil(t, pki.Agency())
	_, err = pki.Verify(doc, []byte("x"))
	assert.ErrorIs(t, err, signtest.ErrMalformed)
	_, err = pki.Sign(doc, pki.Agency(), signtest.SignOptions{})
	assert.Error(t, err)
	_, err = pki.Cases(doc, ident.DefaultPeople()[0])
	assert.Error(t, err)
}

// What was wrong reads in both languages, with times as each shows them: RFC 3339 in UTC in
// English, the date (dd/mm/yyyy) in Vietnamese.
func TestVerifyErrorInBothLanguages(t *testing.T) {
	pki := testPKI(t)
	cases, err := pki.Cases(doc, ident.DefaultPeople()[2])
	require.NoError(t, err)
	var expired signtest.Case
	for _, c := range cases {
		if c.Want == signtest.ErrExpired {
			expired = c
		}
	}
	require.NotNil(t, expired.Want, "an expired case")
	_, err = pki.Verify(expired.Data, expired.Signature)
	var ve *signtest.VerifyError
	require.ErrorAs(t, err, &ve)
	notAfter := ve.Signer.NotAfter.UTC()
	assert.Contains(t, ve.Why.Render(msg.EN), "(valid until "+notAfter.Format(time.RFC3339)+")")
	assert.Contains(t, ve.Why.Render(msg.VI), "(hết hạn ngày "+notAfter.Format("02/01/2006")+")")
	assert.Equal(t, ve.Detail, ve.Why.Render(msg.EN))
	assert.Equal(t, "chứng thư số đã hết hạn: "+ve.Why.Render(msg.VI), ve.Render(msg.VI))
	assert.Empty(t, msg.EnglishWords(ve.Render(msg.VI)), ve.Render(msg.VI))
}
