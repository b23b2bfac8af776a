package popdata

import (
	"context"
	"sort"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/popdbtest"
	"github.com/p06kit/p06kit/ident"
	"github.com/p06kit/p06kit/internal/htmlx"
	"github.com/p06kit/p06kit/scoring"
)

// field is one form field compared with the record.
type field struct {
	name string
	// required fields must be pre-filled; optional ones are compared when the form has them.
	required bool
	// want is the record's value; same compares it with the form's.
	want func(popdbtest.CongDan) string
	same func(got, want string) bool
}

var prefillFields = []field{
	{"HoVaTen", true, func(c popdbtest.CongDan) string { return c.HoVaTen.String() }, sameText},
	{"SoDinhDanh", true, func(c popdbtest.CongDan) string { return c.SoDinhDanh }, sameDigits},
	{"NgayThangNamSinh", true, func(c popdbtest.CongDan) string { return c.NgayThangNamSinh.NgayThangNam }, sameDate},
	{"GioiTinh", true, func(c popdbtest.CongDan) string { return c.GioiTinh }, sameSex},
	{"ThuongTru", true, func(c popdbtest.CongDan) string { return c.ThuongTru.String() }, sameAddress},
	{"NoiOHienTai", false, func(c popdbtest.CongDan) string { return c.NoiOHienTai.String() }, sameAddress},
	{"QueQuan", false, func(c popdbtest.CongDan) string { return c.QueQuan.String() }, sameAddress},
	{"NoiDangKyKhaiSinh", false, func(c popdbtest.CongDan) string { return c.NoiDangKyKhaiSinh.String() }, sameAddress},
	{"SoCMND", false, func(c popdbtest.CongDan) string { return c.SoCMND }, sameDigits},
	{"SoSoHoKhau", false, func(c popdbtest.CongDan) string { return c.SoSoHoKhau }, sameDigits},
	{"QuocTich", false, func(c popdbtest.CongDan) string { return c.QuocTich }, sameNationality},
}

// judgePrefill is P06-POP-02: the dossier form comes back pre-filled with the citizen's record;
// the citizen is not asked again for what the population database holds (declare once).
func judgePrefill(ctx context.Context, e *env, b *check.Browser) check.Result {
	rec, ok := e.gw.Record(e.who.ID)
	if !ok {
		return check.Error(mPrefillUnknown, ident.Mask(e.who.ID))
	}
	a := e.start(ctx, b, check.DossierRequest{})
	if a.err != nil {
		return dossierError(msg.P(mStepStart), a.err)
	}
	want := msg.P(mPrefillWant)
	if !a.dossier.Accepted {
		return check.Fail(mPrefillRefused, ident.Mask(e.who.ID), truncate(a.dossier.Message, 200)).
			Saw(msg.P(mPrefillRefusedGot), want).
			With(prefillEvidence(a)...)
	}
	problems := ComparePrefill(a.dossier.Form, rec)
	looked := false
	for _, r := range a.entries {
		if isCitizen(r.Subject, e.who) && r.Outcome == popdbtest.Found {
			looked = true
		}
	}
	if len(problems) > 0 {
		got := list(problems, "; ")
		return check.Fail(mPrefillFail, ident.Mask(e.who.ID), got).
			Saw(msg.P(mPlain, got), want).
			With(prefillEvidence(a)...)
	}
	if !looked {
		return check.Fail(mPrefillNoLookup, ident.Mask(e.who.ID)).
			Saw(msg.P(mPrefillNoLookupGot), want).
			With(prefillEvidence(a)...)
	}
	n := 0
	for _, f := range prefillFields {
		if strings.TrimSpace(a.dossier.Form[f.name]) != "" {
			n++
		}
	}
	return check.Pass(mPrefillPass, ident.Mask(e.who.ID), n, filledNames(a.dossier.Form)).
		Saw(msg.P(mPrefillPassGot, n), want).
		With(prefillEvidence(a)...)
}

func filledNames(form map[string]string) string {
	var names []string
	for _, f := range prefillFields {
		if strings.TrimSpace(form[f.name]) != "" {
			names = append(names, f.name)
		}
	}
	return strings.Join(names, ", ")
}

// ComparePrefill compares a dossier form with the record and lists the problems: required
// fields missing (the citizen would be asked again) and fields that differ from the record.
// Texts are compared accent-, case- and space-insensitively; dates in any of the usual layouts;
// sex as a code, "Nam"/"Nữ" or "male"/"female"; addresses by their parts. Identifiers are
// masked in the result.
func ComparePrefill(form map[string]string, rec popdbtest.CongDan) []msg.Phrase {
	var missing []string
	var differ []msg.Phrase
	for _, f := range prefillFields {
		got, present := form[f.name]
		got = strings.TrimSpace(got)
		want := f.want(rec)
		if got == "" {
			if f.required && (present || want != "") {
				missing = append(missing, f.name)
			}
			continue
		}
		if want == "" || f.same(got, want) {
			continue
		}
		g, w := got, want
		if f.name == "SoDinhDanh" || f.name == "SoCMND" {
			g, w = ident.Mask(got), ident.Mask(want)
		}
		g, w = truncate(g, 120), truncate(w, 120)
		differ = append(differ, msg.P(mPrefillDiffers, f.name, g, w))
	}
	var out []msg.Phrase
	if len(missing) > 0 {
		sort.Strings(missing)
		out = append(out, msg.P(mPrefillMissing, strings.Join(missing, ", ")))
	}
	return append(out, differ...)
}

func sameText(got, want string) bool { return htmlx.Fold(got) == htmlx.Fold(want) }

func sameDigits(got, want string) bool {
	return strings.Join(strings.Fields(got), "") == strings.Join(strings.Fields(want), "")
}

// sameDate compares a form date with the record's yyyyMMdd.
func sameDate(got, want string) bool {
	g, ok1 := normDate(got)
	w, ok2 := normDate(want)
	return ok1 && ok2 && g == w
}

func normDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	digits := func(x string) bool {
		for _, c := range x {
			if c < '0' || c > '9' {
				return false
			}
		}
		return true
	}
	switch {
	case len(s) == 8 && digits(s):
		return s, true
	case len(s) == 10 && (s[4] == '-' || s[4] == '/') && digits(s[:4]+s[5:7]+s[8:]):
		return s[:4] + s[5:7] + s[8:], true
	case len(s) == 10 && (s[2] == '/' || s[2] == '-' || s[2] == '.') && digits(s[:2]+s[3:5]+s[6:]):
		return s[6:] + s[3:5] + s[:2], true
	}
	return "", false
}

// sameSex compares a form's sex with the record's code ([popdbtest.SexMale] or SexFemale).
func sameSex(got, want string) bool {
	g := htmlx.Fold(got)
	switch g {
	case "nam", "male", "m", popdbtest.SexMale:
		return want == popdbtest.SexMale
	case "nu", "female", "f", popdbtest.SexFemale:
		return want == popdbtest.SexFemale
	}
	return false
}

// sameAddress accepts the address on one line, or any text containing each of its parts.
func sameAddress(got, want string) bool {
	g, w := htmlx.Fold(got), htmlx.Fold(want)
	if g == w {
		return true
	}
	for _, part := range strings.Split(want, ",") {
		if p := htmlx.Fold(part); p != "" && !htmlx.FoldedContains(g, p) {
			return false
		}
	}
	return true
}

func sameNationality(got, want string) bool {
	g := htmlx.Fold(got)
	if g == htmlx.Fold(want) {
		return true
	}
	return strings.EqualFold(want, "VN") && (g == "viet nam" || g == "vietnam" || g == "vnm")
}

// prefillEvidence shows the form the portal returned (identifiers masked) and the look-ups.
func prefillEvidence(a attempt) []scoring.Evidence {
	var ev []scoring.Evidence
	if a.dossier != nil {
		var parts []string
		for _, f := range prefillFields {
			if v, ok := a.dossier.Form[f.name]; ok {
				if f.name == "SoDinhDanh" || f.name == "SoCMND" {
					v = ident.Mask(v)
				}
				parts = append(parts, f.name+"="+truncate(v, 80))
			}
		}
		ev = append(ev, scoring.Evidence{Excerpt: strings.Join(parts, "; ")}.Noted(mNoteDossierForm))
	}
	return append(ev, evidence(a.entries)...)
}
