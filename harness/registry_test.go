package harness

import (
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness/check"
)

// pendingChecks are the automated and assisted criteria of p06-technical whose checks are still
// being built. The list can only shrink: TestRegistryComplete fails for an ID listed here that
// has a check now, so that whoever adds the check also removes the ID.
var pendingChecks = []string{}

// TestRegistryComplete fails, listing them, when a built-in automated or assisted criterion of
// p06-technical has no built-in check (every such criterion must have one).
func TestRegistryComplete(t *testing.T) {
	cat := criteria.P06Technical()
	missing, stale, unknown := registryGaps(cat, Builtin(), pendingChecks)
	if len(missing) > 0 {
		t.Errorf("%d automated/assisted criteria of p06-technical have no built-in check: %s", len(missing), strings.Join(missing, ", "))
	}
	if len(stale) > 0 {
		t.Errorf("these criteria have a check now: remove them from pendingChecks: %s", strings.Join(stale, ", "))
	}
	if len(unknown) > 0 {
		t.Errorf("pendingChecks lists criteria that are not automated/assisted criteria of p06-technical: %s", strings.Join(unknown, ", "))
	}
}

// registryGaps returns the automated/assisted criteria without a check and not pending, the
// pending ones that have a check, and pending IDs that are not automated/assisted criteria.
func registryGaps(cat *criteria.Catalogue, reg map[string]check.Check, pending []string) (missing, stale, unknown []string) {
	for _, c := range cat.Criteria {
		if c.Method != criteria.Automated && c.Method != criteria.Assisted {
			continue
		}
		_, has := reg[c.ID]
		isPending := slices.Contains(pending, c.ID)
		switch {
		case !has && !isPending:
			missing = append(missing, c.ID)
		case has && isPending:
			stale = append(stale, c.ID)
		}
	}
	for _, id := range pending {
		if c, ok := cat.Criterion(id); !ok || (c.Method != criteria.Automated && c.Method != criteria.Assisted) {
			unknown = append(unknown, id)
		}
	}
	return missing, stale, unknown
}

func TestRegistryGaps(t *testing.T) {
	cat := testCatalogue() // T-SEC-01..03 and T-A11Y-01 are automated/assisted
	reg := map[string]check.Check{"T-SEC-01": titleCheck("T-SEC-01"), "T-SEC-02": titleCheck("T-SEC-02")}
	missing, stale, unknown := registryGaps(cat, reg, []string{"T-SEC-02", "T-SEC-03", "T-SEC-04", "T-NOPE"})
	if !slices.Equal(missing, []string{"T-A11Y-01"}) {
		t.Errorf("missing = %v, want [T-A11Y-01]", missing)
	}
	if !slices.Equal(stale, []string{"T-SEC-02"}) {
		t.Errorf("stale = %v, want [T-SEC-02] (pending but has a check)", stale)
	}
	if !slices.Equal(unknown, []string{"T-SEC-04", "T-NOPE"}) {
		t.Errorf("unknown = %v, want [T-SEC-04 T-NOPE] (attested; not in the catalogue)", unknown)
	}
}

// TestRegistryWellFormed checks the built-in checks themselves: each names a criterion of the
// catalogue that is automated or assisted, has a Run function, and no family registers the
// same criterion twice.
func TestRegistryWellFormed(t *testing.T) {
	cat := criteria.P06Technical()
	seen := map[string]int{}
	for i, fam := range builtinFamilies {
		for _, c := range fam() {
			if j, dup := seen[c.ID]; dup {
				t.Errorf("%s is registered by families %d and %d", c.ID, j, i)
			}
			seen[c.ID] = i
			cr, ok := cat.Criterion(c.ID)
			switch {
			case !ok:
				t.Errorf("built-in check %s names no criterion of p06-technical", c.ID)
			case cr.Method != criteria.Automated && cr.Method != criteria.Assisted:
				t.Errorf("built-in check %s is for a %s criterion", c.ID, cr.Method)
			}
			if c.Run == nil {
				t.Errorf("built-in check %s has no Run function", c.ID)
			}
		}
	}
	ids := make([]string, 0, len(seen))
	for id := range seen {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	t.Logf("%d built-in checks", len(ids))
}
