package pagejudge

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/checktest"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/scoring"
)

func page(u string) *check.Page {
	return &check.Page{Response: &check.Response{Method: "GET", URL: u, FinalURL: u, StatusCode: 200, Header: http.Header{}}}
}

var (
	mTestPass   = msg.New("pagejudgetest.pass", "all %d pages good%s", "cả %d trang tốt%s")
	mTestFail   = msg.New("pagejudgetest.fail", "%d of %d pages bad: %s%s", "%d/%d trang xấu: %s%s")
	mTestGot    = msg.New("pagejudgetest.got", "%d bad pages", "%d trang xấu")
	mTestWant   = msg.New("pagejudgetest.want", "good pages", "trang tốt")
	mTestBad    = msg.New("pagejudgetest.bad", "is bad", "xấu")
	mTestBadGot = msg.New("pagejudgetest.bad.got", "badness", "sự xấu")

	texts = Texts{Pass: mTestPass, Fail: mTestFail, Want: msg.P(mTestWant)}
)

// bad fails the pages whose URL ends in "bad".
func bad(p *check.Page) Verdict {
	if strings.HasSuffix(p.URL, "bad") {
		return Verdict{Fault: msg.P(mTestBad), Got: msg.P(mTestBadGot), Excerpt: "<bad>"}
	}
	return Verdict{Note: msg.P(msg.Verbatim, "fine")}
}

func TestNoPageReadIsAnError(t *testing.T) {
	for _, set := range []Set{{}, {Unread: []msg.Phrase{Datum("https://p.example/a (status 404, text/html)")}}} {
		r := set.Judge(Options{}, bad).Finding(texts)
		if r.Status != scoring.Error || !strings.Contains(r.Message, "no page could be read") {
			t.Errorf("%+v: got %s %q, want an error saying no page could be read", set, r.Status, r.Message)
		}
		if len(set.Unread) == 0 {
			checktest.Says(t, r, mEmpty)
		} else {
			checktest.Says(t, r, mNoneRead, Phrases(set.Unread))
		}
		for _, u := range set.Unread {
			checktest.Contains(t, r.Message, u.Render(msg.EN))
			checktest.Contains(t, r.MessageVI, "không đọc được trang nào: "+u.Render(msg.VI))
		}
	}
}

func TestPassOnPagesReadNamesUnread(t *testing.T) {
	set := Set{Pages: []*check.Page{page("https://p.example/"), page("https://p.example/x")}, Unread: []msg.Phrase{Datum("https://p.example/sso (the login entry redirects to https://sso.example/)")}}
	r := set.Judge(Options{}, bad).Finding(texts)
	checktest.Says(t, r, mTestPass, 2, set.NotJudged())
	if r.Status != scoring.Pass || !strings.HasPrefix(r.Message, "all 2 pages good (1 page(s) not judged: https://p.example/sso") {
		t.Errorf("got %s %q", r.Status, r.Message)
	}
	checktest.Contains(t, r.MessageVI, "cả 2 trang tốt (1 trang không kiểm tra được: https://p.example/sso")
	if len(r.Evidence) != 0 {
		t.Errorf("a pass keeps no evidence unless AllEvidence: %+v", r.Evidence)
	}
	r = set.Judge(Options{AllEvidence: true}, bad).Finding(texts)
	if len(r.Evidence) != 2 || r.Evidence[0].Note != "fine" {
		t.Errorf("AllEvidence: got %+v, want both pages noted", r.Evidence)
	}
	set.Unread = nil
	if r := set.Judge(Options{}, bad).Finding(texts); r.Message != "all 2 pages good" || r.MessageVI != "cả 2 trang tốt" {
		t.Errorf("every page read: got %q, %q, want no note on pages not judged", r.Message, r.MessageVI)
	}
}

func TestFailNamesFailingPagesAndBoundsEvidence(t *testing.T) {
	var set Set
	set.Pages = append(set.Pages, page("https://p.example/ok"))
	for i := 0; i < MaxListed+3; i++ {
		set.Pages = append(set.Pages, page(fmt.Sprintf("https://p.example/%d/bad", i)))
	}
	r := set.Judge(Options{}, bad).Finding(texts)
	n := MaxListed + 3
	if r.MsgID != mTestFail.ID() || len(r.Args) != 4 || r.Args[0] != n || r.Args[1] != n+1 {
		t.Errorf("got message %s with %v, want %s with %d failing of %d", r.MsgID, r.Args, mTestFail.ID(), n, n+1)
	}
	if r.Status != scoring.Fail || !strings.HasPrefix(r.Message, fmt.Sprintf("%d of %d pages bad: https://p.example/0/bad: is bad", n, n+1)) ||
		!strings.Contains(r.Message, "; and 3") {
		t.Errorf("got %s %q", r.Status, r.Message)
	}
	if !strings.HasPrefix(r.MessageVI, fmt.Sprintf("%d/%d trang xấu: https://p.example/0/bad: xấu", n, n+1)) || !strings.Contains(r.MessageVI, "; và 3") {
		t.Errorf("Vietnamese message %q", r.MessageVI)
	}
	if r.URL != "https://p.example/0/bad" || r.Got != "badness" || r.Want != "good pages" || r.GotVI != "sự xấu" || r.WantVI != "trang tốt" {
		t.Errorf("got URL %q, got %q (%q) want %q (%q)", r.URL, r.Got, r.GotVI, r.Want, r.WantVI)
	}
	if len(r.Evidence) != MaxListed || r.Evidence[0].Note != "is bad" || r.Evidence[0].NoteVI != "xấu" || r.Evidence[0].Excerpt != "<bad>" {
		t.Errorf("evidence: got %d items (%+v), want %d of the failing pages", len(r.Evidence), r.Evidence[0], MaxListed)
	}
	m := texts
	m.Got = mTestGot
	if r := set.Judge(Options{}, bad).Finding(m); r.Got != fmt.Sprintf("%d bad pages", n) || r.GotVI != fmt.Sprintf("%d trang xấu", n) {
		t.Errorf("Texts.Got: got %q, %q", r.Got, r.GotVI)
	}
}

// TestTally's messages, declared once (go test -count=N runs the test again).
var (
	mNone    = msg.New("pagejudgetest.tally.none", "nothing read", "không đọc được")
	mLeaks   = msg.New("pagejudgetest.tally.fail", "leaks: %s", "rò rỉ: %s")
	mCounted = msg.New("pagejudgetest.tally.counted", "%d leaks: %s", "%d chỗ rò rỉ: %s")
	mClean   = msg.New("pagejudgetest.tally.pass", "%d probes clean", "%d yêu cầu sạch")
	mCleanG  = msg.New("pagejudgetest.tally.pass.got", "clean", "sạch")
	mNoLeaks = msg.New("pagejudgetest.tally.want", "no leaks", "không rò rỉ")
	mLeak    = msg.New("pagejudgetest.tally.leak", "%s leaks", "%s rò rỉ")
)

func TestTally(t *testing.T) {
	m := TallyTexts{NoneRead: msg.P(mNone), Fail: mLeaks, Pass: mClean, PassGot: msg.P(mCleanG), Want: msg.P(mNoLeaks)}
	var none Tally
	if r := none.Finding(m); r.Status != scoring.Error || r.Message != "nothing read" || r.MsgID != mNone.ID() {
		t.Errorf("nothing read: got %s %q", r.Status, r.Message)
	}
	clean := Tally{Read: 3}
	r := clean.Finding(m)
	checktest.Says(t, r, mClean, 3)
	if r.Status != scoring.Pass || r.Message != "3 probes clean" || r.Got != "clean" || r.GotVI != "sạch" || r.WantVI != "không rò rỉ" {
		t.Errorf("clean: got %s %q got=%q", r.Status, r.Message, r.Got)
	}
	leaky := Tally{Read: 3}
	leaky.Record("https://p.example/a", msg.P(mLeak, "a"), scoring.Evidence{Note: "a"})
	leaky.Record("https://p.example/b", msg.P(mLeak, "b"))
	r = leaky.Finding(m)
	checktest.Says(t, r, mLeaks, msg.List{Items: leaky.Things})
	if r.Status != scoring.Fail || r.Message != "leaks: a leaks; b leaks" || r.MessageVI != "rò rỉ: a rò rỉ; b rò rỉ" ||
		r.URL != "https://p.example/a" || len(r.Evidence) != 1 || r.Got != "a leaks; b leaks" || r.GotVI != "a rò rỉ; b rò rỉ" {
		t.Errorf("leaky: got %+v", r)
	}
	m.Sep, m.Counted = " | ", mCounted
	if r := leaky.Finding(m); r.Message != "2 leaks: a leaks | b leaks" || r.MessageVI != "2 chỗ rò rỉ: a rò rỉ | b rò rỉ" {
		t.Errorf("counted, with a separator: got %q, %q", r.Message, r.MessageVI)
	}
}

// A profile that cannot be resolved is an error naming the step in the report's language.
func TestOnProfileStepInVietnamese(t *testing.T) {
	s := checktest.FailingSession(check.Target{}, check.Config{}, fmt.Errorf("GET /: %w", check.ErrTimeout))
	judged := false
	r := OnProfile(func(context.Context, *check.Session, *check.Resolved) check.Result {
		judged = true
		return check.Result{}
	})(context.Background(), s)
	if judged || r.Status != scoring.Error || !strings.HasPrefix(r.Message, "resolving the portal profile: GET /") {
		t.Errorf("judged %v, %s: %s", judged, r.Status, r.Message)
	}
	checktest.SaysStep(t, r, mStepProfile)
}
