package pagejudge

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/scoring"
)

func page(u string) *check.Page {
	return &check.Page{Response: &check.Response{Method: "GET", URL: u, FinalURL: u, StatusCode: 200, Header: http.Header{}}}
}

var msgs = Messages{
	Pass: "all %d pages good", PassVI: "cả %d trang tốt",
	Fail: "%d of %d pages bad: %s", FailVI: "%d/%d trang xấu: %s",
	Want: "good pages",
}

// bad fails the pages whose URL ends in "bad".
func bad(p *check.Page) Verdict {
	if strings.HasSuffix(p.URL, "bad") {
		return Verdict{Problem: "is bad", Got: "badness", Excerpt: "<bad>"}
	}
	return Verdict{Note: "fine"}
}

func TestNoPageReadIsAnError(t *testing.T) {
	for _, set := range []Set{{}, {Unread: []string{"https://p.example/a (status 404, text/html)"}}} {
		r := set.Judge(Options{}, bad).Result(msgs)
		if r.Status != scoring.Error || !strings.Contains(r.Message, "no page could be read") {
			t.Errorf("%+v: got %s %q, want an error saying no page could be read", set, r.Status, r.Message)
		}
		for _, u := range set.Unread {
			if !strings.Contains(r.Message, u) {
				t.Errorf("the error does not name the unread page %q: %q", u, r.Message)
			}
		}
	}
}

func TestPassOnPagesReadNamesUnread(t *testing.T) {
	set := Set{Pages: []*check.Page{page("https://p.example/"), page("https://p.example/x")}, Unread: []string{"https://p.example/sso (the login entry redirects to https://sso.example/)"}}
	r := set.Judge(Options{}, bad).Result(msgs)
	if r.Status != scoring.Pass || !strings.HasPrefix(r.Message, "all 2 pages good (1 page(s) not judged: https://p.example/sso") {
		t.Errorf("got %s %q", r.Status, r.Message)
	}
	if len(r.Evidence) != 0 {
		t.Errorf("a pass keeps no evidence unless AllEvidence: %+v", r.Evidence)
	}
	r = set.Judge(Options{AllEvidence: true}, bad).Result(msgs)
	if len(r.Evidence) != 2 || r.Evidence[0].Note != "fine" {
		t.Errorf("AllEvidence: got %+v, want both pages noted", r.Evidence)
	}
}

func TestFailNamesFailingPagesAndBoundsEvidence(t *testing.T) {
	var set Set
	set.Pages = append(set.Pages, page("https://p.example/ok"))
	for i := 0; i < MaxListed+3; i++ {
		set.Pages = append(set.Pages, page(fmt.Sprintf("https://p.example/%d/bad", i)))
	}
	r := set.Judge(Options{}, bad).Result(msgs)
	n := MaxListed + 3
	if r.Status != scoring.Fail || !strings.HasPrefix(r.Message, fmt.Sprintf("%d of %d pages bad: https://p.example/0/bad: is bad", n, n+1)) ||
		!strings.Contains(r.Message, "and 3") {
		t.Errorf("got %s %q", r.Status, r.Message)
	}
	if r.URL != "https://p.example/0/bad" || r.Got != "badness" || r.Want != "good pages" {
		t.Errorf("got URL %q, got %q want %q", r.URL, r.Got, r.Want)
	}
	if len(r.Evidence) != MaxListed || r.Evidence[0].Note != "is bad" || r.Evidence[0].Excerpt != "<bad>" {
		t.Errorf("evidence: got %d items (%+v), want %d of the failing pages", len(r.Evidence), r.Evidence[0], MaxListed)
	}
	if !strings.Contains(r.MessageVI, "trang xấu") {
		t.Errorf("Vietnamese message %q", r.MessageVI)
	}
	m := msgs
	m.Got = "%d bad pages"
	if r := set.Judge(Options{}, bad).Result(m); r.Got != fmt.Sprintf("%d bad pages", n) {
		t.Errorf("Messages.Got: got %q", r.Got)
	}
}

func TestTally(t *testing.T) {
	m := TallyMessages{NoneRead: "nothing read", NoneReadVI: "không đọc được", Fail: "leaks: %[2]s", FailVI: "%d lỗi: %s",
		Pass: "%d probes clean", PassVI: "%d yêu cầu sạch", PassGot: "clean", Want: "no leaks"}
	var none Tally
	if r := none.Result(m); r.Status != scoring.Error || r.Message != "nothing read" {
		t.Errorf("nothing read: got %s %q", r.Status, r.Message)
	}
	clean := Tally{Read: 3}
	if r := clean.Result(m); r.Status != scoring.Pass || r.Message != "3 probes clean" || r.Got != "clean" {
		t.Errorf("clean: got %s %q got=%q", r.Status, r.Message, r.Got)
	}
	leaky := Tally{Read: 3}
	leaky.Add("https://p.example/a", "a leaks", scoring.Evidence{Note: "a"})
	leaky.Add("https://p.example/b", "b leaks")
	r := leaky.Result(m)
	if r.Status != scoring.Fail || r.Message != "leaks: a leaks; b leaks" || r.MessageVI != "2 lỗi: a leaks; b leaks" ||
		r.URL != "https://p.example/a" || len(r.Evidence) != 1 || r.Got != "a leaks; b leaks" {
		t.Errorf("leaky: got %+v", r)
	}
}
