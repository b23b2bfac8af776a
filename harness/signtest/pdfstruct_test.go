package signtest_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/harness/signtest"
)

// objstm.pdf is NewPDF's document rewritten by qpdf --object-streams=generate: its objects are
// in an object stream and its cross-reference is a compressed stream with a PNG predictor.
func readObjStmPDF(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/objstm.pdf")
	require.NoError(t, err)
	require.Contains(t, string(b), "/ObjStm")
	require.Contains(t, string(b), "/XRef")
	return b
}

// TestPDFStructure: signatures are found and checked through the file's structure, for files
// with classic cross-reference tables, with cross-reference and object streams, with several
// incremental updates, and without a usable cross-reference.
func TestPDFStructure(t *testing.T) {
	pki := testPKI(t)
	for _, tc := range []struct {
		name string
		pdf  []byte
	}{
		{"cross-reference table", signtest.NewPDF("Giấy khai sinh")},
		{"object and cross-reference streams", readObjStmPDF(t)},
		{"no cross-reference", []byte(minimalPDF)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.False(t, signtest.IsSignedPDF(tc.pdf))
			once, err := signtest.SignPDF(tc.pdf, pki.Agency(), signtest.SignOptions{})
			require.NoError(t, err)
			assert.True(t, signtest.IsSignedPDF(once))
			twice, err := signtest.SignPDF(once, pki.Organisation(), signtest.SignOptions{})
			require.NoError(t, err)
			sigs, err := signtest.VerifyPDF(twice, pki.VerifyOptions())
			require.NoError(t, err)
			require.Len(t, sigs, 2)
			assert.Equal(t, signtest.AgencyName, sigs[0].CommonName, "the signature made first comes first")
			assert.Equal(t, signtest.OrganisationName, sigs[1].CommonName)
			assert.True(t, bytes.HasPrefix(twice, once), "an incremental update leaves the signed file as it was")
			assert.True(t, bytes.HasPrefix(sigs[1].Content, once), "the second signature covers the whole first revision")
		})
	}
}

var byteRangeRE = regexp.MustCompile(`/ByteRange \[0 (\d{10}) (\d{10}) (\d{10})\]`)

// shiftGap moves the end of the first signature's gap by d bytes, keeping the file's length.
func shiftGap(t *testing.T, pdf []byte, d int) []byte {
	t.Helper()
	m := byteRangeRE.FindSubmatchIndex(pdf)
	require.NotNil(t, m)
	b, _ := strconv.Atoi(string(pdf[m[4]:m[5]]))
	c, _ := strconv.Atoi(string(pdf[m[6]:m[7]]))
	out := append([]byte(nil), pdf...)
	copy(out[m[4]:], fmt.Sprintf("%010d %010d", b+d, c-d))
	return out
}

// TestPDFSignatureMustExcludeItsContents: a byte range whose gap is not exactly the signature's
// own /Contents is refused, even where the bytes it covers would verify: a byte scanner that
// trusts /ByteRange can be shown any gap.
func TestPDFSignatureMustExcludeItsContents(t *testing.T) {
	pki := testPKI(t)
	signed, err := signtest.SignPDF(signtest.NewPDF("kết quả"), pki.Agency(), signtest.SignOptions{})
	require.NoError(t, err)
	_, err = signtest.VerifyPDF(shiftGap(t, signed, 2), pki.VerifyOptions())
	require.Error(t, err)
	assert.ErrorIs(t, err, signtest.ErrMalformed)
	assert.Contains(t, err.Error(), "but its /Contents is at bytes")
}

// TestPDFByteRangeOutsideAForm: "/ByteRange" text that no signature field of the document's form
// holds (a comment, a stream, a dictionary no field points to) is not a signature.
func TestPDFByteRangeOutsideAForm(t *testing.T) {
	pki := testPKI(t)
	signed, err := signtest.SignPDF(signtest.NewPDF("kết quả"), pki.Agency(), signtest.SignOptions{})
	require.NoError(t, err)
	// The same file with the field's name for its signature dictionary taken away.
	unlinked := bytes.Replace(signed, []byte("/V "), []byte("/X "), 1)
	require.NotEqual(t, signed, unlinked)
	_, err = signtest.VerifyPDF(unlinked, pki.VerifyOptions())
	assert.ErrorIs(t, err, signtest.ErrUnsigned)
	assert.False(t, signtest.IsSignedPDF(unlinked))
	_, err = signtest.VerifyFile(unlinked, nil, pki.VerifyOptions())
	assert.ErrorIs(t, err, signtest.ErrUnsigned, "VerifyFile reads the structure too")
}

// TestPDFHostile: files built to make a reader loop, recurse or allocate get an error.
func TestPDFHostile(t *testing.T) {
	pki := testPKI(t)
	good := signtest.NewPDF("x")
	xrefAt := bytes.LastIndex(good, []byte("xref\n"))
	selfPrev := bytes.Replace(good, []byte("/Root 1 0 R"), []byte(fmt.Sprintf("/Prev %d/Root 1 0 R", xrefAt)), 1)
	for _, tc := range []struct {
		name string
		pdf  []byte
	}{
		{"deep nesting", []byte("%PDF-1.7\n1 0 obj\n" + strings.Repeat("[", 100000) + "\nendobj\ntrailer\n<</Root 1 0 R>>\n")},
		{"previous section is itself", selfPrev},
		{"self reference", []byte("%PDF-1.7\n1 0 obj\n<</Type/Catalog/AcroForm 1 0 R/Fields 1 0 R/Kids[1 0 R]/FT/Sig>>\nendobj\ntrailer\n<</Root 1 0 R>>\n")},
		{"stream length refers to itself", []byte("%PDF-1.7\n1 0 obj\n<</Length 1 0 R>>\nstream\nabc\nendstream\nendobj\ntrailer\n<</Root 1 0 R>>\n")},
		{"header only", []byte("%PDF-1.7\n")},
		{"truncated", good[:len(good)/2]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := signtest.VerifyPDF(tc.pdf, pki.VerifyOptions())
			require.Error(t, err)
			assert.True(t, errorsIsAny(err, signtest.ErrUnsigned, signtest.ErrMalformed), "%v", err)
			_, err = signtest.SignPDF(tc.pdf, pki.Agency(), signtest.SignOptions{})
			_ = err // signing may or may not find enough of the file; it must return
		})
	}
}

func errorsIsAny(err error, targets ...error) bool {
	for _, t := range targets {
		if errors.Is(err, t) {
			return true
		}
	}
	return false
}

// FuzzSignPDF: SignPDF and IsSignedPDF never panic on hostile files, and whatever SignPDF
// accepts and signs, VerifyPDF verifies, with the new signature last.
func FuzzSignPDF(f *testing.F) {
	pki := testPKI(f)
	f.Add(signtest.NewPDF("kết quả"))
	f.Add([]byte(minimalPDF))
	f.Add([]byte("%PDF-1.7\n1 0 obj\n<</Type/Catalog/Pages 2 0 R/AcroForm<</Fields[3 0 R]>>>>\nendobj\n2 0 obj\n<</Type/Pages/Kids[]/Count 0>>\nendobj\n3 0 obj\n<</FT/Sig/T(a)/Kids[3 0 R]>>\nendobj\ntrailer\n<</Root 1 0 R/Size 4>>\n"))
	opts := pki.VerifyOptions()
	f.Fuzz(func(t *testing.T, pdf []byte) {
		_ = signtest.IsSignedPDF(pdf)
		signed, err := signtest.SignPDF(pdf, pki.Agency(), signtest.SignOptions{})
		if err != nil {
			return
		}
		sigs, err := signtest.VerifyPDF(signed, opts)
		if err != nil {
			if errors.Is(err, signtest.ErrTampered) || errors.Is(err, signtest.ErrMalformed) {
				// An earlier signature of the input may itself be broken; the new one must not be.
				return
			}
			t.Fatalf("SignPDF made a file VerifyPDF refuses: %v", err)
		}
		if sigs[len(sigs)-1].CommonName != signtest.AgencyName {
			t.Fatalf("the last signature is %q, not the one just made", sigs[len(sigs)-1].CommonName)
		}
	})
}
