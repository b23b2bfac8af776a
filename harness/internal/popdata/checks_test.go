package popdata

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/checktest"
	"github.com/p06kit/p06kit/harness/internal/probe"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/popdbtest"
	"github.com/p06kit/p06kit/scoring"
)

func run(t *testing.T, id string, d defects) (check.Result, *fixture) {
	t.Helper()
	f := newFixture(t, d)
	for _, c := range Checks() {
		if c.ID == id {
			return c.Run(context.Background(), f.session(t)), f
		}
	}
	t.Fatalf("no check %s", id)
	return check.Result{}, nil
}

type checkCase struct {
	name   string
	d      defects
	status scoring.Status
	// contains are fragments the English message must contain.
	contains []string
	// says is the catalogue message of the finding.
	says msg.Text
}

func runCases(t *testing.T, id string, cases []checkCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel() // each case has its own portal and gateway
			r, _ := run(t, id, c.d)
			assert.Equal(t, c.status, r.Status, r.Message)
			checktest.Says(t, r, c.says)
			for _, s := range c.contains {
				assert.Contains(t, r.Message, s)
			}
			assert.NotEmpty(t, r.MessageVI, "a Vietnamese message")
			assert.NotContains(t, r.Message, popdbtest.DefaultCredentials.Secret)
		})
	}
}

func TestChecksListed(t *testing.T) {
	var ids []string
	for _, c := range Checks() {
		ids = append(ids, c.ID)
		assert.NotNil(t, c.Run)
	}
	assert.Equal(t, []string{"P06-POP-01", "P06-POP-02", "P06-POP-03", "P06-POP-04", "P06-POP-05", "P06-POP-06", "P06-POP-07", "P06-POP-08"}, ids)
}

func TestPOP01Lookup(t *testing.T) {
	runCases(t, "P06-POP-01", []checkCase{
		{"looks the citizen up", defects{}, scoring.Pass, []string{"looked up the logged-in citizen", "MaYeuCau"}, mLookupPass},
		{"never calls the gateway", defects{noLookup: true}, scoring.Fail, []string{"sent no request to the population database"}, mLookupNone},
		{"wrong secret", defects{badSecret: true}, scoring.Fail, []string{"did not answer the record", "auth_failed", "HTTP 401", "GW-401-SIGNATURE"}, mLookupRefused},
	})
}

func TestPOP02Prefill(t *testing.T) {
	runCases(t, "P06-POP-02", []checkCase{
		{"pre-filled (upper case, dd/mm/yyyy, Nam/Nữ)", defects{}, scoring.Pass, []string{"pre-filled from the population record", "HoVaTen"}, mPrefillPass},
		{"asks again", defects{noPrefill: true}, scoring.Fail, []string{"not pre-filled (the citizen is asked again): GioiTinh, HoVaTen, NgayThangNamSinh, SoDinhDanh, ThuongTru"}, mPrefillFail},
		{"wrong name", defects{wrongName: true}, scoring.Fail, []string{`HoVaTen: form shows "Nguyễn Văn Sai", record has`}, mPrefillFail},
		{"no look-up", defects{noLookup: true}, scoring.Fail, []string{"not pre-filled"}, mPrefillFail},
	})
}

func TestPOP03WellFormed(t *testing.T) {
	runCases(t, "P06-POP-03", []checkCase{
		{"well-formed", defects{}, scoring.Pass, []string{"well-formed and authenticated", popdbtest.DefaultCredentials.Username}, mWellFormedPass},
		{"constant request ID", defects{constantID: true}, scoring.Fail, []string{`MaYeuCau "YC-1" already used by request #1`}, mWellFormedFail},
		{"wrong service code", defects{wrongCode: true}, scoring.Fail, []string{`MaTichHop "036", want "037"`}, mWellFormedFail},
		{"bad signature", defects{badSecret: true}, scoring.Fail, []string{"refused by the gateway (HTTP 401 GW-401-SIGNATURE)"}, mWellFormedFail},
		{"no look-up", defects{noLookup: true}, scoring.Fail, []string{"sent no request"}, mWellFormedNone},
	})
}

func TestPOP04Certificate(t *testing.T) {
	runCases(t, "P06-POP-04", []checkCase{
		{"refuses the untrusted gateway", defects{}, scoring.Pass, []string{"refused the gateway's untrusted certificate", "TLS handshake(s) (remote error: tls: bad certificate)"}, mCertRefused},
		{"trusts any certificate", defects{trustAny: true}, scoring.Fail, []string{"accepted the gateway's certificate from an untrusted CA", "looking up"}, mCertAccepted},
		{"no look-up", defects{noLookup: true}, scoring.Error, []string{"made no new connection to the gateway"}, mCertNoConn},
		// A kept-alive connection from the login is answered with the trusted certificate and
		// closed: the check starts the dossier again, and the new connection is refused.
		{"kept-alive gateway connection", defects{lookupAtLogin: true}, scoring.Pass, []string{"refused the gateway's untrusted certificate", "started 2 times"}, mCertRefused},
		// A portal that cannot speak TLS to the gateway at all refuses nothing.
		{"plain HTTP to the gateway", defects{plainGateway: true}, scoring.Error, []string{"failed without the portal refusing the certificate"}, mCertOther},
	})
}

func TestPOP05Degrade(t *testing.T) {
	runCases(t, "P06-POP-05", []checkCase{
		{"manual path, 3 attempts", defects{}, scoring.Pass, []string{"answered HTTP 503: a manual path", "after 3 look-up(s)", "hung without answering", "malformed reply"}, mDegradePass},
		{"retries 10 times", defects{retries: 10, gatewayTimeout: 100 * time.Millisecond}, scoring.Fail, []string{"looked the citizen up 11 times (the first and 10 retries; at most 3 retries)"}, mDegradeFail},
		{"leaks a stack trace", defects{leak: true}, scoring.Fail, []string{"leaks internals: a Go stack trace", "the gateway's address"}, mDegradeFail},
		{"refuses silently", defects{noMessage: true}, scoring.Fail, []string{"refused the dossier without telling the citizen why"}, mDegradeFail},
	})
}

func TestPOP05Hang(t *testing.T) {
	f := newFixture(t, defects{ignoreTimeout: true, retries: 2})
	f.timeout = 500 * time.Millisecond
	r := assisted(judgeDegrade)(context.Background(), f.session(t))
	assert.Equal(t, scoring.Fail, r.Status)
	checktest.Says(t, r, mDegradeFail)
	assert.Contains(t, r.Message, "when the database hung without answering: the portal did not answer the citizen within 500ms")
}

func TestPOP06Minimal(t *testing.T) {
	runCases(t, "P06-POP-06", []checkCase{
		{"only the citizen and subjects", defects{}, scoring.Pass, []string{"looked up only them, each at most once"}, mMinimalPass},
		{"looks up someone else", defects{lookupOther: true}, scoring.Fail, []string{"looked up 1 person(s) the dossier does not concern", "*******"}, mMinimalFail},
		{"looks up twice", defects{lookupTwice: true}, scoring.Fail, []string{"more than once for one dossier", "2 times"}, mMinimalFail},
	})
}

func TestPOP07Invalid(t *testing.T) {
	runCases(t, "P06-POP-07", []checkCase{
		{"rejects before looking up", defects{}, scoring.Pass, []string{"rejected 4 invalid identifier(s)"}, mInvalidPass},
		{"sends invalid identifiers", defects{noValidate: true}, scoring.Fail, []string{"sent invalid identifier(s) to the population database", "003*******45 (prefix 003 is not a province code) in request #"}, mInvalidSent},
	})
}

func TestPOP08URLs(t *testing.T) {
	runCases(t, "P06-POP-08", []checkCase{
		{"clean", defects{}, scoring.Pass, []string{"no personal identification number or credential", "logging in, starting a dossier"}, mURLsPass},
		{"identifier in a link", defects{idInLinks: true}, scoring.Fail, []string{"a personal identification number (", "in the query parameter soDinhDanh", "link on "}, mURLsFail},
		{"identifier in the gateway URL", defects{idInGatewayURL: true}, scoring.Fail, []string{"the portal's gateway request #"}, mURLsFail},
		{"identifier in the login URL", defects{idInLoginURL: true}, scoring.Fail, []string{"in the query parameter cccd", "(a request while logging in)"}, mURLsFail},
	})
}

func TestNotTested(t *testing.T) {
	f := newFixture(t, defects{})
	noPop, err := probe.NewSession(check.Target{BaseURL: f.srv.URL, Portal: adapter{base: f.srv.URL}}, check.Config{})
	require.NoError(t, err)
	noAdapter, err := probe.NewSession(check.Target{BaseURL: f.srv.URL, PopDB: f.gw}, check.Config{})
	require.NoError(t, err)
	for _, c := range Checks() {
		if c.ID == "P06-POP-08" {
			continue
		}
		r := c.Run(context.Background(), noPop)
		assert.Equal(t, scoring.NotTested, r.Status, c.ID)
		assert.Contains(t, r.Message, "Target.PopDB", c.ID)
		checktest.Says(t, r, mNoFake)
		r = c.Run(context.Background(), noAdapter)
		assert.Equal(t, scoring.NotTested, r.Status, c.ID)
		assert.Contains(t, r.Message, "Dossiers.StartDossier", c.ID)
		checktest.SaysStep(t, r, mStepStart)
	}
	// P06-POP-08 is automated: it runs without either.
	bare, err := probe.NewSession(check.Target{BaseURL: f.srv.URL}, check.Config{})
	require.NoError(t, err)
	r := Checks()[7].Run(context.Background(), bare)
	assert.Equal(t, scoring.Pass, r.Status, r.Message)
	assert.False(t, strings.Contains(r.Message, "logging in"))
}
