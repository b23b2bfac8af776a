package criteria_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"

	"github.com/p06kit/p06kit/criteria"
)

var update = flag.Bool("update", false, "rewrite golden files (ids.golden, testdata/bad/*.err) and the built-in catalogues in canonical form")

func TestBuiltinsLoadAndValidate(t *testing.T) {
	ids := criteria.Builtins()
	assert.Equal(t, []string{criteria.P06TechnicalID, criteria.QD766ID}, ids)
	for _, id := range ids {
		t.Run(id, func(t *testing.T) {
			c, err := criteria.Builtin(id)
			require.NoError(t, err)
			assert.Equal(t, id, c.ID)
			assert.Regexp(t, `^[1-9][0-9]*\.[0-9]+\.[0-9]+$`, c.Version)
			require.NoError(t, c.Validate())
		})
	}
	_, err := criteria.Builtin("p06-nope")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `no built-in catalogue "p06-nope" (built-in: p06-technical, qd766)`)
	_, err = criteria.Builtin("../catalogues/p06-technical")
	assert.Error(t, err, "a path is not a built-in ID")
}

// The embedded files are stored exactly as MarshalIndent writes them, so that
// `p06 criteria --format json` prints the published file byte for byte.
func TestBuiltinFilesAreCanonical(t *testing.T) {
	for _, id := range criteria.Builtins() {
		t.Run(id, func(t *testing.T) {
			file := filepath.Join("catalogues", id+".json")
			raw, err := os.ReadFile(file)
			require.NoError(t, err)
			c, err := criteria.Load(bytes.NewReader(raw))
			require.NoError(t, err)
			canon, err := c.MarshalIndent()
			require.NoError(t, err)
			if *update {
				require.NoError(t, os.WriteFile(file, canon, 0o644))
				return
			}
			assert.Equal(t, string(canon), string(raw), "%s is not canonical; run go test ./criteria -update", file)
			embedded, err := criteria.BuiltinJSON(id)
			require.NoError(t, err)
			assert.Equal(t, raw, embedded)
		})
	}
}

func TestBuiltinReturnsFreshCopies(t *testing.T) {
	a := criteria.P06Technical()
	a.Criteria[0].Title.EN = "changed"
	a.Criteria[0].Tags[0] = "changed"
	a.Groups = nil
	b := criteria.P06Technical()
	assert.NotEqual(t, "changed", b.Criteria[0].Title.EN)
	assert.NotEqual(t, "changed", b.Criteria[0].Tags[0])
	assert.Len(t, b.Groups, 8)
}

func TestBuiltinConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := criteria.QD766()
			c.Criteria[0].Points = 99 // each goroutine owns its copy
		}()
	}
	wg.Wait()
	assert.Equal(t, 6.0, criteria.QD766().Criteria[0].Points)
}

// ids.golden lists every criterion ID of every built-in catalogue. An ID is public API: it can
// be added (run with -update) but never silently removed or renamed.
func TestGoldenIDs(t *testing.T) {
	var b strings.Builder
	for _, id := range criteria.Builtins() {
		c, err := criteria.Builtin(id)
		require.NoError(t, err)
		for _, cr := range c.Criteria {
			fmt.Fprintf(&b, "%s\t%s\n", id, cr.ID)
		}
	}
	got := b.String()
	golden := filepath.Join("testdata", "ids.golden")
	if *update {
		require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	gotLines := strings.Split(strings.TrimSpace(got), "\n")
	for _, line := range strings.Split(strings.TrimSpace(string(want)), "\n") {
		assert.Contains(t, gotLines, line, "criterion ID disappeared from a built-in catalogue: IDs are public API; give a changed requirement a new ID and set effective_until on the old one")
	}
	assert.Equal(t, string(want), got, "the list of IDs changed; if the new IDs are intended, run go test ./criteria -update")
}

// catalogueMD is every row of CATALOGUE.md: ID, group, method, critical.
var catalogueMD = []struct {
	id, group string
	method    criteria.Method
	critical  bool
}{
	{"P06-AUTH-01", "identity", criteria.Assisted, true},
	{"P06-AUTH-02", "identity", criteria.Assisted, false},
	{"P06-AUTH-03", "identity", criteria.Assisted, true},
	{"P06-AUTH-04", "identity", criteria.Assisted, true},
	{"P06-AUTH-05", "identity", criteria.Assisted, false},
	{"P06-AUTH-06", "identity", criteria.Assisted, true},
	{"P06-AUTH-07", "identity", criteria.Assisted, false},
	{"P06-AUTH-08", "identity", criteria.Assisted, false},
	{"P06-AUTH-09", "identity", criteria.Assisted, false},
	{"P06-AUTH-10", "identity", criteria.Automated, false},
	{"P06-AUTH-11", "identity", criteria.Assisted, false},
	{"P06-POP-01", "population-data", criteria.Assisted, true},
	{"P06-POP-02", "population-data", criteria.Assisted, false},
	{"P06-POP-03", "population-data", criteria.Assisted, false},
	{"P06-POP-04", "population-data", criteria.Assisted, true},
	{"P06-POP-05", "population-data", criteria.Assisted, false},
	{"P06-POP-06", "population-data", criteria.Assisted, true},
	{"P06-POP-07", "population-data", criteria.Assisted, false},
	{"P06-POP-08", "population-data", criteria.Automated, false},
	{"P06-SIG-01", "signature", criteria.Assisted, true},
	{"P06-SIG-02", "signature", criteria.Assisted, false},
	{"P06-SIG-03", "signature", criteria.Assisted, true},
	{"P06-WH-01", "data-warehouse", criteria.Assisted, false},
	{"P06-WH-02", "data-warehouse", criteria.Assisted, false},
	{"P06-WH-03", "data-warehouse", criteria.Assisted, false},
	{"P06-WH-04", "data-warehouse", criteria.Assisted, true},
	{"P06-WH-05", "data-warehouse", criteria.Attested, false},
	{"P06-SVC-01", "online-service", criteria.Automated, false},
	{"P06-SVC-02", "online-service", criteria.Automated, false},
	{"P06-SVC-03", "online-service", criteria.Automated, false},
	{"P06-SVC-04", "online-service", criteria.Automated, false},
	{"P06-SVC-05", "online-service", criteria.Automated, false},
	{"P06-SVC-06", "online-service", criteria.Automated, false},
	{"P06-SVC-07", "online-service", criteria.Automated, false},
	{"P06-SVC-08", "online-service", criteria.Automated, false},
	{"P06-SEC-01", "security", criteria.Automated, true},
	{"P06-SEC-02", "security", criteria.Automated, false},
	{"P06-SEC-03", "security", criteria.Automated, true},
	{"P06-SEC-04", "security", criteria.Automated, false},
	{"P06-SEC-05", "security", criteria.Automated, false},
	{"P06-SEC-06", "security", criteria.Automated, false},
	{"P06-SEC-07", "security", criteria.Automated, false},
	{"P06-SEC-08", "security", criteria.Automated, false},
	{"P06-SEC-09", "security", criteria.Automated, false},
	{"P06-SEC-10", "security", criteria.Automated, false},
	{"P06-SEC-11", "security", criteria.Automated, false},
	{"P06-SEC-12", "security", criteria.Automated, false},
	{"P06-SEC-13", "security", criteria.Automated, true},
	{"P06-SEC-14", "security", criteria.Automated, false},
	{"P06-SEC-15", "security", criteria.Automated, false},
	{"P06-SEC-16", "security", criteria.Automated, false},
	{"P06-SEC-17", "security", criteria.Automated, false},
	{"P06-SEC-18", "security", criteria.Automated, false},
	{"P06-SEC-19", "security", criteria.Assisted, false},
	{"P06-SEC-20", "security", criteria.Attested, false},
	{"P06-SEC-21", "security", criteria.Attested, false},
	{"P06-SEC-22", "security", criteria.Attested, false},
	{"P06-A11Y-01", "accessibility", criteria.Automated, false},
	{"P06-A11Y-02", "accessibility", criteria.Automated, false},
	{"P06-A11Y-03", "accessibility", criteria.Automated, false},
	{"P06-A11Y-04", "accessibility", criteria.Automated, false},
	{"P06-A11Y-05", "accessibility", criteria.Automated, false},
	{"P06-A11Y-06", "accessibility", criteria.Automated, false},
	{"P06-A11Y-07", "accessibility", criteria.Automated, false},
	{"P06-UX-01", "experience", criteria.Automated, false},
	{"P06-UX-02", "experience", criteria.Automated, false},
	{"P06-UX-03", "experience", criteria.Automated, false},
	{"P06-UX-04", "experience", criteria.Automated, false},
	{"P06-UX-05", "experience", criteria.Automated, false},
	{"P06-UX-06", "experience", criteria.Automated, false},
	{"P06-UX-07", "experience", criteria.Automated, false},
	{"P06-UX-08", "experience", criteria.Automated, false},
	{"P06-UX-09", "experience", criteria.Automated, false},
	{"P06-UX-10", "experience", criteria.Automated, false},
}

func TestP06TechnicalHasEveryCatalogueRow(t *testing.T) {
	c := criteria.P06Technical()
	assert.Equal(t, []string{"identity", "population-data", "signature", "data-warehouse", "online-service", "security", "accessibility", "experience"}, groupIDs(c))
	for _, g := range c.Groups {
		assert.Equal(t, 1.0, g.Weight, "groups have equal weights")
	}
	for _, row := range catalogueMD {
		t.Run(row.id, func(t *testing.T) {
			cr, ok := c.Criterion(row.id)
			require.True(t, ok, "missing")
			assert.Equal(t, row.group, cr.Group)
			assert.Equal(t, row.method, cr.Method)
			assert.Equal(t, row.critical, cr.Critical)
		})
	}
	critical := c.Select(criteria.IsCritical())
	assert.NotEmpty(t, critical, "the catalogue has critical criteria (their count is stated in doc.go: TestDocCountsMatchCatalogue)")
}

func groupIDs(c *criteria.Catalogue) []string {
	var ids []string
	for _, g := range c.Groups {
		ids = append(ids, g.ID)
	}
	return ids
}

// Every criterion of every built-in catalogue is complete and honest.
func TestBuiltinCriteriaComplete(t *testing.T) {
	for _, id := range criteria.Builtins() {
		c, err := criteria.Builtin(id)
		require.NoError(t, err)
		checkText(t, id+" title", c.Title)
		for _, g := range c.Groups {
			checkText(t, id+" group "+g.ID, g.Title)
		}
		for _, cr := range c.Criteria {
			t.Run(id+"/"+cr.ID, func(t *testing.T) {
				checkText(t, "title", cr.Title)
				checkText(t, "requirement", cr.Requirement)
				checkText(t, "advice", cr.Advice)
				require.NotEmpty(t, cr.Basis)
				for _, b := range cr.Basis {
					assert.Contains(t, []criteria.Kind{criteria.Quoted, criteria.Derived}, b.Kind)
					assert.NotEmpty(t, b.Reliability, "basis %q has no reliability label", b.Document)
				}
				assert.NotEmpty(t, cr.Scope)
				assert.GreaterOrEqual(t, cr.EffectiveFrom, c.EffectiveFrom, "a criterion cannot apply before its catalogue")
				assert.NotEmpty(t, cr.Tags)
				if cr.Critical {
					assert.Equal(t, criteria.Mandatory, cr.Level)
				}
				if cr.Method == criteria.Attested {
					assert.Contains(t, cr.Tags, "attested")
				}
				if cr.Method == criteria.Computed {
					require.NotNil(t, cr.Formula)
					checkText(t, "formula", *cr.Formula)
				}
				if strings.Contains(cr.Title.EN+cr.Requirement.EN, "scaffold") {
					t.Error("placeholder text")
				}
			})
		}
	}
}

func checkText(t *testing.T, what string, x criteria.Text) {
	t.Helper()
	assert.NotEmpty(t, strings.TrimSpace(x.VI), "%s: no Vietnamese", what)
	assert.NotEmpty(t, strings.TrimSpace(x.EN), "%s: no English", what)
	assert.NotEqual(t, x.VI, x.EN, "%s: Vietnamese is a copy of the English", what)
	assert.True(t, norm.NFC.IsNormalString(x.VI), "%s: Vietnamese is not NFC", what)
}

// The points rule of p06-technical: critical 3, other mandatory 2, recommended 1.
func TestP06TechnicalPointsAndTags(t *testing.T) {
	c := criteria.P06Technical()
	for _, cr := range c.Criteria {
		want := map[criteria.Level]float64{criteria.Mandatory: 2, criteria.Recommended: 1, criteria.Informational: 0}[cr.Level]
		if cr.Critical {
			want = 3
		}
		assert.Equal(t, want, cr.Points, cr.ID)
	}
	families := map[string]int{"oidc": 9, "popdb": 8, "signature": 3, "warehouse": 5, "tls": 8, "headers": 7, "cookies": 1,
		"leakage": 5, "wcag2a": 7, "performance": 2, "attested": 6, "active": 1}
	for tag, atLeast := range families {
		assert.GreaterOrEqual(t, len(c.Select(criteria.ByTag(tag))), atLeast, "tag %s", tag)
	}
	active := c.Select(criteria.ByTag("active"))
	require.Len(t, active, 1)
	assert.Equal(t, "P06-SEC-19", active[0].ID)
	for _, cr := range c.Select(criteria.ByGroup("accessibility")) {
		assert.True(t, slices.ContainsFunc(cr.Tags, func(s string) bool { return strings.HasPrefix(s, "wcag-") }), "%s has no wcag-x.y.z tag", cr.ID)
	}
	for _, cr := range c.Select(criteria.ByTag("attested")) {
		assert.Equal(t, criteria.Attested, cr.Method, cr.ID)
	}
}

// Security settings are not in Vietnamese law: no automated SEC row may claim a quoted
// Vietnamese basis, and each must say so in a note.
func TestSecurityRowsAreHonest(t *testing.T) {
	c := criteria.P06Technical()
	for _, cr := range c.Select(criteria.ByGroup("security"), criteria.ByMethod(criteria.Automated)) {
		noted := false
		for _, b := range cr.Basis {
			if strings.Contains(b.Note, "NOT FOUND") {
				noted = true
			}
		}
		assert.True(t, noted, "%s: no basis note says the setting is NOT FOUND in law", cr.ID)
	}
}

func TestQD766(t *testing.T) {
	c := criteria.QD766()
	assert.Equal(t, "2022-06-23", c.EffectiveFrom)
	want := []struct {
		group     string
		max       float64
		ids       []string
		points    []float64
		threshold map[string]float64
	}{
		{"transparency", 18, []string{"QD766-1.1", "QD766-1.2", "QD766-1.3", "QD766-1.4"}, []float64{6, 4, 2, 6}, nil},
		{"progress", 20, []string{"QD766-2.1", "QD766-2.2"}, []float64{20, 0}, nil},
		{"online-service", 12, []string{"QD766-3.1", "QD766-3.2", "QD766-3.3"}, []float64{2, 4, 6}, map[string]float64{"QD766-3.1": 0.8, "QD766-3.3": 0.5}},
		{"online-payment", 10, []string{"QD766-3.5", "QD766-3.5b", "QD766-3.6"}, []float64{2, 2, 6}, map[string]float64{"QD766-3.5": 0.8, "QD766-3.5b": 0.8}},
		{"digitisation", 22, []string{"QD766-4.1", "QD766-4.2", "QD766-4.3", "QD766-4.4", "QD766-4.5a", "QD766-4.5b", "QD766-4.6"}, []float64{6, 4, 2, 4, 2, 2, 2}, map[string]float64{"QD766-4.2": 0.8, "QD766-4.3": 0.8}},
		{"satisfaction", 18, []string{"QD766-5.1", "QD766-5.2", "QD766-5.3", "QD766-5.4"}, []float64{0, 6, 6, 6}, map[string]float64{"QD766-5.4": 0.9}},
	}
	require.Len(t, c.Groups, len(want))
	total := 0.0
	for i, w := range want {
		g := c.Groups[i]
		assert.Equal(t, w.group, g.ID)
		assert.Equal(t, w.max, g.MaxPoints)
		crs := c.Select(criteria.ByGroup(w.group))
		var ids []string
		sum := 0.0
		for j, cr := range crs {
			ids = append(ids, cr.ID)
			sum += cr.Points
			assert.Equal(t, criteria.Computed, cr.Method)
			assert.Equal(t, w.points[j], cr.Points, cr.ID)
			if th, ok := w.threshold[cr.ID]; ok {
				require.NotNil(t, cr.Threshold, cr.ID)
				assert.Equal(t, th, *cr.Threshold, cr.ID)
			} else {
				assert.Nil(t, cr.Threshold, cr.ID)
			}
			if cr.Points == 0 {
				assert.Equal(t, criteria.Informational, cr.Level, cr.ID)
			}
		}
		assert.Equal(t, w.ids, ids)
		assert.Equal(t, w.max, sum, w.group)
		total += sum
	}
	assert.Equal(t, 100.0, total)
	cc, _ := c.Criterion("QD766-4.6")
	assert.Contains(t, cc.Formula.EN, "NOT FOUND")
}

// Every basis citing a replaced text is dated and names its successor, and the requirement's
// surviving successor is cited as the current basis.
func TestReplacedBasesAreDated(t *testing.T) {
	replaced := map[string]string{
		"Circular 22/2019/TT-BTTTT": "Circular 21/2023/TT-BTTTT",
		"Decree 107/2021/NĐ-CP":     "Decree 118/2025/NĐ-CP",
		"Decree 13/2023/NĐ-CP":      "Law 91/2025/QH15",
	}
	seen := map[string]int{}
	for _, cat := range []*criteria.Catalogue{criteria.P06Technical(), criteria.QD766()} {
		for _, cr := range cat.Criteria {
			for _, b := range cr.Basis {
				for old, succ := range replaced {
					if !strings.HasPrefix(b.Document, old) {
						continue
					}
					seen[old]++
					assert.NotEmpty(t, b.EffectiveUntil, "%s: %s has no effective_until", cr.ID, old)
					assert.True(t, slices.ContainsFunc(b.SupersededBy, func(s criteria.Successor) bool { return strings.HasPrefix(s.Document, succ) }),
						"%s: %s is not superseded_by %s", cr.ID, old, succ)
					until, err := time.Parse(time.DateOnly, b.EffectiveUntil)
					require.NoError(t, err)
					now := cr.BasesAt(until)
					assert.True(t, slices.ContainsFunc(now, func(x criteria.Basis) bool { return strings.HasPrefix(x.Document, succ) }),
						"%s: on %s the successor %s is not cited", cr.ID, b.EffectiveUntil, succ)
					assert.NotEmpty(t, now, "%s: no basis in force on %s", cr.ID, b.EffectiveUntil)
				}
				if b.EffectiveFrom != "" || b.EffectiveUntil != "" {
					assert.NotEmpty(t, b.DocumentVI, "%s: dated basis %s has no Vietnamese name", cr.ID, b.Document)
				}
			}
		}
	}
	assert.Equal(t, 8, seen["Circular 22/2019/TT-BTTTT"], "the criteria that cite Circular 22/2019")
	assert.Positive(t, seen["Decree 107/2021/NĐ-CP"])
	assert.Positive(t, seen["Decree 13/2023/NĐ-CP"])
}

// Circular 46/2022/TT-BCA has one date wherever it is cited, and the 2025 merger of the
// ministry is recorded on the texts it issued.
func TestBasisDatesConsistent(t *testing.T) {
	from := map[string]string{}
	for _, cr := range criteria.P06Technical().Criteria {
		for _, b := range cr.Basis {
			if prev, ok := from[b.Document]; ok {
				assert.Equal(t, prev, b.EffectiveFrom, "%s: %s dated differently elsewhere", cr.ID, b.Document)
			}
			from[b.Document] = b.EffectiveFrom
			if strings.Contains(b.Document, "instrument not identified") {
				continue
			}
			if strings.Contains(b.Document, "/TT-BTTTT") || strings.Contains(b.Document, "/QĐ-BTTTT") || strings.Contains(b.Document, "BTTTT-") {
				assert.Contains(t, b.IssuerNow, "Bộ Khoa học và Công nghệ", "%s: %s", cr.ID, b.Document)
			}
		}
	}
	assert.Equal(t, "2022-12-19", from["Circular 46/2022/TT-BCA"])
}

// The catalogue as it stood: a criterion not yet in force is absent, and so is a basis that
// was replaced by then.
func TestCatalogueAsOf(t *testing.T) {
	c := criteria.P06Technical()
	day := func(s string) time.Time { d, err := time.Parse(time.DateOnly, s); require.NoError(t, err); return d }
	early := c.AsOf(day("2022-05-01"))
	_, ok := early.Criterion("P06-AUTH-08")
	assert.False(t, ok, "AUTH-08 takes effect with Decree 59/2022 on 2022-10-20")
	late := c.AsOf(day("2025-01-01"))
	ux10, ok := late.Criterion("P06-UX-10")
	require.True(t, ok)
	for _, b := range ux10.Basis {
		assert.NotContains(t, b.Document, "22/2019", "replaced on 2024-04-05")
	}
	orig, _ := c.Criterion("P06-UX-10")
	assert.Greater(t, len(orig.Basis), len(ux10.Basis), "AsOf must not change the original")
}

// Circular 46/2022/TT-BCA is a family of attested criteria for systems linked to the
// population database, each saying the evidence it needs, in force from the circular's day.
func TestCircular46Family(t *testing.T) {
	fam := criteria.P06Technical().Select(criteria.ByTag("circular-46"))
	require.Len(t, fam, 3)
	for _, c := range fam {
		assert.Equal(t, criteria.Attested, c.Method, c.ID)
		assert.Equal(t, "2022-12-19", c.EffectiveFrom, c.ID)
		assert.Contains(t, c.Advice.EN, "Evidence:", c.ID)
		assert.Contains(t, c.Advice.VI, "Bằng chứng:", c.ID)
		require.NotEmpty(t, c.Basis, c.ID)
		assert.Equal(t, "Circular 46/2022/TT-BCA", c.Basis[0].Document, c.ID)
		assert.Contains(t, c.Basis[0].Note, "63/63 provinces", "%s: the 2023 connection state as context", c.ID)
	}
}
