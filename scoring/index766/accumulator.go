package index766

import (
	"encoding/binary"
	"sort"
	"time"
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
	cOpen                       // not finished at the cut-off, with a NgayHenTra
	numCounters
)

// cellCounts are the counters of one cell.
type cellCounts [numCounters]int64

func (c *cellCounts) add(r *Record) {
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
	if !r.HasFinished && r.HasDue {
		c[cOpen]++
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

func (c *cellCounts) merge(o *cellCounts) {
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
	// Units and procedures are interned to small numbers: the two name tables stay hot in the
	// cache and a cell is found by an 8-byte key, which keeps the per-record cost low.
	units, procs interner
	cells        map[uint64]int32 // unit<<32 | procedure → index in counts
	// dense[unit][procedure] is the index in counts + 1 (0: not yet seen): the hot path's
	// look-up, two slice indexings instead of a hash; bounded by denseBudget entries, beyond
	// which new cells are found through the map only.
	dense     [][]int32
	denseSize int
	counts    []cellCounts
	bad       int64
	badSample []BadRecord // the first MaxBadSamples bad records in input order
	// period bounds the records counted (see [Period]); outside counts those left out.
	period  Period
	outside int64
	// latest is the latest NgayTiepNhan or NgayKetThucXuLy counted (Unix seconds), the
	// default as-of day.
	latest int64
	// openDue[cell] counts the cell's unfinished dossiers by the Vietnam-time day of their
	// NgayHenTra, so that whether each is late can be judged against an as-of day known only
	// at the end (the latest date in the data).
	openDue map[int32]map[int32]int64
}

// Period bounds the dossiers an index counts and the day it is judged on. Dates are days in
// Vietnam time; a zero field is open.
//
// A dossier counts when it was received or processed in the period: received on or before
// the cut-off (AsOf, else To) and not finished before From. A dossier finished after the
// cut-off counts as unfinished; one received after it is left out. An unfinished dossier whose
// NgayHenTra is before the as-of day is late; on or after it, still within time.
type Period struct {
	From, To, AsOf time.Time
}

// dayOf is the Vietnam-time day number of Unix seconds t.
func dayOf(t int64) int32 {
	return int32(floorDiv(t+vietnamOffset, 86400))
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// dayStart is the Unix second at which day d (a civil date; its clock is ignored) starts in
// Vietnam time.
func dayStart(d time.Time) int64 {
	return unix(d.Year(), int(d.Month()), d.Day(), 0, 0, 0) - vietnamOffset
}

// NewAccumulatorFor returns an empty accumulator that counts only the dossiers of period p.
func NewAccumulatorFor(p Period) *Accumulator {
	a := NewAccumulator()
	a.period = p
	return a
}

// cutoff is the first second after the period's cut-off day, and whether there is one.
func (p Period) cutoff() (int64, bool) {
	switch {
	case !p.AsOf.IsZero():
		return dayStart(p.AsOf) + 86400, true
	case !p.To.IsZero():
		return dayStart(p.To) + 86400, true
	}
	return 0, false
}

// interner numbers the distinct names it is given; it remembers the last name for runs of
// records of one unit or procedure.
type interner struct {
	ids   map[string]int32
	names []string
	// cache is a direct-mapped cache in front of ids, indexed by a hash of a name's first and
	// last eight bytes: a hit costs a multiply and a comparison instead of a map look-up.
	cache *[internCache]internEntry
}

const internCache = 1024

type internEntry struct {
	name string
	id   int32
}

func (in *interner) id(name []byte) int32 {
	if in.cache == nil {
		in.cache = new([internCache]internEntry)
		in.ids = make(map[string]int32)
	}
	e := &in.cache[internHash(name)]
	if len(e.name) == len(name) && e.name != "" && string(name) == e.name {
		return e.id
	}
	id, ok := in.ids[string(name)]
	if !ok {
		id = int32(len(in.names))
		s := string(name)
		in.ids[s] = id
		in.names = append(in.names, s)
	}
	e.name, e.id = in.names[id], id
	return id
}

func internHash(b []byte) uint64 {
	var w0, w1 uint64
	if len(b) >= 8 {
		w0 = binary.LittleEndian.Uint64(b)
		w1 = binary.LittleEndian.Uint64(b[len(b)-8:])
	} else {
		for i, c := range b {
			w0 |= uint64(c) << (8 * i)
		}
	}
	h := (w0*0x9E3779B97F4A7C15 ^ w1*0xC2B2AE3D27D4EB4F ^ uint64(len(b))) * 0x94D049BB133111EB
	return h >> (64 - 10) // internCache = 1 << 10
}

// NewAccumulator returns an empty accumulator.
func NewAccumulator() *Accumulator {
	return &Accumulator{cells: make(map[uint64]int32)}
}

// Add counts one record. The readers call it only for records that passed their checks; a
// caller feeding records from another source (a database, an API) must give the required
// fields and NgayTiepNhan, and Due/Finished no earlier than it.
func (a *Accumulator) Add(r *Record) {
	if cut, ok := a.period.cutoff(); ok {
		if r.Received >= cut {
			a.outside++
			return
		}
		if r.HasFinished && r.Finished >= cut {
			cp := *r
			cp.HasFinished = false
			r = &cp
		}
	}
	if !a.period.From.IsZero() && r.HasFinished && r.Finished < dayStart(a.period.From) {
		a.outside++
		return
	}
	a.latest = max(a.latest, r.Received)
	if r.HasFinished {
		a.latest = max(a.latest, r.Finished)
	}
	i := a.cellIndex(a.units.id(r.Unit), a.procs.id(r.Procedure))
	a.counts[i].add(r)
	if !r.HasFinished && r.HasDue {
		a.addOpen(i, dayOf(r.Due), 1)
	}
}

func (a *Accumulator) addOpen(cell, day int32, n int64) {
	if a.openDue == nil {
		a.openDue = map[int32]map[int32]int64{}
	}
	m := a.openDue[cell]
	if m == nil {
		m = map[int32]int64{}
		a.openDue[cell] = m
	}
	m[day] += n
}

// denseBudget bounds the dense index of one accumulator (4 bytes an entry): 4 MiB, room for
// e.g. 500 units × 2 000 procedures; cells beyond it are found through the map.
const denseBudget = 1 << 20

func (a *Accumulator) cellIndex(u, p int32) int32 {
	if int(u) < len(a.dense) && int(p) < len(a.dense[u]) {
		if i := a.dense[u][p]; i != 0 {
			return i - 1
		}
	}
	k := uint64(u)<<32 | uint64(uint32(p))
	i, ok := a.cells[k]
	if !ok {
		i = int32(len(a.counts))
		a.cells[k] = i
		a.counts = append(a.counts, cellCounts{})
	}
	a.index(u, p, i)
	return i
}

// index records cell i at (u, p) in the dense index, if the budget allows.
func (a *Accumulator) index(u, p, i int32) {
	for int(u) >= len(a.dense) {
		a.dense = append(a.dense, nil)
	}
	row := a.dense[u]
	if int(p) >= len(row) {
		n := max(int(p)+1, 2*len(row), 16)
		if a.denseSize+n-len(row) > denseBudget {
			return
		}
		grown := make([]int32, n)
		copy(grown, row)
		a.denseSize += n - len(row)
		row = grown
		a.dense[u] = row
	}
	row[p] = i + 1
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
	for k, i := range o.cells {
		u := a.units.id([]byte(o.units.names[k>>32]))
		p := a.procs.id([]byte(o.procs.names[uint32(k)]))
		j := a.cellIndex(u, p)
		a.counts[j].merge(&o.counts[i])
		for day, n := range o.openDue[i] {
			a.addOpen(j, day, n)
		}
	}
	a.bad += o.bad
	a.outside += o.outside
	a.latest = max(a.latest, o.latest)
	for _, b := range o.badSample {
		a.keepBad(b)
	}
}

// Records returns the number of valid records counted.
func (a *Accumulator) Records() int64 {
	var n int64
	for i := range a.counts {
		n += a.counts[i][cDossiers]
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
	counts          *cellCounts
	openDue         map[int32]int64 // unfinished dossiers by due day
}

// sortedCells returns the cells ordered by unit then procedure: scoring never depends on map
// order.
func (a *Accumulator) sortedCells() []cell {
	out := make([]cell, 0, len(a.cells))
	for k, i := range a.cells {
		out = append(out, cell{unit: a.units.names[k>>32], procedure: a.procs.names[uint32(k)], counts: &a.counts[i], openDue: a.openDue[i]})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].unit != out[j].unit {
			return out[i].unit < out[j].unit
		}
		return out[i].procedure < out[j].procedure
	})
	return out
}

// Outside returns the number of valid records left out because they fall outside the period.
func (a *Accumulator) Outside() int64 { return a.outside }

// Latest returns the latest NgayTiepNhan or NgayKetThucXuLy counted, as a time in Vietnam
// time, or the zero time when nothing was counted.
func (a *Accumulator) Latest() time.Time {
	if a.latest == 0 {
		return time.Time{}
	}
	return time.Unix(a.latest, 0).In(time.FixedZone("ICT", vietnamOffset))
}
