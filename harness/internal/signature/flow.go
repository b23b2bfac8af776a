package signature

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/fakes"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/signtest"
	"github.com/p06kit/p06kit/ident"
	"github.com/p06kit/p06kit/scoring"
)

// The dossier flow shared by the signature and data-warehouse checks.

// Procedure is the procedure code (MaTTHC) the checks start dossiers for: birth registration
// (đăng ký khai sinh), an essential service whose result is a document. An adapter may map it to
// any procedure of its portal that issues an electronic result.
const Procedure = "1.001193"

// Citizen and Other are the synthetic citizens the checks act as: the first two of
// ident.DefaultPeople, whom the fake SSO and population database also know.
func Citizen() ident.Person { return ident.DefaultPeople()[0] }

// Other is a second citizen, for the access-control checks.
func Other() ident.Person { return ident.DefaultPeople()[1] }

// PKI returns the target's test PKI, or an error that makes the check not_tested.
func PKI(s *check.Session) (*signtest.PKI, error) {
	if p := fakes.PKI(s.Target()); p != nil {
		return p, nil
	}
	return nil, msg.Error(mErrNoPKI, check.ErrNoFake)
}

// Dossiers returns the adapter's check.Dossiers, or a *check.NotImplementedError.
func Dossiers(s *check.Session) (check.Dossiers, error) {
	if d, ok := s.Target().Portal.(check.Dossiers); ok {
		return d, nil
	}
	return nil, &check.NotImplementedError{Method: "Dossiers.StartDossier"}
}

// Results returns the adapter's check.Results, or a *check.NotImplementedError.
func Results(s *check.Session) (check.Results, error) {
	if r, ok := s.Target().Portal.(check.Results); ok {
		return r, nil
	}
	return nil, &check.NotImplementedError{Method: "Results.CompleteDossier"}
}

// Submit starts a dossier and submits it. A refusal at either step is a Dossier with Accepted
// false; an adapter error wrapping check.ErrRefused is turned into such a refusal too.
func Submit(ctx context.Context, d check.Dossiers, b *check.Browser, req check.DossierRequest) (*check.Dossier, error) {
	dos, err := d.StartDossier(ctx, b, req)
	if err != nil {
		if errors.Is(err, check.ErrRefused) {
			return &check.Dossier{Message: err.Error()}, nil
		}
		return nil, msg.Wrap(msg.P(mStepStartDossier, req.Procedure), err)
	}
	if dos == nil {
		return nil, msg.Wrap(msg.P(mStepStartDossier, req.Procedure), errNoDossier)
	}
	if !dos.Accepted {
		return dos, nil
	}
	sub, err := d.SubmitDossier(ctx, b, dos, req)
	if err != nil {
		if errors.Is(err, check.ErrRefused) {
			return &check.Dossier{ID: dos.ID, Message: err.Error()}, nil
		}
		return nil, msg.Wrap(msg.P(mStepSubmitDossier), err)
	}
	if sub == nil {
		return nil, msg.Wrap(msg.P(mStepSubmitDossier), errNoDossier)
	}
	return sub, nil
}

// NewDocument returns a small PDF-like document, unique to this run so that no cache or earlier
// upload can stand in for it.
func NewDocument(name string) check.Document {
	var nonce [8]byte
	_, _ = rand.Read(nonce[:])
	data := fmt.Sprintf("%%PDF-1.7\n%% p06kit — tờ khai %s — %s\n%%%%EOF\n", name, hex.EncodeToString(nonce[:]))
	return check.Document{Name: name, ContentType: "application/pdf", Data: []byte(data)}
}

// CompletedDossier logs who in, submits a dossier with one unsigned document, and has the
// agency complete it. It returns the browser and the dossier ID.
func CompletedDossier(ctx context.Context, s *check.Session, who ident.Person) (*check.Browser, string, error) {
	d, err := Dossiers(s)
	if err != nil {
		return nil, "", err
	}
	r, err := Results(s)
	if err != nil {
		return nil, "", err
	}
	b, err := s.Login(ctx, who)
	if err != nil {
		return nil, "", err
	}
	dos, err := Submit(ctx, d, b, check.DossierRequest{Procedure: Procedure, Documents: []check.Document{NewDocument("to-khai.pdf")}})
	if err != nil {
		return nil, "", err
	}
	if !dos.Accepted {
		return nil, "", msg.Error(mErrPlainRefused, Procedure, dos.Message)
	}
	if dos.ID == "" {
		return nil, "", msg.Error(mErrNoDossierCode)
	}
	if err := r.CompleteDossier(ctx, dos.ID); err != nil {
		return nil, "", msg.Wrap(msg.P(mStepCompleteDossier, dos.ID), err)
	}
	return b, dos.ID, nil
}

// VerifyDocument verifies a document's signature against the PKI's trust list and CRLs: a
// detached one in Signature, Data itself as attached CMS, or the signatures of a signed PDF
// (PAdES byte ranges; the last, outermost one is returned). unsigned is true when the document
// carries no signature at all.
func VerifyDocument(pki *signtest.PKI, doc *check.Document) (signed *signtest.Signed, unsigned bool, err error) {
	signed, err = pki.VerifyFile(doc.Data, doc.Signature)
	if errors.Is(err, signtest.ErrUnsigned) && doc.Signature == nil {
		return nil, true, nil
	}
	return signed, false, err
}

// quote shortens a portal's message for ours.
func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 160 {
		s = string(r[:160]) + "…"
	}
	return fmt.Sprintf("%q", s)
}

// Redacting wraps a check so that personal identification numbers in its result — certificate
// subjects carry them in UID "CCCD:…" — are masked in its English message, got/want and evidence
// notes and excerpts. The family's own results mask them where they are made: their messages
// are given masked values (say, fromError, masked), in both languages.
func Redacting(f check.Func) check.Func {
	return func(ctx context.Context, s *check.Session) check.Result {
		r := f(ctx, s)
		r.Message = check.Redact(r.Message)
		r.Got, r.Want = check.Redact(r.Got), check.Redact(r.Want)
		for i := range r.Evidence {
			r.Evidence[i] = r.Evidence[i].MapNotes(check.Redact)
			r.Evidence[i].Excerpt = check.Redact(r.Evidence[i].Excerpt)
		}
		return r
	}
}

// say is the result with status st and message t, its values masked.
func say(st scoring.Status, t msg.Text, args ...any) check.Result {
	return check.Say(st, t, maskAll(args)...)
}

// fromError is check.FromError with the step's values and the error's text masked.
func fromError(step msg.Phrase, err error) check.Result {
	return check.FromError(masked(step), maskedError{err})
}

// masked is the phrase p with its values masked.
func masked(p msg.Phrase) msg.Phrase { return msg.P(p.Text, maskAll(p.Args)...) }

// maskAll masks the identification numbers in values of messages: texts, errors, and the values
// of phrases and lists; numbers and values that mask themselves (failure) are left as they are.
func maskAll(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case string:
			out[i] = check.Redact(v)
		case []string:
			m := make([]string, len(v))
			for j, s := range v {
				m[j] = check.Redact(s)
			}
			out[i] = m
		case msg.Phrase:
			out[i] = masked(v)
		case msg.List:
			l := msg.List{Sep: v.Sep, Items: make([]msg.Phrase, len(v.Items))}
			for j, p := range v.Items {
				l.Items[j] = masked(p)
			}
			out[i] = l
		case maskedError, failure:
			out[i] = v
		case error:
			out[i] = maskedError{v}
		default:
			out[i] = a
		}
	}
	return out
}

// maskedError is an error whose text has identification numbers masked; errors.Is and As see
// the error it wraps.
type maskedError struct{ err error }

func (e maskedError) Error() string { return check.Redact(e.err.Error()) }
func (e maskedError) Unwrap() error { return e.err }
