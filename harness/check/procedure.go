package check

import (
	"regexp"
	"strings"
)

// The levels of an online public service (MucDo) under Decree 42/2022: full-process (toàn trình)
// and partial (một phần). A procedure not offered online has LevelOffline.
const (
	LevelFull    = "toan_trinh"
	LevelPartial = "mot_phan"
	LevelOffline = ""
)

// Procedure is one administrative procedure (TTHC) of the portal's catalogue. The JSON field names
// are those of the Decision 766 procedure catalogue (issue 4): MaTTHC, Ten, MucDo, CoPhiLePhi,
// ThietYeu, URL.
type Procedure struct {
	// Code is the procedure code (MaTTHC), e.g. "1.000123" or "2.001234.000.00.00.H55"; empty when
	// the catalogue does not show one.
	Code string `json:"MaTTHC"`
	// Name is the procedure's name (Ten).
	Name string `json:"Ten"`
	// Level is LevelFull, LevelPartial or LevelOffline (not offered online).
	Level string `json:"MucDo"`
	// LevelStated is false when the catalogue says nothing about the level (HTML without a level
	// label, JSON without a MucDo key); Level is then LevelOffline.
	LevelStated bool `json:"-"`
	// LegacyLevel says the level was read from the wording Decree 42/2022 replaced ("Mức độ 3",
	// "Mức độ 4"); Level holds its modern equivalent.
	LegacyLevel bool `json:"-"`
	// Fee says the procedure has fees or charges (CoPhiLePhi).
	Fee bool `json:"CoPhiLePhi"`
	// Essential marks one of the Project 06 essential services, as the portal declares it.
	Essential bool `json:"ThietYeu"`
	// URL is the procedure's page, absolute once read through the session.
	URL string `json:"URL"`
	// Where locates the entry for messages: a JSON path ("$.procedures[3]") or an element path.
	Where string `json:"-"`
}

// Online reports whether the procedure is offered as an online public service.
func (p Procedure) Online() bool { return p.Level == LevelFull || p.Level == LevelPartial }

// Label names the procedure for messages: its code and name.
func (p Procedure) Label() string {
	switch {
	case p.Code != "" && p.Name != "":
		return p.Code + " " + p.Name
	case p.Code != "":
		return p.Code
	case p.Name != "":
		return p.Name
	}
	return p.Where
}

// ProcedureList is the portal's procedure catalogue as the harness read it.
type ProcedureList struct {
	// URL is where the catalogue was read; Format is "json" or "html".
	URL, Format string
	Procedures  []Procedure
}

// procedureCode matches a procedure code of the National TTHC Database: a digit, a dot and six
// digits ("1.000123"), optionally followed by the local suffix ".000.00.00.H55".
var procedureCode = regexp.MustCompile(`(?:^|[^0-9A-Za-z.])([0-9]\.[0-9]{6}(?:\.[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2})?)(?:$|[^0-9A-Za-z.]|\.(?:$|[^0-9]))`)

// FindProcedureCode returns the first procedure code in s, or "".
func FindProcedureCode(s string) string {
	if m := procedureCode.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}

// ValidProcedureCode reports whether s is exactly a procedure code ("1.000123",
// "2.001234.000.00.00.H55").
func ValidProcedureCode(s string) bool {
	return s != "" && FindProcedureCode(s) == s && len(s) == len(strings.TrimSpace(s))
}
