package popdbtest_test

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/harness/popdbtest"
	"github.com/p06kit/p06kit/ident"
)

func lookupOf(p ident.Person) popdbtest.LookupRequest {
	return popdbtest.LookupRequest{MaDVC: "VPCP", MaCanBo: "001085123445", MaDonVi: "000.00.00.H00",
		SoDinhDanh: p.ID, HoVaTen: p.FullName(), Nam: p.BirthDate[:4]}
}

func TestLookupFound(t *testing.T) {
	gw := popdbtest.NewServer()
	defer gw.Close()
	people := ident.DefaultPeople()
	var p ident.Person
	for _, q := range people { // someone with relatives, to see them named
		if q.Father != "" || q.Spouse != "" {
			p = q
			break
		}
	}
	require.NotEmpty(t, p.ID)
	c := gw.LookupClient()
	cd, err := c.Lookup(context.Background(), lookupOf(p))
	require.NoError(t, err)
	assert.Equal(t, p.ID, cd.SoDinhDanh)
	assert.Equal(t, p.FullName(), cd.HoVaTen.String())
	assert.Equal(t, strings.ReplaceAll(p.BirthDate, "-", ""), cd.NgayThangNamSinh.NgayThangNam)
	assert.Equal(t, p.Residence.Ward, cd.ThuongTru.TenPhuongXa)
	assert.Equal(t, p.Residence.ProvinceCode, cd.ThuongTru.MaTinhThanh)
	assert.Len(t, cd.ThuongTru.MaTinhThanh, 2)
	assert.Equal(t, p.Household, cd.SoSoHoKhau)
	require.NotNil(t, cd.ChuHo)
	assert.Equal(t, p.HouseholdHead, cd.ChuHo.SoDinhDanh)
	assert.NotEmpty(t, cd.ChuHo.HoVaTen)
	if p.Spouse != "" {
		require.NotNil(t, cd.VoChong)
		assert.NotEmpty(t, cd.VoChong.HoVaTen)
	}

	log := gw.Requests()
	require.Len(t, log, 1)
	r := log[0]
	assert.True(t, r.AuthOK, r.AuthError)
	assert.Equal(t, popdbtest.Found, r.Outcome)
	assert.Equal(t, p.ID, r.Subject)
	assert.Equal(t, popdbtest.Operation, r.Operation)
	assert.Equal(t, popdbtest.NSRequest, r.Namespace)
	assert.Equal(t, "037", r.MaTichHop)
	assert.Equal(t, "VPCP", r.MaDVC)
	assert.Len(t, r.MaYeuCau, 32)
	assert.Equal(t, popdbtest.DefaultCredentials.Username, r.Username)
	assert.Equal(t, popdbtest.DefaultCredentials.APIKey, r.APIKey)
	assert.Equal(t, popdbtest.DefaultCredentials.Client, r.Client)
	assert.True(t, r.HasSOAPAction)
	assert.Equal(t, `""`, r.SOAPAction)
	assert.Equal(t, gw.Endpoint(), r.URL)
	assert.Equal(t, 200, r.Status)
	assert.Equal(t, 1, r.Seq)
	assert.False(t, r.UntrustedCert)

	// By CMND too.
	for _, q := range people {
		if q.OldID != "" {
			cd, err := c.Lookup(context.Background(), popdbtest.LookupRequest{MaDVC: "VPCP", MaCanBo: "001085123445", MaDonVi: "X", SoCMND: q.OldID})
			require.NoError(t, err)
			assert.Equal(t, q.ID, cd.SoDinhDanh)
			break
		}
	}
}

func TestLookupNotFoundAndAddCitizen(t *testing.T) {
	gw := popdbtest.NewServer()
	defer gw.Close()
	stranger := ident.Synthetic(99, 1)[0]
	c := gw.LookupClient()
	_, err := c.Lookup(context.Background(), lookupOf(stranger))
	assert.ErrorIs(t, err, popdbtest.ErrNotFound)
	gw.AddCitizen(stranger)
	cd, err := c.Lookup(context.Background(), lookupOf(stranger))
	require.NoError(t, err)
	assert.Equal(t, stranger.ID, cd.SoDinhDanh)
	log := gw.Requests()
	require.Len(t, log, 2)
	assert.Equal(t, popdbtest.NotFound, log[0].Outcome)
	assert.Equal(t, popdbtest.Found, log[1].Outcome)
	assert.Equal(t, map[string]int{stranger.ID: 2}, popdbtest.Subjects(log))
}

func TestGatewayRefuses(t *testing.T) {
	gw := popdbtest.NewServer()
	defer gw.Close()
	p := ident.DefaultPeople()[0]
	good := gw.Credentials
	cases := []struct {
		name    string
		mutate  func(r *http.Request)
		creds   popdbtest.Credentials
		req     popdbtest.LookupRequest
		status  int
		outcome popdbtest.Outcome
		code    string
	}{
		{"no headers", func(r *http.Request) {
			for _, h := range []string{"Authorization", "Timestamp", "ApiKey", "X-Road-Client"} {
				r.Header.Del(h)
			}
		}, good, lookupOf(p), 401, popdbtest.AuthFailed, "GW-401-MISSING"},
		{"wrong secret", nil, popdbtest.Credentials{Username: good.Username, Secret: "guess", APIKey: good.APIKey, Client: good.Client}, lookupOf(p), 401, popdbtest.AuthFailed, "GW-401-SIGNATURE"},
		{"wrong user", nil, popdbtest.Credentials{Username: "mallory", Secret: good.Secret, APIKey: good.APIKey, Client: good.Client}, lookupOf(p), 401, popdbtest.AuthFailed, "GW-401-USER"},
		{"wrong api key", nil, popdbtest.Credentials{Username: good.Username, Secret: good.Secret, APIKey: "x", Client: good.Client}, lookupOf(p), 401, popdbtest.AuthFailed, "GW-401-APIKEY"},
		{"other client", nil, popdbtest.Credentials{Username: good.Username, Secret: good.Secret, APIKey: good.APIKey, Client: "VN/COM/OTHER"}, lookupOf(p), 403, popdbtest.AuthFailed, "GW-403-CLIENT"},
		{"stale timestamp", func(r *http.Request) {
			popdbtest.SignRequest(r, good, time.Now().Add(-time.Hour))
		}, good, lookupOf(p), 401, popdbtest.AuthFailed, "GW-401-TIMESTAMP"},
		{"not basic", func(r *http.Request) { r.Header.Set("Authorization", "Bearer abc") }, good, lookupOf(p), 401, popdbtest.AuthFailed, "GW-401-SCHEME"},
		{"signed for another URL", func(r *http.Request) {
			ts := r.Header.Get("Timestamp")
			r.Header.Set("Authorization", popdbtest.Sign("https://elsewhere/", good.Username, ts, good.Secret))
		}, good, lookupOf(p), 401, popdbtest.AuthFailed, "GW-401-SIGNATURE"},
		{"wrong service code", nil, good, func() popdbtest.LookupRequest { r := lookupOf(p); r.MaTichHop = "036"; return r }(), 500, popdbtest.BadRequest, "DC-400-MATICHHOP"},
		{"invalid number", nil, good, func() popdbtest.LookupRequest { r := lookupOf(p); r.SoDinhDanh = "12345"; return r }(), 500, popdbtest.BadRequest, "DC-400-SODINHDANH"},
		{"missing officer", nil, good, func() popdbtest.LookupRequest { r := lookupOf(p); r.MaCanBo = ""; return r }(), 500, popdbtest.BadRequest, "DC-400-MISSING"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			mark := gw.Mark()
			req, err := popdbtest.NewLookup(context.Background(), gw.Endpoint(), c.creds, c.req, time.Now())
			require.NoError(t, err)
			if c.mutate != nil {
				c.mutate(req)
			}
			resp, err := gw.Client().Do(req)
			require.NoError(t, err)
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			assert.Equal(t, c.status, resp.StatusCode)
			_, perr := popdbtest.ParseResponse(body)
			var f *popdbtest.Fault
			require.ErrorAs(t, perr, &f, "the refusal is a SOAP fault")
			assert.Equal(t, c.code, f.Detail)
			got := gw.RequestsSince(mark)
			require.Len(t, got, 1)
			assert.Equal(t, c.outcome, got[0].Outcome)
			assert.Equal(t, c.code, got[0].Fault)
			assert.Equal(t, c.req.Subject(), got[0].Subject, "the audit log shows whom even a refused request asked for")
			assert.NotContains(t, got[0].AuthError, good.Secret)
		})
	}
}

func TestMalformedRequests(t *testing.T) {
	gw := popdbtest.NewServer()
	defer gw.Close()
	cases := []struct {
		name, method, path, body string
		status                   int
	}{
		{"GET", http.MethodGet, popdbtest.DefaultPath, "", 405},
		{"other path", http.MethodPost, "/other", "", 404},
		{"not XML", http.MethodPost, popdbtest.DefaultPath, "hello", 400},
		{"no envelope", http.MethodPost, popdbtest.DefaultPath, "<a/>", 400},
		{"wrong operation", http.MethodPost, popdbtest.DefaultPath,
			`<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Body><x:Other xmlns:x="http://dancuquocgia.bca"/></e:Body></e:Envelope>`, 500},
		{"wrong namespace", http.MethodPost, popdbtest.DefaultPath,
			`<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Body><TraCuuThongTinCongDan/></e:Body></e:Envelope>`, 500},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			req, _ := http.NewRequest(c.method, gw.URL+c.path, strings.NewReader(c.body))
			popdbtest.SignRequest(req, gw.Credentials, time.Now())
			resp, err := gw.Client().Do(req)
			require.NoError(t, err)
			resp.Body.Close()
			assert.Equal(t, c.status, resp.StatusCode)
			log := gw.Requests()
			assert.Equal(t, popdbtest.BadRequest, log[len(log)-1].Outcome)
		})
	}
}

func TestFaults(t *testing.T) {
	p := ident.DefaultPeople()[1]
	t.Run("latency", func(t *testing.T) {
		gw := popdbtest.NewServer()
		defer gw.Close()
		gw.Inject(popdbtest.Faults{Latency: 300 * time.Millisecond})
		c := gw.LookupClient()
		gaveUp(t, gw, c, p)
		assert.Equal(t, "latency=300ms", gw.Requests()[0].Injected)
	})
	t.Run("5xx once, then recovers", func(t *testing.T) {
		gw := popdbtest.NewServer()
		defer gw.Close()
		gw.Inject(popdbtest.Faults{Status: 503, Times: 1})
		c := gw.LookupClient()
		_, err := c.Lookup(context.Background(), lookupOf(p))
		var se *popdbtest.StatusError
		require.ErrorAs(t, err, &se)
		assert.Equal(t, 503, se.Status)
		require.NotNil(t, se.Fault)
		assert.Equal(t, "soap:Server", se.Fault.Code)
		_, err = c.Lookup(context.Background(), lookupOf(p))
		require.NoError(t, err)
		log := gw.Requests()
		assert.Equal(t, popdbtest.Failed, log[0].Outcome)
		assert.Equal(t, popdbtest.Found, log[1].Outcome)
	})
	t.Run("hang until the client gives up", func(t *testing.T) {
		gw := popdbtest.NewServer()
		defer gw.Close()
		restore := gw.Inject(popdbtest.Faults{Hang: true})
		gaveUp(t, gw, gw.LookupClient(), p)
		restore()
		assert.Equal(t, popdbtest.Faults{}, gw.Faults())
	})
	t.Run("malformed reply", func(t *testing.T) {
		gw := popdbtest.NewServer()
		defer gw.Close()
		gw.Inject(popdbtest.Faults{Malformed: true})
		_, err := gw.LookupClient().Lookup(context.Background(), lookupOf(p))
		assert.ErrorIs(t, err, popdbtest.ErrMalformed)
		assert.Equal(t, popdbtest.Malformed, gw.Requests()[0].Outcome)
	})
	t.Run("not found", func(t *testing.T) {
		gw := popdbtest.NewServer()
		defer gw.Close()
		gw.Inject(popdbtest.Faults{NotFound: true})
		_, err := gw.LookupClient().Lookup(context.Background(), lookupOf(p))
		assert.ErrorIs(t, err, popdbtest.ErrNotFound)
	})
	t.Run("untrusted certificate refused", func(t *testing.T) {
		gw := popdbtest.NewServer()
		defer gw.Close()
		gw.Inject(popdbtest.Faults{UntrustedCert: true})
		_, err := gw.LookupClient().Lookup(context.Background(), lookupOf(p))
		require.Error(t, err)
		assert.Empty(t, gw.Requests(), "no request completed")
		// The handshake is in flight from before the client saw the certificate until it is
		// logged: waiting for idle is waiting for progress, not for time.
		require.True(t, gw.WaitIdle(30*time.Second))
		require.Len(t, gw.Handshakes(), 1)
		h := gw.Handshakes()[0]
		assert.True(t, h.Untrusted)
		assert.True(t, h.ClientRefused, h.Err)
	})
	t.Run("untrusted certificate applies to a client with a kept-alive connection", func(t *testing.T) {
		gw := popdbtest.NewServer()
		defer gw.Close()
		c := gw.LookupClient()
		_, err := c.Lookup(context.Background(), lookupOf(p))
		require.NoError(t, err)
		mark, hmark := gw.Mark(), gw.HandshakeMark()
		restore := gw.Inject(popdbtest.Faults{UntrustedCert: true})
		// The request on the kept-alive connection is answered (the client may have written
		// it already), marked stale, and that connection closed after the answer.
		_, err = c.Lookup(context.Background(), lookupOf(p))
		require.NoError(t, err, "a correct client does not fail because the certificate changed between its requests")
		since := gw.RequestsSince(mark)
		require.Len(t, since, 1)
		assert.True(t, since[0].StaleCert)
		assert.False(t, since[0].UntrustedCert)
		assert.Empty(t, gw.HandshakesSince(hmark), "no new handshake for the kept-alive connection")
		// The next request makes a new handshake, with the untrusted certificate: refused.
		_, err = c.Lookup(context.Background(), lookupOf(p))
		require.Error(t, err, "the new handshake is refused")
		require.True(t, gw.WaitIdle(30*time.Second))
		hs := gw.HandshakesSince(hmark)
		require.Len(t, hs, 1)
		assert.True(t, hs[0].Untrusted)
		assert.True(t, hs[0].ClientRefused, hs[0].Err)
		assert.Len(t, gw.RequestsSince(mark), 1, "nothing answered over the untrusted certificate")
		restore()
		_, err = c.Lookup(context.Background(), lookupOf(p))
		require.NoError(t, err)
	})

	// A correct client never fails because the certificate changes between its requests, however
	// the switch falls against its kept-alive connections (the POP-04 flake: a POST written on a
	// connection the gateway closed is not replayed).
	t.Run("switching certificates never fails a correct client", func(t *testing.T) {
		gw := popdbtest.NewServer()
		defer gw.Close()
		c := gw.LookupClient()
		for i := 0; i < 20; i++ {
			_, err := c.Lookup(context.Background(), lookupOf(p))
			require.NoError(t, err, "round %d, trusted", i)
			restore := gw.Inject(popdbtest.Faults{UntrustedCert: true})
			_, err = c.Lookup(context.Background(), lookupOf(p))
			require.NoError(t, err, "round %d: the request on the kept-alive connection is answered", i)
			_, err = c.Lookup(context.Background(), lookupOf(p))
			require.Error(t, err, "round %d: the new connection meets the untrusted certificate", i)
			restore()
		}
	})
	t.Run("untrusted certificate accepted by a careless client", func(t *testing.T) {
		gw := popdbtest.NewServer()
		defer gw.Close()
		gw.Inject(popdbtest.Faults{UntrustedCert: true})
		c := gw.LookupClient()
		c.HTTP = &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
		_, err := c.Lookup(context.Background(), lookupOf(p))
		require.NoError(t, err)
		log := gw.Requests()
		require.Len(t, log, 1)
		assert.True(t, log[0].UntrustedCert)
		hs := gw.Handshakes()
		require.Len(t, hs, 1)
		assert.True(t, hs[0].Untrusted)
		assert.Empty(t, hs[0].Err)
		assert.Equal(t, "TLS 1.3", hs[0].Version)
	})
}

func TestParallelClients(t *testing.T) {
	gw := popdbtest.NewServer()
	defer gw.Close()
	people := ident.DefaultPeople()
	var wg sync.WaitGroup
	errs := make(chan error, len(people))
	for _, p := range people {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cd, err := gw.LookupClient().Lookup(context.Background(), lookupOf(p))
			if err == nil && cd.SoDinhDanh != p.ID {
				err = errors.New("wrong citizen " + cd.SoDinhDanh)
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		assert.NoError(t, err)
	}
	assert.Len(t, gw.Requests(), len(people))
	seen := map[int]bool{}
	for _, r := range gw.Requests() {
		assert.False(t, seen[r.Seq])
		seen[r.Seq] = true
	}
}

func TestUnstartedServerConfig(t *testing.T) {
	gw := popdbtest.NewUnstartedServer()
	gw.Path = "/lgsp/037"
	gw.Credentials = popdbtest.Credentials{Username: "u", Secret: "s", APIKey: "k", Client: "c"}
	gw.People = ident.Synthetic(5, 3)
	extra := ident.Synthetic(6, 1)[0]
	gw.AddCitizen(extra) // before Start: kept
	fixed := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	gw.Now = func() time.Time { return fixed }
	gw.Start()
	defer gw.Close()
	assert.True(t, strings.HasPrefix(gw.URL, "https://127.0.0.1:"))
	assert.Equal(t, gw.URL+"/lgsp/037", gw.Endpoint())
	c := gw.LookupClient()
	c.Now = func() time.Time { return fixed }
	_, err := c.Lookup(context.Background(), lookupOf(gw.People[2]))
	require.NoError(t, err)
	_, ok := gw.Citizen(ident.DefaultPeople()[0].ID)
	assert.False(t, ok, "the configured population replaces the default one")
	_, ok = gw.Citizen(extra.ID)
	assert.True(t, ok, "a citizen added before Start is kept")
	assert.Contains(t, string(gw.CACertPEM()), "BEGIN CERTIFICATE")
	assert.NotEqual(t, gw.CACertPEM(), gw.UntrustedCACertPEM())
}

func BenchmarkLookup(b *testing.B) {
	gw := popdbtest.NewServer()
	defer gw.Close()
	c := gw.LookupClient()
	req := lookupOf(ident.DefaultPeople()[3])
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Lookup(ctx, req); err != nil {
			b.Fatal(err)
		}
	}
}

func TestCloseReleasesHangingRequests(t *testing.T) {
	gw := popdbtest.NewServer()
	gw.Inject(popdbtest.Faults{Hang: true})
	errc := make(chan error, 1)
	go func() {
		_, err := gw.LookupClient().Lookup(context.Background(), lookupOf(ident.DefaultPeople()[0]))
		errc <- err
	}()
	require.Eventually(t, func() bool { return len(gw.Requests()) == 1 }, 2*time.Second, 5*time.Millisecond)
	gw.Close() // must not wait for the client's 30 s timeout
	select {
	case err := <-errc:
		assert.Error(t, err, "the hanging request ends without an answer")
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not release the hanging request")
	}
	assert.Equal(t, popdbtest.Abandoned, gw.Requests()[0].Outcome)
}

func TestInjectForOneCitizen(t *testing.T) {
	gw := popdbtest.NewServer()
	defer gw.Close()
	a, b := ident.DefaultPeople()[0], ident.DefaultPeople()[1]
	restore := gw.InjectFor(a.ID, popdbtest.Faults{Status: 502})
	c := gw.LookupClient()
	_, err := c.Lookup(context.Background(), lookupOf(a))
	var se *popdbtest.StatusError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, 502, se.Status)
	_, err = c.Lookup(context.Background(), lookupOf(b))
	assert.NoError(t, err, "other citizens are answered")
	restore()
	_, err = c.Lookup(context.Background(), lookupOf(a))
	assert.NoError(t, err)

	gw.InjectFor(b.ID, popdbtest.Faults{NotFound: true, Times: 1})
	_, err = c.Lookup(context.Background(), lookupOf(b))
	assert.ErrorIs(t, err, popdbtest.ErrNotFound)
	_, err = c.Lookup(context.Background(), lookupOf(b))
	assert.NoError(t, err, "Times: 1 applied once")

	gw.RemoveCitizen(a.ID)
	_, err = c.Lookup(context.Background(), lookupOf(a))
	assert.ErrorIs(t, err, popdbtest.ErrNotFound)
	_, ok := gw.Citizen(a.ID)
	assert.False(t, ok)
}

// gaveUp starts a look-up, waits until the gateway holds it, gives up (as a client's deadline
// would) and checks the gateway recorded the request as abandoned.
func gaveUp(t *testing.T, gw *popdbtest.Server, c *popdbtest.Client, p ident.Person) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	errc := make(chan error, 1)
	go func() {
		_, err := c.Lookup(ctx, lookupOf(p))
		errc <- err
	}()
	require.Eventually(t, func() bool {
		rs := gw.Requests()
		return len(rs) == 1 && rs[0].Outcome == popdbtest.Pending && rs[0].Subject == p.ID
	}, 5*time.Second, 2*time.Millisecond, "the gateway holds the request")
	cancel()
	assert.ErrorIs(t, <-errc, context.Canceled)
	require.True(t, gw.WaitIdle(5*time.Second))
	assert.Equal(t, popdbtest.Abandoned, gw.Requests()[0].Outcome)
}

// BenchmarkNewServer measures what a test pays for its own gateway (two CAs, a listener).
func BenchmarkNewServer(b *testing.B) {
	for b.Loop() {
		popdbtest.NewServer().Close()
	}
}

// TestReplayRefused: the signature does not cover the body, so a captured set of headers must not
// buy a look-up of anyone else: the gateway accepts each signature once, and answers each request
// ID once.
func TestReplayRefused(t *testing.T) {
	gw := popdbtest.NewServer()
	defer gw.Close()
	people := ident.DefaultPeople()
	do := func(req *http.Request, body []byte) (int, string) {
		t.Helper()
		req.Body = io.NopCloser(strings.NewReader(string(body)))
		req.ContentLength = int64(len(body))
		resp, err := gw.Client().Do(req)
		require.NoError(t, err)
		raw, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		coll, err := popdbtest.ParseResponse(raw)
		var f *popdbtest.Fault
		if errors.As(err, &f) {
			return resp.StatusCode, f.Detail
		}
		require.NoError(t, err)
		require.Len(t, coll.CongDan, 1)
		return resp.StatusCode, coll.CongDan[0].SoDinhDanh
	}
	first, err := popdbtest.NewLookup(context.Background(), gw.Endpoint(), gw.Credentials, lookupOf(people[0]), time.Now())
	require.NoError(t, err)
	status, got := do(first, popdbtest.MarshalRequest(withID(lookupOf(people[0]), "req-1")))
	require.Equal(t, 200, status)
	require.Equal(t, people[0].ID, got)

	// The same headers with another citizen's number and a new request ID.
	again := first.Clone(context.Background())
	status, got = do(again, popdbtest.MarshalRequest(withID(lookupOf(people[1]), "req-2")))
	assert.Equal(t, 401, status)
	assert.Equal(t, "GW-401-REPLAY", got)

	// A freshly signed request that reuses an answered request ID.
	fresh, err := popdbtest.NewLookup(context.Background(), gw.Endpoint(), gw.Credentials, lookupOf(people[1]), time.Now())
	require.NoError(t, err)
	status, got = do(fresh, popdbtest.MarshalRequest(withID(lookupOf(people[1]), "req-1")))
	assert.Equal(t, 500, status)
	assert.Equal(t, "DC-400-MAYEUCAU", got)

	// Requests signed against one fixed clock still carry different signatures and all pass.
	fixed := time.Now()
	c := gw.LookupClient()
	c.Now = func() time.Time { return fixed }
	for i := range 5 {
		_, err := c.Lookup(context.Background(), lookupOf(people[i%len(people)]))
		require.NoError(t, err, "look-up %d signed at the same instant", i)
	}
}

func withID(r popdbtest.LookupRequest, id string) popdbtest.LookupRequest {
	r.MaYeuCau = id
	r.MaTichHop = popdbtest.ServiceCode
	return r
}
