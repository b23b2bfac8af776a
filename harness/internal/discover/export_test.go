package discover

import "github.com/p06kit/p06kit/harness/check"

// Scan runs the scan of one page by a fresh discovery of s whose look-up page is lookupPg, and
// returns the fields it found and the pages it queued (for the fuzz test).
func Scan(s *check.Session, lookupPg string, pg *check.Page) (found map[string]string, queue []string) {
	d := &discovery{s: s, r: &Found{Resolved: &check.Resolved{Sources: map[string]string{}}}, found: map[string]string{}, visited: map[string]bool{}, queued: map[string]bool{}}
	d.lookupPg = lookupPg
	d.scan(pg)
	return d.found, d.queue
}
