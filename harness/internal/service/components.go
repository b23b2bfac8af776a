package service

import (
	"context"
	"fmt"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/internal/htmlx"
	"github.com/p06kit/p06kit/scoring"
)

// component is one mandatory component of a procedure's published information under Decree
// 63/2010 Art. 8(2) (Decision 766 indicator 1.3).
type component struct {
	point, vi string
	// labels are alternatives of folded phrases that name the component in a heading or label.
	labels [][]string
}

// components are points (b)–(g); (a), the name, is the page's h1 or a "Tên thủ tục" label.
var components = []component{
	{"(b)", "trình tự thực hiện", [][]string{{"trinh tu thuc hien"}, {"trinh tu"}}},
	{"(c)", "cách thức thực hiện", [][]string{{"cach thuc thuc hien"}, {"cach thuc"}}},
	{"(d)", "thành phần, số lượng hồ sơ", [][]string{{"thanh phan ho so"}, {"thanh phan", "so luong ho so"}, {"ho so gom"}}},
	{"(đ)", "thời hạn giải quyết", [][]string{{"thoi han giai quyet"}, {"thoi gian giai quyet"}, {"thoi han xu ly"}}},
	{"(e)", "đối tượng thực hiện", [][]string{{"doi tuong thuc hien"}, {"doi tuong"}}},
	{"(g)", "cơ quan thực hiện", [][]string{{"co quan thuc hien"}, {"co quan giai quyet"}, {"co quan co tham quyen"}}},
}

// componentsCheck is P06-SVC-02: each sampled procedure page shows all mandatory components.
func componentsCheck(ctx context.Context, s *check.Session, r *check.Resolved) check.Result {
	if len(r.ProcedurePages) == 0 {
		return check.Failf("no procedure page to examine: none configured (procedure_pages) and the catalogue links to none").
			VI("không có trang thủ tục nào để kiểm tra: chưa cấu hình procedure_pages và danh mục không liên kết tới trang thủ tục").
			GotWant("no procedure pages", "each procedure page with the components of Decree 63/2010 Art. 8(2)")
	}
	var bad, badVI []string
	var ev []scoring.Evidence
	s.Prefetch(ctx, r.ProcedurePages...)
	checked := 0
	for _, ref := range r.ProcedurePages {
		pg, err := s.Page(ctx, ref)
		if err != nil {
			return check.FromError("fetching procedure page "+check.Redact(ref), err)
		}
		checked++
		if pg.StatusCode != 200 || pg.Doc == nil {
			bad = append(bad, fmt.Sprintf("%s: status %d, not an HTML page", check.Redact(pg.URL), pg.StatusCode))
			badVI = append(badVI, fmt.Sprintf("%s: mã trạng thái %d, không phải trang HTML", check.Redact(pg.URL), pg.StatusCode))
			ev = append(ev, pg.Evidence("Content-Type"))
			continue
		}
		ls := pageLabels(pg)
		var missing []string
		if h1 := htmlx.First(pg.Doc, "h1"); (h1 == nil || htmlx.Text(h1) == "") && !hasLabel(ls, [][]string{{"ten thu tuc"}}) {
			missing = append(missing, "(a) tên thủ tục")
		}
		for _, c := range components {
			if !hasLabel(ls, c.labels) {
				missing = append(missing, c.point+" "+c.vi)
			}
		}
		if len(missing) > 0 {
			bad = append(bad, fmt.Sprintf("%s lacks %s", check.Redact(pg.URL), strings.Join(missing, ", ")))
			badVI = append(badVI, fmt.Sprintf("%s thiếu %s", check.Redact(pg.URL), strings.Join(missing, ", ")))
			e := pg.Evidence()
			e.Note = "missing: " + strings.Join(missing, ", ")
			ev = append(ev, e)
		}
	}
	if len(bad) == 0 {
		return check.Passf("all %d procedure pages examined show the name, sequence, method, dossier components, time limit, subjects and agency (Decree 63/2010 Art. 8(2))", checked).
			VI("cả %d trang thủ tục được kiểm tra đều có đủ tên, trình tự, cách thức, thành phần hồ sơ, thời hạn, đối tượng và cơ quan thực hiện (Điều 8 khoản 2 Nghị định 63/2010)", checked)
	}
	if len(ev) > maxListed {
		ev = ev[:maxListed]
	}
	return check.Failf("%d of %d procedure pages lack mandatory components as headings or labels: %s", len(bad), checked, en(bad)).
		VI("%d/%d trang thủ tục thiếu thành phần bắt buộc (tiêu đề hoặc nhãn): %s", len(bad), checked, vi(badVI)).
		GotWant(fmt.Sprintf("%d of %d pages incomplete", len(bad), checked), "every page with components (a)–(g) of Decree 63/2010 Art. 8(2)").
		With(ev...)
}
