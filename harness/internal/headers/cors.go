package headers

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/pagejudge"
	"github.com/p06kit/p06kit/harness/msg"
)

// probeOrigin is the foreign origin the CORS probe claims to come from.
const probeOrigin = "https://p06kit-cors-probe.example"

func notFoundPath() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return "/p06kit-no-such-page-" + hex.EncodeToString(b[:])
}

// notFoundKey is the key of the session's not-found path in its memo.
type notFoundKey struct{}

// NotFoundPath returns the session's path that cannot exist on the portal, random and the same
// for every check of the session: the checks that need the portal's answer to a missing page
// (P06-SEC-12 its error page's signature, P06-SEC-13 its not-found baseline, P06-SEC-14 a forced
// 404) fetch it with Session.Get and share one request through the session's cache.
func NotFoundPath(s *check.Session) string {
	return s.Memo(notFoundKey{}, func() any { return notFoundPath() }).(string)
}

// checkCORS judges P06-SEC-18: a GET with a foreign Origin (and one with Origin: null) must not
// be answered with that origin, or a wildcard, together with Access-Control-Allow-Credentials:
// true, which would let any site read a logged-in citizen's pages. The HTTP Observatory fails
// the reflected origin; it passes "*" with credentials (browsers refuse that combination), which
// the criterion, "no CORS wildcard with credentials", still counts as a failure.
func checkCORS(ctx context.Context, s *check.Session) check.Result {
	urls := CitizenPages(ctx, s)
	if prof, err := s.Profile(ctx); err == nil && prof != nil && prof.ProceduresJSON != "" {
		if abs, err := s.Resolve(prof.ProceduresJSON); err == nil {
			urls = append(urls, abs)
		}
	}
	var tally pagejudge.Tally
	var errs []msg.Phrase
	// Sent side by side, judged in order.
	origins := []string{probeOrigin, "null"}
	type answer struct {
		r   *check.Response
		err error
	}
	answers := make([]answer, len(urls)*len(origins))
	s.Each(ctx, len(answers), func(i int) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, urls[i/len(origins)], nil)
		if err != nil {
			return
		}
		req.Header.Set("Origin", origins[i%len(origins)])
		r, err := s.Do(ctx, req)
		answers[i] = answer{r, err}
	})
	for ui, u := range urls {
		for oi, origin := range origins {
			a := answers[ui*len(origins)+oi]
			if a.r == nil && a.err == nil {
				continue // the request could not be built
			}
			if a.err != nil {
				errs = append(errs, msg.P(msg.Verbatim, a.err))
				continue
			}
			r := a.r
			tally.Read++
			acao := strings.TrimSpace(r.Header.Get("Access-Control-Allow-Origin"))
			acac := strings.EqualFold(strings.TrimSpace(r.Header.Get("Access-Control-Allow-Credentials")), "true")
			if acao == "" || !acac {
				continue
			}
			var why msg.Phrase
			switch {
			case acao == "*":
				why = msg.P(mCORSWildcard, check.Redact(u))
			case acao == origin:
				why = msg.P(mCORSReflects, check.Redact(u), origin)
			default:
				continue
			}
			e := r.Evidence("Access-Control-Allow-Origin", "Access-Control-Allow-Credentials")
			e = e.Noted(mNoteOrigin, origin)
			tally.Record(u, why, e)
		}
	}
	return tally.Finding(pagejudge.TallyTexts{
		NoneRead: msg.P(mCORSNoneRead, msg.List{Items: errs}), Fail: mCORSFail,
		Pass: mCORSPass, PassGot: msg.P(mCORSPassGot), Want: msg.P(mCORSWant),
	})
}
