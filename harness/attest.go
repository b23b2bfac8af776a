package harness

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/report"
	"github.com/p06kit/p06kit/internal/safefile"
	"github.com/p06kit/p06kit/scoring"
)

// Attestation is one evidence document for an attested criterion (a security-level approval
// under Decree 85/2016, a monitoring connection record, a penetration-test report): who issued
// it, when, until when it is valid and, optionally, the document's SHA-256 so that an assessor
// can tie the report to the very file.
type Attestation struct {
	// Criterion is the ID of an attested criterion, e.g. "P06-SEC-20".
	Criterion string `json:"criterion"`
	// Document names the document, e.g. "Quyết định 123/QĐ-UBND phê duyệt cấp độ 3".
	Document string `json:"document"`
	// IssuedBy is the body that issued or approved it.
	IssuedBy string `json:"issued_by"`
	// Issued and Expires are days (YYYY-MM-DD); the attestation is valid from Issued to Expires
	// inclusive.
	Issued  string `json:"issued"`
	Expires string `json:"expires"`
	// SHA256 is the hex SHA-256 of the document file. Optional; when File is also given, the
	// harness checks that they match.
	SHA256 string `json:"sha256,omitempty"`
	// File is the path of the document, relative to the evidence file. Optional.
	File string `json:"file,omitempty"`
	// Reference is the document's number or a URL where it can be consulted. Optional.
	Reference string `json:"reference,omitempty"`
}

// Attestations is the evidence file: {"attestations":[…]}. Its JSON Schema is published as
// harness/report/schema/attestations.schema.json.
type Attestations struct {
	Attestations []Attestation `json:"attestations"`
	// dir is the directory of the file, for File paths.
	dir string
}

// The evidence file's errors (msg.Error): `p06 scan --evidence` and a finding show them in the
// report's language. Declared here, beside the validation that says them.
var (
	mAttErrOpen        = msg.New("harness.attest.err.open", "evidence file: %v", "tệp minh chứng: %v")
	mAttErrAt          = msg.New("harness.attest.err.at", "evidence file %s: %v", "tệp minh chứng %s: %v")
	mAttErrTooLarge    = msg.New("harness.attest.err.too-large", "evidence file %s: larger than %d MiB", "tệp minh chứng %s: lớn hơn %d MiB")
	mAttErrLarger      = msg.New("harness.attest.err.larger", "larger than %d MiB", "lớn hơn %d MiB")
	mAttErrTrailing    = msg.New("harness.attest.err.trailing", "trailing data after the JSON object", "có dữ liệu thừa sau đối tượng JSON")
	mAttErrNoArray     = msg.New("harness.attest.err.no-array", `missing "attestations" array`, "thiếu mảng `attestations`")
	mAttErrCriterion   = msg.New("harness.attest.err.criterion", "%s: criterion is required", "%s: thiếu `criterion` (bắt buộc)")
	mAttErrUnknown     = msg.New("harness.attest.err.unknown", "%s: no such criterion in catalogue %s", "%s: bộ tiêu chí %s không có tiêu chí này")
	mAttErrNotAttested = msg.New("harness.attest.err.not-attested", "%s: criterion is %s, not attested: it is assessed by the harness, not by a document", "%s: tiêu chí được đánh giá theo cách %s, không phải attested: harness tự đánh giá, không dựa vào tài liệu")
	mAttErrDocument    = msg.New("harness.attest.err.document", "%s: document is required", "%s: thiếu `document` (bắt buộc)")
	mAttErrIssuedBy    = msg.New("harness.attest.err.issued-by", "%s: issued_by is required", "%s: thiếu `issued_by` (bắt buộc)")
	mAttErrIssued      = msg.New("harness.attest.err.issued", "%s: issued %q is not a date YYYY-MM-DD", "%s: `issued` %q không phải ngày dạng YYYY-MM-DD")
	mAttErrExpires     = msg.New("harness.attest.err.expires", "%s: expires %q is not a date YYYY-MM-DD", "%s: `expires` %q không phải ngày dạng YYYY-MM-DD")
	mAttErrOrder       = msg.New("harness.attest.err.order", "%s: expires %s is before issued %s", "%s: `expires` %s sớm hơn `issued` %s")
	mAttErrFile        = msg.New("harness.attest.err.file", "%s: file %q must be a relative path inside the evidence file's directory", "%s: `file` %q phải là đường dẫn tương đối nằm trong thư mục của tệp minh chứng")
	mAttErrSHA         = msg.New("harness.attest.err.sha256", "%s: sha256 must be 64 hexadecimal digits", "%s: `sha256` phải gồm 64 chữ số thập lục phân")
)

// maxEvidenceFile bounds the evidence file and each document hashed.
const maxEvidenceFile = 64 << 20

// ReadAttestations reads and validates an evidence file against cat: every attestation must
// name an attested criterion of the catalogue and carry its document, issuer and dates. A bad
// file is an error naming the entry and the field.
func ReadAttestations(path string, cat *criteria.Catalogue) (*Attestations, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, msg.Error(mAttErrOpen, err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxEvidenceFile+1))
	if err != nil {
		return nil, msg.Error(mAttErrAt, path, err)
	}
	if len(b) > maxEvidenceFile {
		return nil, msg.Error(mAttErrTooLarge, path, maxEvidenceFile>>20)
	}
	a, err := ParseAttestations(b, cat)
	if err != nil {
		return nil, msg.Error(mAttErrAt, path, err)
	}
	a.dir = filepath.Dir(path)
	return a, nil
}

// ParseAttestations parses and validates the evidence file's JSON; see ReadAttestations.
func ParseAttestations(b []byte, cat *criteria.Catalogue) (*Attestations, error) {
	b = safefile.StripBOM(b) // Windows tools write a byte-order mark
	var a Attestations
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&a); err != nil {
		return nil, errors.New(jsonErr(b, err))
	}
	if dec.More() {
		return nil, msg.Error(mAttErrTrailing)
	}
	if a.Attestations == nil {
		return nil, msg.Error(mAttErrNoArray)
	}
	if err := report.Validate(report.AttestationsSchemaName, b); err != nil {
		return nil, err
	}
	var errs []msg.Phrase
	for i, at := range a.Attestations {
		where := fmt.Sprintf("attestations[%d]", i)
		if at.Criterion != "" {
			where += " (" + at.Criterion + ")"
		}
		cr, ok := cat.Criterion(at.Criterion)
		switch {
		case at.Criterion == "":
			errs = append(errs, msg.P(mAttErrCriterion, where))
		case !ok:
			errs = append(errs, msg.P(mAttErrUnknown, where, cat.ID))
		case cr.Method != criteria.Attested:
			errs = append(errs, msg.P(mAttErrNotAttested, where, cr.Method))
		}
		if strings.TrimSpace(at.Document) == "" {
			errs = append(errs, msg.P(mAttErrDocument, where))
		}
		if strings.TrimSpace(at.IssuedBy) == "" {
			errs = append(errs, msg.P(mAttErrIssuedBy, where))
		}
		iss, err1 := time.Parse(time.DateOnly, at.Issued)
		if err1 != nil {
			errs = append(errs, msg.P(mAttErrIssued, where, at.Issued))
		}
		exp, err2 := time.Parse(time.DateOnly, at.Expires)
		if err2 != nil {
			errs = append(errs, msg.P(mAttErrExpires, where, at.Expires))
		}
		if err1 == nil && err2 == nil && exp.Before(iss) {
			errs = append(errs, msg.P(mAttErrOrder, where, at.Expires, at.Issued))
		}
		// The document lies in the evidence file's directory or below it: a path that leaves it
		// ("../../etc/passwd", "/etc/passwd") would make the harness read and report on any file.
		if at.File != "" && !filepath.IsLocal(filepath.FromSlash(at.File)) {
			errs = append(errs, msg.P(mAttErrFile, where, at.File))
		}
		if at.SHA256 != "" {
			if h, err := hex.DecodeString(at.SHA256); err != nil || len(h) != sha256.Size {
				errs = append(errs, msg.P(mAttErrSHA, where))
			}
		}
	}
	if len(errs) > 0 { // one line each, as errors.Join writes them
		return nil, msg.Error(msg.Verbatim, msg.List{Items: errs, Sep: "\n"})
	}
	return &a, nil
}

func loadAttestations(path string, cat *criteria.Catalogue) (*Attestations, error) {
	if path == "" {
		return nil, nil
	}
	return ReadAttestations(path, cat)
}

// finding returns the finding of attested criterion cr on day asOf: attested by a valid
// attestation; not_tested when there is none, or only expired or future ones; error when the
// document's hash does not match. a may be nil (no evidence file).
func (a *Attestations) finding(cr *criteria.Criterion, asOf time.Time, lang string) scoring.Finding {
	f := scoring.Finding{Criterion: cr.ID, Group: cr.Group, Status: scoring.NotTested}
	say := func(t msg.Text, args ...any) { f.Message, f.MessageID = t.Render(lang, args...), t.ID() }
	if a == nil {
		say(mAttNoFile)
		return f
	}
	day := asOf.Format(time.DateOnly)
	var reasons []msg.Phrase
	for _, at := range a.Attestations {
		if at.Criterion != cr.ID {
			continue
		}
		ev := scoring.Evidence{Note: fmt.Sprintf("%s — %s, %s → %s", at.Document, at.IssuedBy, at.Issued, at.Expires)}
		if at.Reference != "" {
			ev.Request = at.Reference
		}
		if at.SHA256 != "" {
			ev.Excerpt = "sha256:" + strings.ToLower(at.SHA256)
		}
		switch {
		case day < at.Issued:
			reasons = append(reasons, msg.P(mAttFuture, at.Document, at.Issued))
			continue
		case day > at.Expires:
			reasons = append(reasons, msg.P(mAttExpired, at.Document, at.Expires))
			continue
		}
		if at.File != "" {
			sum, err := hashFile(a.dir, at.File)
			if err != nil {
				f.Status = scoring.Error
				say(mAttUnreadable, at.File, err)
				f.Evidence = []scoring.Evidence{ev}
				return f
			}
			if at.SHA256 != "" && !strings.EqualFold(sum, at.SHA256) {
				f.Status = scoring.Error
				say(mAttMismatch, at.File, sum, at.SHA256)
				f.Got, f.Want = sum, strings.ToLower(at.SHA256)
				f.Evidence = []scoring.Evidence{ev}
				return f
			}
			ev.Excerpt = "sha256:" + sum
		}
		f.Status = scoring.Attested
		say(mAttested, at.Document, at.IssuedBy, at.Issued, at.Expires)
		f.Evidence = []scoring.Evidence{ev}
		return f
	}
	if len(reasons) == 0 {
		say(mAttNone)
	} else {
		say(mAttNoneValid, msg.List{Items: reasons})
	}
	return f
}

// hashFile hashes the document name inside dir, through an os.Root so that neither ".." nor a
// symbolic link leads outside dir.
func hashFile(dir, name string) (string, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return "", err
	}
	defer root.Close()
	fh, err := root.Open(filepath.FromSlash(name))
	if err != nil {
		return "", err
	}
	defer fh.Close()
	h := sha256.New()
	n, err := io.Copy(h, io.LimitReader(fh, maxEvidenceFile+1))
	if err != nil {
		return "", err
	}
	if n > maxEvidenceFile {
		return "", msg.Error(mAttErrLarger, maxEvidenceFile>>20)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
