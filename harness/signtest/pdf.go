package signtest

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"time"
	"unicode/utf16"

	"github.com/p06kit/p06kit/harness/msg"
)

// PDF signatures. Electronic results are usually signed PDFs: a PAdES (ETSI EN 319 142) or
// adbe.pkcs7.detached signature is a detached CMS signature over the whole file except the
// /Contents hex string that holds it, located by the signature dictionary's /ByteRange
// [offset1 length1 offset2 length2].

// pdfContentsSize is the room reserved for the CMS signature in a PDF made by SignPDF.
const pdfContentsSize = 16384

// maxPDFSignatures bounds the signatures VerifyPDF reads from one file.
const maxPDFSignatures = 16

// SignPDF returns pdf with a signature by signer appended as an incremental update, as PDF
// signing software writes it: a signature dictionary (SubFilter ETSI.CAdES.detached) whose
// /Contents is a detached CMS signature over the byte range that excludes it, an invisible
// signature field that holds it, added to the document's interactive form (and to the first
// page's annotations), and a cross-reference table and trailer for the update. pdf must be a
// PDF that can be read (a file without a usable cross-reference is read by scanning for its
// objects, and the update then lists them all). opts.Detached is ignored: PDF signatures are
// always detached.
func SignPDF(pdf []byte, signer *Identity, opts SignOptions) ([]byte, error) {
	if signer == nil || signer.Cert == nil {
		return nil, fmt.Errorf("signtest: sign PDF: signer has no certificate")
	}
	doc, err := parsePDF(pdf)
	if err != nil {
		return nil, fmt.Errorf("signtest: sign PDF: %w", err)
	}
	if doc.trailer["Encrypt"] != nil {
		return nil, fmt.Errorf("signtest: sign PDF: encrypted PDFs are not supported")
	}
	rootRef, ok := doc.trailer["Root"].(pdfRef)
	if !ok {
		return nil, fmt.Errorf("signtest: sign PDF: the trailer's /Root is not a reference")
	}
	cat, err := doc.catalog()
	if err != nil {
		return nil, fmt.Errorf("signtest: sign PDF: %w", err)
	}
	existing, err := doc.sigFields()
	if err != nil {
		return nil, fmt.Errorf("signtest: sign PDF: %w", err)
	}
	size := 0
	if n, ok := doc.trailer["Size"].(int64); ok && n > 0 && n <= pdfMaxObjects {
		size = int(n)
	}
	for n := range doc.xref {
		size = max(size, n+1)
	}
	sigNum, fieldNum := size, size+1
	sigRef, fieldRef := pdfRef{sigNum, 0}, pdfRef{fieldNum, 0}

	// The catalog, with the new field in its interactive form.
	form := pdfDict{}
	for k, v := range doc.dictOf(cat["AcroForm"]) {
		form[k] = v
	}
	oldFields, _ := doc.resolve(form["Fields"])
	fields, _ := oldFields.([]any)
	form["Fields"] = append(append([]any(nil), fields...), fieldRef)
	form["SigFlags"] = int64(3)
	newCat := pdfDict{}
	for k, v := range cat {
		newCat[k] = v
	}
	newCat["AcroForm"] = form

	field := pdfDict{"FT": pdfName("Sig"), "T": &pdfString{b: fmt.Appendf(nil, "Signature%d", len(existing)+1)},
		"V": sigRef, "Type": pdfName("Annot"), "Subtype": pdfName("Widget"),
		"Rect": []any{int64(0), int64(0), int64(0), int64(0)}, "F": int64(132)}
	objs := map[pdfRef]any{rootRef: newCat, fieldRef: field}
	if pageRef, page := doc.firstPage(); page != nil {
		field["P"] = pageRef
		newPage := pdfDict{}
		for k, v := range page {
			newPage[k] = v
		}
		oldAnnots, _ := doc.resolve(page["Annots"])
		annots, _ := oldAnnots.([]any)
		newPage["Annots"] = append(append([]any(nil), annots...), fieldRef)
		objs[pageRef] = newPage
	}

	st := opts.SigningTime
	if st.IsZero() {
		st = time.Now()
	}
	var b bytes.Buffer
	b.Write(pdf)
	if len(pdf) > 0 && pdf[len(pdf)-1] != '\n' && pdf[len(pdf)-1] != '\r' {
		b.WriteByte('\n')
	}
	offsets := map[pdfRef]int{}
	refs := make([]pdfRef, 0, len(objs))
	for r := range objs {
		refs = append(refs, r)
	}
	sort.Slice(refs, func(i, j int) bool { return refs[i].num < refs[j].num })
	for _, r := range refs {
		offsets[r] = b.Len()
		fmt.Fprintf(&b, "%d %d obj\n", r.num, r.gen)
		writePDFObject(&b, objs[r])
		b.WriteString("\nendobj\n")
	}
	// The signature dictionary, with room for the byte range and the signature.
	const placeholder = "/ByteRange [0 0000000000 0000000000 0000000000]"
	offsets[sigRef] = b.Len()
	fmt.Fprintf(&b, "%d 0 obj\n<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached/M", sigNum)
	writePDFObject(&b, &pdfString{b: []byte("D:" + st.UTC().Format("20060102150405Z"))})
	b.WriteString("/Name")
	writePDFObject(&b, textStringObj(signer.Cert.Subject.CommonName))
	rangeAt := b.Len()
	b.WriteString(placeholder)
	b.WriteString("/Contents ")
	start := b.Len()
	b.WriteByte('<')
	b.Write(bytes.Repeat([]byte{'0'}, 2*pdfContentsSize))
	b.WriteByte('>')
	end := b.Len()
	b.WriteString(">>\nendobj\n")

	// The cross-reference of the update: the objects it writes, or every object when the file
	// had no usable cross-reference to point back to.
	entries := map[int]string{}
	for r, off := range offsets {
		entries[r.num] = fmt.Sprintf("%010d %05d n\r\n", off, r.gen)
	}
	if doc.startxref < 0 {
		entries[0] = "0000000000 65535 f\r\n"
		for n, e := range doc.xref {
			if _, ok := entries[n]; !ok && e.kind == 1 {
				entries[n] = fmt.Sprintf("%010d %05d n\r\n", e.off, 0)
			}
		}
	}
	nums := make([]int, 0, len(entries))
	for n := range entries {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	xrefAt := b.Len()
	b.WriteString("xref\n")
	for i := 0; i < len(nums); {
		j := i + 1
		for j < len(nums) && nums[j] == nums[j-1]+1 {
			j++
		}
		fmt.Fprintf(&b, "%d %d\n", nums[i], j-i)
		for _, n := range nums[i:j] {
			b.WriteString(entries[n])
		}
		i = j
	}
	trailer := pdfDict{"Size": int64(fieldNum + 1), "Root": rootRef}
	if doc.startxref >= 0 {
		trailer["Prev"] = int64(doc.startxref)
	}
	for _, k := range []pdfName{"Info", "ID"} {
		if v, ok := doc.trailer[k]; ok {
			trailer[k] = v
		}
	}
	b.WriteString("trailer\n")
	writePDFObject(&b, trailer)
	fmt.Fprintf(&b, "\nstartxref\n%d\n%%%%EOF\n", xrefAt)

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

// NewPDF returns a small valid one-page PDF (with a cross-reference table and trailer) whose
// document information carries title and whose page shows nothing: a stand-in for the result
// documents portals issue, for signing with [SignPDF].
func NewPDF(title string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	objs := []any{
		pdfDict{"Type": pdfName("Catalog"), "Pages": pdfRef{2, 0}},
		pdfDict{"Type": pdfName("Pages"), "Kids": []any{pdfRef{3, 0}}, "Count": int64(1)},
		pdfDict{"Type": pdfName("Page"), "Parent": pdfRef{2, 0}, "MediaBox": []any{int64(0), int64(0), int64(595), int64(842)},
			"Resources": pdfDict{}},
		pdfDict{"Title": textStringObj(title), "Producer": &pdfString{b: []byte("p06kit signtest")}},
	}
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n", i+1)
		writePDFObject(&b, o)
		b.WriteString("\nendobj\n")
	}
	xrefAt := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f\r\n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n\r\n", o)
	}
	b.WriteString("trailer\n")
	writePDFObject(&b, pdfDict{"Size": int64(len(objs) + 1), "Root": pdfRef{1, 0}, "Info": pdfRef{4, 0}})
	fmt.Fprintf(&b, "\nstartxref\n%d\n%%%%EOF\n", xrefAt)
	return b.Bytes()
}

// firstPage returns the first page of the document, or a nil dictionary when it has none.
func (d *pdfDoc) firstPage() (pdfRef, pdfDict) {
	cat, err := d.catalog()
	if err != nil {
		return pdfRef{}, nil
	}
	node := cat["Pages"]
	for depth := 0; depth < pdfMaxDepth; depth++ {
		r, ok := node.(pdfRef)
		if !ok {
			return pdfRef{}, nil
		}
		dict := d.dictOf(r)
		if dict == nil {
			return pdfRef{}, nil
		}
		if dict["Type"] == pdfName("Page") {
			return r, dict
		}
		kids, _ := d.resolve(dict["Kids"])
		arr, _ := kids.([]any)
		if len(arr) == 0 {
			return pdfRef{}, nil
		}
		node = arr[0]
	}
	return pdfRef{}, nil
}

// textStringObj encodes s as a PDF text string: as is when ASCII, else UTF-16BE with a BOM.
func textStringObj(s string) *pdfString {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
		}
	}
	if ascii {
		return &pdfString{b: []byte(s)}
	}
	b := []byte{0xfe, 0xff}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return &pdfString{b: b, hex: true}
}

// writePDFObject writes v in PDF syntax, dictionary keys in sorted order.
func writePDFObject(b *bytes.Buffer, v any) {
	switch t := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(t))
	case int64:
		b.WriteString(strconv.FormatInt(t, 10))
	case float64:
		b.WriteString(strconv.FormatFloat(t, 'f', -1, 64))
	case pdfName:
		b.WriteByte('/')
		for i := 0; i < len(t); i++ {
			c := t[i]
			if c <= ' ' || c >= 0x7f || c == '#' || isPDFDelim(c) {
				fmt.Fprintf(b, "#%02X", c)
			} else {
				b.WriteByte(c)
			}
		}
	case *pdfString:
		if t.hex {
			b.WriteByte('<')
			b.WriteString(hex.EncodeToString(t.b))
			b.WriteByte('>')
			return
		}
		b.WriteByte('(')
		for _, c := range t.b {
			switch c {
			case '(', ')', '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case '\r':
				b.WriteString(`\r`)
			default:
				b.WriteByte(c)
			}
		}
		b.WriteByte(')')
	case pdfRef:
		fmt.Fprintf(b, "%d %d R", t.num, t.gen)
	case []any:
		b.WriteByte('[')
		for i, e := range t {
			if i > 0 {
				b.WriteByte(' ')
			}
			writePDFObject(b, e)
		}
		b.WriteByte(']')
	case pdfDict:
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, string(k))
		}
		sort.Strings(keys)
		b.WriteString("<<")
		for _, k := range keys {
			writePDFObject(b, pdfName(k))
			b.WriteByte(' ')
			writePDFObject(b, t[pdfName(k)])
		}
		b.WriteString(">>")
	default: // a stream cannot be written inline; the writer never has one here
		b.WriteString("null")
	}
}

// IsSignedPDF reports whether b is a PDF that carries at least one signature: a signature
// field of its interactive form with a value, found by reading the file's structure.
func IsSignedPDF(b []byte) bool {
	if !isPDF(b) {
		return false
	}
	doc, err := parsePDF(b)
	if err != nil {
		return false
	}
	fields, err := doc.sigFields()
	return err == nil && len(fields) > 0
}

func isPDF(b []byte) bool {
	return bytes.HasPrefix(bytes.TrimLeft(b, "\r\n\t "), []byte("%PDF-"))
}

// pdfSig is one signature as the file's structure locates it.
type pdfSig struct {
	field    string
	r        [4]int
	contents *pdfString
}

// VerifyPDF verifies every signature of a signed PDF with opts. It reads the file's structure
// (cross-reference tables or streams, incremental updates, object streams), finds the signature
// fields of the interactive form, and checks that each signature's /ByteRange excludes exactly
// its own /Contents string before verifying the CMS signature over the bytes it covers. The
// signatures are returned in the order they were made (by the length of file they cover), the
// last (outermost) last. The last signature must cover the whole file: bytes appended after it
// are reported as ErrTampered, since they may change what the reader sees. A PDF without a
// signature is ErrUnsigned; one that cannot be read, or whose byte range does not match its
// /Contents, is ErrMalformed. Document timestamps (ETSI.RFC3161) are not signatures of a
// signer and are left out. Errors are *[VerifyError]s, as from [Verify].
func VerifyPDF(pdf []byte, opts VerifyOptions) ([]*Signed, error) {
	doc, err := parsePDF(pdf)
	if err != nil {
		return nil, verr(ErrMalformed, nil, msg.P(mPDFUnreadable, err), err)
	}
	fields, err := doc.sigFields()
	if err != nil {
		return nil, verr(ErrMalformed, nil, msg.P(mPDFForm, err), err)
	}
	var sigs []pdfSig
	for _, f := range fields {
		if f.sig["SubFilter"] == pdfName("ETSI.RFC3161") || f.sig["Type"] == pdfName("DocTimeStamp") {
			continue
		}
		if len(sigs) == maxPDFSignatures {
			return nil, verr(ErrMalformed, nil, msg.P(mPDFTooMany, maxPDFSignatures), nil)
		}
		ps, err := locateSig(doc, f)
		if err != nil {
			return nil, err
		}
		sigs = append(sigs, ps)
	}
	if len(sigs) == 0 {
		return nil, verr(ErrUnsigned, nil, msg.P(mPDFUnsigned), nil)
	}
	sort.SliceStable(sigs, func(i, j int) bool { return sigs[i].r[2]+sigs[i].r[3] < sigs[j].r[2]+sigs[j].r[3] })
	var out []*Signed
	for i, ps := range sigs {
		r := ps.r
		raw := ps.contents.b
		// /Contents is zero-padded past the end of the CMS value.
		br := &berReader{in: raw}
		if _, n, err := br.value(0, 0); err == nil {
			raw = raw[:n]
		}
		data := append(append([]byte(nil), pdf[r[0]:r[0]+r[1]]...), pdf[r[2]:r[2]+r[3]]...)
		s, err := Verify(data, raw, opts)
		if err != nil {
			if ve, ok := err.(*VerifyError); ok {
				ve.explain(msg.P(mPDFSignature, i+1, ps.field, ve.Why))
			}
			return nil, err
		}
		s.Content = data
		out = append(out, s)
	}
	last := sigs[len(sigs)-1].r
	if covered := last[2] + last[3]; covered < len(pdf) && len(bytes.TrimSpace(pdf[covered:])) > 0 {
		return nil, verr(ErrTampered, out[len(out)-1].Signer, msg.P(mPDFAppended, len(pdf)-covered, covered), nil)
	}
	return out, nil
}

// locateSig checks a signature field's byte range against the file: [0 a b c] with the gap
// [a, b) exactly the signature dictionary's /Contents hex string, and b+c within the file.
func locateSig(doc *pdfDoc, f pdfSigField) (pdfSig, error) {
	bad := func(t msg.Text, a ...any) (pdfSig, error) {
		return pdfSig{}, verr(ErrMalformed, nil, msg.P(mPDFField, f.name, msg.P(t, a...)), nil)
	}
	arr, _ := doc.resolve(f.sig["ByteRange"])
	nums, _ := arr.([]any)
	if len(nums) != 4 {
		return bad(mPDFRangeShape)
	}
	var r [4]int
	for i, v := range nums {
		n, ok := v.(int64)
		if !ok || n < 0 || n > int64(len(doc.b)) {
			return bad(mPDFRangeFit, nums, len(doc.b))
		}
		r[i] = int(n)
	}
	if r[0] != 0 || r[1] <= 0 || r[2] <= r[1] || r[2]+r[3] > len(doc.b) {
		return bad(mPDFRangeFit, r, len(doc.b))
	}
	c, ok := f.sig["Contents"].(*pdfString)
	if !ok || !c.hex {
		return bad(mPDFContentsHex)
	}
	if c.start < 0 {
		return bad(mPDFCompressed)
	}
	if r[1] != c.start || r[2] != c.end {
		return bad(mPDFRangeGap, r, r[1], r[2], c.start, c.end)
	}
	return pdfSig{field: f.name, r: r, contents: c}, nil
}

func isPDFSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}
