package criteria

import (
	"encoding/json"
	"fmt"
	"slices"
	"sync"

	_ "embed"

	"github.com/p06kit/p06kit/internal/htmlx"
)

//go:embed data/essential-services.json
var essentialJSON []byte

// EssentialService is one of the 25 essential public services of Project 06 (dịch vụ công thiết
// yếu). The list is the best available one, not the text of Decision 06's appendix, which is NOT
// FOUND: see [EssentialList] for the source and its reliability.
type EssentialService struct {
	// Number is the service's position in the reported list, 1–25. It is a label for people, not
	// an identifier of the law.
	Number int `json:"number"`
	// Name is the name as reported (Vietnamese) and its English rendering.
	Name Text `json:"name"`
	// Group2025 is the 2025 reports' grouping: "bo-cong-an" (13 services of the Ministry of Public
	// Security), "commune" (6 settled at commune level) or "other".
	Group2025 string `json:"group_2025"`
	// Owner2022 is the ministry that likely owned the service in 2022, inferred from its sector [U].
	Owner2022 string `json:"owner_2022"`
	// Scope lists the levels of government whose portals are expected to offer the service. It is
	// inferred from the 2025 grouping [U].
	Scope []Scope `json:"scope"`
	// Codes are procedure codes (MaTTHC) known to implement the service; none are recorded yet.
	Codes []string `json:"codes,omitempty"`
	// Match holds alternatives of folded phrases (see Matches); Exclude folded phrases that rule a
	// name out.
	Match   [][]string `json:"match"`
	Exclude []string   `json:"exclude,omitempty"`
	// Reliability of the name's wording: S (secondary sources) or S/R (with integration code).
	Reliability string `json:"reliability"`
	// Note records what is uncertain about this service.
	Note string `json:"note,omitempty"`
}

// EssentialList is the embedded list with its provenance.
type EssentialList struct {
	Title Text `json:"title"`
	// Source names the reports the list comes from; Reliability is their label in docs/README.md.
	Source      string `json:"source"`
	Reliability string `json:"reliability"`
	// Note says what is NOT FOUND or inferred.
	Note     string             `json:"note"`
	Services []EssentialService `json:"services"`
}

var essential = sync.OnceValues(func() (*EssentialList, error) {
	var l EssentialList
	if err := json.Unmarshal(essentialJSON, &l); err != nil {
		return nil, fmt.Errorf("criteria: data/essential-services.json: %w", err)
	}
	return &l, nil
})

// Essential returns the list of essential services with its source and reliability. The caller
// may modify the copy it gets.
func Essential() EssentialList {
	l, err := essential()
	if err != nil {
		panic(err.Error()) // embedded data; the package tests load it
	}
	out := *l
	out.Services = EssentialServices()
	return out
}

// EssentialServices returns the 25 essential public services of Project 06, in the reported
// order. It is the best available list: the 2022 appendix of Decision 06 is NOT FOUND, and the
// names come from 2025 reports of Directive 24/CT-TTg. The caller may modify the copy it gets.
func EssentialServices() []EssentialService {
	l, err := essential()
	if err != nil {
		panic(err.Error()) // embedded data; the package tests load it
	}
	out := make([]EssentialService, len(l.Services))
	for i, s := range l.Services {
		s.Scope = slices.Clone(s.Scope)
		s.Codes = slices.Clone(s.Codes)
		s.Exclude = slices.Clone(s.Exclude)
		s.Match = make([][]string, len(l.Services[i].Match))
		for j, m := range l.Services[i].Match {
			s.Match[j] = slices.Clone(m)
		}
		out[i] = s
	}
	return out
}

// EssentialServicesFor returns the essential services within the scope of a portal of the given
// level of government.
func EssentialServicesFor(scope Scope) []EssentialService {
	var out []EssentialService
	for _, s := range EssentialServices() {
		if s.InScope(scope) {
			out = append(out, s)
		}
	}
	return out
}

// InScope reports whether portals of the given level are expected to offer the service.
func (e EssentialService) InScope(scope Scope) bool { return slices.Contains(e.Scope, scope) }

// Matches reports whether a procedure with this code and name implements the service: the code is
// one of Codes, or the name, folded (lower case, without accents), holds every phrase of one of
// the Match alternatives as whole words and none of the Exclude phrases. code may be empty.
func (e EssentialService) Matches(code, name string) bool {
	if code != "" && slices.Contains(e.Codes, code) {
		return true
	}
	return e.MatchesFolded("", htmlx.Fold(name))
}

// MatchesFolded is Matches for a name already folded (htmlx.Fold), for callers that test one
// name against every service.
func (e EssentialService) MatchesFolded(code, f string) bool {
	if code != "" && slices.Contains(e.Codes, code) {
		return true
	}
	for _, x := range e.Exclude {
		if htmlx.FoldedContains(f, x) {
			return false
		}
	}
	for _, alt := range e.Match {
		ok := len(alt) > 0
		for _, phrase := range alt {
			if !htmlx.FoldedContains(f, phrase) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// MatchEssential returns the essential service a procedure implements, if any.
func MatchEssential(code, name string) (EssentialService, bool) {
	f := htmlx.Fold(name)
	for _, s := range EssentialServices() {
		if s.MatchesFolded(code, f) {
			return s, true
		}
	}
	return EssentialService{}, false
}
