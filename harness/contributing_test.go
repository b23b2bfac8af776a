package harness_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness"
	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/scoring"
)

// The walk of CONTRIBUTING.md ("Adding a criterion"), done on a copy of the built-in catalogue
// through the public API only: 1. the catalogue entry, 2. its check, 3. its test vectors.

// Step 1: the catalogue entry. A derived control, so its basis says "derived" and why.
const walkEntry = `{
  "id": "P06-SEC-90",
  "group": "security",
  "title": {"vi": "Có tiêu đề Permissions-Policy", "en": "A Permissions-Policy header is sent"},
  "requirement": {"vi": "Trang chủ gửi tiêu đề Permissions-Policy.", "en": "The home page sends a Permissions-Policy header."},
  "advice": {"vi": "Thêm: add_header Permissions-Policy \"camera=(), microphone=()\" always;", "en": "Add: add_header Permissions-Policy \"camera=(), microphone=()\" always;"},
  "level": "recommended",
  "points": 1,
  "critical": false,
  "method": "automated",
  "basis": [{"document": "W3C Permissions Policy", "kind": "derived", "reliability": "P",
    "note": "A browser feature, not a Vietnamese legal requirement: an example of a derived control."}],
  "scope": ["ministry", "province", "commune"],
  "effective_from": "2022-04-26",
  "tags": ["headers"]
}`

// walkCatalogue is the built-in p06-technical catalogue with entry appended, loaded (and so
// validated) as any catalogue file is.
func walkCatalogue(t *testing.T, entry string) (*criteria.Catalogue, error) {
	t.Helper()
	raw, err := criteria.BuiltinJSON(criteria.P06TechnicalID)
	require.NoError(t, err)
	var doc map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(raw, &doc))
	var crits []json.RawMessage
	require.NoError(t, json.Unmarshal(doc["criteria"], &crits))
	crits = append(crits, json.RawMessage(entry))
	doc["criteria"], err = json.Marshal(crits)
	require.NoError(t, err)
	out, err := json.Marshal(doc)
	require.NoError(t, err)
	return criteria.Load(bytes.NewReader(out))
}

// Step 2: the check. It judges what it saw, and says where it could not see.
// The check's messages, in the catalogue (package msg): an ID, the English and the Vietnamese text.
var (
	mPolicySent   = msg.New("contrib.permissions-policy.sent", "Permissions-Policy: %s", "có Permissions-Policy: %s")
	mPolicyAbsent = msg.New("contrib.permissions-policy.absent", "no Permissions-Policy header", "thiếu tiêu đề Permissions-Policy")
	mAbsent       = msg.New("contrib.permissions-policy.got", "(absent)", "(không có)")
	mWantHeader   = msg.New("contrib.permissions-policy.want", "a Permissions-Policy header", "có tiêu đề Permissions-Policy")
)

var permissionsPolicy = check.Check{ID: "P06-SEC-90", Run: func(ctx context.Context, s *check.Session) check.Result {
	resp, err := s.Get(ctx, "/")
	if err != nil {
		return check.FromError("fetching the home page", err)
	}
	if v := resp.Header.Get("Permissions-Policy"); v != "" {
		return check.Pass(mPolicySent, v).At(s.Base().String())
	}
	return check.Fail(mPolicyAbsent).Saw(msg.P(mAbsent), msg.P(mWantHeader)).At(s.Base().String())
}}

func TestContributingWalk(t *testing.T) {
	cat, err := walkCatalogue(t, walkEntry)
	require.NoError(t, err, "the new entry is a valid catalogue entry")
	cr, ok := cat.Criterion("P06-SEC-90")
	require.True(t, ok)
	assert.Equal(t, criteria.Derived, cr.Basis[0].Kind)

	portal := func(header string) string {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if header != "" {
				w.Header().Set("Permissions-Policy", header)
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write([]byte(`<!doctype html><html lang="vi"><title>Cổng dịch vụ công</title></html>`))
		}))
		t.Cleanup(srv.Close)
		return srv.URL
	}
	// A port nothing listens on: the engine refuses to judge a target it cannot reach at all,
	// rather than reporting every criterion failed.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	closed := "http://" + ln.Addr().String() + "/"
	require.NoError(t, ln.Close())

	cases := []struct {
		name   string
		url    string
		status scoring.Status
		says   msg.Text
		en, vi string
	}{
		{"header sent", portal("camera=(), microphone=()"), scoring.Pass, mPolicySent, "Permissions-Policy: camera=()", "có Permissions-Policy: camera=()"},
		{"header absent", portal(""), scoring.Fail, mPolicyAbsent, "no Permissions-Policy header", "thiếu tiêu đề Permissions-Policy"},
	}
	_, err = harness.Check(t.Context(), harness.Target{BaseURL: closed},
		harness.Catalogue(cat), harness.Checks(permissionsPolicy), harness.Only("P06-SEC-90"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "unreachable")

	for _, tc := range cases {
		for lang, want := range map[string]string{"en": tc.en, "vi": tc.vi} {
			t.Run(tc.name+"/"+lang, func(t *testing.T) {
				r, err := harness.Check(t.Context(), harness.Target{BaseURL: tc.url},
					harness.Catalogue(cat), harness.Checks(permissionsPolicy), harness.Only("P06-SEC-90"), harness.Lang(lang))
				require.NoError(t, err)
				var f *scoring.Finding
				for i := range r.Findings {
					if r.Findings[i].Criterion == "P06-SEC-90" {
						f = &r.Findings[i]
					}
				}
				require.NotNil(t, f, "the report has a finding for the new criterion")
				assert.Equal(t, tc.status, f.Status, f.Message)
				assert.Equal(t, tc.says.ID(), f.MessageID, "the finding names its message, whatever the language")
				assert.Contains(t, f.Message, want)
				if tc.status == scoring.Fail {
					assert.Equal(t, mAbsent.Render(lang), f.Got)
					assert.Equal(t, mWantHeader.Render(lang), f.Want)
				}
			})
		}
	}
}

// An entry that breaks the catalogue's rules is refused with a message saying where: here a
// criterion with no legal basis.
func TestContributingWalkRefusesEntryWithoutBasis(t *testing.T) {
	bad := strings.Replace(walkEntry, `"basis": [{"document": "W3C Permissions Policy", "kind": "derived", "reliability": "P",
    "note": "A browser feature, not a Vietnamese legal requirement: an example of a derived control."}],`, `"basis": [],`, 1)
	require.NotEqual(t, walkEntry, bad)
	_, err := walkCatalogue(t, bad)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "basis: must not be empty")
}
