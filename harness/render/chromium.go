// Package render renders a portal's pages in headless Chromium over the DevTools Protocol
// (github.com/chromedp/chromedp), so that the content criteria judge what a citizen sees on a
// page built by JavaScript rather than the empty shell the server sends. It lives in its own
// package: a portal's tests that do not render never compile the browser driver.
//
// Use it as the session's renderer:
//
//	r, err := render.New(ctx, render.Options{})
//	if err != nil { … } // no Chromium: the error says how to name one
//	defer r.Close()
//	target := check.Target{BaseURL: url, Renderer: r}
//
// Each page is loaded in a fresh tab of one browser with a throw-away profile directory; the
// page is read after its network has been quiet for Options.Quiet. Requests to hosts other
// than the page's are blocked and listed (Rendered.Blocked): the scanner contacts only the host
// it was given. What the browser received is recorded (Rendered.Resources), so a page's weight
// counts everything it loads, whatever its size.
package render

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/p06kit/p06kit/harness/check"
)

// EnvChromium is the environment variable naming the Chromium executable.
const EnvChromium = "P06_CHROMIUM"

// Options bound and locate the browser. The zero value is usable.
type Options struct {
	// Path is the Chromium (or Chrome) executable; "" looks at $P06_CHROMIUM, then on PATH for
	// chromium, chromium-browser, google-chrome, google-chrome-stable and headless-shell.
	Path string
	// PageTimeout bounds one page, from navigation to the DOM read (default 30s).
	PageTimeout time.Duration
	// Quiet is how long the network must be idle before the page is read (default 500ms).
	Quiet time.Duration
	// HeapMB bounds the JavaScript heap of a page, in MiB (default 512).
	HeapMB int
	// MaxDOMBytes bounds the serialised DOM read back (default 16 MiB).
	MaxDOMBytes int
	// IgnoreCertErrors accepts any TLS certificate: for a test portal on a test certificate
	// only.
	IgnoreCertErrors bool
}

func (o *Options) complete() {
	if o.PageTimeout <= 0 {
		o.PageTimeout = 30 * time.Second
	}
	if o.Quiet <= 0 {
		o.Quiet = 500 * time.Millisecond
	}
	if o.HeapMB <= 0 {
		o.HeapMB = 512
	}
	if o.MaxDOMBytes <= 0 {
		o.MaxDOMBytes = 16 << 20
	}
}

// ErrNoChromium is returned when no Chromium executable can be found.
var ErrNoChromium = errors.New("no Chromium found")

// FindChromium returns the executable to run: path if given, else $P06_CHROMIUM, else the first
// of the usual names on PATH.
func FindChromium(path string) (string, error) {
	if path == "" {
		path = os.Getenv(EnvChromium)
	}
	if path != "" {
		p, err := exec.LookPath(path)
		if err != nil {
			return "", fmt.Errorf("%w: %q: %v", ErrNoChromium, path, err)
		}
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("%w on PATH (chromium, chromium-browser, google-chrome, headless-shell): install it (Debian: apt-get install chromium) or name it with --chromium or $%s", ErrNoChromium, EnvChromium)
}

// Chromium is a headless browser that renders pages. It is safe for concurrent use: each
// Render opens its own tab.
type Chromium struct {
	opts          Options
	dir           string
	allocCancel   context.CancelFunc
	browser       context.Context
	browserCancel context.CancelFunc
}

var _ check.Renderer = (*Chromium)(nil)

// New starts the browser. ctx bounds its life: cancel it or call Close.
func New(ctx context.Context, opts Options) (*Chromium, error) {
	opts.complete()
	exe, err := FindChromium(opts.Path)
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "p06-chromium-")
	if err != nil {
		return nil, fmt.Errorf("creating the throw-away browser profile: %w", err)
	}
	flags := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(dir),
		chromedp.DisableGPU,
		chromedp.Flag("js-flags", fmt.Sprintf("--max-old-space-size=%d", opts.HeapMB)),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-pings", true),
		chromedp.Flag("dns-prefetch-disable", true),
	)
	if os.Geteuid() == 0 {
		flags = append(flags, chromedp.NoSandbox) // Chromium refuses to run as root with its sandbox
	}
	if opts.IgnoreCertErrors {
		flags = append(flags, chromedp.IgnoreCertErrors)
	}
	alloc, allocCancel := chromedp.NewExecAllocator(ctx, flags...)
	browser, browserCancel := chromedp.NewContext(alloc)
	c := &Chromium{opts: opts, dir: dir, allocCancel: allocCancel, browser: browser, browserCancel: browserCancel}
	// Start the browser now, so that a broken installation is reported here and not per page.
	if err := chromedp.Do(browser); err != nil {
		c.Close()
		return nil, fmt.Errorf("starting %s: %w", exe, err)
	}
	return c, nil
}

// Close stops the browser and removes its profile directory.
func (c *Chromium) Close() error {
	c.browserCancel()
	c.allocCancel()
	return os.RemoveAll(c.dir)
}

// page is what one Render records from the browser's events.
type page struct {
	mu       sync.Mutex
	host     string
	inflight map[network.RequestID]bool
	last     time.Time
	res      map[network.RequestID]*check.Resource
	order    []network.RequestID
	blocked  []string
	paused   []*fetch.EventRequestPaused
	wake     chan struct{}
}

func (p *page) event(ev any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.last = time.Now()
	switch e := ev.(type) {
	case *network.EventRequestWillBeSent:
		p.inflight[e.RequestID] = true
	case *network.EventResponseReceived:
		if _, ok := p.res[e.RequestID]; !ok {
			p.order = append(p.order, e.RequestID)
		}
		p.res[e.RequestID] = &check.Resource{URL: e.Response.URL, Type: string(e.Type), Status: int(e.Response.Status)}
	case *network.EventLoadingFinished:
		delete(p.inflight, e.RequestID)
		if r := p.res[e.RequestID]; r != nil {
			r.Bytes = int64(e.EncodedDataLength)
		}
	case *network.EventLoadingFailed:
		delete(p.inflight, e.RequestID)
	case *fetch.EventRequestPaused:
		// Answered from another goroutine: a listener must not send commands.
		p.paused = append(p.paused, e)
		select {
		case p.wake <- struct{}{}:
		default:
		}
	}
}

// Render loads pageURL in a new tab and returns the DOM after the network settled.
func (c *Chromium) Render(ctx context.Context, pageURL string) (*check.Rendered, error) {
	u, err := url.Parse(pageURL)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("render: %q is not an absolute URL", check.Redact(pageURL))
	}
	tab, cancel := chromedp.NewContext(c.browser)
	defer cancel()
	stop := context.AfterFunc(ctx, cancel)
	defer stop()
	p := &page{host: strings.ToLower(u.Host), inflight: map[network.RequestID]bool{}, res: map[network.RequestID]*check.Resource{},
		last: time.Now(), wake: make(chan struct{}, 1)}
	if err := chromedp.Listen(tab, p.event); err != nil {
		return nil, fmt.Errorf("render: opening a tab: %w", err)
	}
	go c.answer(tab, p)
	tctx, tcancel := context.WithTimeout(tab, c.opts.PageTimeout)
	defer tcancel()
	err = chromedp.Do(tctx,
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, network.Enable, network.EnableParams{})
			return err
		}),
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*"}}})
			return err
		}),
		chromedp.Navigate(pageURL),
	)
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", check.RedactURL(pageURL), c.explain(ctx, err))
	}
	// Wait until no request has been in flight for Quiet: progress, not a fixed sleep, decides.
	tick := time.NewTicker(c.opts.Quiet / 5)
	defer tick.Stop()
	settled := false
	for !settled {
		p.mu.Lock()
		settled = len(p.inflight) == 0 && time.Since(p.last) >= c.opts.Quiet
		p.mu.Unlock()
		if settled {
			break
		}
		select {
		case <-tctx.Done():
			return nil, fmt.Errorf("render %s: the page's network did not settle within %s (requests still in flight)", check.RedactURL(pageURL), c.opts.PageTimeout)
		case <-tick.C:
		}
	}
	type snapshot struct {
		URL  string `json:"url"`
		HTML string `json:"html"`
	}
	snap, err := chromedp.Run(tctx, chromedp.Evaluate[snapshot](`({url: location.href, html: (document.doctype ? "<!DOCTYPE html>" : "") + document.documentElement.outerHTML})`))
	if err != nil {
		return nil, fmt.Errorf("render %s: reading the DOM: %w", check.RedactURL(pageURL), c.explain(ctx, err))
	}
	if len(snap.HTML) > c.opts.MaxDOMBytes {
		return nil, fmt.Errorf("render %s: the rendered DOM is %d bytes, over the bound of %d", check.RedactURL(pageURL), len(snap.HTML), c.opts.MaxDOMBytes)
	}
	out := &check.Rendered{URL: snap.URL, HTML: snap.HTML}
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, id := range p.order {
		out.Resources = append(out.Resources, *p.res[id])
	}
	out.Blocked = append(out.Blocked, p.blocked...)
	return out, nil
}

// answer lets requests to the page's host through and blocks the others, until the tab closes.
func (c *Chromium) answer(tab context.Context, p *page) {
	for {
		select {
		case <-tab.Done():
			return
		case <-p.wake:
		}
		p.mu.Lock()
		todo := p.paused
		p.paused = nil
		p.mu.Unlock()
		for _, e := range todo {
			u, err := url.Parse(e.Request.URL)
			if err == nil && strings.EqualFold(u.Host, p.host) {
				_, _ = chromedp.Call(tab, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: e.RequestID})
				continue
			}
			p.mu.Lock()
			p.blocked = append(p.blocked, check.RedactURL(e.Request.URL))
			p.mu.Unlock()
			_, _ = chromedp.Call(tab, fetch.FailRequest, fetch.FailRequestParams{RequestID: e.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
		}
	}
}

// explain names the usual causes of a failed render.
func (c *Chromium) explain(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("the page did not load within %s", c.opts.PageTimeout)
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return fmt.Errorf("the browser stopped (%v): it may have run out of memory", ee)
	}
	return err
}
