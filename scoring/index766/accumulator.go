package index766

import (
	"encoding/binary"
	"sort"
)

// The counters kept per (unit, procedure) cell. Every indicator is a ratio of sums of these, so
// cells merge by addition.
const (
	cDossiers            = iota // records scored
	cOnline                     // KenhThucHien = 2
	cPostal                     // KenhThucHien = 3
	cFinished                   // NgayKetThucXuLy set
	cFinishedNoDue              // finished, NgayHenTra empty
	cOnTime                     // finished with NgayKetThucXuLy ≤ NgayHenTra
	cProcessingSeconds          // Σ NgayKetThucXuLy − NgayTiepNhan over finished dossiers
	cFee                        // PhiLePhi > 0
	cPaidOnline                 // PhiLePhi > 0 and DuocThanhToanTrucTuyen ∈ {1, 2}
	cResultLink                 // finished with DuongDanTepTinKetQua
	cDigitised                  // DuocSoHoa = 1
	cDigitisedWithResult        // DuocSoHoa = 1 and (in progress or result link)
	cFromStore                  // DuocLayTuKhoDMQG = 1
	cPopulationData             // TaiKhoanDuocXacThucVoiVNeID = 1 or DuocLayTuKhoDMQG = 1
	cFullyOnline                // finished, online, fee paid online or none, result link
	numCounters
)

// Counts are the counters of one cell.
type Counts [numCounters]int64

func (c *Counts) add(r *Record) {
	c[cDossiers]++
	switch r.Channel {
	case 2:
		c[cOnline]++
	case 3:
		c[cPostal]++
	}
	if r.HasFinished {
		c[cFinished]++
		c[cProcessingSeconds] += r.Finished - r.Received
		if !r.HasDue {
			c[cFinishedNoDue]++
		} else if r.Finished <= r.Due {
			c[cOnTime]++
		}
		if r.ResultLink {
			c[cResultLink]++
		}
		if r.Channel == 2 && (!r.FeePositive || r.Paid != 0) && r.ResultLink {
			c[cFullyOnline]++
		}
	}
	if r.FeePositive {
		c[cFee]++
		if r.Paid != 0 {
			c[cPaidOnline]++
		}
	}
	if r.Digitised {
		c[cDigitised]++
		if !r.HasFinished || r.ResultLink {
			c[cDigitisedWithResult]++
		}
	}
	if r.FromStore {
		c[cFromStore]++
	}
	if r.VNeID || r.FromStore {
		c[cPopulationData]++
	}
}

func (c *Counts) merge(o *Counts) {
	for i := range c {
		c[i] += o[i]
	}
}

// MaxBadSamples is how many bad records an [Accumulator] keeps with their line numbers.
const MaxBadSamples = 100

// BadRecord is a record that was excluded: where it is and why.
type BadRecord struct {
	File string `json:"file"`
	// Line is the 1-based line on which the record starts.
	Line   int64  `json:"line"`
	Reason string `json:"reason"`
	file   int    // position of File among the inputs, for ordering
}

// Accumulator holds the counts of the dossiers read so far, per unit and procedure, plus the
// bad records. Accumulators merge: scoring partitions of the input separately and merging the
// accumulators gives exactly the counts of one pass over the whole input, in any order and any
// grouping. The zero value is not ready: use [NewAccumulator]. Not safe for concurrent use:
// give each goroutine its own and [Accumulator.Merge] them.
type Accumulator struct {
	cells map[string]*Counts // key: uvarint len(unit) ‖ unit ‖ procedure
	key   []byte
	last  *Counts
	lastK []byte
	bad   int64
	// badSample holds the first MaxBadSamples bad records in input order.
	badSample []BadRecord
}

// NewAccumulator returns an empty accumulator.
func NewAccumulator() *Accumulator {
	return &Accumulator{cells: make(map[string]*Counts)}
}

// Add counts one valid record.
func (a *Accumulator) Add(r *Record) {
	a.key = binary.AppendUvarint(a.key[:0], uint64(len(r.Unit)))
	a.key = append(append(a.key, r.Unit...), r.Procedure...)
	if a.last != nil && string(a.key) == string(a.lastK) {
		a.last.add(r)
		return
	}
	c := a.cells[string(a.key)]
	if c == nil {
		c = new(Counts)
		a.cells[string(a.key)] = c
	}
	a.last, a.lastK = c, append(a.lastK[:0], a.key...)
	c.add(r)
}

// AddBad counts one bad record; the first MaxBadSamples (in file and line order) are kept.
func (a *Accumulator) AddBad(b BadRecord) {
	a.bad++
	a.keepBad(b)
}

func (a *Accumulator) keepBad(b BadRecord) {
	less := func(x, y BadRecord) bool {
		if x.file != y.file {
			return x.file < y.file
		}
		return x.Line < y.Line
	}
	if len(a.badSample) == MaxBadSamples && !less(b, a.badSample[len(a.badSample)-1]) {
		return
	}
	i := sort.Search(len(a.badSample), func(i int) bool { return less(b, a.badSample[i]) })
	a.badSample = append(a.badSample, BadRecord{})
	copy(a.badSample[i+1:], a.badSample[i:])
	a.badSample[i] = b
	if len(a.badSample) > MaxBadSamples {
		a.badSample = a.badSample[:MaxBadSamples]
	}
}

// Merge adds the counts and bad records of o to a. o is not modified.
func (a *Accumulator) Merge(o *Accumulator) {
	for k, oc := range o.cells {
		c := a.cells[k]
		if c == nil {
			c = new(Counts)
			a.cells[k] = c
		}
		c.merge(oc)
	}
	a.bad += o.bad
	for _, b := range o.badSample {
		a.keepBad(b)
	}
}

// Records returns the number of valid records counted.
func (a *Accumulator) Records() int64 {
	var n int64
	for _, c := range a.cells {
		n += c[cDossiers]
	}
	return n
}

// Bad returns the number of bad records and the first of them (at most MaxBadSamples), in
// input order. The slice is a copy.
func (a *Accumulator) Bad() (int64, []BadRecord) {
	return a.bad, append([]BadRecord(nil), a.badSample...)
}

// cell is one (unit, procedure) pair with its counts.
type cell struct {
	unit, procedure string
	counts          *Counts
}

// sortedCells returns the cells ordered by unit then procedure: scoring never depends on map
// order.
func (a *Accumulator) sortedCells() []cell {
	out := make([]cell, 0, len(a.cells))
	for k, c := range a.cells {
		n, w := binary.Uvarint([]byte(k))
		unit := k[w : w+int(n)]
		out = append(out, cell{unit: unit, procedure: k[w+int(n):], counts: c})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].unit != out[j].unit {
			return out[i].unit < out[j].unit
		}
		return out[i].procedure < out[j].procedure
	})
	return out
}
