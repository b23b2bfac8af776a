package ux

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"sync"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/pagejudge"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/scoring"
)

// The timing sample: ttfbPages pages (home, catalogue, login, look-up, … and the configured
// samples), ttfbRuns samples each: the GETs the session sent the page, whichever check sent them,
// and fresh requests for the rest. Three runs a page is WebPageTest's default. The 95th
// percentile (nearest rank) is taken over all 24 samples: the second slowest, so one slow answer
// does not fail a portal and two do. Five runs a page (until December 2026: 40 samples, the third
// slowest) cost a scan up to 16 more requests, about 3 round trips at real network latency.
const (
	ttfbPages   = 8
	ttfbRuns    = 3
	defaultTTFB = 1000 * time.Millisecond
)

// percentile returns the p-th percentile (0 < p ≤ 1) of ds by the nearest-rank method.
func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	rank := int(p*float64(len(s)) + 0.999999999)
	if rank < 1 {
		rank = 1
	}
	if rank > len(s) {
		rank = len(s)
	}
	return s[rank-1]
}

// countOwn counts the samples of ds that are among own, the times of the check's own requests
// (matched by value: the times are to the nanosecond).
func countOwn(ds, own []time.Duration) int {
	left := map[time.Duration]int{}
	for _, d := range own {
		left[d]++
	}
	n := 0
	for _, d := range ds {
		if left[d] > 0 {
			left[d]--
			n++
		}
	}
	return n
}

func ms(d time.Duration) string { return fmt.Sprintf("%d ms", d.Milliseconds()) }

// ttfbCheck is P06-UX-07: the 95th percentile of time to first byte over the sampled pages,
// ttfbRuns samples each (the GETs the session sent the page, whichever check sent them, and as many fresh
// requests not from the session's cache, with Cache-Control: no-cache, as are still missing), is
// within the profile's budget (default 1000 ms). The evidence says how many samples each kind
// gave.
func ttfbCheck(ctx context.Context, s *check.Session) check.Result {
	r, sp, err := samplePages(ctx, s, min(ttfbPages, s.Config().MaxPages))
	if err != nil {
		return check.FromError(msg.P(mStepProfile), err)
	}
	budget := defaultTTFB
	if r.Budgets.TTFBp95Ms > 0 {
		budget = time.Duration(r.Budgets.TTFBp95Ms) * time.Millisecond
	}
	// The pages that answered 200 with HTML on the portal's host, and the configured samples.
	var pages []string
	seen := map[string]bool{}
	for _, pg := range sp.Pages {
		if !seen[pg.URL] {
			seen[pg.URL] = true
			pages = append(pages, pg.URL)
		}
	}
	for _, extra := range r.Samples {
		if abs, err := s.Resolve(extra); err == nil && !seen[abs] && len(pages) < s.Config().MaxPages {
			seen[abs] = true
			pages = append(pages, abs)
		}
	}
	skip := sp.NotJudged()
	type pageStat struct {
		url    string
		ds     []time.Duration
		others int // samples that are GETs other checks sent the page
		err    error
		p95    time.Duration
	}
	// The pages are timed side by side, each page's samples one after another (so that a
	// page's samples do not compete with each other); the session's request slots bound the
	// load on the portal, and a sample's time is the portal's answer time only (Response.TTFB).
	stats := make([]pageStat, len(pages))
	var wg sync.WaitGroup
	for i, u := range pages {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st := pageStat{url: u}
			// The GETs the session sent this page count (the fetch that read it, other checks'
			// probes, this check's own samples): each is a full answer of the portal, timed the
			// same way. The record is read again before each new sample, so that a GET another
			// check sends the page meanwhile spares one.
			before := s.Timings(u)
			var own []time.Duration
			for len(before)+len(own) < ttfbRuns {
				if len(s.Timings(u)) >= ttfbRuns {
					break
				}
				req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
				if err != nil {
					st.err = err
					break
				}
				req.Header.Set("Cache-Control", "no-cache")
				resp, err := s.Do(ctx, req)
				if err != nil {
					st.err = err
					break
				}
				own = append(own, resp.TTFB)
			}
			if rec := s.Timings(u); len(rec) >= ttfbRuns {
				st.ds = rec[:ttfbRuns]
			} else {
				// This check's samples the session did not record (an answer other than 200).
				st.ds = append(before, own...)
				st.ds = st.ds[:min(len(st.ds), ttfbRuns)]
			}
			st.others = len(st.ds) - countOwn(st.ds, own)
			st.p95 = percentile(st.ds, 0.95)
			stats[i] = st
		}()
	}
	wg.Wait()
	var all []time.Duration
	others := 0
	for _, st := range stats {
		if st.err != nil {
			return check.FromError(msg.P(mStepTiming, check.Redact(st.url)), st.err)
		}
		all = append(all, st.ds...)
		others += st.others
	}
	if len(all) == 0 {
		return check.Error(mTTFBNone, skip)
	}
	sort.Slice(stats, func(i, j int) bool { return stats[i].p95 > stats[j].p95 })
	p95 := percentile(all, 0.95)
	var slow []string
	for _, st := range stats {
		if st.p95 > budget {
			slow = append(slow, fmt.Sprintf("%s p95 %s", check.Redact(st.url), ms(st.p95)))
		}
	}
	ev := scoring.Evidence{Request: "GET " + check.Redact(stats[0].url)}.Noted(mTTFBNote,
		len(all), len(pages), len(all)-others, others, ms(percentile(all, 0.5)), ms(p95), ms(percentile(all, 1)), check.Redact(stats[0].url), ms(stats[0].p95))
	got, want := "p95 TTFB "+ms(p95), "≤ "+ms(budget)
	if p95 > budget {
		return check.Fail(mTTFBFail, ms(p95), len(all), len(pages), ms(budget), pagejudge.Data(slow), skip).
			At(stats[0].url).With(ev).GotWant(got, want)
	}
	return check.Pass(mTTFBPass, ms(p95), len(all), len(pages), ms(budget), skip).With(ev).GotWant(got, want)
}
