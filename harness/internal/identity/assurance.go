package identity

import (
	"context"
	"errors"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/ident"
	"github.com/p06kit/p06kit/scoring"
)

// P06-AUTH-08: services that need assurance level 2 refuse a level-1 login (Decree 59/2022 art.
// 12, Decree 69/2024: level 2 is worth the chip-based card). For each procedure the adapter
// reserves to level 2 (check.Assurance), a citizen logged in with a level-1 account must be
// refused when starting a dossier; a level-2 citizen must be let in (the control). The portal may
// enforce it however it likes — ask acr_values=LoA2 and check the ID token's acr, or check the
// level at the procedure — the check only looks at the outcome.
func checkAssurance(ctx context.Context, s *check.Session) check.Result {
	sso, err := fake(s)
	if err != nil {
		return fromErr(msg.P(mStepAssurance), err)
	}
	as, ok := s.Target().Portal.(check.Assurance)
	if !ok {
		return fromErr(msg.P(mStepAssurance), &check.NotImplementedError{Method: "Assurance.Level2Procedures"})
	}
	ds, ok := s.Target().Portal.(check.Dossiers)
	if !ok {
		return fromErr(msg.P(mStepAssurance), &check.NotImplementedError{Method: "Dossiers.StartDossier"})
	}
	procs := as.Level2Procedures()
	if len(procs) == 0 {
		// This rests on the vendor's declaration, not on what the harness saw: say so.
		return check.NotApplicable(mAssuranceDeclared)
	}
	if len(procs) > 3 {
		procs = procs[:3]
	}
	low, ok1 := sso.AccountWithLevel(1)
	high, err := citizen(sso, slotAssurance)
	ok2 := err == nil && high.Level == 2
	if !ok1 || !ok2 {
		return fromErr(msg.P(mStepAssurance), msg.Error(mErrNeedLevels, check.ErrNoFake))
	}
	var ev []scoring.Evidence
	start := func(who ident.Person, proc string) (accepted bool, note string, err error) {
		b, err := s.Login(ctx, who)
		if err != nil {
			return false, "", err
		}
		d, err := ds.StartDossier(ctx, b, check.DossierRequest{Procedure: proc})
		switch {
		case errors.Is(err, check.ErrRefused) || errors.Is(err, check.ErrNotLoggedIn):
			return false, err.Error(), nil
		case err != nil:
			return false, "", err
		case d == nil:
			return false, "", msg.Error(mErrNoDossier)
		}
		return d.Accepted, d.Message, nil
	}
	var lets []string
	for _, p := range procs {
		ok, said, err := start(high, p)
		if err != nil {
			return fromErr(msg.P(mStepStartLevel2, p), err)
		}
		if !ok {
			return check.Error(mAssuranceL2, p, said)
		}
		ok, said, err = start(low, p)
		if err != nil {
			return fromErr(msg.P(mStepStartLevel1, p), err)
		}
		ev = append(ev, scoring.Evidence{}.Noted(mNoteLevel1, p, ok, said))
		if ok {
			lets = append(lets, p)
		}
	}
	for _, f := range sso.Flows() {
		if strings.Contains(f.Request.ACRValues, "LoA2") {
			ev = append(ev, scoring.Evidence{}.Noted(mNoteAsksACR, f.Request.ACRValues))
			break
		}
	}
	if len(lets) > 0 {
		return check.Fail(mAssuranceFail, strings.Join(lets, ", ")).
			Saw(msg.P(mAssuranceGot, strings.Join(lets, ", ")), msg.P(mAssuranceWant)).With(ev...)
	}
	return check.Pass(mAssurancePass, strings.Join(procs, ", ")).With(ev...)
}
