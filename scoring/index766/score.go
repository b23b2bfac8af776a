package index766

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/scoring"
)

// Indicator is one indicator of the index, computed or not.
type Indicator struct {
	ID    string        `json:"id"`
	Group string        `json:"group"`
	Title criteria.Text `json:"title"`
	// Computed is false when the inputs cannot support the indicator; Reason says why. A
	// not-computed indicator earns no points and is left out of Attainable.
	Computed bool   `json:"computed"`
	Reason   string `json:"reason,omitempty"`
	ReasonVI string `json:"reason_vi,omitempty"`
	// Formula says what was counted.
	Formula     string `json:"formula"`
	Numerator   int64  `json:"numerator"`
	Denominator int64  `json:"denominator"`
	// Rate is Numerator / Denominator, a fraction in [0,1]; null when not computed or when the
	// indicator is a value rather than a rate (QD766-2.2).
	Rate *float64 `json:"rate"`
	// Value and Unit carry a display-only measure such as the average processing time in days.
	Value *float64 `json:"value,omitempty"`
	Unit  string   `json:"unit,omitempty"`
	// Threshold is the rate that earns full points, when the indicator has one.
	Threshold *float64 `json:"threshold"`
	Points    float64  `json:"points"`
	MaxPoints float64  `json:"max_points"`
}

// GroupScore is one of the six groups.
type GroupScore struct {
	ID     string        `json:"id"`
	Title  criteria.Text `json:"title"`
	Points float64       `json:"points"`
	// MaxPoints is the group's maximum; Attainable the maximum of its computed indicators.
	MaxPoints  float64 `json:"max_points"`
	Attainable float64 `json:"attainable"`
}

// Index is the Decision 766 index of one slice of the dossiers (all of them, one unit, one
// procedure, the essential services).
type Index struct {
	Dossiers int64 `json:"dossiers"`
	// ProceduresInScope is how many catalogue procedures the procedure-level indicators count.
	ProceduresInScope int64        `json:"procedures_in_scope"`
	Indicators        []Indicator  `json:"indicators"`
	Groups            []GroupScore `json:"groups"`
	// Total is the sum of the points of the computed indicators, out of MaxPoints (100).
	// Not-computed indicators earn nothing here, so Total is a lower bound of the official
	// score; Attainable is the most the computed indicators can earn and Normalised is
	// Total / Attainable × 100.
	Total      float64 `json:"total"`
	MaxPoints  float64 `json:"max_points"`
	Attainable float64 `json:"attainable"`
	Normalised float64 `json:"normalised"`
	// Band grades what could be computed: the band of Normalised, since points the inputs
	// cannot support (NotComputedPoints) are not the unit's zeros. BandTotal grades Total, a
	// lower bound of the official score. Bands carry Verified (false where the source does not
	// confirm the boundary).
	Band              scoring.Band `json:"band"`
	BandTotal         scoring.Band `json:"band_total"`
	NotComputedPoints float64      `json:"not_computed_points"`
	// Official is the same index in the decision's own five groups (Art. 1 a–e), where group
	// d, online service provision, is the sum of the online-service and online-payment groups
	// DVCQG displays apart (12 + 10 = 22 points).
	Official []GroupScore `json:"official_groups"`
}

// officialGroups maps the decision's five groups onto the six DVCQG groups of the catalogue.
var officialGroups = []struct {
	id    string
	title criteria.Text
	of    []string
}{
	{"a", criteria.Text{VI: "Công khai, minh bạch", EN: "Transparency"}, []string{"transparency"}},
	{"b", criteria.Text{VI: "Tiến độ, kết quả giải quyết", EN: "Processing progress and results"}, []string{"progress"}},
	{"c", criteria.Text{VI: "Số hóa hồ sơ", EN: "Dossier digitisation"}, []string{"digitisation"}},
	{"d", criteria.Text{VI: "Cung cấp dịch vụ trực tuyến", EN: "Online service provision"}, []string{"online-service", "online-payment"}},
	{"e", criteria.Text{VI: "Mức độ hài lòng", EN: "Satisfaction"}, []string{"satisfaction"}},
}

// official regroups the six groups into the decision's five; nil when the catalogue's groups
// are not the six DVCQG groups.
func official(groups []GroupScore) []GroupScore {
	byID := map[string]GroupScore{}
	for _, g := range groups {
		byID[g.ID] = g
	}
	if len(byID) != 6 {
		return nil
	}
	out := make([]GroupScore, 0, len(officialGroups))
	for _, og := range officialGroups {
		gs := GroupScore{ID: og.id, Title: og.title}
		for _, id := range og.of {
			g, ok := byID[id]
			if !ok {
				return nil
			}
			gs.Points += g.Points
			gs.MaxPoints += g.MaxPoints
			gs.Attainable += g.Attainable
		}
		out = append(out, gs)
	}
	return out
}

// Slice is the index of one unit or one procedure.
type Slice struct {
	ID        string `json:"id"`
	Name      string `json:"name,omitempty"`
	Essential bool   `json:"essential,omitempty"`
	Index
}

// Records summarises the input: how many records were scored and which were excluded.
type Records struct {
	Scored int64 `json:"scored"`
	Bad    int64 `json:"bad"`
	// BadShare is Bad / (Scored + Bad).
	BadShare float64 `json:"bad_share"`
	// BadRecords are the first bad records (at most MaxBadSamples), in input order.
	BadRecords []BadRecord `json:"bad_records"`
}

// Report is the Decision 766 index computed from dossier records. Its JSON form is the output
// of `p06 index766 --format json`.
type Report struct {
	FormulaVersion string               `json:"formula_version"`
	Catalogue      scoring.CatalogueRef `json:"catalogue"`
	Grading        string               `json:"grading"`
	Index
	// Targets are the seed's three targets measured on the input.
	Targets []scoring.Target `json:"targets"`
	// Essential is the index over the essential services (ThietYeu) alone; nil without a
	// procedure catalogue that marks any.
	Essential *Index `json:"essential,omitempty"`
	// By is "unit" or "procedure" when a breakdown was asked for; Slices holds it, sorted by ID.
	By      string       `json:"by,omitempty"`
	Slices  []Slice      `json:"slices,omitempty"`
	Records Records      `json:"records"`
	Period  PeriodReport `json:"period"`
	Notes   []string     `json:"notes"`
	// notes are the notes as catalogue messages (NotesIn), in the order of Notes.
	notes []msg.Phrase
}

// Options configure [Score]. The zero value scores against the built-in qd766 catalogue
// without a procedure catalogue and without a breakdown.
type Options struct {
	// Catalogue gives the indicators' titles, groups, maximum points and thresholds; nil means
	// the built-in qd766 catalogue.
	Catalogue *criteria.Catalogue
	// Procedures is the procedure catalogue; nil leaves the procedure-level indicators
	// (3.1, 3.2, 3.5, 3.5b, 4.5a), two of the targets and the essential services uncomputed.
	Procedures *Procedures
	// By is "", "unit" or "procedure".
	By string
	// Bands grade the total; the zero value means scoring.Decision766.
	Bands scoring.Bands
	// Period is the period the accumulator was built for ([NewAccumulatorFor]); it is
	// reported. When Period.AsOf is zero the as-of day is Period.To, else the latest date in
	// the data.
	Period Period
}

// PeriodReport says which dossiers were counted and the day they were judged on.
type PeriodReport struct {
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
	// AsOf is the day unfinished dossiers were judged late or still within time on;
	// AsOfSource says where it came from: "given", "to" or "latest date in the data".
	AsOf       string `json:"as_of"`
	AsOfSource string `json:"as_of_source"`
	// Outside counts the valid records left out because they fall outside the period.
	Outside int64 `json:"outside"`
	// Open counts the dossiers unfinished on the as-of day that have a NgayHenTra; Overdue
	// those of them past it, which QD766-2.1 counts as late.
	Open    int64 `json:"open"`
	Overdue int64 `json:"overdue"`
}

// Score computes the index from an accumulator. It does not modify acc.
func Score(acc *Accumulator, opt Options) (*Report, error) {
	cat := opt.Catalogue
	if cat == nil {
		var err error
		if cat, err = criteria.Builtin(criteria.QD766ID); err != nil {
			return nil, fmt.Errorf("index766: %w", err)
		}
	}
	if len(cat.Groups) == 0 {
		return nil, errors.New("index766: the catalogue has no groups")
	}
	bands := opt.Bands
	if len(bands.Bands) == 0 {
		bands = scoring.Decision766
	}
	if err := bands.Validate(); err != nil {
		return nil, fmt.Errorf("index766: %w", err)
	}
	if opt.By != "" && opt.By != "unit" && opt.By != "procedure" {
		return nil, fmt.Errorf("index766: breakdown %q: want unit or procedure", opt.By)
	}
	cells := acc.sortedCells()
	procs := opt.Procedures
	pr := PeriodReport{Outside: acc.Outside()}
	if !opt.Period.From.IsZero() {
		pr.From = opt.Period.From.Format(time.DateOnly)
	}
	if !opt.Period.To.IsZero() {
		pr.To = opt.Period.To.Format(time.DateOnly)
	}
	var asOf time.Time
	switch {
	case !opt.Period.AsOf.IsZero():
		asOf, pr.AsOfSource = opt.Period.AsOf, "given"
	case !opt.Period.To.IsZero():
		asOf, pr.AsOfSource = opt.Period.To, "to"
	default:
		asOf, pr.AsOfSource = acc.Latest(), "latest date in the data"
	}
	sc := scorer{cat: cat, procs: procs, bands: bands}
	if !asOf.IsZero() {
		pr.AsOf = asOf.Format(time.DateOnly)
		sc.asOfDay = dayOf(dayStart(asOf))
		sc.hasAsOf = true
	}

	all := sc.gather(cells, allProcedures(procs))
	r := &Report{
		FormulaVersion: FormulaVersion,
		Catalogue:      scoring.CatalogueRef{ID: cat.ID, Version: cat.Version},
		Grading:        bands.ID,
		Index:          sc.index(&all),
		By:             opt.By,
		Notes:          []string{},
	}
	r.Targets = []scoring.Target{
		scoring.SeedTarget(scoring.TargetProceduresOnline, all.online, all.procedures),
		scoring.SeedTarget(scoring.TargetOnlineFullProcess, all.full, all.online),
		scoring.SeedTarget(scoring.TargetDossiersOnline, all.c[cFullyOnline], all.c[cFinished]),
	}
	if procs != nil {
		var ess []*Procedure
		for i := range procs.list {
			if procs.list[i].Essential {
				ess = append(ess, &procs.list[i])
			}
		}
		if len(ess) > 0 {
			var sub []cell
			for _, c := range cells {
				if p, ok := procs.Lookup(c.procedure); ok && p.Essential {
					sub = append(sub, c)
				}
			}
			in := sc.gather(sub, ess)
			idx := sc.index(&in)
			r.Essential = &idx
		}
	}
	switch opt.By {
	case "unit":
		for i := 0; i < len(cells); {
			j := i
			for j < len(cells) && cells[j].unit == cells[i].unit {
				j++
			}
			in := sc.gather(cells[i:j], nil)
			r.Slices = append(r.Slices, Slice{ID: cells[i].unit, Index: sc.index(&in)})
			i = j
		}
	case "procedure":
		byProc := map[string][]cell{}
		for _, c := range cells {
			byProc[c.procedure] = append(byProc[c.procedure], c)
		}
		codes := make([]string, 0, len(byProc))
		for code := range byProc {
			codes = append(codes, code)
		}
		sort.Strings(codes)
		for _, code := range codes {
			in := sc.gather(byProc[code], nil)
			s := Slice{ID: code, Index: sc.index(&in)}
			if p, ok := procs.Lookup(code); ok {
				s.Name, s.Essential = p.Name, p.Essential
			}
			r.Slices = append(r.Slices, s)
		}
	}
	r.Period = pr
	r.Period.Open, r.Period.Overdue = all.c[cOpen], all.overdue
	bad, sample := acc.Bad()
	r.Records = Records{Scored: all.c[cDossiers], Bad: bad, BadRecords: sample}
	if n := r.Records.Scored + bad; n > 0 {
		r.Records.BadShare = float64(bad) / float64(n)
	}
	if r.Records.BadRecords == nil {
		r.Records.BadRecords = []BadRecord{}
	}
	if procs == nil {
		r.note(mNoteNoProcedures)
	}
	if all.unknownProcedures > 0 {
		r.note(mNoteUnknownProcedures, all.unknownDossiers, all.unknownProcedures)
	}
	if all.finishedWithoutDue > 0 {
		r.note(mNoteNoDueDate, all.finishedWithoutDue)
	}
	r.note(mNoteTotal, r.Total, r.MaxPoints-r.Attainable, r.MaxPoints, r.Normalised)
	return r, nil
}

type scorer struct {
	cat   *criteria.Catalogue
	procs *Procedures
	bands scoring.Bands
	// asOfDay is the Vietnam-time day number unfinished dossiers are judged on.
	asOfDay int32
	hasAsOf bool
}

func allProcedures(p *Procedures) []*Procedure {
	if p == nil {
		return nil
	}
	out := make([]*Procedure, len(p.list))
	for i := range p.list {
		out[i] = &p.list[i]
	}
	return out
}

// gather sums the cells and computes the procedure facts of scope; a nil scope means the
// catalogue procedures that appear in the cells.
func (s *scorer) gather(cells []cell, scope []*Procedure) inputs {
	var in inputs
	per := map[string]*cellCounts{}
	for _, c := range cells {
		in.c.merge(c.counts)
		for day, n := range c.openDue {
			if s.hasAsOf && day < s.asOfDay {
				in.overdue += n
			}
		}
		pc := per[c.procedure]
		if pc == nil {
			pc = new(cellCounts)
			per[c.procedure] = pc
		}
		pc.merge(c.counts)
	}
	in.finishedWithoutDue = in.c[cFinishedNoDue]
	in.processingSecondsSum = in.c[cProcessingSeconds]
	if s.procs == nil {
		return in
	}
	in.known = true
	if scope == nil {
		for code := range per {
			if p, ok := s.procs.Lookup(code); ok {
				scope = append(scope, p)
			}
		}
	}
	for code, pc := range per {
		if _, ok := s.procs.Lookup(code); !ok {
			in.unknownProcedures++
			in.unknownDossiers += pc[cDossiers]
		}
	}
	for _, p := range scope {
		pc := per[p.Code]
		if pc == nil {
			pc = &cellCounts{}
		}
		in.procedures++
		if p.Online() {
			in.online++
			if p.Level == FullProcess {
				in.full++
			}
			if pc[cOnline] > 0 {
				in.onlineWithOnline++
			}
		}
		if p.Fee {
			in.feeDossiers += pc[cFee]
			in.feeDossiersPaid += pc[cPaidOnline]
			in.feeProcedures++
			if pc[cFee] > 0 {
				in.feeSynced++
			}
			if pc[cPaidOnline] > 0 {
				in.feePaid++
			}
		}
		if p.Citizen {
			in.citizenProcedures++
			if p.PopulationLinked {
				in.citizenLinked++
			}
		}
	}
	return in
}

// index applies the formulas to the inputs, in the catalogue's group and criterion order.
func (s *scorer) index(in *inputs) Index {
	idx := Index{Dossiers: in.c[cDossiers], ProceduresInScope: in.procedures, Indicators: []Indicator{}, Groups: []GroupScore{}}
	for _, g := range s.cat.Groups {
		gs := GroupScore{ID: g.ID, Title: g.Title, MaxPoints: g.MaxPoints}
		sumMax := 0.0
		for i := range s.cat.Criteria {
			c := &s.cat.Criteria[i]
			if c.Group != g.ID {
				continue
			}
			ind := indicator(c, in)
			sumMax += ind.MaxPoints
			if ind.Computed {
				gs.Points += ind.Points
				gs.Attainable += ind.MaxPoints
			}
			idx.Indicators = append(idx.Indicators, ind)
		}
		if gs.MaxPoints == 0 {
			gs.MaxPoints = sumMax
		}
		idx.Groups = append(idx.Groups, gs)
		idx.Total += gs.Points
		idx.MaxPoints += gs.MaxPoints
		idx.Attainable += gs.Attainable
	}
	if idx.Attainable > 0 {
		idx.Normalised = idx.Total / idx.Attainable * 100
	}
	idx.Band = s.bands.Grade(idx.Normalised)
	idx.BandTotal = s.bands.Grade(idx.Total)
	idx.NotComputedPoints = idx.MaxPoints - idx.Attainable
	idx.Official = official(idx.Groups)
	return idx
}

func indicator(c *criteria.Criterion, in *inputs) Indicator {
	ind := Indicator{ID: c.ID, Group: c.Group, Title: c.Title, MaxPoints: c.Points, Threshold: c.Threshold}
	f, ok := formulas[c.ID]
	if !ok {
		ind.Reason = "no formula for this indicator in " + FormulaVersion
		ind.ReasonVI = "phiên bản công thức này chưa có công thức cho chỉ số"
		return ind
	}
	ind.Formula = f.text
	num, den, reason := f.ratio(in)
	if reason != "" {
		ind.Reason, ind.ReasonVI = reason, reasonVI(reason)
		return ind
	}
	ind.Computed, ind.Numerator, ind.Denominator = true, num, den
	if c.ID == "QD766-2.2" {
		v := float64(num) / float64(den) / 86400
		ind.Value, ind.Unit = &v, "days"
		return ind
	}
	rate := float64(num) / float64(den)
	ind.Rate = &rate
	ind.Points = points(c.Points, rate, c.Threshold)
	return ind
}

// points is the threshold rule of Decision 766 as DVCQG implements it (docs/qd766.md): reaching the threshold T earns max; below it
// max × rate / T; without a threshold max × rate.
func points(max, rate float64, threshold *float64) float64 {
	if threshold == nil || *threshold <= 0 {
		return max * rate
	}
	if rate >= *threshold {
		return max
	}
	return math.Min(max, max*rate / *threshold)
}
