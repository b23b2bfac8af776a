//go:build interop

package report_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/examples/referenceportal"
	"github.com/p06kit/p06kit/harness"
	"github.com/p06kit/p06kit/harness/report"
	"github.com/p06kit/p06kit/internal/interoptest"
	"github.com/p06kit/p06kit/scoring"
)

// The HTML reports must render in a real browser and load nothing from anywhere (issue 10, "What
// it must show"). These tests write a realistic assessment report (the broken portal assessed on
// loopback through the harness) and survey reports, open each in headless Chromium, and check:
//
//   - the page renders: a full-page screenshot decodes and is not blank (enough pixels differ
//     from the background, in more than a handful of colours), and the DOM Chromium built holds
//     the report's headings;
//   - the page makes no request but its own: Chromium is driven through its DevTools protocol
//     (over a pipe), whose Network domain reports every request the page makes — a stylesheet,
//     a font, an image, a script, a beacon, on any host — and only the page itself may be
//     there; the loopback server the page is loaded from records what reached it too (the page,
//     and the browser's own favicon probe); nothing may be logged to the console (a blocked
//     load is logged as a CSP violation);
//   - the Content-Security-Policy meta of the page forbids loading anything.
//
// Set P06_SHOTS=DIR to keep the screenshots for a look.

func TestRenderInteropAssessmentReport(t *testing.T) {
	chromium := interoptest.Chromium(t)
	env, err := referenceportal.StartEnv(referenceportal.Broken())
	require.NoError(t, err)
	defer env.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	r, err := harness.Check(ctx, env.Target())
	require.NoError(t, err)
	require.NotEmpty(t, r.Scores.Caps, "the broken portal's report shows caps")
	for _, lang := range []string{"vi", "en"} {
		t.Run(lang, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, report.WriteHTML(&b, r, report.Options{Lang: lang}))
			want := map[string]string{"vi": "Báo cáo đánh giá theo Đề án 06", "en": "Project 06 assessment report"}[lang]
			interopRender(t, chromium, "report-broken."+lang, b.Bytes(), want)
		})
	}
}

func TestRenderInteropSurveyOfLoopbackPortals(t *testing.T) {
	chromium := interoptest.Chromium(t)
	cat := criteria.P06Technical()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var entries []report.SurveyEntry
	for _, u := range []struct {
		unit    string
		defects referenceportal.Defects
	}{
		{"UBND tỉnh Tham Chiếu", referenceportal.Defects{}},
		{"UBND tỉnh Thiếu Tiêu Đề Bảo Mật", referenceportal.Defects{NoHSTS: true, NoNosniff: true, NoLang: true, ImageNoAlt: true}},
		{"UBND tỉnh Hỏng", referenceportal.Broken()},
	} {
		env, err := referenceportal.StartEnv(u.defects)
		require.NoError(t, err)
		defer env.Close()
		r, err := harness.Check(ctx, env.Target())
		require.NoError(t, err)
		entries = append(entries, report.SurveyEntry{Unit: u.unit, Report: r})
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	down := "https://" + ln.Addr().String()
	ln.Close()
	r, err := harness.Check(ctx, harness.Target{BaseURL: down})
	require.ErrorIs(t, err, harness.ErrUnreachable)
	entries = append(entries, report.SurveyEntry{Unit: "UBND tỉnh Không Tới", Report: r, Err: err, Unreachable: true})
	s, err := report.NewSurvey(cat, entries)
	require.NoError(t, err)
	for _, lang := range []string{"vi", "en"} {
		t.Run(lang, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, report.WriteSurveyHTML(&b, s, report.Options{Lang: lang, Catalogue: cat}))
			want := map[string]string{"vi": "Khảo sát theo Đề án 06", "en": "Project 06 survey"}[lang]
			interopRender(t, chromium, "survey-loopback."+lang, b.Bytes(), want)
		})
	}
}

// A national survey has dozens of units: the charts must stay legible at that size.
func TestRenderInteropSurveyOf34Provinces(t *testing.T) {
	chromium := interoptest.Chromium(t)
	cat := criteria.P06Technical()
	provinces := []string{"Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An",
		"Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Hải Phòng", "Ninh Bình",
		"Quảng Trị", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "TP. Hồ Chí Minh", "Đồng Nai",
		"Tây Ninh", "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang"}
	var entries []report.SurveyEntry
	for i, p := range provinces {
		in := scoring.Findings{Catalogue: cat.ID, Target: fmt.Sprintf("https://dichvucong.tinh%02d.example.gov.vn/", i)}
		for j, c := range cat.Criteria {
			st := scoring.Fail
			if (i*7+j*13)%100 < 30+2*i { // deterministic, increasingly mature units
				st = scoring.Pass
			}
			if c.Method == criteria.Attested {
				st = scoring.NotTested
			}
			in.Findings = append(in.Findings, scoring.Finding{Criterion: c.ID, Status: st})
		}
		r, err := scoring.Score(cat, in, scoring.Config{})
		require.NoError(t, err)
		entries = append(entries, report.SurveyEntry{Unit: "UBND tỉnh " + p, Report: r})
	}
	s, err := report.NewSurvey(cat, entries)
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, report.WriteSurveyHTML(&b, s, report.Options{Lang: "vi", Catalogue: cat}))
	interopRender(t, chromium, "survey-34.vi", b.Bytes(), "Khảo sát theo Đề án 06")
}

// recorder serves one page on loopback and records every request it receives.
type recorder struct {
	page []byte
	mu   sync.Mutex
	seen []string
}

func (rc *recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rc.mu.Lock()
	rc.seen = append(rc.seen, r.Method+" "+r.URL.RequestURI())
	rc.mu.Unlock()
	if r.Method == http.MethodGet && r.URL.Path == "/page.html" {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(rc.page)
		return
	}
	http.Error(w, "the report must not load anything", http.StatusForbidden)
}

func (rc *recorder) requests() []string {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return append([]string(nil), rc.seen...)
}

// interopRender checks one HTML page in Chromium: CSP, no requests but the page, a DOM with the
// expected heading, no console or CSP error, and a screenshot that is not blank.
func interopRender(t *testing.T, chromium, name string, page []byte, heading string) {
	t.Helper()
	assert.Contains(t, string(page), `<meta http-equiv="Content-Security-Policy" content="default-src 'none';`,
		"the page forbids loading anything by its CSP")

	rec := &recorder{page: page}
	srv := &http.Server{Handler: rec, ReadHeaderTimeout: 10 * time.Second}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()
	url := "http://" + ln.Addr().String() + "/page.html"

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	res, err := interopLoad(ctx, chromium, t.TempDir(), url)
	require.NoError(t, err)

	// What the page requested, as the browser's DevTools saw it: only the page itself.
	for _, req := range res.requests {
		if req != "GET "+url && !strings.HasPrefix(req, "GET data:") {
			t.Errorf("%s: the page requested %s", name, req)
		}
	}
	assert.Contains(t, res.requests, "GET "+url, "DevTools saw the page load")
	// What reached the server: the page, and at most the browser's own favicon probe.
	for _, req := range rec.requests() {
		if req != "GET /page.html" && req != "GET /favicon.ico" {
			t.Errorf("%s: the server received %s", name, req)
		}
	}
	for _, m := range res.logs {
		t.Errorf("%s: console: %s", name, m)
	}
	assert.Contains(t, res.dom, heading, "Chromium built the page's DOM")
	assert.Contains(t, res.dom, "<svg", "the charts are in the DOM")

	img, err := png.Decode(bytes.NewReader(res.png))
	require.NoError(t, err, "the screenshot is a PNG")
	assert.Equal(t, image.Pt(1280, 2000), img.Bounds().Size())
	inked, colours, variance := interopInk(img)
	assert.Greater(t, inked, 0.05, "%s: at least 5%% of the page differs from its background", name)
	assert.Greater(t, colours, 50, "%s: text, bars and colours, not a flat page", name)
	assert.Greater(t, variance, 100.0, "%s: luminance varies across the page", name)
	t.Logf("%s: %.1f%% inked, %d colours, luminance variance %.0f; page requests %v; server saw %v",
		name, 100*inked, colours, variance, res.requests, rec.requests())
	if keep := os.Getenv("P06_SHOTS"); keep != "" {
		require.NoError(t, os.MkdirAll(keep, 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(keep, name+".png"), res.png, 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(keep, name+".html"), page, 0o644))
	}
}

// loadResult is what Chromium made of a page.
type loadResult struct {
	requests []string // "METHOD URL" of every request the page made (DevTools Network domain)
	logs     []string // console and browser log entries of level warning or error
	dom      string   // document.documentElement.outerHTML after load
	png      []byte   // a 1280×2000 screenshot
}

// interopLoad opens url in headless Chromium driven through the DevTools protocol over a pipe
// (--remote-debugging-pipe: no port is opened), records every request of the page and every
// log entry, waits until the network is idle, and takes the DOM and a screenshot.
func interopLoad(ctx context.Context, chromium, dir, url string) (*loadResult, error) {
	toChrome, cmdIn, err := os.Pipe() // Chromium reads commands on fd 3
	if err != nil {
		return nil, err
	}
	fromChrome, cmdOut, err := os.Pipe() // and writes replies and events on fd 4
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
		"--disable-extensions", "--no-default-browser-check", "--hide-scrollbars", "--remote-debugging-pipe",
		"--user-data-dir="+filepath.Join(dir, "profile"), "about:blank")
	cmd.ExtraFiles = []*os.File{toChrome, cmdOut}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	toChrome.Close()
	cmdOut.Close()
	c := newCDP(cmdIn, fromChrome)
	defer func() {
		_, _ = c.call(ctx, "", "Browser.close", nil)
		cmdIn.Close()
		_ = cmd.Wait()
		fromChrome.Close()
	}()
	fail := func(err error) (*loadResult, error) {
		return nil, fmt.Errorf("%w\nchromium stderr:\n%s", err, interopTail(stderr.String()))
	}
	var target struct {
		TargetID string `json:"targetId"`
	}
	if err := c.callInto(ctx, "", "Target.createTarget", map[string]any{"url": "about:blank"}, &target); err != nil {
		return fail(err)
	}
	var session struct {
		SessionID string `json:"sessionId"`
	}
	if err := c.callInto(ctx, "", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &session); err != nil {
		return fail(err)
	}
	sid := session.SessionID
	for _, m := range []struct {
		method string
		params any
	}{
		{"Page.enable", nil}, {"Network.enable", nil}, {"Log.enable", nil}, {"Runtime.enable", nil},
		{"Page.setLifecycleEventsEnabled", map[string]any{"enabled": true}},
		{"Emulation.setDeviceMetricsOverride", map[string]any{"width": 1280, "height": 2000, "deviceScaleFactor": 1, "mobile": false}},
	} {
		if _, err := c.call(ctx, sid, m.method, m.params); err != nil {
			return fail(err)
		}
	}
	var nav struct {
		LoaderID  string `json:"loaderId"`
		ErrorText string `json:"errorText"`
	}
	if err := c.callInto(ctx, sid, "Page.navigate", map[string]any{"url": url}, &nav); err != nil {
		return fail(err)
	}
	if nav.ErrorText != "" {
		return fail(fmt.Errorf("navigating to %s: %s", url, nav.ErrorText))
	}
	// The page is done when its own load (not about:blank's) is idle on the network.
	if err := c.waitEvent(ctx, sid, func(e cdpMsg) bool {
		var p struct{ Name, LoaderID string }
		return e.Method == "Page.lifecycleEvent" && json.Unmarshal(e.Params, &p) == nil && p.Name == "networkIdle" && p.LoaderID == nav.LoaderID
	}); err != nil {
		return fail(fmt.Errorf("waiting for the page to load: %w", err))
	}
	res := &loadResult{}
	var eval struct {
		Result struct {
			Value string `json:"value"`
		} `json:"result"`
		Exception json.RawMessage `json:"exceptionDetails"`
	}
	if err := c.callInto(ctx, sid, "Runtime.evaluate", map[string]any{"expression": "document.documentElement.outerHTML", "returnByValue": true}, &eval); err != nil {
		return fail(err)
	}
	if len(eval.Exception) > 0 {
		return fail(fmt.Errorf("reading the DOM: %s", eval.Exception))
	}
	res.dom = eval.Result.Value
	var shot struct {
		Data []byte `json:"data"` // base64 in JSON
	}
	if err := c.callInto(ctx, sid, "Page.captureScreenshot", map[string]any{"format": "png"}, &shot); err != nil {
		return fail(err)
	}
	res.png = shot.Data
	for _, e := range c.eventsOf(sid) {
		switch e.Method {
		case "Network.requestWillBeSent":
			var p struct {
				Request struct{ URL, Method string } `json:"request"`
			}
			if json.Unmarshal(e.Params, &p) == nil {
				res.requests = append(res.requests, p.Request.Method+" "+p.Request.URL)
			}
		case "Log.entryAdded":
			var p struct {
				Entry struct{ Source, Level, Text, URL string } `json:"entry"`
			}
			if json.Unmarshal(e.Params, &p) == nil && (p.Entry.Level == "error" || p.Entry.Level == "warning") {
				res.logs = append(res.logs, p.Entry.Source+" "+p.Entry.Level+": "+p.Entry.Text+" "+p.Entry.URL)
			}
		case "Runtime.consoleAPICalled", "Runtime.exceptionThrown":
			res.logs = append(res.logs, e.Method+": "+string(e.Params))
		}
	}
	return res, nil
}

// cdpMsg is a DevTools protocol message: a reply (ID set) or an event (Method set).
type cdpMsg struct {
	ID        int             `json:"id,omitempty"`
	Method    string          `json:"method,omitempty"`
	SessionID string          `json:"sessionId,omitempty"`
	Params    json.RawMessage `json:"params,omitempty"`
	Result    json.RawMessage `json:"result,omitempty"`
	Error     *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

// cdp is a minimal DevTools protocol client over Chromium's pipe: messages are JSON terminated
// by a NUL byte.
type cdp struct {
	w       io.Writer
	mu      sync.Mutex
	next    int
	replies map[int]chan cdpMsg
	events  []cdpMsg
	notify  chan struct{}
	closed  chan struct{}
}

func newCDP(w io.Writer, r io.Reader) *cdp {
	c := &cdp{w: w, replies: map[int]chan cdpMsg{}, notify: make(chan struct{}, 1), closed: make(chan struct{})}
	go func() {
		defer close(c.closed)
		br := bufio.NewReaderSize(r, 1<<20)
		for {
			b, err := br.ReadBytes(0)
			if err != nil {
				return
			}
			var m cdpMsg
			if json.Unmarshal(b[:len(b)-1], &m) != nil {
				continue
			}
			c.mu.Lock()
			if m.ID != 0 {
				if ch, ok := c.replies[m.ID]; ok {
					ch <- m
					delete(c.replies, m.ID)
				}
			} else {
				c.events = append(c.events, m)
				select {
				case c.notify <- struct{}{}:
				default:
				}
			}
			c.mu.Unlock()
		}
	}()
	return c
}

func (c *cdp) call(ctx context.Context, session, method string, params any) (json.RawMessage, error) {
	c.mu.Lock()
	c.next++
	id := c.next
	ch := make(chan cdpMsg, 1)
	c.replies[id] = ch
	c.mu.Unlock()
	msg := map[string]any{"id": id, "method": method}
	if params != nil {
		msg["params"] = params
	}
	if session != "" {
		msg["sessionId"] = session
	}
	b, err := json.Marshal(msg)
	if err != nil {
		return nil, err
	}
	if _, err := c.w.Write(append(b, 0)); err != nil {
		return nil, fmt.Errorf("%s: %w", method, err)
	}
	select {
	case m := <-ch:
		if m.Error != nil {
			return nil, fmt.Errorf("%s: %s (%d)", method, m.Error.Message, m.Error.Code)
		}
		return m.Result, nil
	case <-c.closed:
		return nil, fmt.Errorf("%s: chromium closed the pipe", method)
	case <-ctx.Done():
		return nil, fmt.Errorf("%s: %w", method, ctx.Err())
	}
}

func (c *cdp) callInto(ctx context.Context, session, method string, params, into any) error {
	res, err := c.call(ctx, session, method, params)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(res, into); err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	return nil
}

// waitEvent waits for an event of session that match accepts.
func (c *cdp) waitEvent(ctx context.Context, session string, match func(cdpMsg) bool) error {
	for {
		for _, e := range c.eventsOf(session) {
			if match(e) {
				return nil
			}
		}
		select {
		case <-c.notify:
		case <-c.closed:
			return errors.New("chromium closed the pipe")
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

func (c *cdp) eventsOf(session string) []cdpMsg {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []cdpMsg
	for _, e := range c.events {
		if e.SessionID == session {
			out = append(out, e)
		}
	}
	return out
}

// interopInk measures a screenshot: the share of pixels that differ from the most common colour
// (the background), the number of distinct colours, and the variance of luminance.
func interopInk(img image.Image) (inked float64, colours int, variance float64) {
	b := img.Bounds()
	hist := map[uint32]int{}
	var sum, sumSq float64
	n := 0
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			key := (r>>8)<<16 | (g>>8)<<8 | bl>>8
			hist[key]++
			l := 0.299*float64(r>>8) + 0.587*float64(g>>8) + 0.114*float64(bl>>8)
			sum += l
			sumSq += l * l
			n++
		}
	}
	most := 0
	for _, c := range hist {
		most = max(most, c)
	}
	mean := sum / float64(n)
	return float64(n-most) / float64(n), len(hist), sumSq/float64(n) - mean*mean
}

func interopTail(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > 15 {
		lines = lines[len(lines)-15:]
	}
	return strings.Join(lines, "\n")
}

// The checks above must be able to fail: a page that loads a stylesheet, an image and a font
// from other hosts is caught by the request log, and an empty page by the ink measure.
func TestRenderInteropDetectsRequestsAndBlankPages(t *testing.T) {
	chromium := interoptest.Chromium(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	rec := &recorder{page: []byte(`<!doctype html><html lang="en"><head><title>leaky</title>
<link rel="stylesheet" href="http://cdn.p06kit.invalid/style.css">
<style>@font-face{font-family:x;src:url(http://fonts.p06kit.invalid/x.woff2)}body{font-family:x}</style></head>
<body><h1>leaky</h1><img src="http://img.p06kit.invalid/logo.png" alt="logo"></body></html>`)}
	srv := &http.Server{Handler: rec, ReadHeaderTimeout: 10 * time.Second}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()
	res, err := interopLoad(ctx, chromium, t.TempDir(), "http://"+ln.Addr().String()+"/page.html")
	require.NoError(t, err)
	joined := strings.Join(res.requests, "\n")
	assert.Contains(t, joined, "GET http://cdn.p06kit.invalid/style.css", "a stylesheet from another host is seen")
	assert.Contains(t, joined, "GET http://img.p06kit.invalid/logo.png", "an image from another host is seen")

	blank := &recorder{page: []byte(`<!doctype html><html lang="en"><head><title>blank</title></head><body></body></html>`)}
	srv2 := &http.Server{Handler: blank, ReadHeaderTimeout: 10 * time.Second}
	ln2, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	go func() { _ = srv2.Serve(ln2) }()
	defer srv2.Close()
	res, err = interopLoad(ctx, chromium, t.TempDir(), "http://"+ln2.Addr().String()+"/page.html")
	require.NoError(t, err)
	img, err := png.Decode(bytes.NewReader(res.png))
	require.NoError(t, err)
	inked, colours, variance := interopInk(img)
	assert.Less(t, inked, 0.05, "a blank page is not inked")
	assert.LessOrEqual(t, colours, 50)
	assert.Less(t, variance, 100.0)
}
