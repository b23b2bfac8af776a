// Package brokenportal is the reference portal with deliberate defects: what p06kit must catch.
// Each defect is a switch of [referenceportal.Defects] naming the criterion it breaks; [Defects]
// turns on the set `p06 demo` assesses — at least one defect in every group and one behind
// every critical criterion that can be broken without hiding the others (the plain-HTTP portal
// of P06-SEC-01 and the missing population look-up of P06-POP-01 are switched on alone, in the
// tests, because they would hide the other defects of their groups).
//
//	env, err := brokenportal.Start()
//	defer env.Close()
//	report, err := harness.Check(ctx, env.Target(), harness.Active())
package brokenportal

import "github.com/p06kit/p06kit/examples/referenceportal"

// Defects is the demo's set of defects.
func Defects() referenceportal.Defects { return referenceportal.Broken() }

// Start runs the broken portal with its own fakes of the national services on 127.0.0.1.
func Start() (*referenceportal.Env, error) { return referenceportal.StartEnv(Defects()) }

// Catalogue lists every defect switch with the criterion it breaks: the table the tests run,
// one portal per row.
var Catalogue = []struct {
	Criterion string
	Defect    func(*referenceportal.Defects)
}{
	{"P06-SEC-01", func(d *referenceportal.Defects) { d.NoTLS = true }},
	{"P06-SEC-03", func(d *referenceportal.Defects) { d.TLS10 = true }},
	{"P06-SEC-04", func(d *referenceportal.Defects) { d.TLS10 = true }},
	{"P06-SEC-06", func(d *referenceportal.Defects) { d.NoHSTS = true }},
	{"P06-SEC-07", func(d *referenceportal.Defects) { d.WeakCSP = true }},
	{"P06-SEC-08", func(d *referenceportal.Defects) { d.NoFraming = true }},
	{"P06-SEC-09", func(d *referenceportal.Defects) { d.NoNosniff = true }},
	{"P06-SEC-10", func(d *referenceportal.Defects) { d.LeakyReferrer = true }},
	{"P06-SEC-11", func(d *referenceportal.Defects) { d.InsecureCookies = true }},
	{"P06-SEC-12", func(d *referenceportal.Defects) { d.VersionBanner = true }},
	{"P06-SEC-13", func(d *referenceportal.Defects) { d.ExposedGit = true }},
	{"P06-SEC-14", func(d *referenceportal.Defects) { d.StackTraces = true }},
	{"P06-SEC-15", func(d *referenceportal.Defects) { d.NoSecurityTxt = true }},
	{"P06-SEC-16", func(d *referenceportal.Defects) { d.MixedContent = true }},
	{"P06-SEC-17", func(d *referenceportal.Defects) { d.ThirdPartyScriptNoSRI = true }},
	{"P06-SEC-18", func(d *referenceportal.Defects) { d.CORSWildcard = true }},
	{"P06-A11Y-01", func(d *referenceportal.Defects) { d.NoLang = true }},
	{"P06-A11Y-03", func(d *referenceportal.Defects) { d.ImageNoAlt = true }},
	{"P06-A11Y-04", func(d *referenceportal.Defects) { d.UnlabelledInput = true }},
	{"P06-UX-03", func(d *referenceportal.Defects) { d.NoViewport = true }},
	{"P06-UX-09", func(d *referenceportal.Defects) { d.NoPrivacyLink = true }},
	{"P06-SVC-02", func(d *referenceportal.Defects) { d.MissingComponents = true }},
	{"P06-SVC-04", func(d *referenceportal.Defects) { d.NoOnlinePayment = true }},
	{"P06-AUTH-10", func(d *referenceportal.Defects) { d.LocalRegistration = true }},
	{"P06-AUTH-01", func(d *referenceportal.Defects) { d.NoPKCE = true }},
	{"P06-AUTH-03", func(d *referenceportal.Defects) { d.SkipSignature = true }},
	{"P06-AUTH-04", func(d *referenceportal.Defects) { d.AnyAudience = true }},
	{"P06-AUTH-05", func(d *referenceportal.Defects) { d.IgnoreExpiry = true }},
	{"P06-AUTH-06", func(d *referenceportal.Defects) { d.IgnoreState = true }},
	{"P06-AUTH-07", func(d *referenceportal.Defects) { d.ReplayableCode = true }},
	{"P06-AUTH-08", func(d *referenceportal.Defects) { d.IgnoreLevel = true }},
	{"P06-AUTH-09", func(d *referenceportal.Defects) { d.KeepSessionOnLogout = true }},
	{"P06-POP-01", func(d *referenceportal.Defects) { d.NoLookup = true }},
	{"P06-POP-04", func(d *referenceportal.Defects) { d.TrustAnyGateway = true }},
	{"P06-POP-06", func(d *referenceportal.Defects) { d.LookUpEveryone = true }},
	{"P06-POP-07", func(d *referenceportal.Defects) { d.NoIDValidation = true }},
	{"P06-SIG-01", func(d *referenceportal.Defects) { d.UnsignedResults = true }},
	{"P06-SIG-03", func(d *referenceportal.Defects) { d.AcceptAnySignature = true }},
	{"P06-WH-04", func(d *referenceportal.Defects) { d.WarehouseIDOR = true }},
}
