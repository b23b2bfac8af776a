package index766

import (
	"fmt"
	"strconv"
)

// Record is one dossier (hồ sơ) as the national synchronisation describes it, after parsing.
// Byte slices point into the reader's buffer or scratch space: they are valid only until the
// next record is read; copy them to keep them.
type Record struct {
	// ID is MaHoSo, Unit is MaDonVi, Procedure is MaTTHC. All three are required.
	ID, Unit, Procedure []byte
	// Channel is KenhThucHien: 1 in person (also when empty), 2 online, 3 public postal.
	Channel int8
	// Received, Due and Finished are NgayTiepNhan (required), NgayHenTra and NgayKetThucXuLy as
	// Unix seconds; Due and Finished are meaningful only when HasDue / HasFinished.
	Received, Due, Finished int64
	HasDue, HasFinished     bool
	// FeePositive is PhiLePhi > 0.
	FeePositive bool
	// Paid is DuocThanhToanTrucTuyen: 0 not paid online, 1 on the national portal, 2 on the
	// ministry's or province's payment gateway.
	Paid int8
	// ResultLink is a non-empty DuongDanTepTinKetQua.
	ResultLink bool
	// Digitised is DuocSoHoa, FromStore is DuocLayTuKhoDMQG, VNeID is TaiKhoanDuocXacThucVoiVNeID.
	Digitised, FromStore, VNeID bool
}

// The fields a dossier record is read from, in the national synchronisation's names.
const (
	fID = iota
	fUnit
	fProcedure
	fChannel
	fReceived
	fDue
	fFinished
	fFee
	fPaid
	fResult
	fDigitised
	fFromStore
	fVNeID
	numFields
)

// FieldNames are the names of the dossier fields p06kit reads, in a fixed order; other fields
// of a record are skipped.
var FieldNames = [numFields]string{
	"MaHoSo", "MaDonVi", "MaTTHC", "KenhThucHien", "NgayTiepNhan", "NgayHenTra",
	"NgayKetThucXuLy", "PhiLePhi", "DuocThanhToanTrucTuyen", "DuongDanTepTinKetQua",
	"DuocSoHoa", "DuocLayTuKhoDMQG", "TaiKhoanDuocXacThucVoiVNeID",
}

// fieldIndex maps a field name to its index, or -1. The switch on string(b) compiles to
// comparisons without converting (allocating) the slice.
func fieldIndex(b []byte) int {
	switch string(b) {
	case "MaHoSo":
		return fID
	case "MaDonVi":
		return fUnit
	case "MaTTHC":
		return fProcedure
	case "KenhThucHien":
		return fChannel
	case "NgayTiepNhan":
		return fReceived
	case "NgayHenTra":
		return fDue
	case "NgayKetThucXuLy":
		return fFinished
	case "PhiLePhi":
		return fFee
	case "DuocThanhToanTrucTuyen":
		return fPaid
	case "DuongDanTepTinKetQua":
		return fResult
	case "DuocSoHoa":
		return fDigitised
	case "DuocLayTuKhoDMQG":
		return fFromStore
	case "TaiKhoanDuocXacThucVoiVNeID":
		return fVNeID
	}
	return -1
}

// kind is the JSON type of a value; CSV values are all strings.
type kind uint8

const (
	kAbsent kind = iota
	kString
	kNumber
	kNull
	kTrue
	kFalse
)

// slot is the raw value of one field in one record, before interpretation: both readers fill
// slots and [apply] gives them one meaning, so JSON Lines and CSV cannot disagree.
type slot struct {
	k kind
	v []byte
}

// apply interprets the slots of one record into r and checks the record. The error says which
// field and why; it is only built on the bad path.
func apply(s *[numFields]slot, r *Record) error {
	*r = Record{}
	var err error
	if r.ID, err = ident(s, fID); err != nil {
		return err
	}
	if r.Unit, err = ident(s, fUnit); err != nil {
		return err
	}
	if r.Procedure, err = ident(s, fProcedure); err != nil {
		return err
	}
	if v, ok, err := text(s, fChannel); err != nil {
		return err
	} else if ok {
		if len(v) != 1 || v[0] < '1' || v[0] > '3' {
			return fieldErr(fChannel, v, "want 1 (in person), 2 (online), 3 (postal) or empty")
		}
		r.Channel = int8(v[0] - '0')
	}
	var has bool
	if r.Received, has, err = date(s, fReceived); err != nil {
		return err
	} else if !has {
		return missing(fReceived)
	}
	if r.Due, r.HasDue, err = date(s, fDue); err != nil {
		return err
	}
	if r.Finished, r.HasFinished, err = date(s, fFinished); err != nil {
		return err
	}
	if r.HasDue && r.Due < r.Received {
		return fieldErr(fDue, s[fDue].v, "impossible date: before NgayTiepNhan")
	}
	if r.HasFinished && r.Finished < r.Received {
		return fieldErr(fFinished, s[fFinished].v, "impossible date: before NgayTiepNhan")
	}
	if v, ok, err := text(s, fFee); err != nil {
		return err
	} else if ok {
		pos, valid := fee(v)
		if !valid {
			return fieldErr(fFee, v, "want a non-negative amount in VND")
		}
		r.FeePositive = pos
	}
	if v, ok, err := text(s, fPaid); err != nil {
		return err
	} else if ok {
		if len(v) != 1 || v[0] < '0' || v[0] > '2' {
			return fieldErr(fPaid, v, "want 0, 1 (national portal), 2 (local payment gateway) or empty")
		}
		r.Paid = int8(v[0] - '0')
	}
	switch s[fResult].k {
	case kString:
		r.ResultLink = len(s[fResult].v) > 0
	case kAbsent, kNull:
	default:
		return fieldErr(fResult, s[fResult].v, "want a string")
	}
	if r.Digitised, err = flag(s, fDigitised); err != nil {
		return err
	}
	if r.FromStore, err = flag(s, fFromStore); err != nil {
		return err
	}
	if r.VNeID, err = flag(s, fVNeID); err != nil {
		return err
	}
	return nil
}

// ident reads a required identifier: a non-empty string (or a number, which some exports write).
func ident(s *[numFields]slot, f int) ([]byte, error) {
	switch s[f].k {
	case kString, kNumber:
		if len(s[f].v) > 0 {
			return s[f].v, nil
		}
	case kTrue, kFalse:
		return nil, fieldErr(f, s[f].v, "want a string")
	}
	return nil, missing(f)
}

// text returns the textual value of a string or number field; ok is false when the field is
// absent, null or empty.
func text(s *[numFields]slot, f int) (v []byte, ok bool, err error) {
	switch s[f].k {
	case kString, kNumber:
		return s[f].v, len(s[f].v) > 0, nil
	case kTrue, kFalse:
		return nil, false, fieldErr(f, s[f].v, "want a number")
	}
	return nil, false, nil
}

func flag(s *[numFields]slot, f int) (bool, error) {
	switch s[f].k {
	case kTrue:
		return true, nil
	case kFalse, kAbsent, kNull:
		return false, nil
	}
	v := s[f].v
	switch {
	case len(v) == 0:
		return false, nil
	case len(v) == 1 && v[0] == '0':
		return false, nil
	case len(v) == 1 && v[0] == '1':
		return true, nil
	}
	return false, fieldErr(f, v, "want 0, 1 or empty")
}

func date(s *[numFields]slot, f int) (int64, bool, error) {
	v, ok, err := text(s, f)
	if err != nil || !ok {
		return 0, false, err
	}
	t, valid := parseTime(v)
	if !valid {
		return 0, false, fieldErr(f, v, dateProblem(v))
	}
	return t, true, nil
}

// dateProblem says why a date was refused: a date in a supported shape that does not exist is
// impossible; anything else, such as dd/MM/yyyy (which cannot be told from MM/dd/yyyy), is an
// unsupported format.
func dateProblem(v []byte) string {
	const want = "want RFC 3339 or yyyyMMddHHmmss (Vietnam time)"
	digits := func(b []byte) bool {
		for _, c := range b {
			if c < '0' || c > '9' {
				return false
			}
		}
		return len(b) > 0
	}
	switch {
	case len(v) == 14 && digits(v), len(v) >= 19 && v[4] == '-' && v[7] == '-' && v[10] == 'T':
		return "impossible date: " + want
	case len(v) >= 10 && v[2] == '/' && v[5] == '/' && digits(v[0:2]) && digits(v[3:5]) && digits(v[6:10]):
		return "unsupported date format dd/MM/yyyy (day and month order cannot be checked): " + want
	}
	return "unsupported date format: " + want
}

// fee reports whether v is a non-negative decimal amount (digits, optionally a fraction) and
// whether it is positive.
func fee(v []byte) (positive, valid bool) {
	i, digits := 0, 0
	for ; i < len(v) && v[i] >= '0' && v[i] <= '9'; i++ {
		digits++
		positive = positive || v[i] != '0'
	}
	if digits == 0 {
		return false, false
	}
	if i < len(v) && v[i] == '.' {
		i++
		frac := 0
		for ; i < len(v) && v[i] >= '0' && v[i] <= '9'; i++ {
			frac++
			positive = positive || v[i] != '0'
		}
		if frac == 0 {
			return false, false
		}
	}
	return positive, i == len(v)
}

// FieldError says which field of a record is wrong and why.
type FieldError struct {
	Field  string
	Value  string // quoted excerpt of the value; empty when the field is missing
	Reason string
}

func (e *FieldError) Error() string {
	if e.Value == "" {
		return e.Field + ": " + e.Reason
	}
	return e.Field + " " + e.Value + ": " + e.Reason
}

func fieldErr(f int, v []byte, reason string) error {
	return &FieldError{Field: FieldNames[f], Value: excerpt(v), Reason: reason}
}

func missing(f int) error {
	return &FieldError{Field: FieldNames[f], Reason: "required field missing or empty"}
}

// excerpt quotes at most 40 bytes of v for a message.
func excerpt(v []byte) string {
	if len(v) > 40 {
		return strconv.Quote(string(v[:40])) + "…"
	}
	return strconv.Quote(string(v))
}

// syntaxErr is a malformed record at byte offset off of its line.
func syntaxErr(off int, format string, args ...any) error {
	return fmt.Errorf("column %d: %s", off+1, fmt.Sprintf(format, args...))
}
