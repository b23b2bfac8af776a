package warehouse

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/signature"
	"github.com/p06kit/p06kit/scoring"
)

// P06-WH-01: a completed dossier's result is stored in the citizen's warehouse (Decree
// 107/2021; Decision 766 indicators 4.1 and 4.4).
func resultStored(ctx context.Context, s *check.Session) check.Result {
	st, err := setup(ctx, s)
	if err != nil {
		return check.FromError("completing a dossier and listing the warehouse", err)
	}
	if st.item == nil {
		return st.missing("P06-WH-01")
	}
	how := "it names the dossier"
	howVI := "mục ghi rõ hồ sơ"
	if !st.byDossier {
		how = "it is the one new item; it does not name its dossier (WarehouseItem.Dossier is empty)"
		howVI = "là mục mới duy nhất; mục không ghi hồ sơ gốc"
	}
	r := check.Passf("the result of dossier %s is in the citizen's warehouse as item %s %q: %s", st.dossier, st.item.ID, st.item.Name, how).
		VI("kết quả của hồ sơ %s có trong kho dữ liệu của công dân (mục %s %q): %s", st.dossier, st.item.ID, st.item.Name, howVI)
	// The stored item should be the result itself; say so when the adapter lets us compare.
	if res, ok := s.Target().Portal.(check.Results); ok {
		stored, err1 := st.w.FetchWarehouseItem(ctx, st.b, st.item.ID)
		result, err2 := res.FetchResult(ctx, st.b, st.dossier)
		if err1 == nil && err2 == nil && stored != nil && result != nil {
			note := "the stored item has the same content as the result"
			if !bytes.Equal(stored.Data, result.Data) {
				note = fmt.Sprintf("the stored item (%d bytes) differs from the result (%d bytes)", len(stored.Data), len(result.Data))
			}
			r = r.With(scoring.Evidence{Note: note})
		}
	}
	return r.With(scoring.Evidence{Note: fmt.Sprintf("warehouse: %d items before the dossier, %d after: %s", len(st.before), len(st.after), itemList(st.after))})
}

// P06-WH-02: the citizen can list the documents in the warehouse, each with a name and a link
// that downloads it.
func listed(ctx context.Context, s *check.Session) check.Result {
	st, err := setup(ctx, s)
	if err != nil {
		return check.FromError("completing a dossier and listing the warehouse", err)
	}
	if st.item == nil {
		return st.missing("P06-WH-02")
	}
	it := st.item
	var problems, problemsVI []string
	if strings.TrimSpace(it.Name) == "" {
		problems, problemsVI = append(problems, "has no name"), append(problemsVI, "không có tên")
	}
	var ev []scoring.Evidence
	size := 0
	if strings.TrimSpace(it.URL) == "" {
		problems, problemsVI = append(problems, "has no download link"), append(problemsVI, "không có đường dẫn tải về")
	} else {
		resp, err := get(ctx, s, st.b, it.URL)
		switch {
		case errors.Is(err, errOtherHost) && len(problems) == 0:
			return check.Errorf("the warehouse lists the result of dossier %s as %q with a link on another host (%s), which the harness may not visit: add the host to the allowed hosts to check the link", st.dossier, it.Name, check.Redact(it.URL)).
				VI("kho dữ liệu liệt kê kết quả hồ sơ %s với đường dẫn tới máy chủ khác (%s); thêm máy chủ này vào danh sách được phép để kiểm tra", st.dossier, check.Redact(it.URL))
		case err != nil:
			problems = append(problems, fmt.Sprintf("link %s fails for its owner: %v", check.Redact(it.URL), err))
			problemsVI = append(problemsVI, fmt.Sprintf("đường dẫn %s lỗi với chính chủ", check.Redact(it.URL)))
		case !ok2xx(resp) || len(resp.Body) == 0:
			ev = append(ev, resp.Evidence("Content-Type"))
			problems = append(problems, fmt.Sprintf("link %s gives its owner status %d with %d bytes", check.Redact(it.URL), resp.StatusCode, len(resp.Body)))
			problemsVI = append(problemsVI, fmt.Sprintf("đường dẫn %s trả về mã %d cho chính chủ", check.Redact(it.URL), resp.StatusCode))
		default:
			ev = append(ev, resp.Evidence("Content-Type"))
			size = len(resp.Body)
		}
	}
	if len(problems) > 0 {
		return check.Failf("the warehouse lists the result of dossier %s as item %s, but the item %s", st.dossier, it.ID, strings.Join(problems, "; ")).
			VI("kho dữ liệu liệt kê kết quả hồ sơ %s (mục %s) nhưng mục %s", st.dossier, it.ID, strings.Join(problemsVI, "; ")).
			GotWant(strings.Join(problems, "; "), "each item listed with a name and a link that downloads it").
			With(append(ev, scoring.Evidence{Note: fmt.Sprintf("item %+v", *it)})...)
	}
	return check.Passf("the citizen's warehouse lists %d item(s); the result of dossier %s is listed as %q with a link that downloads %d bytes", len(st.after), st.dossier, it.Name, size).
		VI("kho dữ liệu của công dân liệt kê %d mục; kết quả hồ sơ %s hiển thị tên %q và đường dẫn tải về %d byte", len(st.after), st.dossier, it.Name, size).
		At(it.URL).With(ev...)
}

// P06-WH-03: a new dossier can reuse a stored document without uploading it again (Decree
// 107/2021; Decision 766 indicator 4.3).
func reused(ctx context.Context, s *check.Session) check.Result {
	st, err := setup(ctx, s)
	if err != nil {
		return check.FromError("completing a dossier and listing the warehouse", err)
	}
	if st.item == nil {
		return st.missing("P06-WH-03")
	}
	dos, err := signature.Submit(ctx, st.d, st.b, check.DossierRequest{Procedure: signature.Procedure, Reuse: []string{st.item.ID}})
	if err != nil {
		return check.FromError(fmt.Sprintf("submitting a dossier that reuses item %s", st.item.ID), err)
	}
	if !dos.Accepted {
		return check.Failf("the portal refused a new dossier that reuses warehouse item %s %q instead of an upload: %s", st.item.ID, st.item.Name, quote(dos.Message)).
			VI("cổng từ chối hồ sơ mới sử dụng lại giấy tờ %s %q từ kho dữ liệu: %s", st.item.ID, st.item.Name, quote(dos.Message)).
			GotWant("refused: "+dos.Message, "a dossier accepted with the warehouse item and no upload").
			With(scoring.Evidence{Note: fmt.Sprintf("DossierRequest{Procedure: %q, Reuse: [%q]} → accepted %v, message %s", signature.Procedure, st.item.ID, dos.Accepted, quote(dos.Message))})
	}
	// A reference to an item that does not exist must be refused, or the acceptance above shows
	// only that the portal ignores the reference.
	bogus := fmt.Sprintf("%s-p06kit-khong-ton-tai-%d", st.item.ID, len(st.after))
	neg, err := signature.Submit(ctx, st.d, st.b, check.DossierRequest{Procedure: signature.Procedure, Reuse: []string{bogus}})
	if err != nil {
		return check.FromError(fmt.Sprintf("submitting a dossier that reuses the nonexistent item %s", bogus), err)
	}
	if neg.Accepted {
		return check.Failf("the portal accepted dossier %s that reuses warehouse item %s, but also dossier %s that reuses %q, which does not exist: it does not check what is reused", dos.ID, st.item.ID, neg.ID, bogus).
			VI("cổng tiếp nhận hồ sơ %s sử dụng lại giấy tờ %s, nhưng cũng tiếp nhận hồ sơ %s sử dụng lại giấy tờ không tồn tại %q: cổng không kiểm tra giấy tờ được sử dụng lại", dos.ID, st.item.ID, neg.ID, bogus).
			GotWant("a nonexistent item accepted", "only the citizen's own stored items accepted for reuse").
			With(scoring.Evidence{Note: fmt.Sprintf("DossierRequest{Reuse: [%q]} → accepted as dossier %s, message %s", bogus, neg.ID, quote(neg.Message))})
	}
	return check.Passf("the portal accepted dossier %s that reuses warehouse item %s %q with no upload, and refused a reference to a nonexistent item (%s)", dos.ID, st.item.ID, st.item.Name, quote(neg.Message)).
		VI("cổng tiếp nhận hồ sơ %s sử dụng lại giấy tờ %s %q từ kho dữ liệu, không cần tải lên, và từ chối giấy tờ không tồn tại", dos.ID, st.item.ID, st.item.Name)
}

func itemList(items []check.WarehouseItem) string {
	if len(items) == 0 {
		return "(none)"
	}
	var parts []string
	for i, it := range items {
		if i == 10 {
			parts = append(parts, fmt.Sprintf("… %d more", len(items)-10))
			break
		}
		parts = append(parts, fmt.Sprintf("%s %q", it.ID, it.Name))
	}
	return strings.Join(parts, ", ")
}

func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 160 {
		s = string(r[:160]) + "…"
	}
	return fmt.Sprintf("%q", s)
}
