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

// probe is one attempt by someone other than the owner to read the owner's item.
type probe struct {
	who, whoVI string // "citizen X", "an anonymous visitor"
	how        string // "by ID through the adapter", "by its URL"
	leaked     bool
	unsure     error // the probe could not tell
	seen       string
}

func (p probe) String() string {
	switch {
	case p.leaked && strings.HasPrefix(p.how, "by ID"), p.leaked && strings.HasPrefix(p.how, "by its"):
		return fmt.Sprintf("%s read it %s (%s)", p.who, p.how, p.seen)
	case p.leaked:
		return fmt.Sprintf("%s got it %s (%s)", p.who, p.how, p.seen)
	case p.unsure != nil:
		return fmt.Sprintf("%s %s: could not tell (%v)", p.who, p.how, p.unsure)
	}
	if strings.HasPrefix(p.how, "in their") {
		return fmt.Sprintf("%s %s: absent (%s)", p.who, p.how, p.seen)
	}
	return fmt.Sprintf("%s %s: refused (%s)", p.who, p.how, p.seen)
}

func (p probe) vi() string {
	how := map[string]string{"by ID through the adapter": "theo mã mục", "by its URL": "theo đường dẫn",
		"in their own warehouse list": "trong danh sách kho dữ liệu của mình", "by reusing it in a dossier of their own": "khi dùng lại trong hồ sơ của mình"}[p.how]
	switch {
	case p.leaked:
		return fmt.Sprintf("%s đọc được %s (%s)", p.whoVI, how, p.seen)
	case p.unsure != nil:
		return fmt.Sprintf("%s %s: không xác định (%v)", p.whoVI, how, p.unsure)
	}
	if strings.HasPrefix(p.how, "in their") {
		return fmt.Sprintf("%s %s: không có (%s)", p.whoVI, how, p.seen)
	}
	return fmt.Sprintf("%s %s: bị từ chối (%s)", p.whoVI, how, p.seen)
}

// P06-WH-04: no citizen can read another citizen's warehouse item — the insecure direct object
// reference test (OWASP ASVS 4.0 V4.2.1) — and no anonymous visitor either.
func private(ctx context.Context, s *check.Session) check.Result {
	st, err := setup(ctx, s)
	if err != nil {
		return check.FromError("completing a dossier and listing the warehouse", err)
	}
	if st.item == nil {
		return check.Errorf("no warehouse item to probe: after dossier %s was completed the citizen's warehouse has no item for it (see P06-WH-01)", st.dossier).
			VI("không có mục nào trong kho dữ liệu để kiểm tra (xem P06-WH-01)")
	}
	it := *st.item
	// What the owner sees is the yardstick a leak is measured by.
	owner, err := st.w.FetchWarehouseItem(ctx, st.b, it.ID)
	if err != nil || owner == nil {
		if err == nil {
			err = errors.New("the adapter returned no document")
		}
		return check.FromError(fmt.Sprintf("the owner fetching own item %s", it.ID), err)
	}
	var ownerBody []byte
	var ev []scoring.Evidence
	urlNote := " (the item has no download link, so only access by ID was probed)"
	if it.URL != "" {
		r, err := get(ctx, s, st.b, it.URL)
		switch {
		case errors.Is(err, errOtherHost):
			urlNote = fmt.Sprintf(" (its link %s is on another host, not in the allowed hosts, so it was not probed)", check.Redact(it.URL))
		case err == nil && ok2xx(r) && len(r.Body) > 0:
			ownerBody = r.Body
		default:
			urlNote = " (its link does not download the item for its owner either, so it was not probed; see P06-WH-02)"
		}
	}

	other := signature.Other()
	b2, err := s.Login(ctx, other)
	if err != nil {
		return check.FromError("logging in as a second citizen", err)
	}
	visitors := []struct {
		b          *check.Browser
		who, whoVI string
	}{
		{b2, "citizen " + person(other), "công dân " + person(other)},
		{s.NewBrowser(), "an anonymous visitor", "khách chưa đăng nhập"},
	}
	var probes []probe
	for _, v := range visitors {
		p := probe{who: v.who, whoVI: v.whoVI, how: "by ID through the adapter"}
		doc, err := st.w.FetchWarehouseItem(ctx, v.b, it.ID)
		switch {
		case err == nil && doc != nil && len(doc.Data) > 0:
			p.leaked = true
			p.seen = fmt.Sprintf("%d bytes", len(doc.Data))
			if bytes.Equal(doc.Data, owner.Data) {
				p.seen += ", the owner's document"
			}
		case err == nil:
			p.seen = "an empty document"
		case errors.Is(err, check.ErrRefused), errors.Is(err, check.ErrNotLoggedIn):
			p.seen = err.Error()
		default:
			p.unsure = err
		}
		probes = append(probes, p)

		if ownerBody == nil {
			continue
		}
		p = probe{who: v.who, whoVI: v.whoVI, how: "by its URL"}
		resp, err := get(ctx, s, v.b, it.URL)
		switch {
		case err != nil:
			p.unsure = err
		case ok2xx(resp) && (bytes.Equal(resp.Body, ownerBody) || (len(owner.Data) > 0 && bytes.Contains(resp.Body, owner.Data))):
			p.leaked = true
			p.seen = fmt.Sprintf("GET %s: status %d, %d bytes, the owner's document", check.Redact(resp.URL), resp.StatusCode, len(resp.Body))
			ev = append(ev, resp.Evidence("Content-Type", "Cache-Control"))
		case ok2xx(resp):
			p.seen = fmt.Sprintf("status %d with another page at %s", resp.StatusCode, check.Redact(resp.FinalURL))
		default:
			p.seen = fmt.Sprintf("status %d", resp.StatusCode)
		}
		probes = append(probes, p)
	}

	// The second citizen's own list must not show the item, nor may a dossier of theirs reuse it.
	p := probe{who: visitors[0].who, whoVI: visitors[0].whoVI, how: "in their own warehouse list"}
	if list, err := st.w.ListWarehouse(ctx, b2); err != nil {
		p.unsure = err
	} else {
		p.seen = fmt.Sprintf("%d items listed", len(list))
		for _, o := range list {
			if o.ID == it.ID {
				p.leaked, p.seen = true, fmt.Sprintf("listed as %q", o.Name)
			}
		}
	}
	probes = append(probes, p)
	p = probe{who: visitors[0].who, whoVI: visitors[0].whoVI, how: "by reusing it in a dossier of their own"}
	if dos, err := signature.Submit(ctx, st.d, b2, check.DossierRequest{Procedure: signature.Procedure, Reuse: []string{it.ID}}); err != nil {
		p.unsure = err
	} else if dos.Accepted {
		p.leaked, p.seen = true, fmt.Sprintf("dossier %s accepted with the item attached", dos.ID)
	} else {
		p.seen = quote(dos.Message)
	}
	probes = append(probes, p)

	var lines, linesVI, leaks, leaksVI []string
	var unsure int
	for _, p := range probes {
		lines, linesVI = append(lines, p.String()), append(linesVI, p.vi())
		switch {
		case p.leaked:
			leaks, leaksVI = append(leaks, p.String()), append(leaksVI, p.vi())
		case p.unsure != nil:
			unsure++
		}
	}
	for _, l := range lines {
		ev = append(ev, scoring.Evidence{Note: l})
	}
	owned := fmt.Sprintf("item %s %q of citizen %s", it.ID, it.Name, person(st.who))
	switch {
	case len(leaks) > 0:
		return check.Failf("the portal serves %s to others: %s", owned, strings.Join(leaks, "; ")).
			VI("cổng cho người khác đọc mục %s %q trong kho dữ liệu của công dân %s: %s", it.ID, it.Name, person(st.who), strings.Join(leaksVI, "; ")).
			GotWant(strings.Join(leaks, "; "), "only the owner can read a warehouse item, by ID or by URL").At(it.URL).With(ev...)
	case unsure > 0:
		return check.Errorf("could not tell whether others can read %s: %s", owned, strings.Join(lines, "; ")).
			VI("không xác định được người khác có đọc được mục %s hay không: %s", it.ID, strings.Join(linesVI, "; ")).With(ev...)
	}
	note := ""
	if ownerBody == nil {
		note = urlNote
	}
	return check.Passf("only the owner can read %s: %s%s", owned, strings.Join(lines, "; "), note).
		VI("chỉ chủ sở hữu đọc được mục %s %q: %s", it.ID, it.Name, strings.Join(linesVI, "; ")).At(it.URL).With(ev...)
}
