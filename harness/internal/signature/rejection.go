package signature

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/signtest"
	"github.com/p06kit/p06kit/scoring"
)

// outcome is what the portal did with one signed submission.
type outcome struct {
	c        signtest.Case
	accepted bool
	dossier  string
	message  string
	signers  []string
	err      error
}

func (o outcome) String() string {
	switch {
	case o.err != nil:
		return fmt.Sprintf("%s: could not be submitted (%v)", o.c.Name, o.err)
	case o.accepted && len(o.signers) == 0:
		return fmt.Sprintf("%s: ACCEPTED as dossier %s with no signer recorded: the signature was ignored, not refused (%s)", o.c.Name, o.dossier, quote(o.message))
	case o.accepted:
		return fmt.Sprintf("%s: ACCEPTED as dossier %s, signer %q recorded (%s)", o.c.Name, o.dossier, strings.Join(o.signers, "; "), quote(o.message))
	}
	return fmt.Sprintf("%s: refused (%s)", o.c.Name, quote(o.message))
}

func (o outcome) vi() string {
	switch {
	case o.err != nil:
		return fmt.Sprintf("%s: không nộp được (%v)", o.c.NameVI, o.err)
	case o.accepted:
		return fmt.Sprintf("%s: ĐƯỢC TIẾP NHẬN thành hồ sơ %s", o.c.NameVI, o.dossier)
	}
	return fmt.Sprintf("%s: bị từ chối (%s)", o.c.NameVI, quote(o.message))
}

// P06-SIG-03: tampered, expired, revoked and untrusted signatures are rejected (Circular
// 15/2025/TT-BKHCN: verification checks certificate validity, the trust path and integrity).
// Each bad case differs from a valid control in one way; the control must be accepted, or the
// refusals prove nothing.
func badSignaturesRejected(ctx context.Context, s *check.Session) check.Result {
	pki, err := PKI(s)
	if err != nil {
		return check.FromError("preparing bad signatures", err)
	}
	d, err := Dossiers(s)
	if err != nil {
		return check.FromError("submitting signed documents", err)
	}
	who := Citizen()
	b, err := s.Login(ctx, who)
	if err != nil {
		return check.FromError("logging in as the citizen", err)
	}
	base := NewDocument("to-khai-da-ky.pdf")
	submit := func(c signtest.Case) outcome {
		doc := base
		doc.Data, doc.Signature = c.Data, c.Signature
		if c.Signature == nil {
			doc.Name, doc.ContentType = doc.Name+".p7m", "application/pkcs7-mime"
		}
		o := outcome{c: c}
		dos, err := Submit(ctx, d, b, check.DossierRequest{Procedure: Procedure, Documents: []check.Document{doc}})
		if err != nil {
			o.err = err
		} else {
			o.accepted, o.dossier, o.message, o.signers = dos.Accepted, dos.ID, dos.Message, dos.Signers
		}
		return o
	}
	// The bad cases go in the format the portal takes: detached, or attached when it refuses a
	// valid detached signature but takes a valid attached one.
	cases, err := pki.Cases(base.Data, who)
	if err != nil {
		return check.Errorf("preparing the signed test documents: %v", err)
	}
	control := submit(cases[0])
	attached := false
	if control.err == nil && !control.accepted {
		att, err := pki.AttachedCases(base.Data, who)
		if err != nil {
			return check.Errorf("preparing the signed test documents: %v", err)
		}
		if c := submit(att[0]); c.err == nil && c.accepted {
			cases, control, attached = att, c, true
		}
	}
	outs := []outcome{control}
	for _, c := range cases[1:] {
		outs = append(outs, submit(c))
		if ctx.Err() != nil {
			return check.Errorf("stopped after %d of %d submissions: %v", len(outs), len(cases), ctx.Err())
		}
	}
	var lines, linesVI, accepted, failedToSubmit []string
	var ev []scoring.Evidence
	for _, o := range outs[1:] {
		lines, linesVI = append(lines, o.String()), append(linesVI, o.vi())
		ev = append(ev, scoring.Evidence{Note: o.String()})
		switch {
		case o.err != nil:
			failedToSubmit = append(failedToSubmit, o.c.Name)
		case o.accepted:
			accepted = append(accepted, o.c.Name)
		}
	}
	summary, summaryVI := strings.Join(lines, "; "), strings.Join(linesVI, "; ")
	switch {
	case len(accepted) > 0:
		return check.Failf("the portal accepted %d of %d bad signatures (%s): %s", len(accepted), len(outs)-1, strings.Join(accepted, ", "), summary).
			VI("cổng tiếp nhận %d trên %d chữ ký không hợp lệ: %s", len(accepted), len(outs)-1, summaryVI).
			GotWant("accepted: "+strings.Join(accepted, ", "), "every tampered, expired, revoked and untrusted signature refused").With(ev...)
	case control.err != nil:
		if errors.Is(control.err, check.ErrNotImplemented) || errors.Is(control.err, check.ErrNoFake) {
			return check.FromError("submitting the valid control document", control.err)
		}
		return check.Errorf("the valid control document could not be submitted (%v), so the refusals prove nothing: %s", control.err, summary).
			VI("không nộp được tài liệu đối chứng hợp lệ (%v): %s", control.err, summaryVI).With(ev...)
	case !control.accepted:
		return check.Errorf("the portal refused the valid control document too (%s), so its refusals do not show that it verifies signatures (see P06-SIG-02): %s", quote(control.message), summary).
			VI("cổng từ chối cả tài liệu đối chứng ký hợp lệ (%s), nên việc từ chối không chứng tỏ cổng kiểm tra chữ ký: %s", quote(control.message), summaryVI).
			GotWant("valid control refused", "valid control accepted, bad signatures refused").With(ev...)
	case len(failedToSubmit) > 0:
		return check.Errorf("%d bad cases could not be submitted (%s): %s", len(failedToSubmit), strings.Join(failedToSubmit, ", "), summary).
			VI("%d trường hợp không nộp được: %s", len(failedToSubmit), summaryVI).With(ev...)
	}
	return check.Passf("the portal accepted the valid control and refused every bad signature (%s): %s", format(attached), summary).
		VI("cổng tiếp nhận tài liệu đối chứng hợp lệ và từ chối mọi chữ ký không hợp lệ: %s", summaryVI).With(ev...)
}
