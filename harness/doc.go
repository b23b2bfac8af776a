// Package harness checks a public service portal against the Project 06 (Đề án 06) criteria, in
// a vendor's own go test suite or in any tool.
//
//	func TestPortal(t *testing.T) {
//		srv := httptest.NewTLSServer(myportal.Handler())
//		defer srv.Close()
//		r := harness.New(t, harness.Target{BaseURL: srv.URL, Client: srv.Client()}).Run()
//		harness.RequireNoCriticalFailure(t, r)
//		harness.AssertMinScore(t, r, 80)
//	}
//
// # Two entry points, one engine
//
// [Check] assesses a target and returns the scored report ([scoring.Report]); it does not use
// package testing, so the CLI (`p06 scan`) and the ministry's tools call it. Its error is only
// for a configuration problem or a target that cannot be reached at all ([ErrUnreachable]);
// non-compliance is data in the report.
//
// [New] and [Harness.Run] run the same engine inside go test, with one subtest per criterion
// named group/ID in catalogue order: TestPortal/security/P06-SEC-03. So
//
//	go test -run 'TestPortal/security/'            # one group
//	go test -run 'TestPortal/security/P06-SEC-03'  # one criterion
//	go test -skip 'TestPortal/identity/'           # all but one group
//
// select criteria, and the checks of subtests that are not selected do not run. A fail or
// error finding fails its subtest with the criterion's ID and title, what was seen (got), what
// is required (want), the URL, the legal basis and the advice, in Vietnamese or English
// ([FailureText]); not_applicable, not_tested and waived findings skip it with the reason.
//
// # What is assessed, criterion by criterion
//
//   - automated and assisted criteria: the registered check ([Builtin], or one given with
//     [Checks]); without one the finding is not_tested, "no check is built for this criterion";
//   - checks marked Active (submissions, rate-limit probing) run only with [Active]; otherwise
//     not_tested, naming the option;
//   - attested criteria: the evidence file ([EvidenceFile], [Attestations]); a valid attestation
//     gives attested, an expired or future one not_tested with the reason, a document whose
//     SHA-256 does not match an error;
//   - computed criteria: not_tested, "computed from dossier data: use p06 index766".
//
// Checks run in parallel (4 × [Parallel], default 8), except those marked Exclusive, which run
// one at a time after the others. Whatever the checks do, the scan is polite: at most [Parallel]
// requests in flight, at most [MaxConnsPerHost] connections to one host, and a pause after a 429
// or 503 (Retry-After honoured); the report's traffic section records the limits and the
// requests sent. Each has a deadline ([CheckTimeout]); a check that ignores its
// context is abandoned shortly after the deadline with an error finding, and a check that panics
// gives an error finding: the run never hangs or crashes because of a check. Findings are then
// scored by [scoring.Score] with the waivers ([Waivers], [WaiverFile]) as of the run's start day.
//
// # Verdicts are earned
//
// The engine, not each check, makes sure that a pass or a fail rests on what the harness saw
// (the statuses table of package scoring says what each status means). Every check runs with a
// ledger in its context ([check.Ledger]): the session records the responses the check got and
// the fetches that failed. Whatever the check returned, a pass, fail or not_applicable becomes
// error when it arrived after the check's deadline, rests on a page the harness could not read
// (a timeout, a reset, a size or depth limit, a parse error, the home page answering an error
// status, discovery that could not read the pages it needed), or was made while the request
// budget refused the check's requests; the message says why and what would make it assessable
// (an untrusted certificate: --ca). A pass or fail with no evidence takes the responses the
// check got as its evidence, or becomes error. Reachability is decided once: the engine reads
// the home page before the checks; an unreachable target makes every finding error and Check
// return [ErrUnreachable], a home page that cannot be read makes Check return [ErrUnreadable]
// (p06 scan exits 2 on both). An http:// target whose home page redirects to HTTPS is assessed
// over HTTPS, its plain-HTTP address judged for the redirect. In go test, [Strict] makes
// not_tested fail too, and the run logs what was assessed and what was not, by cause.
//
// # Options
//
// Options are sealed values (like go-cmp's): [Catalogue], [Only] (IDs, groups, tags), [Skip],
// [Waivers], [WaiverFile], [EvidenceFile], [Parallel], [CheckTimeout], [RequestTimeout],
// [Limits], [MaxRequests], [Active], [AllowHosts], [Lang], [Checks], [NoBuiltin], [Grading],
// [UserAgent], [Observe], [Strict]. [New] and [Check] validate them first and fail with one message
// listing every problem (an [Only] selector that matches nothing is an error, so that a typo
// does not silently assess nothing).
//
// # The adapter: flows the harness cannot guess
//
// Black-box checks need nothing but [Target.BaseURL]. The assisted checks drive flows every
// portal builds differently (start and submit a dossier, fetch its signed result, read the
// citizen's data warehouse); for them [Target.Portal] holds an adapter: any value implementing
// some of the small interfaces of package [github.com/p06kit/p06kit/harness/check] (they are
// not re-exported here; import that package to name them). Each is optional: a check whose
// interface is missing is not_tested and names the missing method, never failed.
//
//   - check.Dossiers: StartDossier opens a dossier form as the logged-in citizen (a refusal
//     the portal shows is a Dossier with Accepted false, not an error) and returns the form's
//     values keyed by the population database's element names: HoVaTen, SoDinhDanh,
//     NgayThangNamSinh (yyyymmdd, yyyy-mm-dd or dd/mm/yyyy), GioiTinh ("Nam"/"Nữ" or the
//     record's code), ThuongTru (the address on one line, or any text containing each of its
//     parts: detail, ward, district, province). SubmitDossier submits it with its documents.
//   - check.Results: CompleteDossier makes the agency finish a dossier (a test hook standing
//     for the officer) and FetchResult downloads its signed electronic result.
//   - check.Warehouse: ListWarehouse and FetchWarehouseItem read the citizen's data warehouse;
//     the portal must refuse another citizen's items.
//   - check.WhoAmI: the personal identification number the portal believes the browser is
//     logged in as (wrap check.ErrNotLoggedIn when it has no session); without it the identity
//     checks look for the citizen's number or name on the profile's Home page.
//   - check.Assurance: Level2Procedures, the procedure codes (MaTTHC) reserved to level-2
//     accounts; the portal must read the ID token's acr claim ("LoA1" or "LoA2", which may be
//     lower than the acr_values it asked for) and refuse a level-1 login there.
//   - check.Login, check.BeginLogin, check.CompleteLogin, check.Logout: only for portals whose
//     login does not start with a link that redirects to the national SSO, or whose callback
//     is not a plain GET.
//
// Every method receives a *check.Browser: use its Client for every request so that the
// harness's bounds, evidence and redaction apply. Wrap check.ErrRefused when the portal
// refused a request (an outcome some checks look for). The adapter of
// examples/referenceportal (adapter.go) is a complete one, and ExampleTarget_adapter in this
// package a minimal one.
//
// [QuietTLSServer] starts an httptest TLS server whose "TLS handshake error" log lines (the
// TLS probes provoke them on purpose) are dropped, so that go test output stays readable.
//
// # Safety against the portal
//
// The probe (see [check.Session]) sends only GET and HEAD to the target unless [Active] is set;
// every request has a deadline covering connection, headers and body; bodies are bounded after
// decompression (gzip and deflate, with a ratio bound against bombs), headers and redirect
// chains are bounded; no request of any method leaves the target's origin (host and port as
// given, plus its HTTP↔HTTPS pair) unless [AllowHosts], the profile or the fakes name that host:
// redirects, form actions and links elsewhere are refused unsent and listed in the report's
// out_of_scope, and link-local and cloud metadata addresses are never connected to;
// after a few consecutive timeouts the probe stops sending to a portal that stopped responding.
// A hostile or broken portal gives error findings that say what it did ("the portal did not
// complete the response within 10s; it stalled while waiting for the response headers"), never
// a hang, a crash or unbounded memory. Evidence is redacted before it is stored: cookie values,
// Authorization, tokens and secrets in URLs and bodies, and personal identification numbers
// (001*******45).
//
// # Assertions and testify suites
//
// [AssertCompliant], [AssertMinScore], [AssertGroupScore], [AssertNoCriticalFailure] and
// [AssertPass] (and their Require forms) gate a test on a report with testify's familiar failure
// output, listing the offending findings. Inside a testify suite, start the portal and the fakes
// of the national services once in SetupSuite and call New(s.T(), …).Run() in each test method;
// suite_test.go in this package is a complete example.
//
// # Reports
//
// Package [github.com/p06kit/p06kit/harness/report] writes the report as JSON (with a published
// schema), JUnit XML, SARIF 2.1.0, Markdown and a self-contained HTML page, and compares two
// reports.
package harness
