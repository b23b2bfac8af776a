package signtest_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/harness/signtest"
)

const minimalPDF = "%PDF-1.7\n1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n2 0 obj\n<</Type/Pages/Kids[]/Count 0>>\nendobj\ntrailer\n<</Root 1 0 R>>\n%%EOF\n"

func TestPDF(t *testing.T) {
	pki := testPKI(t)
	at := pki.Now()
	signed, err := signtest.SignPDF([]byte(minimalPDF), pki.Agency(), signtest.SignOptions{SigningTime: at})
	require.NoError(t, err)
	require.True(t, signtest.IsSignedPDF(signed))
	assert.False(t, signtest.IsSignedPDF([]byte(minimalPDF)))
	twice, err := signtest.SignPDF(signed, pki.Organisation(), signtest.SignOptions{TSA: pki.TSA()})
	require.NoError(t, err)

	t.Run("one signature", func(t *testing.T) {
		sigs, err := signtest.VerifyPDF(signed, pki.VerifyOptions())
		require.NoError(t, err)
		require.Len(t, sigs, 1)
		assert.Equal(t, signtest.AgencyName, sigs[0].CommonName)
		assert.Equal(t, signtest.KindAgency, sigs[0].Kind)
		assert.True(t, at.Equal(sigs[0].SigningTime))
	})
	t.Run("two signatures", func(t *testing.T) {
		sigs, err := signtest.VerifyPDF(twice, pki.VerifyOptions())
		require.NoError(t, err)
		require.Len(t, sigs, 2)
		assert.Equal(t, signtest.OrganisationName, sigs[1].CommonName)
		assert.False(t, sigs[1].Timestamp.IsZero(), "the second signature is time-stamped")
	})
	t.Run("trailing newline is fine", func(t *testing.T) {
		_, err := signtest.VerifyPDF(append(append([]byte(nil), signed...), "\r\n"...), pki.VerifyOptions())
		assert.NoError(t, err)
	})

	catalog := bytes.Index(signed, []byte("Catalog"))
	for _, tc := range []struct {
		name string
		pdf  []byte
		want error
		msg  string
	}{
		{"unsigned", []byte(minimalPDF), signtest.ErrUnsigned, "no signature"},
		{"content changed", replaceAt(signed, catalog, "Catalgo"), signtest.ErrTampered, "PDF signature 1"},
		{"content appended", append(append([]byte(nil), signed...), "3 0 obj\n<<>>\nendobj\n"...), signtest.ErrTampered, "added after the last signature"},
		{"byte range too long", bytes.Replace(signed, []byte("/ByteRange [0 "), []byte("/ByteRange [9 "), 1), signtest.ErrMalformed, "does not fit"},
		{"contents not hex", replaceAt(signed, bytes.Index(signed, []byte("/Contents <"))+11, "zz"), signtest.ErrMalformed, "cannot be read"},
		{"gap not a string", bytes.Replace(signed, []byte("/Contents <"), []byte("/Contents ("), 1), signtest.ErrMalformed, "cannot be read"},
		{"untrusted", mustSignPDF(t, pki.UntrustedRoot), signtest.ErrUntrusted, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := signtest.VerifyPDF(tc.pdf, pki.VerifyOptions())
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.want)
			assert.Contains(t, err.Error(), tc.msg)
		})
	}
}

func replaceAt(b []byte, at int, s string) []byte {
	out := append([]byte(nil), b...)
	copy(out[at:], s)
	return out
}

func mustSignPDF(t *testing.T, id *signtest.Identity) []byte {
	t.Helper()
	b, err := signtest.SignPDF([]byte(minimalPDF), id, signtest.SignOptions{})
	require.NoError(t, err)
	return b
}

// FuzzVerifyPDF: VerifyPDF never panics on hostile files and never accepts a file whose signed
// bytes differ from a file the PKI signed.
func FuzzVerifyPDF(f *testing.F) {
	pki := testPKI(f)
	signed, err := signtest.SignPDF([]byte(minimalPDF), pki.Agency(), signtest.SignOptions{})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(signed)
	f.Add([]byte(minimalPDF))
	f.Add([]byte("%PDF-1.4 /ByteRange [0 1 2 3] <00>"))
	f.Add([]byte(fmt.Sprintf("%%PDF-1.4 /ByteRange[0 10 12 0]%s", "<>")))
	opts := pki.VerifyOptions()
	f.Fuzz(func(t *testing.T, pdf []byte) {
		sigs, err := signtest.VerifyPDF(pdf, opts)
		if err != nil {
			return
		}
		for _, s := range sigs {
			if !bytes.HasPrefix(s.Content, []byte(minimalPDF)) {
				t.Fatalf("verified a PDF whose signed bytes the PKI never signed")
			}
		}
	})
}
