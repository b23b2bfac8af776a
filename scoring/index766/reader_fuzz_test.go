package index766

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// The fuzz targets hold the hand-written scanners to the standard library: on the same input,
// the fast path and a reference built on encoding/json, encoding/csv and time.Parse must accept
// the same records with the same values and reject the same ones.

// outcome is what a reader made of one record, comparable across readers.
type outcome struct {
	line int
	ok   bool
	rec  Record
}

func (o outcome) String() string {
	if !o.ok {
		return "rejected"
	}
	r := o.rec
	return strings.Join([]string{string(r.ID), string(r.Unit), string(r.Procedure)}, "|") +
		" " + time.Unix(r.Received, 0).UTC().String()
}

func sameRecord(a, b *Record) bool {
	return bytes.Equal(a.ID, b.ID) && bytes.Equal(a.Unit, b.Unit) && bytes.Equal(a.Procedure, b.Procedure) &&
		a.Channel == b.Channel && a.Received == b.Received && a.Due == b.Due && a.Finished == b.Finished &&
		a.HasDue == b.HasDue && a.HasFinished == b.HasFinished && a.FeePositive == b.FeePositive &&
		a.Paid == b.Paid && a.ResultLink == b.ResultLink && a.Digitised == b.Digitised &&
		a.FromStore == b.FromStore && a.VNeID == b.VNeID
}

// copyRecord detaches a record from the reader's buffers.
func copyRecord(r *Record) Record {
	c := *r
	c.ID = append([]byte(nil), r.ID...)
	c.Unit = append([]byte(nil), r.Unit...)
	c.Procedure = append([]byte(nil), r.Procedure...)
	return c
}

// fastOutcomes runs the package's own parser over data (a whole chunk).
func fastOutcomes(data []byte, header []string) []outcome {
	p := &pipeline{format: JSONL}
	var cs *csvScanner
	if header != nil {
		p.format = CSV
		cs, _ = newCSVScanner(header)
	}
	var js jsonScanner
	var rec Record
	var out []outcome
	p.parse(data, cs, &js, &rec, func(line int, r *Record, err error) {
		o := outcome{line: line, ok: err == nil}
		if err == nil {
			o.rec = copyRecord(r)
		}
		out = append(out, o)
	})
	return out
}

// refJSONLine is the reference reading of one JSON Lines record with encoding/json.
func refJSONLine(line []byte) (Record, error) {
	if !utf8.Valid(line) {
		return Record{}, errors.New("invalid UTF-8") // encoding/json would substitute U+FFFD
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return Record{}, err
	}
	if m == nil {
		return Record{}, errors.New("not an object")
	}
	if _, err := dec.Token(); err != io.EOF {
		return Record{}, errors.New("data after the object")
	}
	var slots [numFields]slot
	for name, v := range m {
		f := fieldIndex([]byte(name))
		var s slot
		switch v := v.(type) {
		case string:
			s = slot{k: kString, v: []byte(v)}
		case json.Number:
			s = slot{k: kNumber, v: []byte(v)}
		case nil:
			s = slot{k: kNull}
		case bool:
			s = slot{k: kFalse}
			if v {
				s.k = kTrue
			}
		default:
			return Record{}, errors.New("nested value")
		}
		if f >= 0 {
			slots[f] = s
		}
	}
	var r Record
	err := apply(&slots, &r)
	return r, err
}

func refJSONOutcomes(data []byte) []outcome {
	var out []outcome
	for i, line := range bytes.Split(data, []byte{'\n'}) {
		if len(bytes.Trim(line, " \t\r")) == 0 {
			continue
		}
		r, err := refJSONLine(line)
		out = append(out, outcome{line: i, ok: err == nil, rec: r})
	}
	return out
}

func compareOutcomes(t *testing.T, data []byte, got, want []outcome) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("input %q: fast reader saw %d records, reference %d", data, len(got), len(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.ok != w.ok || g.line != w.line || (g.ok && !sameRecord(&g.rec, &w.rec)) {
			t.Fatalf("input %q: record %d (line %d): fast %v %+v, reference %v %+v (line %d)",
				data, i, w.line, g, g.rec, w, w.rec, g.line)
		}
	}
}

const seedJSON = `{"MaHoSo":"H1","MaDonVi":"U1","MaTTHC":"P1","KenhThucHien":2,"NgayTiepNhan":"2024-03-05T08:30:00+07:00","NgayHenTra":"20240310170000","NgayKetThucXuLy":"2024-03-08T10:00:00Z","PhiLePhi":50000,"DuocThanhToanTrucTuyen":1,"DuongDanTepTinKetQua":"https://kq.example.vn/1.pdf","DuocSoHoa":1,"DuocLayTuKhoDMQG":0,"TaiKhoanDuocXacThucVoiVNeID":true}`

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(seedJSON + "\n" + seedJSON))
	f.Add([]byte(`{"MaHoSo":"H2","MaDonVi":"U1","MaTTHC":"P1","NgayTiepNhan":"20240229235959","KenhThucHien":null,"X":[1]}`))
	f.Add([]byte(`{"Ma\u0048oSo":"a\"b","MaDonVi":7,"MaTTHC":"P","NgayTiepNhan":"2024-02-30T00:00:00Z"}`))
	f.Add([]byte("{\"MaHoSo\":\"h\",\"MaDonVi\":\"u\",\"MaTTHC\":\"p\",\"NgayTiepNhan\":\"2024-01-01T00:00:00.123456789+07:00\",\"PhiLePhi\":\"1.50\"}\r\n\n  \n{}"))
	f.Add([]byte(`{"MaHoSo":"h","MaDonVi":"u","MaTTHC":"p","NgayTiepNhan":"20240101000000","MaHoSo":"","PhiLePhi":-1}`))
	f.Add([]byte(`{"MaHoSo":"h","MaDonVi":"u\u00e9","MaTTHC":"p\ud800","NgayTiepNhan":20240101000000,"DuocSoHoa":"1","DuocLayTuKhoDMQG":2}`))
	f.Add([]byte(`{"MaHoSo":"h" , "MaDonVi" : "u","MaTTHC":"p","NgayTiepNhan":"20240101000000","KenhThucHien":2.0} x`))
	f.Fuzz(func(t *testing.T, data []byte) {
		compareOutcomes(t, data, fastOutcomes(data, nil), refJSONOutcomes(data))
	})
}

var fuzzHeader = append(append([]string(nil), FieldNames[:]...), "TrangThaiHoSo")

// refCSVOutcomes reads data with encoding/csv; ok is false when encoding/csv found a syntax error,
// where the two readers may resume differently.
func refCSVOutcomes(data []byte) ([]outcome, bool) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = len(fuzzHeader)
	var out []outcome
	for {
		fields, err := r.Read()
		if err == io.EOF {
			return out, true
		}
		if err != nil && !errors.Is(err, csv.ErrFieldCount) {
			return nil, false
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			out = append(out, outcome{line: line - 1})
			continue
		}
		var slots [numFields]slot
		for i, v := range fields {
			if f := fieldIndex([]byte(fuzzHeader[i])); f >= 0 {
				slots[f] = slot{k: kString, v: []byte(v)}
			}
		}
		var rec Record
		err = apply(&slots, &rec)
		out = append(out, outcome{line: line - 1, ok: err == nil, rec: copyRecord(&rec)})
	}
}

const seedCSV = "H1,U1,P1,2,2024-03-05T08:30:00+07:00,20240310170000,,50000,1,https://kq.example.vn/1.pdf,1,0,1,7\n"

func FuzzCSV(f *testing.F) {
	f.Add([]byte(seedCSV + seedCSV))
	f.Add([]byte("\"H,1\",U1,P1,,20240101000000,,,,,,,,,\r\n\r\n\"H\"\"2\",U2,\"P\nx\",3,20240101000000,20240101000000,20240102000000,0,0,,0,0,0,\n"))
	f.Add([]byte("H,U,P,9,20240101000000,,,,,,,,,\nH,U,P,1,20241301000000,,,,,,,,,\nshort,row\n"))
	f.Add([]byte("H,U,P,1,20240101000000,,,,,,,,,x\"y\n"))
	f.Add([]byte("H,U,P,1,2024-01-01T00:00:00Z,,,1.5,2,\"\",1,1,1,\"a\"b\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got := fastOutcomes(data, fuzzHeader)
		want, ok := refCSVOutcomes(data)
		if !ok {
			// encoding/csv stops at the first syntax error; the fast reader reports it and
			// resumes on the next line. Both must have seen something wrong.
			bad := 0
			for _, o := range got {
				if !o.ok {
					bad++
				}
			}
			if bad == 0 {
				t.Fatalf("input %q: encoding/csv found a syntax error, the fast reader found no bad record", data)
			}
			return
		}
		compareOutcomes(t, data, got, want)
	})
}

// strictRFC3339 is the grammar parseTime reads; time.Parse also takes some looser forms
// (a ',' before the fraction, offset hour 24), which parseTime rejects on purpose.
var strictRFC3339 = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$`)

// refTime is the reference for parseTime.
func refTime(s string) (int64, bool) {
	if len(s) == 14 {
		t, err := time.ParseInLocation("20060102150405", s, time.FixedZone("ICT", 7*3600))
		if err != nil || strings.ContainsAny(s, "+- ") {
			return 0, false
		}
		return t.Unix(), true
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return 0, false
	}
	return t.Unix(), true
}

func FuzzParseTime(f *testing.F) {
	for _, s := range []string{"2024-03-05T08:30:00+07:00", "2024-03-05T08:30:00Z", "2024-02-29T23:59:59.999-05:30",
		"20240305083000", "20230229000000", "2024-13-01T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T00:00:60Z",
		"2024-01-01t00:00:00z", "2024-01-01T00:00:00+24:00", "0000-01-01T00:00:00Z", "2024-01-01T00:00:00,5Z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, gok := parseTime([]byte(s))
		want, wok := refTime(s)
		switch {
		case gok && (!wok || got != want):
			t.Fatalf("parseTime(%q) = %d, true; time.Parse gives %d, %v", s, got, want, wok)
		case !gok && wok && (len(s) == 14 || strictRFC3339.MatchString(s)):
			t.Fatalf("parseTime(%q) rejects a timestamp time.Parse reads as %d", s, want)
		}
	})
}

// FuzzChunking cuts the input into chunks of a few dozen bytes, read by several workers, and
// checks that the chunk boundaries (newlines outside quoted CSV fields), the line numbers of bad
// records and the counts are those of reading the input as one piece.
func FuzzChunking(f *testing.F) {
	f.Add([]byte(seedJSON+"\n{bad\n"+seedJSON+"\n"), false, uint8(40))
	f.Add([]byte(strings.Join(FieldNames[:], ",")+",TrangThaiHoSo\n"+seedCSV+"\"H\"\"1\",U,\"P\n1\",2,20240101000000,,,,,,,,,\nH,U,P\"x,1,20240101000000,,,,,,,,,\n"+seedCSV), true, uint8(7))
	f.Fuzz(func(t *testing.T, data []byte, isCSV bool, size uint8) {
		old := minChunkSize
		minChunkSize = 1
		defer func() { minChunkSize = old }()
		format := JSONL
		if isCSV {
			format = CSV
		}
		read := func(chunk, workers int) (*Accumulator, error) {
			acc := NewAccumulator()
			err := Read(context.Background(), bytes.NewReader(data), "f", 0, format, acc, ReadOptions{ChunkSize: chunk, Workers: workers})
			return acc, err
		}
		// The longest record (lines, or CSV records with their quoted newlines) must fit in a
		// chunk; longer ones are bad by design.
		longest := 0
		if isCSV {
			if _, end, _, err := readHeader(data, true); err == nil {
				longest = end
				cs, err := newCSVScanner(fuzzHeader)
				if err != nil {
					t.Fatal(err)
				}
				for i := end; i < len(data); {
					next, _, _, _ := cs.next(data, i)
					longest = max(longest, next-i)
					i = next
				}
			}
		} else {
			for _, l := range bytes.Split(data, []byte{'\n'}) {
				longest = max(longest, len(l)+1)
			}
		}
		whole, err := read(len(data)+1, 1)
		small, err2 := read(longest+1+int(size%64), 3)
		if (err == nil) != (err2 == nil) {
			t.Fatalf("whole: %v, chunked: %v", err, err2)
		}
		if err != nil {
			return
		}
		// The same from a file, which is mapped rather than streamed where the OS allows.
		path := filepath.Join(t.TempDir(), "d")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		file, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer file.Close()
		mapped := NewAccumulator()
		if err := Read(context.Background(), file, "f", 0, format, mapped, ReadOptions{ChunkSize: longest + 1 + int(size%64), Workers: 2}); err != nil {
			t.Fatalf("mapped: %v", err)
		}
		mn, mb := mapped.Bad()
		sn0, sb0 := small.Bad()
		if mapped.Records() != small.Records() || mn != sn0 || len(mb) != len(sb0) {
			t.Fatalf("mapped: %d records, %d bad %v; streamed: %d records, %d bad %v", mapped.Records(), mn, mb, small.Records(), sn0, sb0)
		}
		for i := range mb {
			if mb[i].Line != sb0[i].Line || mb[i].Reason != sb0[i].Reason {
				t.Fatalf("bad record %d: mapped %v, streamed %v", i, mb[i], sb0[i])
			}
		}
		if whole.Records() != small.Records() {
			t.Fatalf("records: whole %d, chunked %d", whole.Records(), small.Records())
		}
		wn, wb := whole.Bad()
		sn, sb := small.Bad()
		if wn != sn || len(wb) != len(sb) {
			t.Fatalf("bad: whole %d %v, chunked %d %v", wn, wb, sn, sb)
		}
		for i := range wb {
			if wb[i].Line != sb[i].Line {
				t.Fatalf("bad record %d: whole line %d (%s), chunked line %d (%s)", i, wb[i].Line, wb[i].Reason, sb[i].Line, sb[i].Reason)
			}
		}
	})
}
