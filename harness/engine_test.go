package harness

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/scoring"
)

func okServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		_, _ = w.Write([]byte(`<!doctype html><html lang="vi"><head><title>Cổng dịch vụ công</title></head><body><h1>Xin chào</h1></body></html>`))
	}))
	t.Cleanup(srv.Close)
	return srv
}

// titleCheck passes when the home page has a non-empty <title>: a real (if small) check.
func titleCheck(id string) check.Check {
	return check.Check{ID: id, Run: func(ctx context.Context, s *check.Session) check.Result {
		p, err := s.Page(ctx, "/")
		if err != nil {
			return check.FromError("fetching the home page", err)
		}
		if p.Doc == nil {
			return check.Failf("the home page is not HTML").At(p.URL)
		}
		if strings.Contains(string(p.Body), "<title>") {
			return check.Passf("the home page has a title").At(p.URL).With(p.Evidence("Content-Type"))
		}
		return check.Failf("the home page has no <title>").GotWant("no <title>", "a non-empty <title>").At(p.URL)
	}}
}

// closedPort returns the URL of a loopback port nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	u := "http://" + ln.Addr().String() + "/"
	ln.Close()
	return u
}

func findingOf(r *scoring.Report, id string) scoring.Finding {
	for _, f := range r.Findings {
		if f.Criterion == id {
			return f
		}
	}
	return scoring.Finding{}
}

func TestCheckStatuses(t *testing.T) {
	srv := okServer(t)
	block := make(chan struct{})
	t.Cleanup(func() { close(block) })
	closed := closedPort(t) // in scope (AllowHosts below), nothing listening
	inScope := AllowHosts(strings.TrimSuffix(strings.TrimPrefix(closed, "http://"), "/"))
	cases := []struct {
		name    string
		check   check.Check
		opts    []Option
		status  scoring.Status
		message string
	}{
		{"pass", titleCheck("T-SEC-01"), nil, scoring.Pass, "the home page has a title"},
		{"fail", check.Check{ID: "T-SEC-01", Run: func(context.Context, *check.Session) check.Result {
			return check.Fail(mTestNoHSTS).With(scoring.Evidence{Request: "GET /", Status: 200})
		}}, []Option{Lang("en")}, scoring.Fail, "no HSTS header"},
		{"vietnamese message", check.Check{ID: "T-SEC-01", Run: func(context.Context, *check.Session) check.Result {
			return check.Fail(mTestNoHSTS).With(scoring.Evidence{Request: "GET /", Status: 200})
		}}, nil, scoring.Fail, "không có tiêu đề HSTS"},
		{"panic becomes error", check.Check{ID: "T-SEC-01", Run: func(context.Context, *check.Session) check.Result {
			var m map[string]int
			//lint:ignore SA5000 the panic is what this case tests
			m["x"]++
			return check.Passf("unreachable")
		}}, nil, scoring.Error, "phép kiểm tra T-SEC-01 gặp lỗi panic: assignment to entry in nil map"},
		{"check ignoring its context is abandoned", check.Check{ID: "T-SEC-01", Run: func(context.Context, *check.Session) check.Result {
			<-block
			return check.Passf("too late")
		}}, []Option{CheckTimeout(100 * time.Millisecond), Lang("en")}, scoring.Error, "did not return within its time limit of 100ms and was abandoned"},
		{"check honouring its deadline", check.Check{ID: "T-SEC-01", Run: func(ctx context.Context, _ *check.Session) check.Result {
			<-ctx.Done()
			return check.Errorf("gave up: %v", ctx.Err())
		}}, []Option{CheckTimeout(50 * time.Millisecond), Lang("en")}, scoring.Error, "exceeded its time limit of 50ms: gave up: context deadline exceeded"},
		{"invalid status", check.Check{ID: "T-SEC-01", Run: func(context.Context, *check.Session) check.Result {
			return check.Result{Status: scoring.Attested, Message: "cheating"}
		}}, nil, scoring.Error, `trả về trạng thái không hợp lệ "attested"`},
		{"active check disabled", check.Check{ID: "T-SEC-01", Active: true, Run: func(context.Context, *check.Session) check.Result {
			return check.Passf("ran")
		}}, []Option{Lang("en")}, scoring.NotTested, "active check: runs only with the Active option"},
		{"active check enabled", check.Check{ID: "T-SEC-01", Active: true, Run: func(context.Context, *check.Session) check.Result {
			return check.Passf("ran").With(scoring.Evidence{Note: "ran"})
		}}, []Option{Active()}, scoring.Pass, "ran"},
		{"pass without evidence is error", check.Check{ID: "T-SEC-01", Run: func(context.Context, *check.Session) check.Result {
			return check.Passf("trust me")
		}}, []Option{Lang("en")}, scoring.Error, "returned pass without evidence of what it saw"},
		{"fail without evidence is error", check.Check{ID: "T-SEC-01", Run: func(context.Context, *check.Session) check.Result {
			return check.Failf("no privacy notice")
		}}, []Option{Lang("en")}, scoring.Error, "returned fail without evidence of what it saw"},
		{"responses fetched are the evidence", check.Check{ID: "T-SEC-01", Run: func(ctx context.Context, s *check.Session) check.Result {
			if _, err := s.Get(ctx, "/"); err != nil {
				return check.FromError("home", err)
			}
			return check.Passf("read the home page")
		}}, []Option{Lang("en")}, scoring.Pass, "read the home page"},
		{"verdict after the deadline is error", check.Check{ID: "T-SEC-01", Run: func(ctx context.Context, _ *check.Session) check.Result {
			<-ctx.Done()
			return check.Failf("nothing found").With(scoring.Evidence{Note: "partial"})
			// A limit long enough that its grace (a tenth of it) outlasts scheduling delays on a
			// loaded machine: the check returns at once after its context ends.
		}}, []Option{CheckTimeout(2 * time.Second), Lang("en")}, scoring.Error, "returned fail after its time limit of 2s ran out"},
		{"verdict on a page that could not be read is error", check.Check{ID: "T-SEC-01", Run: func(ctx context.Context, s *check.Session) check.Result {
			_, err := s.Get(ctx, closed)
			return check.Failf("no privacy notice (%v)", err).With(scoring.Evidence{Note: "looked"})
		}}, []Option{Lang("en"), inScope}, scoring.Error, "would rest on a page the harness could not read"},
		{"a failure the check judges itself is tolerated", check.Check{ID: "T-SEC-01", Run: func(ctx context.Context, s *check.Session) check.Result {
			_, err := s.Get(check.Tolerate(ctx), closed)
			return check.Failf("nothing listens on the port: %v", err).With(scoring.Evidence{Note: "looked"})
		}}, []Option{Lang("en"), inScope}, scoring.Fail, "nothing listens on the port"},
		{"skipped", titleCheck("T-SEC-01"), []Option{Skip("T-SEC-01", "covered by the WAF team"), Lang("en")}, scoring.NotTested, "skipped: covered by the WAF team"},
		{"not selected", titleCheck("T-SEC-01"), []Option{Only("accessibility"), Lang("en")}, scoring.NotTested, "not selected (Only option)"},
		{"selected by tag", titleCheck("T-SEC-01"), []Option{Only("tls")}, scoring.Pass, "the home page has a title"},
		{"secrets redacted", check.Check{ID: "T-SEC-01", Run: func(context.Context, *check.Session) check.Result {
			return check.Failf("saw citizen 001203004545 and access_token=abc.def in the URL").
				At(srv.URL + "/cb?code=SECRETCODE&x=1").
				With(scoring.Evidence{Request: "GET " + srv.URL + "/?id_token=eyJhbGciOi.eyJzdWIiOi.sig", Headers: map[string]string{"Set-Cookie": "SID=topsecret; Secure; HttpOnly"}})
		}}, nil, scoring.Fail, "saw citizen 001*******45 and access_token=[redacted] in the URL"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			opts := append([]Option{Catalogue(testCatalogue()), NoBuiltin(), Checks(tc.check)}, tc.opts...)
			r, err := Check(t.Context(), Target{BaseURL: srv.URL}, opts...)
			require.NoError(t, err)
			f := findingOf(r, "T-SEC-01")
			assert.Equal(t, tc.status, f.Status, "message: %s", f.Message)
			assert.Contains(t, f.Message, tc.message)
			if tc.name == "secrets redacted" {
				assert.NotContains(t, f.URL, "SECRETCODE")
				require.Len(t, f.Evidence, 1)
				assert.NotContains(t, f.Evidence[0].Request, "eyJ")
				assert.Equal(t, "SID=[redacted]; Secure; HttpOnly", f.Evidence[0].Headers["Set-Cookie"])
			}
		})
	}
}

func TestCheckFixedFindings(t *testing.T) {
	srv := okServer(t)
	r, err := Check(t.Context(), Target{BaseURL: srv.URL}, Catalogue(testCatalogue()), NoBuiltin(), Lang("en"))
	require.NoError(t, err)
	want := map[string]string{
		"T-SEC-01":  "not_tested: no check is built for this criterion",
		"T-SEC-04":  "not_tested: attested criterion: no evidence file given",
		"T-A11Y-02": "not_tested: computed from dossier data: use p06 index766",
	}
	for id, w := range want {
		f := findingOf(r, id)
		assert.Contains(t, string(f.Status)+": "+f.Message, w, id)
	}
	assert.NotEmpty(t, r.StartedAt)
	assert.Equal(t, "test-cat", r.Catalogue.ID)
}

func TestCheckUnreachable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now

	var ran atomic.Int32
	c := check.Check{ID: "T-SEC-01", Run: func(context.Context, *check.Session) check.Result {
		ran.Add(1)
		return check.Passf("ran")
	}}
	r, err := Check(t.Context(), Target{BaseURL: "http://" + addr + "/"}, Catalogue(testCatalogue()), NoBuiltin(), Checks(c), Lang("en"))
	require.ErrorIs(t, err, ErrUnreachable)
	require.NotNil(t, r)
	f := findingOf(r, "T-SEC-01")
	assert.Equal(t, scoring.Error, f.Status)
	assert.Contains(t, f.Message, "the portal could not be reached")
	assert.Contains(t, f.Message, "connection refused")
	assert.Zero(t, ran.Load(), "checks must not run against an unreachable target")
}

func TestOptionsValidation(t *testing.T) {
	srv := okServer(t)
	_, err := Check(t.Context(), Target{BaseURL: srv.URL}, Catalogue(testCatalogue()),
		Only("securty"), Skip("T-NOPE", "x"), Parallel(0), Lang("fr"), CheckTimeout(-1), MaxRequests(-3), RequestTimeout(0),
		Checks(check.Check{ID: "T-SEC-04", Run: titleCheck("").Run}, check.Check{ID: "T-SEC-01"}),
		Waivers(scoring.Waiver{Criterion: "T-SEC-02", Reason: "r", ApprovedBy: "a", Expires: "soon"}))
	require.Error(t, err)
	for _, want := range []string{
		`Only("securty"): no criterion ID, group or tag`,
		`(did you mean security?)`,
		`Skip("T-NOPE"): no such criterion`,
		`Parallel(0): must be at least 1`,
		`Lang("fr")`,
		`CheckTimeout(-1ns): must be positive`,
		`MaxRequests(-3): must be at least 1`,
		`RequestTimeout(0s): must be positive`,
		`Checks: T-SEC-04 is attested, not assessed by a check`,
		`Checks: check T-SEC-01 has no Run function`,
		`waiver 0 (T-SEC-02): expires "soon" is not a date`,
	} {
		assert.Contains(t, err.Error(), want)
	}
	_, err = Check(t.Context(), Target{}, Catalogue(testCatalogue()))
	assert.ErrorContains(t, err, "Target.BaseURL is empty")
	_, err = Check(t.Context(), Target{BaseURL: "ftp://x/"}, Catalogue(testCatalogue()))
	assert.ErrorContains(t, err, "not an absolute http(s) URL")
}

func TestExclusiveChecksRunAlone(t *testing.T) {
	srv := okServer(t)
	var running, maxSeen, exclusiveOverlap atomic.Int32
	mk := func(id string, exclusive bool) check.Check {
		return check.Check{ID: id, Exclusive: exclusive, Run: func(ctx context.Context, s *check.Session) check.Result {
			n := running.Add(1)
			defer running.Add(-1)
			for {
				m := maxSeen.Load()
				if n <= m || maxSeen.CompareAndSwap(m, n) {
					break
				}
			}
			if exclusive && n > 1 {
				exclusiveOverlap.Add(1)
			}
			time.Sleep(20 * time.Millisecond)
			return check.Passf("ok").With(scoring.Evidence{Note: "ran"})
		}}
	}
	r, err := Check(t.Context(), Target{BaseURL: srv.URL}, Catalogue(testCatalogue()), NoBuiltin(), Parallel(4),
		Checks(mk("T-SEC-01", false), mk("T-SEC-02", true), mk("T-SEC-03", true), mk("T-A11Y-01", false)))
	require.NoError(t, err)
	for _, id := range []string{"T-SEC-01", "T-SEC-02", "T-SEC-03", "T-A11Y-01"} {
		assert.Equal(t, scoring.Pass, findingOf(r, id).Status, id)
	}
	assert.Zero(t, exclusiveOverlap.Load(), "an exclusive check ran alongside another")
	assert.Equal(t, int32(2), maxSeen.Load(), "the two non-exclusive checks should run in parallel")
}

func TestAttestations(t *testing.T) {
	srv := okServer(t)
	dir := t.TempDir()
	doc := filepath.Join(dir, "cap-do-3.pdf")
	require.NoError(t, os.WriteFile(doc, []byte("%PDF-1.7 approval"), 0o600))
	const sum = "7d2c4b7e7aef1d8b7fb0f2e2a7c9b6e5b4f5d2b1c2a3e4f5a6b7c8d9e0f1a2b3" // wrong on purpose
	write := func(body string) string {
		p := filepath.Join(dir, "evidence.json")
		require.NoError(t, os.WriteFile(p, []byte(body), 0o600))
		return p
	}
	now := clock(func() time.Time { return time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC) })
	cases := []struct {
		name, file string
		status     scoring.Status
		message    string
	}{
		{"valid", `{"attestations":[{"criterion":"T-SEC-04","document":"QĐ 12/QĐ-UBND","issued_by":"UBND tỉnh","issued":"2025-01-01","expires":"2027-01-01"}]}`,
			scoring.Attested, `attested by "QĐ 12/QĐ-UBND" issued by UBND tỉnh on 2025-01-01, valid until 2027-01-01`},
		{"expired", `{"attestations":[{"criterion":"T-SEC-04","document":"old","issued_by":"X","issued":"2020-01-01","expires":"2026-05-31"}]}`,
			scoring.NotTested, `no valid attestation: "old" expired on 2026-05-31`},
		{"not yet valid", `{"attestations":[{"criterion":"T-SEC-04","document":"new","issued_by":"X","issued":"2026-07-01","expires":"2028-01-01"}]}`,
			scoring.NotTested, `"new" is valid only from 2026-07-01`},
		{"hash mismatch", `{"attestations":[{"criterion":"T-SEC-04","document":"d","issued_by":"X","issued":"2025-01-01","expires":"2027-01-01","file":"cap-do-3.pdf","sha256":"` + sum + `"}]}`,
			scoring.Error, "document cap-do-3.pdf does not match"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Check(t.Context(), Target{BaseURL: srv.URL}, Catalogue(testCatalogue()), NoBuiltin(), Lang("en"), now, EvidenceFile(write(tc.file)))
			require.NoError(t, err)
			f := findingOf(r, "T-SEC-04")
			assert.Equal(t, tc.status, f.Status, f.Message)
			assert.Contains(t, f.Message, tc.message)
		})
	}
	bad := []struct{ name, file, err string }{
		{"non-attested criterion", `{"attestations":[{"criterion":"T-SEC-01","document":"d","issued_by":"X","issued":"2025-01-01","expires":"2027-01-01"}]}`,
			"attestations[0] (T-SEC-01): criterion is automated, not attested"},
		{"unknown criterion", `{"attestations":[{"criterion":"T-X","document":"d","issued_by":"X","issued":"2025-01-01","expires":"2027-01-01"}]}`,
			"no such criterion"},
		{"bad date", `{"attestations":[{"criterion":"T-SEC-04","document":"d","issued_by":"X","issued":"01/01/2025","expires":"2027-01-01"}]}`,
			"$.attestations[0].issued: does not match the pattern"},
		{"syntax", "{\n\"attestations\": [,]}", "line 2, column"},
		{"unknown field", `{"attestations":[],"extra":1}`, `unknown field "extra"`},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Check(t.Context(), Target{BaseURL: srv.URL}, Catalogue(testCatalogue()), NoBuiltin(), EvidenceFile(write(tc.file)))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.err)
		})
	}
}

func TestObserveAndParallelBound(t *testing.T) {
	srv := okServer(t)
	var seen []string
	r, err := Check(t.Context(), Target{BaseURL: srv.URL}, Catalogue(testCatalogue()), NoBuiltin(),
		Checks(titleCheck("T-SEC-01"), titleCheck("T-A11Y-01")), Parallel(1),
		Observe(func(f scoring.Finding) { seen = append(seen, f.Criterion) }))
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{"T-SEC-01", "T-A11Y-01"}, seen)
	assert.Len(t, r.Findings, 6)
}

func TestCheckCancelled(t *testing.T) {
	srv := okServer(t)
	ctx, cancel := context.WithCancel(t.Context())
	c := check.Check{ID: "T-SEC-01", Run: func(ctx context.Context, _ *check.Session) check.Result {
		cancel()
		<-ctx.Done()
		return check.Errorf("stopped: %v", ctx.Err())
	}}
	r, err := Check(ctx, Target{BaseURL: srv.URL}, Catalogue(testCatalogue()), NoBuiltin(), Checks(c))
	require.NoError(t, err, "a cut-short run is data in the report; the caller checks ctx.Err()")
	require.NotNil(t, r)
	f := findingOf(r, "T-SEC-01")
	assert.Equal(t, scoring.Error, f.Status)
	assert.True(t, strings.Contains(f.Message, "cancel"), f.Message)
	assert.False(t, errors.Is(err, ErrUnreachable))
}

func TestMeasuredTargets(t *testing.T) {
	srv := okServer(t)
	c := check.Check{ID: "T-SEC-01", Run: func(context.Context, *check.Session) check.Result {
		return check.Passf("82 of 100 procedures online").With(scoring.Evidence{Note: "counted"}).Measured(scoring.SeedTarget(scoring.TargetProceduresOnline, 82, 100))
	}}
	r, err := Check(t.Context(), Target{BaseURL: srv.URL}, Catalogue(testCatalogue()), NoBuiltin(), Checks(c))
	require.NoError(t, err)
	require.Len(t, r.Targets, 1)
	assert.Equal(t, scoring.TargetProceduresOnline, r.Targets[0].ID)
	assert.InDelta(t, 0.82, r.Targets[0].Measured, 1e-9)
	assert.True(t, r.Targets[0].Met)
}

// wrongDossiers has StartDossier and SubmitDossier with a pointer request: it compiles as a
// Target.Portal (an any) but is not a check.Dossiers.
type wrongDossiers struct{}

func (wrongDossiers) StartDossier(context.Context, *check.Browser, *check.DossierRequest) (*check.Dossier, error) {
	return nil, nil
}
func (wrongDossiers) SubmitDossier(context.Context, *check.Browser, *check.Dossier, *check.DossierRequest) (*check.Dossier, error) {
	return nil, nil
}

// The report lists the adapter interfaces found and the near misses, and a criterion not
// tested for want of the interface says why the vendor's method was ignored.
func TestAdapterNearMissIsReported(t *testing.T) {
	srv := okServer(t)
	needs := check.Check{ID: "T-SEC-01", Run: func(ctx context.Context, s *check.Session) check.Result {
		if _, ok := s.Target().Portal.(check.Dossiers); !ok {
			return check.FromError("starting a dossier", &check.NotImplementedError{Method: "Dossiers.StartDossier"})
		}
		return check.Passf("started").With(scoring.Evidence{Note: "started"})
	}}
	r, err := Check(t.Context(), Target{BaseURL: srv.URL, Portal: wrongDossiers{}}, Catalogue(testCatalogue()), NoBuiltin(),
		Lang("en"), Checks(needs), Only("T-SEC-01"))
	require.NoError(t, err)
	require.NotNil(t, r.Adapter)
	assert.Empty(t, r.Adapter.Interfaces)
	require.Len(t, r.Adapter.Warnings, 2)
	assert.Contains(t, r.Adapter.Warnings[0], "harness.wrongDossiers.StartDossier has signature")
	f := findingOf(r, "T-SEC-01")
	assert.Equal(t, scoring.NotTested, f.Status)
	assert.Contains(t, f.Message, "the adapter does not implement Dossiers.StartDossier (harness.wrongDossiers.StartDossier has signature")
	require.NotNil(t, r.Partial, "an Only run is partial")
	assert.Equal(t, []string{"T-SEC-01"}, r.Partial.Selected)
	assert.Equal(t, []string{"T-SEC-01"}, r.Partial.Criteria)
}

// An http:// URL is assessed as citizens reach the portal: its redirect to HTTPS is followed,
// the HTTPS portal is assessed, and the plain-HTTP address given is judged for SEC-02.
func TestHTTPRedirectingToHTTPSIsAssessedOverHTTPS(t *testing.T) {
	tlsSrv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Strict-Transport-Security", "max-age=31536000")
		_, _ = w.Write([]byte(`<!doctype html><html lang="vi"><head><title>Cổng</title></head><body><h1>Cổng</h1></body></html>`))
	}))
	t.Cleanup(tlsSrv.Close)
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, tlsSrv.URL+r.URL.RequestURI(), http.StatusMovedPermanently)
	}))
	t.Cleanup(plain.Close)
	given := plain.URL + "/"
	// Loopback servers differ by port, which the scope treats as other hosts; a real portal's
	// http://host/ and https://host/ are one scope.
	r, err := Check(t.Context(), Target{BaseURL: given, Client: tlsSrv.Client()}, Lang("en"), Only("P06-SEC-01", "P06-SEC-02"),
		AllowHosts(strings.TrimPrefix(tlsSrv.URL, "https://")))
	require.NoError(t, err)
	assert.Equal(t, given, r.Target, "the report keeps the URL given")
	sec01 := findingOf(r, "P06-SEC-01")
	assert.NotContains(t, sec01.Message, "served over plain HTTP", "the HTTPS portal is assessed: %s", sec01.Message)
	assert.Contains(t, sec01.URL, "https://")
	sec02 := findingOf(r, "P06-SEC-02")
	assert.Equal(t, scoring.Pass, sec02.Status, "the given plain-HTTP URL redirects permanently to HTTPS: %s", sec02.Message)
	assert.Contains(t, sec02.URL, plain.URL)
}
