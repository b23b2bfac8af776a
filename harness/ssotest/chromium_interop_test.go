//go:build interop && unix

package ssotest_test

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/net/websocket"

	"github.com/p06kit/p06kit/harness/ssotest"
	"github.com/p06kit/p06kit/internal/interoptest"
)

// cdp is a minimal Chrome DevTools Protocol client: enough to navigate and evaluate.
type cdp struct {
	ws *websocket.Conn
	id int
}

func (c *cdp) call(t *testing.T, method string, params any, result any) {
	t.Helper()
	c.id++
	if err := websocket.JSON.Send(c.ws, map[string]any{"id": c.id, "method": method, "params": params}); err != nil {
		t.Fatalf("%s: %v", method, err)
	}
	_ = c.ws.SetReadDeadline(time.Now().Add(20 * time.Second))
	for {
		var msg struct {
			ID     int             `json:"id"`
			Result json.RawMessage `json:"result"`
			Error  *struct{ Message string }
		}
		if err := websocket.JSON.Receive(c.ws, &msg); err != nil {
			t.Fatalf("%s: %v", method, err)
		}
		if msg.ID != c.id {
			continue // an event
		}
		if msg.Error != nil {
			t.Fatalf("%s: %s", method, msg.Error.Message)
		}
		if result != nil {
			_ = json.Unmarshal(msg.Result, result)
		}
		return
	}
}

func (c *cdp) eval(t *testing.T, expr string) string {
	var r struct {
		Result struct {
			Value any `json:"value"`
		} `json:"result"`
	}
	c.call(t, "Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true}, &r)
	return fmt.Sprint(r.Result.Value)
}

func (c *cdp) waitFor(t *testing.T, expr, want string) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var got string
	for time.Now().Before(deadline) {
		if got = c.eval(t, expr); strings.Contains(got, want) {
			return got
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("%s: got %q, want it to contain %q", expr, got, want)
	return ""
}

// A real browser logs in through the fake's login page: the page a vendor's manual browser test
// clicks works in Chromium, TLS, redirects and form post included.
func TestInteropChromiumLogin(t *testing.T) {
	bin := interoptest.Chromium(t)
	sso := ssotest.NewServer()
	defer sso.Close()
	who, _ := sso.AccountWithLevel(2)

	// A minimal portal: /login sends the browser to the SSO, /signin-oidc redeems the code.
	verifier := strings.Repeat("x", 43)
	sum := sha256.Sum256([]byte(verifier))
	var portal *httptest.Server
	portal = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/login":
			http.Redirect(w, r, sso.URL+ssotest.AuthorizePath+"?"+url.Values{"response_type": {"code"}, "client_id": {ssotest.DefaultClientID},
				"redirect_uri": {portal.URL + "/signin-oidc"}, "scope": {"openid"}, "state": {"s1"}, "nonce": {"n1"},
				"code_challenge": {base64.RawURLEncoding.EncodeToString(sum[:])}, "code_challenge_method": {"S256"}}.Encode(), http.StatusFound)
		case "/signin-oidc":
			form := url.Values{"grant_type": {"authorization_code"}, "code": {r.URL.Query().Get("code")},
				"redirect_uri": {portal.URL + "/signin-oidc"}, "code_verifier": {verifier}}
			req, _ := http.NewRequest(http.MethodPost, sso.URL+ssotest.TokenPath, strings.NewReader(form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.SetBasicAuth(ssotest.DefaultClientID, ssotest.DefaultClientSecret)
			resp, err := sso.Client().Do(req)
			if err != nil || resp.StatusCode != 200 {
				http.Error(w, "token request failed", http.StatusBadGateway)
				return
			}
			resp.Body.Close()
			fmt.Fprintf(w, "<html><body>Xin chào, state %s</body></html>", r.URL.Query().Get("state"))
		}
	}))
	defer portal.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless=new", "--no-sandbox", "--disable-gpu", "--ignore-certificate-errors",
		"--remote-debugging-port=0", "--remote-allow-origins=*", "--user-data-dir="+t.TempDir(), "about:blank")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // so that its helper processes die with it
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL); _ = cmd.Wait() }()
	var browserWS string
	sc := bufio.NewScanner(stderr)
	for sc.Scan() {
		if _, after, ok := strings.Cut(sc.Text(), "DevTools listening on "); ok {
			browserWS = strings.TrimSpace(after)
			break
		}
	}
	if browserWS == "" {
		t.Fatal("chromium did not print its DevTools address")
	}
	go func() {
		for sc.Scan() { // drain, so that chromium never blocks on stderr
		}
	}()
	u, _ := url.Parse(browserWS)
	resp, err := http.Get("http://" + u.Host + "/json/list")
	if err != nil {
		t.Fatal(err)
	}
	var targets []struct{ Type, WebSocketDebuggerURL string }
	_ = json.NewDecoder(resp.Body).Decode(&targets)
	resp.Body.Close()
	var pageWS string
	for _, tg := range targets {
		if tg.Type == "page" {
			pageWS = tg.WebSocketDebuggerURL
		}
	}
	if pageWS == "" {
		t.Fatalf("no page target in %+v", targets)
	}
	ws, err := websocket.Dial(pageWS, "", "http://127.0.0.1/")
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	c := &cdp{ws: ws}

	c.call(t, "Page.navigate", map[string]any{"url": portal.URL + "/login"}, nil)
	c.waitFor(t, "location.pathname", ssotest.LoginPath)
	// The path changes when navigation commits, before the page is parsed: wait for the form
	// itself, or a click on a loaded machine finds nothing to click.
	c.waitFor(t, fmt.Sprintf(`document.readyState !== "loading" && document.querySelector('input[name=account][value="%s"]') && document.querySelector('button[type=submit]') ? "ready" : ""`, who.ID), "ready")
	c.eval(t, fmt.Sprintf(`document.querySelector('input[name=account][value="%s"]').click(); document.querySelector('button[type=submit]').click(); "ok"`, who.ID))
	body := c.waitFor(t, "document.body ? document.body.innerText : ''", "Xin chào")
	if !strings.Contains(body, "state s1") {
		t.Errorf("portal page %q", body)
	}
	flows := sso.Flows()
	if len(flows) != 1 || flows[0].Account != who.ID || !flows[0].Redeemed() {
		t.Errorf("audit log %+v", flows)
	}
}
