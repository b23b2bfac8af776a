package index766

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/safefile"
)

// Online levels of a procedure (MucDo).
const (
	FullProcess    = "toan_trinh" // online from submission to result
	PartialProcess = "mot_phan"   // partly online
)

// Procedure is one administrative procedure (TTHC) of the procedure catalogue.
type Procedure struct {
	Code string `json:"MaTTHC"`
	Name string `json:"Ten"`
	// Level is MucDo: FullProcess, PartialProcess, or empty when the procedure is not online.
	Level string `json:"MucDo"`
	// Fee is CoPhiLePhi: the procedure carries a fee or charge.
	Fee bool `json:"CoPhiLePhi"`
	// Citizen is DoiTuongCongDan: its subjects are citizens (or overseas Vietnamese, foreigners).
	Citizen bool `json:"DoiTuongCongDan"`
	// PopulationLinked is KetNoiDanCu: connected to the National Population Database.
	PopulationLinked bool `json:"KetNoiDanCu"`
	// Essential is ThietYeu: one of Project 06's essential public services.
	Essential bool `json:"ThietYeu"`
}

// Online reports whether the procedure is offered online (fully or partly).
func (p *Procedure) Online() bool { return p.Level != "" }

// Procedures is a procedure catalogue, sorted by code. Safe for concurrent reads.
type Procedures struct {
	list   []Procedure
	byCode map[string]int
}

// NewProcedures builds a catalogue; codes must be unique and non-empty, levels valid.
func NewProcedures(list []Procedure) (*Procedures, error) {
	p := &Procedures{list: append([]Procedure(nil), list...), byCode: make(map[string]int, len(list))}
	sort.SliceStable(p.list, func(i, j int) bool { return p.list[i].Code < p.list[j].Code })
	for i := range p.list {
		pr := &p.list[i]
		if pr.Code == "" {
			return nil, msg.Error(mErrNoCode, pr.Name)
		}
		if pr.Level != "" && pr.Level != FullProcess && pr.Level != PartialProcess {
			return nil, msg.Error(mErrLevel, pr.Code, pr.Level, FullProcess, PartialProcess)
		}
		if _, dup := p.byCode[pr.Code]; dup {
			return nil, msg.Error(mErrTwice, pr.Code)
		}
		p.byCode[pr.Code] = i
	}
	return p, nil
}

// List returns the procedures sorted by code; the caller must not modify them.
func (p *Procedures) List() []Procedure { return p.list }

// Lookup returns the procedure with the given code.
func (p *Procedures) Lookup(code string) (*Procedure, bool) {
	if p == nil {
		return nil, false
	}
	i, ok := p.byCode[code]
	if !ok {
		return nil, false
	}
	return &p.list[i], true
}

// maxCatalogue bounds a procedure catalogue file: the national catalogue has a few thousand
// procedures, far below this.
const maxCatalogue = 64 << 20

// LoadProcedures reads a procedure catalogue: a JSON array of procedures (or an object
// {"procedures": [...]}), or CSV with a header row naming the columns MaTTHC, Ten, MucDo,
// CoPhiLePhi, DoiTuongCongDan, KetNoiDanCu, ThietYeu. Booleans are true/false or 1/0 (an empty
// CSV cell is false). name is used in errors.
func LoadProcedures(r io.Reader, name string) (*Procedures, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxCatalogue+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > maxCatalogue {
		return nil, msg.Error(mErrProcsLarge, name, maxCatalogue>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	var list []Procedure
	if t := bytes.TrimLeft(data, " \t\r\n"); len(t) > 0 && (t[0] == '[' || t[0] == '{') {
		list, err = proceduresJSON(t)
	} else {
		list, err = proceduresCSV(data)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	p, err := NewProcedures(list)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return p, nil
}

// jsonBool accepts true/false, 0/1 and "0"/"1"/"true"/"false", as exports differ.
type jsonBool bool

func (b *jsonBool) UnmarshalJSON(d []byte) error {
	s := strings.Trim(string(d), `"`)
	v, err := parseBool(s)
	if err != nil {
		return err
	}
	*b = jsonBool(v)
	return nil
}

func parseBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "true":
		return true, nil
	case "0", "false", "", "null":
		return false, nil
	}
	return false, msg.Error(mErrBool, s)
}

type procedureJSON struct {
	Code             string   `json:"MaTTHC"`
	Name             string   `json:"Ten"`
	Level            string   `json:"MucDo"`
	Fee              jsonBool `json:"CoPhiLePhi"`
	Citizen          jsonBool `json:"DoiTuongCongDan"`
	PopulationLinked jsonBool `json:"KetNoiDanCu"`
	Essential        jsonBool `json:"ThietYeu"`
}

func proceduresJSON(data []byte) ([]Procedure, error) {
	var raw []json.RawMessage
	if data[0] == '{' {
		var wrap struct {
			Procedures []json.RawMessage `json:"procedures"`
		}
		if err := json.Unmarshal(data, &wrap); err != nil {
			return nil, safefile.JSONError(data, err)
		}
		raw = wrap.Procedures
	} else if err := json.Unmarshal(data, &raw); err != nil {
		return nil, safefile.JSONError(data, err)
	}
	out := make([]Procedure, 0, len(raw))
	for i, m := range raw {
		var p procedureJSON
		if err := json.Unmarshal(m, &p); err != nil {
			return nil, fmt.Errorf("procedures[%d]: %w", i, err)
		}
		out = append(out, Procedure{Code: p.Code, Name: p.Name, Level: p.Level, Fee: bool(p.Fee),
			Citizen: bool(p.Citizen), PopulationLinked: bool(p.PopulationLinked), Essential: bool(p.Essential)})
	}
	return out, nil
}

func proceduresCSV(data []byte) ([]Procedure, error) {
	r := csv.NewReader(bytes.NewReader(data))
	header, err := r.Read()
	if err == io.EOF {
		return nil, msg.Error(mErrProcsEmpty)
	}
	if err != nil {
		return nil, msg.Wrap(msg.P(mErrHeader), csvErr(err))
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(h)] = i
	}
	if _, ok := col["MaTTHC"]; !ok {
		return nil, msg.Error(mErrNoCodeCol, "MaTTHC")
	}
	get := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return rec[i]
		}
		return ""
	}
	var out []Procedure
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, csvErr(err)
		}
		line, _ := r.FieldPos(0)
		p := Procedure{Code: get(rec, "MaTTHC"), Name: get(rec, "Ten"), Level: get(rec, "MucDo")}
		for _, b := range []struct {
			name string
			dst  *bool
		}{{"CoPhiLePhi", &p.Fee}, {"DoiTuongCongDan", &p.Citizen}, {"KetNoiDanCu", &p.PopulationLinked}, {"ThietYeu", &p.Essential}} {
			v, err := parseBool(get(rec, b.name))
			if err != nil {
				return nil, msg.Wrap(msg.P(mErrLine, line, b.name), err)
			}
			*b.dst = v
		}
		out = append(out, p)
	}
}
