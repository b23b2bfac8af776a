package scoring

import "github.com/p06kit/p06kit/criteria"

// Target is a checkable target with the measured value beside it.
type Target struct {
	ID    string        `json:"id"`
	Title criteria.Text `json:"title"`
	// Threshold and Measured are fractions in [0,1].
	Threshold float64 `json:"threshold"`
	Measured  float64 `json:"measured"`
	// Numerator and Denominator are the counts behind Measured.
	Numerator   int64 `json:"numerator"`
	Denominator int64 `json:"denominator"`
	// Met is Measured ≥ Threshold; false when Denominator is 0.
	Met bool `json:"met"`
	// Source says where the target comes from and how reliable it is.
	Source string `json:"source"`
}

// The seed article's targets (the 2023 MIC conference report; no other source confirms them, so
// they are marked [U] in docs/online-services.md).
const (
	TargetProceduresOnline  = "procedures-online"   // ≥ 80% of procedures offered online (by 7/2023)
	TargetOnlineFullProcess = "online-full-process" // ≥ 80% of online procedures full-process (by 7/2023)
	TargetDossiersOnline    = "dossiers-online"     // ≥ 85% of dossiers processed fully online (by 2025)
)

var seedTargets = map[string]Target{
	TargetProceduresOnline: {ID: TargetProceduresOnline, Threshold: 0.80,
		Title:  criteria.Text{VI: "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến", EN: "Procedures offered as online public services"},
		Source: "MIC 2023 conference report (seed article), target for 7/2023 set for provincial People's Committees (UBND cấp tỉnh) [U]"},
	TargetOnlineFullProcess: {ID: TargetOnlineFullProcess, Threshold: 0.80,
		Title:  criteria.Text{VI: "Tỷ lệ DVCTT toàn trình trên tổng số DVCTT", EN: "Online services provided full-process"},
		Source: "MIC 2023 conference report (seed article), target for 7/2023 set for provincial People's Committees (UBND cấp tỉnh) [U]"},
	TargetDossiersOnline: {ID: TargetDossiersOnline, Threshold: 0.85,
		Title:  criteria.Text{VI: "Tỷ lệ hồ sơ xử lý trực tuyến toàn trình", EN: "Dossiers processed fully online"},
		Source: "MIC 2023 conference report (seed article), target for 2025 set for provincial People's Committees (UBND cấp tỉnh) [U]"},
}

// SeedTarget returns the seed target id measured as numerator / denominator.
func SeedTarget(id string, numerator, denominator int64) Target {
	t := seedTargets[id]
	t.Numerator, t.Denominator = numerator, denominator
	if denominator > 0 {
		t.Measured = float64(numerator) / float64(denominator)
		t.Met = t.Measured >= t.Threshold
	}
	return t
}
