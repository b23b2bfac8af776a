package service

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
)

// maxListed bounds how many items a message lists; the rest are counted.
const maxListed = 8

// list joins items for a message, at most maxListed of them, then "and N more".
func list(items []string, more string) string {
	if len(items) <= maxListed {
		return strings.Join(items, "; ")
	}
	return strings.Join(items[:maxListed], "; ") + fmt.Sprintf("; %s %d", more, len(items)-maxListed)
}

// en and vi list in each language.
func en(items []string) string { return list(items, "and") }
func vi(items []string) string { return list(items, "và") }

// procedures reads the catalogue; a result is returned when there is none to work with.
// onCatalogue makes a check of the procedure catalogue from judge: a single-page app whose home
// page is an unrendered shell gives Session.HomeShell's finding, and a catalogue that cannot be
// read, or lists nothing, gives procedures' finding.
func onCatalogue(judge func(pl *check.ProcedureList) check.Result) check.Func {
	return func(ctx context.Context, s *check.Session) check.Result {
		if res, shell := s.HomeShell(ctx); shell {
			return res // a single-page app not rendered: nothing to judge
		}
		pl, res := procedures(ctx, s)
		if res != nil {
			return *res
		}
		return judge(pl)
	}
}

func procedures(ctx context.Context, s *check.Session) (*check.ProcedureList, *check.Result) {
	pl, err := s.Procedures(ctx)
	if errors.Is(err, check.ErrNoCatalogue) {
		r := check.Failf("no procedure catalogue: %v", err).
			VI("không tìm thấy danh mục thủ tục hành chính: %v", err).
			GotWant("no catalogue", "a catalogue of procedures with code and level")
		return nil, &r
	}
	if err != nil {
		r := check.FromError("reading the procedure catalogue", err)
		return nil, &r
	}
	if len(pl.Procedures) == 0 {
		r := check.Failf("the procedure catalogue %s lists no procedures that the harness recognises (see package check: a code such as 1.000123 in each row, or data-ma-tthc)", check.Redact(pl.URL)).
			VI("danh mục thủ tục %s không có thủ tục nào nhận diện được (mỗi dòng cần mã thủ tục, ví dụ 1.000123, hoặc thuộc tính data-ma-tthc)", check.Redact(pl.URL)).
			At(pl.URL).GotWant("0 procedures", "every procedure listed with its code and level")
		return nil, &r
	}
	return pl, nil
}

// pct formats a fraction as a percentage with two decimals, as Decision 766 reports do.
func pct(f float64) string { return fmt.Sprintf("%.2f%%", f*100) }
