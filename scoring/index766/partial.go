package index766

import (
	"encoding/json"
	"fmt"
	"slices"
)

// PartialFormat names the JSON form of an [Accumulator]: what one machine or worker of a
// distributed engine writes after scoring its partition, for another to merge.
const PartialFormat = "p06kit/index766-partial"

// counterNames name the cell counters in the partial form, so that a partial written by
// another version is recognised rather than misread.
var counterNames = [numCounters]string{
	"dossiers", "online", "postal", "finished", "finished_no_due", "on_time", "processing_seconds",
	"fee", "paid_online", "result_link", "digitised", "digitised_with_result", "from_store",
	"population_data", "fully_online",
}

type partialJSON struct {
	Format     string        `json:"format"`
	Version    int           `json:"version"`
	Counters   []string      `json:"counters"`
	Cells      []partialCell `json:"cells"`
	Bad        int64         `json:"bad"`
	BadRecords []partialBad  `json:"bad_records"`
}

type partialCell struct {
	Unit      string  `json:"unit"`
	Procedure string  `json:"procedure"`
	Counts    []int64 `json:"counts"`
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
	p := partialJSON{Format: PartialFormat, Version: 1, Counters: counterNames[:], Cells: []partialCell{}, Bad: a.bad, BadRecords: []partialBad{}}
	for _, c := range a.sortedCells() {
		p.Cells = append(p.Cells, partialCell{Unit: c.unit, Procedure: c.procedure, Counts: c.counts[:]})
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
	if p.Format != PartialFormat || p.Version != 1 {
		return fmt.Errorf("index766 partial: format %q version %d: want %q version 1", p.Format, p.Version, PartialFormat)
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
		fresh.cell(fresh.units.id([]byte(c.Unit)), fresh.procs.id([]byte(c.Procedure))).merge(&cc)
	}
	fresh.bad = p.Bad
	for _, b := range p.BadRecords {
		fresh.keepBad(BadRecord{File: b.File, Line: b.Line, Reason: b.Reason, file: b.Input})
	}
	*a = *fresh
	return nil
}
