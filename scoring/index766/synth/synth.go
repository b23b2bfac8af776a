// Package synth generates deterministic, realistic synthetic dossier records and procedure
// catalogues for the Decision 766 index: for tests, examples and benchmarks.
//
//	cfg := synth.Config{Records: 1000, Seed: 1}
//	procs := synth.Catalogue(cfg)
//	err := synth.Write(w, cfg, index766.JSONL)
//
// The same Config always gives the same bytes. The records mix channels (in person, online,
// postal, empty channel), fees and online payment on the national portal and on a local
// gateway, on-time and late processing, dossiers still in progress (empty NgayKetThucXuLy),
// digitisation and population-data flags, and both date formats (RFC 3339 with +07:00 or Z, and
// yyyyMMddHHmmss in Vietnam time). The catalogue marks the first 25 procedures as essential
// services (ThietYeu) and makes them the busiest. JSON Lines records also carry a field the index
// does not read (TrangThaiHoSo), as real synchronisation records do; the same
// Config written as CSV holds the same dossiers with the same values.
//
// The numbers are plausible, not calibrated against national statistics.
package synth

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"

	"github.com/p06kit/p06kit/scoring/index766"
)

// Config says what to generate. Zero fields take the defaults in brackets.
type Config struct {
	Records    int64  // dossiers [1000]
	Seed       uint64 // [0]
	Procedures int    // procedures in the catalogue [200], at least 25
	Units      int    // units (MaDonVi) [60]
	Year       int    // year the dossiers are received in [2024]
}

func (c Config) withDefaults() Config {
	if c.Records == 0 {
		c.Records = 1000
	}
	if c.Procedures < 25 {
		c.Procedures = max(c.Procedures, 200)
	}
	if c.Units <= 0 {
		c.Units = 60
	}
	if c.Year == 0 {
		c.Year = 2024
	}
	return c
}

// essential are names of Project 06 essential services (Directive 24/CT-TTg, docs/online-services.md).
var essential = []string{
	"Xác nhận số chứng minh nhân dân", "Cấp (đổi) căn cước công dân", "Đăng ký thường trú",
	"Đăng ký tạm trú", "Khai báo tạm vắng", "Thông báo lưu trú", "Đăng ký, cấp biển số xe mô tô",
	"Xử lý vi phạm giao thông", "Cấp hộ chiếu phổ thông", "Thủ tục về con dấu",
	"Cấp đổi giấy phép lái xe", "Cấp phiếu lý lịch tư pháp", "Đăng ký khai sinh", "Đăng ký khai tử",
	"Đăng ký kết hôn", "Liên thông khai sinh – thường trú – thẻ BHYT trẻ dưới 6 tuổi",
	"Liên thông khai tử – xóa thường trú – trợ cấp mai táng", "Đăng ký biến động đất đai",
	"Cấp điện mới từ lưới hạ áp", "Thay đổi chủ thể hợp đồng mua bán điện",
	"Đăng ký dự thi tốt nghiệp THPT", "Xét tuyển đại học, cao đẳng", "Giải quyết hưởng trợ cấp thất nghiệp",
	"Cấp thẻ bảo hiểm y tế", "Đăng ký thuế lần đầu cho cá nhân",
}

// Catalogue returns the procedure catalogue of cfg, sorted by code.
func Catalogue(cfg Config) []index766.Procedure {
	cfg = cfg.withDefaults()
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x766c0de))
	out := make([]index766.Procedure, cfg.Procedures)
	for i := range out {
		p := index766.Procedure{Code: procedureCode(i)}
		r := rng.Float64()
		if i < len(essential) {
			p.Name, p.Essential = essential[i], true
			p.Level = index766.FullProcess
			if r < 0.2 {
				p.Level = index766.PartialProcess
			}
		} else {
			p.Name = "Thủ tục hành chính số " + strconv.Itoa(i+1)
			switch {
			case r < 0.45:
				p.Level = index766.FullProcess
			case r < 0.75:
				p.Level = index766.PartialProcess
			}
		}
		p.Fee = rng.Float64() < 0.4
		p.Citizen = rng.Float64() < 0.75
		p.PopulationLinked = p.Citizen && rng.Float64() < 0.65
		out[i] = p
	}
	return out
}

func procedureCode(i int) string {
	return fmt.Sprintf("1.%06d.000.00.00.H55", 4000+i*7)
}

func unitCode(i int) string {
	return fmt.Sprintf("000.%02d.%02d.H55", 20+i/50, i%50+1)
}

// WriteProcedures writes a catalogue as a JSON array (asCSV false) or as CSV with a header.
func WriteProcedures(w io.Writer, list []index766.Procedure, asCSV bool) error {
	if !asCSV {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(list)
	}
	cw := csv.NewWriter(w)
	b := func(v bool) string {
		if v {
			return "1"
		}
		return "0"
	}
	_ = cw.Write([]string{"MaTTHC", "Ten", "MucDo", "CoPhiLePhi", "DoiTuongCongDan", "KetNoiDanCu", "ThietYeu"})
	for _, p := range list {
		_ = cw.Write([]string{p.Code, p.Name, p.Level, b(p.Fee), b(p.Citizen), b(p.PopulationLinked), b(p.Essential)})
	}
	cw.Flush()
	return cw.Error()
}

// dossier is one generated record in text form, shared by both encoders.
type dossier struct {
	id, unit, procedure         []byte
	channel                     int // 0 empty, 1, 2, 3
	received, due, finished     []byte
	finishedNull                bool
	fee                         int64
	paid                        int
	result                      []byte
	digitised, fromStore, vneid bool
	status                      int
	recv, dueB, fin             [32]byte
}

// Write writes cfg.Records dossiers in format f (index766.JSONL or index766.CSV).
func Write(w io.Writer, cfg Config, f index766.Format) error {
	if f != index766.JSONL && f != index766.CSV {
		return fmt.Errorf("synth: format %v: want jsonl or csv", f)
	}
	cfg = cfg.withDefaults()
	procs := Catalogue(cfg)
	units := make([][]byte, cfg.Units)
	for i := range units {
		units[i] = []byte(unitCode(i))
	}
	codes := make([][]byte, len(procs))
	sla := make([]int, len(procs))
	for i := range procs {
		codes[i] = []byte(procs[i].Code)
		sla[i] = 1 + (i*7)%15
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0xd055e5))
	bw := bufio.NewWriterSize(w, 1<<20)
	var line []byte
	if f == index766.CSV {
		for i, name := range index766.FieldNames {
			if i > 0 {
				line = append(line, ',')
			}
			line = append(line, name...)
		}
		line = append(line, '\n')
		if _, err := bw.Write(line); err != nil {
			return err
		}
	}
	yearStart := civilUnix(cfg.Year, 1, 1) - 7*3600 // midnight in Vietnam
	var d dossier
	for n := int64(0); n < cfg.Records; n++ {
		// Busy procedures first: the essential services take about half of the dossiers.
		pi := int(rng.Float64() * rng.Float64() * float64(len(procs)))
		p := &procs[pi]
		ui := rng.IntN(len(units))
		d.unit, d.procedure = units[ui], codes[pi]

		day := rng.IntN(360)
		recv := yearStart + int64(day)*86400 + int64(7*3600+rng.IntN(10*3600))
		d.id = append(d.id[:0], "H55."...)
		d.id = strconv.AppendInt(d.id, int64(20+ui/50), 10)
		d.id = append(d.id, '.')
		d.id = strconv.AppendInt(d.id, int64(ui%50+1), 10)
		d.id = append(d.id, '-')
		d.id = appendCompactDate(d.id, recv)
		d.id = append(d.id, '-')
		d.id = appendPadded(d.id, n%1000000, 6)

		switch c := rng.Float64(); {
		case p.Level == index766.FullProcess && c < 0.72, p.Level == index766.PartialProcess && c < 0.45:
			d.channel = 2
		case c > 0.96:
			d.channel = 3
		case c > 0.66:
			d.channel = 0
		default:
			d.channel = 1
		}
		due := recv + int64(sla[pi])*86400
		due = due - (due+7*3600)%86400 + 17*3600 // 17:00 Vietnam time on the due day
		d.received = appendDate(d.recv[:0], recv, rng.IntN(10))
		d.due = appendDate(d.dueB[:0], due, rng.IntN(10))
		finished := rng.Float64() < 0.86
		d.finished, d.finishedNull = d.finished[:0], false
		if finished {
			var end int64
			if rng.Float64() < 0.88 {
				end = recv + rng.Int64N(due-recv+1)
			} else {
				end = due + 3600 + rng.Int64N(10*86400)
			}
			d.finished = appendDate(d.fin[:0], end, rng.IntN(10))
		} else {
			d.finishedNull = rng.IntN(2) == 0
		}
		d.fee, d.paid = 0, 0
		if p.Fee && rng.Float64() < 0.92 {
			d.fee = fees[rng.IntN(len(fees))]
			online := d.channel == 2 && rng.Float64() < 0.8 || d.channel != 2 && rng.Float64() < 0.1
			if online {
				d.paid = 1 + rng.IntN(5)/3 // 1 (national portal) 60%, 2 (local gateway) 40%
			}
		}
		d.result = d.result[:0]
		if finished && (d.channel == 2 && rng.Float64() < 0.9 || rng.Float64() < 0.6) {
			d.result = append(d.result, "https://kq.example.vn/"...)
			d.result = append(d.result, d.id...)
			d.result = append(d.result, ".pdf"...)
		}
		d.digitised = rng.Float64() < 0.7
		d.fromStore = rng.Float64() < 0.35
		d.vneid = d.channel == 2 && rng.Float64() < 0.85 || rng.Float64() < 0.2
		d.status = 1 + rng.IntN(10)
		if f == index766.JSONL {
			line = d.appendJSON(line[:0])
		} else {
			line = d.appendCSV(line[:0])
		}
		if _, err := bw.Write(line); err != nil {
			return err
		}
	}
	return bw.Flush()
}

var fees = []int64{10000, 15000, 20000, 30000, 50000, 100000, 200000, 500000}

func (d *dossier) appendJSON(b []byte) []byte {
	b = append(b, `{"MaHoSo":"`...)
	b = append(b, d.id...)
	b = append(b, `","MaDonVi":"`...)
	b = append(b, d.unit...)
	b = append(b, `","MaTTHC":"`...)
	b = append(b, d.procedure...)
	b = append(b, `","KenhThucHien":`...)
	if d.channel == 0 {
		b = append(b, "null"...)
	} else {
		b = strconv.AppendInt(b, int64(d.channel), 10)
	}
	b = append(b, `,"TrangThaiHoSo":`...)
	b = strconv.AppendInt(b, int64(d.status), 10)
	b = append(b, `,"NgayTiepNhan":"`...)
	b = append(b, d.received...)
	b = append(b, `","NgayHenTra":"`...)
	b = append(b, d.due...)
	b = append(b, `","NgayKetThucXuLy":`...)
	if len(d.finished) == 0 && d.finishedNull {
		b = append(b, "null"...)
	} else {
		b = append(b, '"')
		b = append(b, d.finished...)
		b = append(b, '"')
	}
	b = append(b, `,"PhiLePhi":`...)
	b = strconv.AppendInt(b, d.fee, 10)
	b = append(b, `,"DuocThanhToanTrucTuyen":`...)
	b = strconv.AppendInt(b, int64(d.paid), 10)
	b = append(b, `,"DuongDanTepTinKetQua":"`...)
	b = append(b, d.result...)
	b = append(b, `","DuocSoHoa":`...)
	b = appendFlag(b, d.digitised)
	b = append(b, `,"DuocLayTuKhoDMQG":`...)
	b = appendFlag(b, d.fromStore)
	b = append(b, `,"TaiKhoanDuocXacThucVoiVNeID":`...)
	b = appendFlag(b, d.vneid)
	return append(b, "}\n"...)
}

func (d *dossier) appendCSV(b []byte) []byte {
	b = append(b, d.id...)
	b = append(b, ',')
	b = append(b, d.unit...)
	b = append(b, ',')
	b = append(b, d.procedure...)
	b = append(b, ',')
	if d.channel != 0 {
		b = strconv.AppendInt(b, int64(d.channel), 10)
	}
	b = append(b, ',')
	b = append(b, d.received...)
	b = append(b, ',')
	b = append(b, d.due...)
	b = append(b, ',')
	b = append(b, d.finished...)
	b = append(b, ',')
	b = strconv.AppendInt(b, d.fee, 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(d.paid), 10)
	b = append(b, ',')
	b = append(b, d.result...)
	b = append(b, ',')
	b = appendFlag(b, d.digitised)
	b = append(b, ',')
	b = appendFlag(b, d.fromStore)
	b = append(b, ',')
	b = appendFlag(b, d.vneid)
	return append(b, '\n')
}

func appendFlag(b []byte, v bool) []byte {
	if v {
		return append(b, '1')
	}
	return append(b, '0')
}

func appendPadded(b []byte, v int64, width int) []byte {
	var tmp [20]byte
	s := strconv.AppendInt(tmp[:0], v, 10)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// appendDate writes unix seconds as yyyyMMddHHmmss (Vietnam time) when form < 5, as RFC 3339
// with +07:00 when form < 9 and as RFC 3339 in UTC (Z) otherwise.
func appendDate(b []byte, unix int64, form int) []byte {
	if form < 5 {
		y, mo, d, h, mi, s := civil(unix + 7*3600)
		b = appendPadded(b, int64(y), 4)
		for _, v := range [...]int{mo, d, h, mi, s} {
			b = appendPadded(b, int64(v), 2)
		}
		return b
	}
	off := int64(7 * 3600)
	if form == 9 {
		off = 0
	}
	y, mo, d, h, mi, s := civil(unix + off)
	b = appendPadded(b, int64(y), 4)
	b = append(b, '-')
	b = appendPadded(b, int64(mo), 2)
	b = append(b, '-')
	b = appendPadded(b, int64(d), 2)
	b = append(b, 'T')
	b = appendPadded(b, int64(h), 2)
	b = append(b, ':')
	b = appendPadded(b, int64(mi), 2)
	b = append(b, ':')
	b = appendPadded(b, int64(s), 2)
	if off == 0 {
		return append(b, 'Z')
	}
	return append(b, "+07:00"...)
}

// appendCompactDate writes yymmdd of the Vietnam-time day of unix.
func appendCompactDate(b []byte, unix int64) []byte {
	y, mo, d, _, _, _ := civil(unix + 7*3600)
	b = appendPadded(b, int64(y%100), 2)
	b = appendPadded(b, int64(mo), 2)
	return appendPadded(b, int64(d), 2)
}

// civil converts Unix seconds (already shifted to the wanted zone) to a civil date and time
// (Howard Hinnant's civil_from_days).
func civil(t int64) (y, m, d, hh, mm, ss int) {
	days := t / 86400
	sec := t % 86400
	if sec < 0 {
		sec += 86400
		days--
	}
	hh, mm, ss = int(sec/3600), int(sec%3600/60), int(sec%60)
	z := days + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	yy := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = int(doy - (153*mp+2)/5 + 1)
	if mp < 10 {
		m = int(mp + 3)
	} else {
		m = int(mp - 9)
	}
	if m <= 2 {
		yy++
	}
	return int(yy), m, d, hh, mm, ss
}

func civilUnix(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return (int64(era)*146097 + int64(doe) - 719468) * 86400
}
