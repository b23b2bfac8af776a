// Package check is the contract between the harness engine and the checks: a [Check] examines a
// target for one criterion through a [Session] and returns a [Result]. The session gives checks a
// safe, bounded HTTP probe with a response and parsed-page cache shared between checks, the
// resolved portal [Profile], and the vendor's adapter (the interfaces in adapter.go) and fakes of
// the national services for assisted checks.
//
// Package harness re-exports the [Target] type; a vendor imports this package to write an
// adapter (the interfaces in adapter.go: [Dossiers], [Results], [Warehouse], [WhoAmI],
// [Assurance], [Login], [BeginLogin], [CompleteLogin], [Logout]) and the ministry or a vendor
// to write checks for criteria of their own catalogues and run them with the same engine.
//
// Checks never call t.Fatal, os.Exit or panic on portal behaviour: whatever the portal does is a
// Result (fail, or error when the check could not complete).
//
// # What is here, and what is not
//
// This package is only the contract, so that a check author compiles nothing else: the engine
// makes each [Session] over a [Backend], the machinery in harness/internal/probe (the bounded
// transport, scope, politeness, shared cache and ledger), which runs discovery
// (harness/internal/discover) and login automation (harness/internal/login). The fakes of the
// national services appear in [Target] only as the small interfaces [SSOFake], [PopDBFake] and
// [PKIFake] that *ssotest.Server, *popdbtest.Server and *signtest.PKI implement; this package
// imports none of them (harness/arch_test.go keeps it so, and under 1,500 lines).
//
// # Portal discovery
//
// [Session.Profile] completes the vendor's [Profile] by crawling the portal from its home page
// (same host, GET only, at most 12 pages): links labelled as Vietnamese portals label them
// ("Thủ tục hành chính", "Tra cứu hồ sơ", "Đăng nhập", "Chính sách bảo mật", "Liên hệ", "Phản ánh
// kiến nghị", "Đánh giá", "Thanh toán"…, matched without accents or case), the site-search and
// dossier look-up forms, and the procedure catalogue (JSON, or HTML rows with procedure codes
// and level labels, following its pagination). The documentation of [Profile] lists exactly what
// is recognised; [Resolved.Sources] says what was configured, discovered, defaulted or missing.
// [Session.Procedures] returns the catalogue read, [Session.SamplePages] the pages that checks
// sample (home, catalogue, login, look-up, privacy, contact, procedure pages, samples).
package check
