package harness

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/internal/safefile"
	"github.com/p06kit/p06kit/internal/suggest"
	"github.com/p06kit/p06kit/scoring"
)

// Option configures a run. Options are sealed (only this package defines them), so that new
// options never break callers. Options are applied in order; a later option of the same kind
// overrides or adds to an earlier one as its documentation says.
type Option interface{ apply(*config) }

type optionFunc func(*config)

func (f optionFunc) apply(c *config) { f(c) }

// config is a run's configuration after the options are applied.
type config struct {
	check.Config
	cat          *criteria.Catalogue
	only         []string
	skips        map[string]string
	waivers      []scoring.Waiver
	waiverFiles  []string
	evidence     string
	parallel     int
	checkTimeout time.Duration
	checks       []check.Check
	noBuiltin    bool
	observe      func(scoring.Finding)
	bands        *scoring.Bands
	now          func() time.Time
	strict       bool
	errs         []error
}

// Defaults of the run options.
const (
	// DefaultParallel is how many checks run at once by default.
	DefaultParallel = 8
	// DefaultCheckTimeout bounds one check by default.
	DefaultCheckTimeout = 60 * time.Second
)

// Strict makes a go test run (New(…).Run()) tell the whole truth: a criterion the run did not
// assess fails its subtest instead of skipping it. With Strict, not_tested (no adapter, no fake,
// no evidence file, an active check without Active, no check built) fails like error, so that a
// green test means every selected criterion was assessed; not_applicable and waived findings
// still skip, and criteria left out by Only have no subtest. Without Strict, the run logs one
// summary line (assessed N of M, and what was not tested grouped by cause) and skips them.
// Check ignores Strict: its report holds every status.
func Strict() Option {
	return optionFunc(func(c *config) { c.strict = true })
}

// Catalogue assesses against cat instead of the built-in p06-technical catalogue.
func Catalogue(cat *criteria.Catalogue) Option {
	return optionFunc(func(c *config) {
		if cat == nil {
			c.errs = append(c.errs, errors.New("Catalogue: nil catalogue"))
			return
		}
		c.cat = cat
	})
}

// Only selects criteria: each selector is a criterion ID ("P06-SEC-03"), a group ID
// ("security") or a tag ("tls"). Criteria not selected are reported not_tested ("not
// selected"). Several Only options add up. A selector that matches nothing is a configuration
// error, so that a typo does not silently assess nothing.
func Only(selectors ...string) Option {
	return optionFunc(func(c *config) {
		for _, s := range selectors {
			if s = strings.TrimSpace(s); s != "" {
				c.only = append(c.only, s)
			}
		}
	})
}

// Skip skips the criterion with the given ID; its finding is not_tested with the reason.
func Skip(id, reason string) Option {
	return optionFunc(func(c *config) {
		if strings.TrimSpace(reason) == "" {
			c.errs = append(c.errs, fmt.Errorf("Skip(%q): a reason is required", id))
			return
		}
		if c.skips == nil {
			c.skips = map[string]string{}
		}
		c.skips[id] = reason
	})
}

// Waivers applies waivers (see package scoring): a valid waiver turns a criterion's finding into
// waived; an expired one is ignored and listed as stale in the report.
func Waivers(w ...scoring.Waiver) Option {
	return optionFunc(func(c *config) { c.waivers = append(c.waivers, w...) })
}

// WaiverFile reads waivers from a JSON file {"waivers":[{criterion, reason, approved_by,
// expires}]} when the run starts.
func WaiverFile(path string) Option {
	return optionFunc(func(c *config) { c.waiverFiles = append(c.waiverFiles, path) })
}

// EvidenceFile reads attestations for the attested criteria from path (see [Attestations]);
// it overrides Target.Evidence.
func EvidenceFile(path string) Option {
	return optionFunc(func(c *config) { c.evidence = path })
}

// Parallel keeps at most n requests in flight to the portal and the fakes together (default
// DefaultParallel, 8): the scan's politeness bound. Checks run 4n at once, since most of a
// check's time is spent waiting for answers or for pages other checks fetch (Parallel(1) runs
// them one after another); exclusive checks always run alone. See [MaxConnsPerHost] for the
// connections, and check.Session ("Politeness") for the TLS probes and the back-off on 429 and
// 503.
func Parallel(n int) Option {
	return positive("Parallel", n, func(c *config) {
		c.parallel = n
		c.Config.MaxInFlight = n
	})
}

// MaxConnsPerHost bounds the connections the scan opens to one host for its requests (default
// check.DefaultMaxConnsPerHost, 6, as browsers do); TLS probes, at most 2 at a time, have
// connections of their own.
func MaxConnsPerHost(n int) Option {
	return positive("MaxConnsPerHost", n, func(c *config) { c.Config.MaxConnsPerHost = n })
}

// CheckTimeout bounds each check (default DefaultCheckTimeout). A check's context is cancelled
// at the deadline; a check that ignores its context is abandoned shortly after with an error
// finding.
func CheckTimeout(d time.Duration) Option {
	return positive("CheckTimeout", d, func(c *config) { c.checkTimeout = d })
}

// RequestTimeout bounds each request to the portal, connection, headers and body included
// (default 10s).
func RequestTimeout(d time.Duration) Option {
	return positive("RequestTimeout", d, func(c *config) { c.RequestTimeout = d })
}

// Limits sets the probe's bounds: the maximum body size after decompression, header size and
// redirect chain length. Zero leaves a bound at its default (4 MiB, 64 KiB, 10).
func Limits(maxBody, maxHeader int64, maxRedirects int) Option {
	return optionFunc(func(c *config) {
		if maxBody < 0 || maxHeader < 0 || maxRedirects < 0 {
			c.errs = append(c.errs, fmt.Errorf("Limits(%d, %d, %d): bounds cannot be negative", maxBody, maxHeader, maxRedirects))
			return
		}
		if maxBody > 0 {
			c.MaxBodyBytes = maxBody
		}
		if maxHeader > 0 {
			c.MaxHeaderBytes = maxHeader
		}
		if maxRedirects > 0 {
			c.MaxRedirects = maxRedirects
		}
	})
}

// MaxRequests bounds how many requests the run sends (default 5000).
func MaxRequests(n int) Option {
	return positive("MaxRequests", n, func(c *config) { c.Config.MaxRequests = n })
}

// Active enables active checks: those that send requests other than GET and HEAD or bursts of
// requests (rate-limit probing, dossier submissions). Off by default; enable it only against a
// portal you are allowed to test that way.
func Active() Option {
	return optionFunc(func(c *config) { c.Config.Active = true })
}

// Deep makes probing checks send their full lists: P06-SEC-13 probes every dump and archive
// name it knows (47 paths on a portal reached by IP address, 65 to 69 with a host name)
// instead of the standard depth's highest-yield 8 to 13. Off by default, so that a scan stays
// short on a slow network; a standard-depth pass says how many more paths Deep would probe, and
// the report's traffic line records the depth used.
func Deep() Option {
	return optionFunc(func(c *config) { c.Config.Deep = true })
}

// AllowHosts widens the scan's scope to these hosts besides the target's origin: redirects,
// links and forms may lead there. A host:port allows that port only; a bare host allows all
// of its ports. Everything else is refused unsent (see check.ErrOutOfScope).
func AllowHosts(hosts ...string) Option {
	return optionFunc(func(c *config) { c.AllowedHosts = append(c.AllowedHosts, hosts...) })
}

// Lang sets the language of messages and failure text: "vi" (default) or "en".
func Lang(lang string) Option {
	return optionFunc(func(c *config) {
		switch lang {
		case "vi", "en":
			c.Config.Lang = lang
		default:
			c.errs = append(c.errs, fmt.Errorf("Lang(%q): must be \"vi\" or \"en\"", lang))
		}
	})
}

// UserAgent sets the User-Agent the probe sends.
func UserAgent(ua string) Option {
	return optionFunc(func(c *config) { c.Config.UserAgent = ua })
}

// Checks adds custom checks; a custom check replaces the built-in check of the same criterion.
// Each must name a criterion of the catalogue and have a Run function.
func Checks(checks ...check.Check) Option {
	return optionFunc(func(c *config) { c.checks = append(c.checks, checks...) })
}

// NoBuiltin runs only the checks given with Checks: criteria without one are not_tested. For
// catalogues of your own, and to test checks in isolation.
func NoBuiltin() Option {
	return optionFunc(func(c *config) { c.noBuiltin = true })
}

// Grading grades the report with bands instead of the default Decision 766 scheme, e.g.
// scoring.Decision473.
func Grading(bands scoring.Bands) Option {
	return optionFunc(func(c *config) {
		if err := bands.Validate(); err != nil {
			c.errs = append(c.errs, fmt.Errorf("Grading: %w", err))
			return
		}
		c.bands = &bands
	})
}

// Observe calls f with the finding of each check that runs, as soon as the check completes
// (before scoring, so before waivers apply), for progress display. Findings decided without a
// check (skipped, not selected, attested, computed) are not observed. Calls are serialised; a
// panicking f is ignored.
func Observe(f func(scoring.Finding)) Option {
	return optionFunc(func(c *config) { c.observe = f })
}

// clock replaces the run's clock (tests).
func clock(now func() time.Time) Option {
	return optionFunc(func(c *config) { c.now = now })
}

// newConfig applies the options and validates them against the catalogue; it returns one
// error listing every problem.
func newConfig(target Target, opts []Option) (*config, error) {
	c := &config{parallel: DefaultParallel, checkTimeout: DefaultCheckTimeout, now: time.Now}
	c.Config.MaxInFlight = DefaultParallel
	for _, o := range opts {
		if o == nil {
			c.errs = append(c.errs, errors.New("nil option"))
			continue
		}
		o.apply(c)
	}
	if c.cat == nil {
		cat, err := criteria.Builtin(criteria.P06TechnicalID)
		if err != nil {
			c.errs = append(c.errs, fmt.Errorf("loading the built-in catalogue: %w", err))
		}
		c.cat = cat
	}
	c.Config = c.Config.WithDefaults()
	if c.cat != nil {
		c.validate(target)
	}
	if len(c.errs) > 0 {
		return nil, fmt.Errorf("harness: invalid configuration: %w", errors.Join(c.errs...))
	}
	return c, nil
}

func (c *config) validate(target Target) {
	if target.BaseURL == "" {
		c.errs = append(c.errs, errors.New("Target.BaseURL is empty"))
	}
	for _, s := range c.only {
		if len(c.cat.Select(criteria.ByName(s))) == 0 {
			c.errs = append(c.errs, fmt.Errorf("Only(%q): no criterion ID, group or tag of catalogue %s matches%s", s, c.cat.ID, suggest.Hint(s, c.cat.Names())))
		}
	}
	for id := range c.skips {
		if _, ok := c.cat.Criterion(id); !ok {
			c.errs = append(c.errs, fmt.Errorf("Skip(%q): no such criterion in catalogue %s", id, c.cat.ID))
		}
	}
	seen := map[string]bool{}
	for i, ch := range c.checks {
		switch {
		case ch.ID == "":
			c.errs = append(c.errs, fmt.Errorf("Checks: check %d has no criterion ID", i))
		case ch.Run == nil:
			c.errs = append(c.errs, fmt.Errorf("Checks: check %s has no Run function", ch.ID))
		case seen[ch.ID]:
			c.errs = append(c.errs, fmt.Errorf("Checks: two custom checks for %s", ch.ID))
		default:
			if cr, ok := c.cat.Criterion(ch.ID); !ok {
				c.errs = append(c.errs, fmt.Errorf("Checks: %s is not a criterion of catalogue %s", ch.ID, c.cat.ID))
			} else if cr.Method == criteria.Attested || cr.Method == criteria.Computed {
				c.errs = append(c.errs, fmt.Errorf("Checks: %s is %s, not assessed by a check", ch.ID, cr.Method))
			}
		}
		seen[ch.ID] = true
	}
	for _, p := range c.waiverFiles {
		ws, err := readWaiverFile(p)
		if err != nil {
			c.errs = append(c.errs, err)
			continue
		}
		c.waivers = append(c.waivers, ws...)
	}
	for i, w := range c.waivers {
		if _, ok := c.cat.Criterion(w.Criterion); !ok {
			c.errs = append(c.errs, fmt.Errorf("waiver %d: no criterion %q in catalogue %s", i, w.Criterion, c.cat.ID))
		}
		if _, err := time.Parse(time.DateOnly, w.Expires); err != nil {
			c.errs = append(c.errs, fmt.Errorf("waiver %d (%s): expires %q is not a date YYYY-MM-DD", i, w.Criterion, w.Expires))
		}
	}
	if c.evidence == "" {
		c.evidence = target.Evidence
	}
}

// selected reports whether the Only options select cr.
func (c *config) selected(cr *criteria.Criterion) bool {
	if len(c.only) == 0 {
		return true
	}
	for _, s := range c.only {
		if criteria.ByName(s)(cr) {
			return true
		}
	}
	return false
}

func readWaiverFile(path string) ([]scoring.Waiver, error) {
	b, err := safefile.ReadFile(path, maxWaiverFile)
	if err != nil {
		return nil, fmt.Errorf("waiver file: %w", err)
	}
	ws, err := scoring.DecodeWaivers(b)
	if err != nil {
		return nil, fmt.Errorf("waiver file %s: %w", path, err)
	}
	return ws, nil
}

// maxWaiverFile bounds a waivers file: a few entries a person wrote.
const maxWaiverFile = 16 << 20

// jsonErr says where in b a decoding error happened, as line and column; an empty or truncated
// document says so.
func jsonErr(b []byte, err error) string {
	return safefile.JSONError(b, err).Error()
}

// checksAtOnce is how many non-exclusive checks run at once (see Parallel).
func (c *config) checksAtOnce() int {
	if c.parallel <= 1 {
		return 1
	}
	return 4 * c.parallel
}

// positive is the option name(v) that applies set, or records an error when v, a count or a
// duration, is not above zero.
func positive[T int | time.Duration](name string, v T, set func(c *config)) Option {
	return optionFunc(func(c *config) {
		if v > 0 {
			set(c)
			return
		}
		if d, ok := any(v).(time.Duration); ok {
			c.errs = append(c.errs, fmt.Errorf("%s(%s): must be positive", name, d))
		} else {
			c.errs = append(c.errs, fmt.Errorf("%s(%d): must be at least 1", name, v))
		}
	})
}
