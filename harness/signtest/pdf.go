package signtest

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"strconv"
	"time"
)

// PDF signatures. Electronic results are usually signed PDFs: a PAdES (ETSI EN 319 142) or
// adbe.pkcs7.detached signature is a detached CMS signature over the whole file except the
// /Contents hex string that holds it, located by the signature dictionary's /ByteRange
// [offset1 length1 offset2 length2].

// pdfContentsSize is the room reserved for the CMS signature in a PDF made by SignPDF.
const pdfContentsSize = 16384

// maxPDFSignatures bounds the signatures VerifyPDF reads from one file.
const maxPDFSignatures = 16

// SignPDF returns pdf with a signature by signer appended as an incremental update: a signature
// dictionary (SubFilter ETSI.CAdES.detached) whose /Contents is a detached CMS signature over the
// byte range that excludes it. opts.Detached is ignored: PDF signatures are always detached.
//
// The update holds the signature dictionary only, not the AcroForm field and widget that
// attach it to a page: enough for byte-range verification ([VerifyPDF], and the same logic in
// any PAdES verifier), not for a PDF reader's signature panel.
func SignPDF(pdf []byte, signer *Identity, opts SignOptions) ([]byte, error) {
	if signer == nil || signer.Cert == nil {
		return nil, fmt.Errorf("signtest: sign PDF: signer has no certificate")
	}
	st := opts.SigningTime
	if st.IsZero() {
		st = time.Now()
	}
	const placeholder = "/ByteRange [0 0000000000 0000000000 0000000000]"
	var b bytes.Buffer
	b.Write(pdf)
	if len(pdf) > 0 && pdf[len(pdf)-1] != '\n' {
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "9999 0 obj\n<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached/M(D:%s)/Name(%s)",
		st.UTC().Format("20060102150405Z"), pdfString(signer.Cert.Subject.CommonName))
	rangeAt := b.Len()
	b.WriteString(placeholder)
	b.WriteString("/Contents ")
	start := b.Len()
	b.WriteByte('<')
	b.Write(bytes.Repeat([]byte{'0'}, 2*pdfContentsSize))
	b.WriteByte('>')
	end := b.Len()
	b.WriteString(">>\nendobj\n%%EOF\n")
	out := b.Bytes()
	br := fmt.Sprintf("/ByteRange [0 %010d %010d %010d]", start, end, len(out)-end)
	if len(br) != len(placeholder) {
		return nil, fmt.Errorf("signtest: sign PDF: the file is too large for the byte range")
	}
	copy(out[rangeAt:], br)
	signed := append(append([]byte(nil), out[:start]...), out[end:]...)
	opts.Detached = true
	sig, err := Sign(signed, signer, opts)
	if err != nil {
		return nil, err
	}
	if len(sig) > pdfContentsSize {
		return nil, fmt.Errorf("signtest: sign PDF: the signature (%d bytes) exceeds the %d reserved", len(sig), pdfContentsSize)
	}
	hex.Encode(out[start+1:], sig)
	return out, nil
}

// pdfString escapes s for a PDF literal string.
func pdfString(s string) string {
	var b bytes.Buffer
	for _, r := range []byte(s) {
		if r == '(' || r == ')' || r == '\\' {
			b.WriteByte('\\')
		}
		b.WriteByte(r)
	}
	return b.String()
}

// IsSignedPDF reports whether b is a PDF with at least one signature byte range.
func IsSignedPDF(b []byte) bool {
	return bytes.HasPrefix(bytes.TrimLeft(b, "\r\n\t "), []byte("%PDF-")) && bytes.Contains(b, []byte("/ByteRange"))
}

// VerifyPDF verifies every signature of a signed PDF with opts and returns them in file order,
// the last (outermost) last. The last signature must cover the whole file: bytes appended after
// it are reported as ErrTampered, since they may change what the reader sees. A PDF without a
// signature is ErrUnsigned; a byte range that does not point at a hex /Contents string is
// ErrMalformed. Errors are *[VerifyError]s, as from [Verify].
func VerifyPDF(pdf []byte, opts VerifyOptions) ([]*Signed, error) {
	ranges, err := byteRanges(pdf)
	if err != nil {
		return nil, err
	}
	if len(ranges) == 0 {
		return nil, verr(ErrUnsigned, nil, "the PDF has no signature (/ByteRange)", "tệp PDF không có chữ ký số", nil)
	}
	var out []*Signed
	for i, r := range ranges {
		contents := pdf[r[0]+r[1] : r[2]]
		if len(contents) < 2 || contents[0] != '<' || contents[len(contents)-1] != '>' {
			return nil, verr(ErrMalformed, nil, fmt.Sprintf("signature %d: the byte range gap is not a hex string", i+1), "vùng chữ ký trong PDF không hợp lệ", nil)
		}
		raw, err := hex.DecodeString(string(bytes.Join(bytes.Fields(contents[1:len(contents)-1]), nil)))
		if err != nil {
			return nil, verr(ErrMalformed, nil, fmt.Sprintf("signature %d: /Contents is not hex", i+1), "vùng chữ ký trong PDF không hợp lệ", err)
		}
		// /Contents is zero-padded past the end of the CMS value.
		br := &berReader{in: raw}
		if _, n, err := br.value(0, 0); err == nil {
			raw = raw[:n]
		}
		data := append(append([]byte(nil), pdf[r[0]:r[0]+r[1]]...), pdf[r[2]:r[2]+r[3]]...)
		s, err := Verify(data, raw, opts)
		if err != nil {
			if ve, ok := err.(*VerifyError); ok {
				ve.Detail = fmt.Sprintf("PDF signature %d: %s", i+1, ve.Detail)
			}
			return nil, err
		}
		s.Content = data
		out = append(out, s)
	}
	last := ranges[len(ranges)-1]
	if covered := last[2] + last[3]; covered < len(pdf) && len(bytes.TrimSpace(pdf[covered:])) > 0 {
		return nil, verr(ErrTampered, out[len(out)-1].Signer, fmt.Sprintf("%d bytes were added after the last signature, which covers bytes up to %d", len(pdf)-covered, covered),
			"tệp PDF bị thêm nội dung sau chữ ký cuối cùng", nil)
	}
	return out, nil
}

// byteRanges finds the /ByteRange arrays of a PDF and checks each is [0 a b c] with
// 0 < a < b, b+c <= len(pdf).
func byteRanges(pdf []byte) ([][4]int, error) {
	var out [][4]int
	key := []byte("/ByteRange")
	for off := 0; ; {
		i := bytes.Index(pdf[off:], key)
		if i < 0 {
			return out, nil
		}
		off += i + len(key)
		if len(out) == maxPDFSignatures {
			return nil, verr(ErrMalformed, nil, fmt.Sprintf("more than %d signatures", maxPDFSignatures), "quá nhiều chữ ký trong PDF", nil)
		}
		p := off
		for p < len(pdf) && isPDFSpace(pdf[p]) {
			p++
		}
		if p >= len(pdf) || pdf[p] != '[' {
			continue // "/ByteRange" in a content stream or a comment, not an array
		}
		p++
		var r [4]int
		for k := 0; k < 4; k++ {
			for p < len(pdf) && isPDFSpace(pdf[p]) {
				p++
			}
			q := p
			for q < len(pdf) && q-p < 12 && pdf[q] >= '0' && pdf[q] <= '9' {
				q++
			}
			n, err := strconv.Atoi(string(pdf[p:q]))
			if err != nil {
				return nil, verr(ErrMalformed, nil, fmt.Sprintf("/ByteRange at offset %d: number %d unreadable", off, k+1), "ByteRange không đọc được", err)
			}
			r[k], p = n, q
		}
		if r[0] != 0 || r[1] <= 0 || r[2] <= r[1] || r[3] < 0 || r[2]+r[3] > len(pdf) {
			return nil, verr(ErrMalformed, nil, fmt.Sprintf("/ByteRange %v at offset %d does not fit a %d-byte file", r, off, len(pdf)), "ByteRange không hợp lệ", nil)
		}
		out = append(out, r)
		off = p
	}
}

func isPDFSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}
