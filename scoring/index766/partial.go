package index766

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"

	"github.com/p06kit/p06kit/harness/msg"
)

// PartialFormat names the JSON form of an [Accumulator]: what one machine or worker of a
// distributed engine writes after scoring its partition, for another to merge.
const PartialFormat = "p06kit/index766-partial"

// counterNames name the cell counters in the partial form, so that a partial written by
// another version is recognised rather than misread.
var counterNames = [numCounters]string{
	"dossiers", "online", "postal", "finished", "finished_no_due", "on_time", "processing_seconds",
	"fee", "paid_online", "result_link", "digitised", "digitised_with_result", "from_store",
	"population_data", "fully_online", "open",
}

// partialVersion changes whenever the partial form does: 2 added the open counter, the open
// dossiers by due day, the latest date and the records outside the period.
const partialVersion = 2

type partialJSON struct {
	Format     string        `json:"format"`
	Version    int           `json:"version"`
	Counters   []string      `json:"counters"`
	Cells      []partialCell `json:"cells"`
	Bad        int64         `json:"bad"`
	BadRecords []partialBad  `json:"bad_records"`
	Latest     int64         `json:"latest"`
	Outside    int64         `json:"outside"`
}

type partialCell struct {
	Unit      string  `json:"unit"`
	Procedure string  `json:"procedure"`
	Counts    []int64 `json:"counts"`
	// OpenDue counts the unfinished dossiers by the Vietnam-time day number (days since
	// 1970-01-01) of their NgayHenTra, as [day, count] pairs in day order.
	OpenDue [][2]int64 `json:"open_due,omitempty"`
}

type partialBad struct {
	Input  int    `json:"input"`
	File   string `json:"file"`
	Line   int64  `json:"line"`
	Reason string `json:"reason"`
}

// MarshalJSON writes the accumulator in the partial form: cells sorted by unit and procedure,
// counters named, so the same counts always give the same bytes.
func (a *Accumulator) MarshalJSON() ([]byte, error) {
	p := partialJSON{Format: PartialFormat, Version: partialVersion, Counters: counterNames[:], Cells: []partialCell{}, Bad: a.bad, BadRecords: []partialBad{},
		Latest: a.latest, Outside: a.outside}
	for _, c := range a.sortedCells() {
		pc := partialCell{Unit: c.unit, Procedure: c.procedure, Counts: c.counts[:]}
		for day, n := range c.openDue {
			pc.OpenDue = append(pc.OpenDue, [2]int64{int64(day), n})
		}
		slices.SortFunc(pc.OpenDue, func(x, y [2]int64) int { return int(x[0] - y[0]) })
		p.Cells = append(p.Cells, pc)
	}
	for _, b := range a.badSample {
		p.BadRecords = append(p.BadRecords, partialBad{Input: b.file, File: b.File, Line: b.Line, Reason: b.Reason})
	}
	return json.Marshal(p)
}

// UnmarshalJSON reads the partial form into a (replacing its contents), checking the format,
// version and counter names, and that counts are consistent (non-negative, no more
// sub-counts than dossiers).
func (a *Accumulator) UnmarshalJSON(data []byte) error {
	var p partialJSON
	if err := json.Unmarshal(data, &p); err != nil {
		return fmt.Errorf("index766 partial: %w", err)
	}
	if p.Format != PartialFormat || p.Version != partialVersion {
		return msg.Error(mErrPartial, p.Format, p.Version, PartialFormat, partialVersion)
	}
	if !slices.Equal(p.Counters, counterNames[:]) {
		return fmt.Errorf("index766 partial: counters %v: want %v", p.Counters, counterNames)
	}
	if p.Bad < int64(len(p.BadRecords)) {
		return fmt.Errorf("index766 partial: bad = %d but %d bad records listed", p.Bad, len(p.BadRecords))
	}
	fresh := NewAccumulator()
	for i, c := range p.Cells {
		if len(c.Counts) != int(numCounters) {
			return fmt.Errorf("index766 partial: cells[%d].counts: %d values, want %d", i, len(c.Counts), numCounters)
		}
		var cc cellCounts
		copy(cc[:], c.Counts)
		for j, v := range cc {
			if v < 0 || (j != cProcessingSeconds && v > cc[cDossiers]) {
				return fmt.Errorf("index766 partial: cells[%d].counts[%d] (%s) = %d: want 0 ≤ value ≤ dossiers (%d)", i, j, counterNames[j], v, cc[cDossiers])
			}
		}
		j := fresh.cellIndex(fresh.units.id([]byte(c.Unit)), fresh.procs.id([]byte(c.Procedure)))
		fresh.counts[j].merge(&cc)
		var open int64
		for _, dn := range c.OpenDue {
			if dn[1] <= 0 || dn[0] < math.MinInt32 || dn[0] > math.MaxInt32 {
				return fmt.Errorf("index766 partial: cells[%d].open_due: [%d, %d]: want a day number and a positive count", i, dn[0], dn[1])
			}
			open += dn[1]
			fresh.addOpen(j, int32(dn[0]), dn[1])
		}
		if open != cc[cOpen] {
			return fmt.Errorf("index766 partial: cells[%d].open_due sums to %d but the open counter is %d", i, open, cc[cOpen])
		}
	}
	if p.Latest < 0 || p.Outside < 0 {
		return fmt.Errorf("index766 partial: latest %d, outside %d: want non-negative values", p.Latest, p.Outside)
	}
	fresh.latest, fresh.outside = p.Latest, p.Outside
	fresh.bad = p.Bad
	for _, b := range p.BadRecords {
		fresh.keepBad(BadRecord{File: b.File, Line: b.Line, Reason: b.Reason, file: b.Input})
	}
	*a = *fresh
	return nil
}
