package popdata

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/popdbtest"
	"github.com/p06kit/p06kit/ident"
)

// invalidCase is a malformed personal identification number a citizen might type.
type invalidCase struct {
	id, why, whyVI string
}

// invalidIDs are the identifiers P06-POP-07 types as subjects. Each is rejected by
// ident.ParsePIN (a test asserts it).
var invalidIDs = []invalidCase{
	{"07930500123", "11 digits", "11 chữ số"},
	{"003085123445", "prefix 003 is not a province code", "mã 003 không phải mã tỉnh"},
	{"07930500123A", "a letter", "có chữ cái"},
	{"0793 0500123", "a space", "có khoảng trắng"},
}

// judgeInvalid is P06-POP-07: identifiers that are not valid personal identification numbers are
// rejected by the portal before any look-up: none reaches the gateway, and the citizen is told.
func judgeInvalid(ctx context.Context, e *env, b *check.Browser) check.Result {
	var sent, accepted, sentVI, acceptedVI []string
	var all []popdbtest.Request
	for _, c := range invalidIDs {
		a := e.start(ctx, b, check.DossierRequest{Subjects: []string{c.id}})
		all = append(all, a.entries...)
		if a.err != nil && !errors.Is(a.err, check.ErrRefused) {
			return dossierError(fmt.Sprintf("starting a dossier with the subject %s", ident.Mask(c.id)), a.err)
		}
		for _, r := range a.entries {
			if r.Subject == c.id || r.SoDinhDanh == c.id || r.SoCMND == c.id {
				sent = append(sent, fmt.Sprintf("%s (%s) in request #%d", ident.Mask(c.id), c.why, r.Seq))
				sentVI = append(sentVI, fmt.Sprintf("%s (%s) ở yêu cầu #%d", ident.Mask(c.id), c.whyVI, r.Seq))
				break
			}
		}
		if a.err == nil && a.dossier.Accepted {
			accepted = append(accepted, fmt.Sprintf("%s (%s)", ident.Mask(c.id), c.why))
			acceptedVI = append(acceptedVI, fmt.Sprintf("%s (%s)", ident.Mask(c.id), c.whyVI))
		}
	}
	want := "invalid identifiers rejected with a message, none sent to the gateway"
	switch {
	case len(sent) > 0:
		got := "sent invalid identifier(s) to the population database: " + strings.Join(sent, ", ")
		return check.Failf("the portal %s instead of rejecting them", got).
			VI("Cổng gửi số định danh không hợp lệ tới CSDL dân cư thay vì từ chối: %s", strings.Join(sentVI, ", ")).
			GotWant(got, want).
			With(evidence(all)...)
	case len(accepted) > 0:
		got := "accepted dossiers whose subject is an invalid identifier: " + strings.Join(accepted, ", ")
		return check.Failf("the portal %s (it did not look them up, but did not tell the citizen they are invalid)", got).
			VI("Cổng chấp nhận hồ sơ với số định danh không hợp lệ (không tra cứu nhưng không báo cho công dân): %s", strings.Join(acceptedVI, ", ")).
			GotWant(got, want).
			With(evidence(all)...)
	}
	return check.Passf("the portal rejected %d invalid identifier(s) (wrong length, unknown province prefix, letters, spaces) without looking any of them up", len(invalidIDs)).
		VI("Cổng từ chối %d số định danh không hợp lệ (sai độ dài, mã tỉnh không tồn tại, có chữ, có khoảng trắng) mà không tra cứu", len(invalidIDs)).
		GotWant(fmt.Sprintf("%d rejected, 0 sent", len(invalidIDs)), want).
		With(evidence(all)...)
}
