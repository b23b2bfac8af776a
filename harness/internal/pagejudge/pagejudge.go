// Package pagejudge is the one way a per-page criterion judges pages: it takes the pages a check
// samples, judges each page that was read with the criterion's own verdict function, and turns
// the verdicts into one finding.
//
// What "could not read this page" means is decided here, once: a page is unread when fetching it
// failed, or when the sampling policy left it out (not HTML, not 200, another host, a single-page
// app shell...); each unread page is named with its reason. Pass and fail rest only on the pages
// read: when none was read the finding is an error naming every page and why it could not be
// read; otherwise the finding passes or fails on the pages read and names the unread ones, so a
// reader sees what the verdict did not cover.
//
// A criterion says what it found with catalogue messages (package msg): a verdict's Fault and
// Got are phrases, Judged.Finding and Tally.Finding take the criterion's Texts and TallyTexts,
// and NotJudged, Phrases and Data are the parts those messages take.
package pagejudge

import (
	"context"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/scoring"
)

var (
	mMore      = msg.New("pagejudge.list.more", "and %d", "và %d")
	mItem      = msg.Verbatim
	mNotJudged = msg.New("pagejudge.not-judged", " (%d page(s) not judged: %s)", " (%d trang không kiểm tra được: %s)")
	mEmpty     = msg.New("pagejudge.none-read.empty", "no page could be read: the sample is empty", "không đọc được trang nào: không có trang nào để kiểm tra")
	mNoneRead  = msg.New("pagejudge.none-read", "no page could be read: %s", "không đọc được trang nào: %s")
	// mUnreadErr is a page that could not be fetched: its URL and the error.
	mUnreadErr = msg.New("pagejudge.unread.error", "%s (%v)", "%s (%v)")
	mFailing   = msg.New("pagejudge.failing-page", "%s: %s", "%s: %s")

	mStepProfile = check.StepProfile
)

// MaxListed bounds how many items a message lists and how many failing pages keep evidence
// (unless Options.AllEvidence); the rest are counted.
const MaxListed = 8

// Phrases are items as one part of a message, at most MaxListed of them, the rest counted after
// them ("and 3", "và 3"), joined by "; ".
func Phrases(items []msg.Phrase) msg.List {
	if len(items) <= MaxListed {
		return msg.List{Items: items}
	}
	return msg.List{Items: append(items[:MaxListed:MaxListed], msg.P(mMore, len(items)-MaxListed))}
}

// Data is Phrases of values shown as they are in both languages (URLs, header values, errors).
func Data(items []string) msg.List {
	ps := make([]msg.Phrase, len(items))
	for i, it := range items {
		ps[i] = Datum(it)
	}
	return Phrases(ps)
}

// Datum is a value shown as it is in both languages, as a phrase.
func Datum(s string) msg.Phrase { return msg.P(mItem, s) }

// Set is what a check judges: the pages read and the pages that could not be, each of the latter
// as "URL (reason)", redacted, a phrase rendered in the finding's language.
type Set struct {
	Pages  []*check.Page
	Unread []msg.Phrase
}

// Sample returns the session's sample of at most max pages (Session.SamplePages): the pages that
// answered 200 with HTML on the portal's host are read; the others are unread, with the reason.
// The error is the profile's, when it could not be resolved.
func Sample(ctx context.Context, s *check.Session, max int) (Set, error) {
	pages, skipped, err := s.SamplePages(ctx, max)
	if err != nil {
		return Set{}, err
	}
	return Set{Pages: pages, Unread: skipped}, nil
}

// Fetch reads urls whatever their status (for criteria on what every response sends, such as
// its headers); a URL that could not be fetched is unread, with the error. skipped are pages the
// caller's policy already left out, with their reasons.
func Fetch(ctx context.Context, s *check.Session, urls []string, skipped []msg.Phrase) Set {
	set := Set{Unread: append([]msg.Phrase(nil), skipped...)}
	s.Prefetch(ctx, urls...)
	for _, u := range urls {
		p, err := s.Page(ctx, u)
		if err != nil {
			set.Unread = append(set.Unread, msg.P(mUnreadErr, check.Redact(u), err))
			continue
		}
		set.Pages = append(set.Pages, p)
	}
	return set
}

// Verdict is the judgement of one page read.
type Verdict struct {
	// Fault is what is wrong with the page, a catalogue phrase; zero when the page meets the
	// criterion.
	Fault msg.Phrase
	// Got is what the page sent, for the finding's got (see Texts.Got); zero for its Fault.
	Got msg.Phrase
	// Note is an observation on a page, a catalogue phrase kept in its evidence (msg.Verbatim
	// for one that is data, such as a header value); zero for none.
	Note msg.Phrase
	// Location and Excerpt point into the page at what was judged, for the evidence.
	Location, Excerpt string
}

// Options say what evidence a judgement keeps.
type Options struct {
	// Headers are the response headers kept as evidence (all relevant ones when empty).
	Headers []string
	// AllEvidence keeps evidence of every page read; otherwise of the failing pages, at most
	// MaxListed.
	AllEvidence bool
}

// Page is one page read and its verdict.
type Page struct {
	*check.Page
	Verdict
}

// Judged is the judgement of a Set.
type Judged struct {
	Set
	// Failed and Passed are the pages read, in order, by verdict.
	Failed, Passed []Page
	Evidence       []scoring.Evidence
}

// Judge judges every page read with judge.
func (set Set) Judge(o Options, judge func(p *check.Page) Verdict) *Judged {
	j := &Judged{Set: set}
	for _, p := range set.Pages {
		v := Page{Page: p, Verdict: judge(p)}
		failed := !v.Fault.Text.IsZero()
		if failed {
			j.Failed = append(j.Failed, v)
		} else {
			j.Passed = append(j.Passed, v)
		}
		if !o.AllEvidence && (!failed || len(j.Failed) > MaxListed) {
			continue
		}
		e := p.Evidence(o.Headers...)
		if failed {
			e = e.Noted(msg.Verbatim, v.Fault)
		} else if !v.Note.Text.IsZero() {
			e = e.Noted(msg.Verbatim, v.Note)
		}
		if v.Location != "" {
			e.Location = v.Location
		}
		if v.Excerpt != "" {
			e.Excerpt = v.Excerpt
		}
		j.Evidence = append(j.Evidence, e)
	}
	return j
}

// NotJudged is the part a finding's message ends with (a %s) when some pages could not be read,
// naming them; it renders empty when every page was read.
func (set Set) NotJudged() msg.List {
	if len(set.Unread) == 0 {
		return msg.List{}
	}
	return msg.List{Items: []msg.Phrase{msg.P(mNotJudged, len(set.Unread), Phrases(set.Unread))}}
}

// NoneRead is the error finding when no page was read, naming each page and why.
func (set Set) NoneRead() check.Result {
	if len(set.Unread) == 0 {
		return check.Error(mEmpty)
	}
	return check.Error(mNoneRead, Phrases(set.Unread))
}

// Texts are a criterion's catalogue messages for a Judged finding.
type Texts struct {
	// Pass takes the number of pages read and NotJudged (a %d, then a %s ending the message).
	Pass msg.Text
	// Fail takes the number of pages failing, the number read, the failing pages with their
	// faults (a msg.List) and NotJudged.
	Fail msg.Text
	// Got, when set, is the got of a fail and takes the number of pages failing; otherwise the
	// got is the failing verdicts' distinct Got (else their Fault).
	Got msg.Text
	// Want is what the criterion requires, the want of a fail.
	Want msg.Phrase
}

// Finding is the finding: an error when no page was read (NoneRead), a fail when a page read
// fails, else a pass. A fail points at the first failing page and has a got and a want.
func (j *Judged) Finding(t Texts) check.Result {
	if len(j.Pages) == 0 {
		return j.NoneRead()
	}
	read, note := len(j.Pages), j.NotJudged()
	if len(j.Failed) == 0 {
		return check.Pass(t.Pass, read, note).With(j.Evidence...)
	}
	var bad, gots []msg.Phrase
	seen := map[string]bool{}
	for _, f := range j.Failed {
		fault := f.Fault
		bad = append(bad, msg.P(mFailing, check.Redact(f.FinalURL), fault))
		g := f.Got
		if g.Text.IsZero() {
			g = fault
		}
		if k := g.Render(msg.EN); !seen[k] {
			seen[k] = true
			gots = append(gots, g)
		}
	}
	n := len(j.Failed)
	got := msg.P(mItem, Phrases(gots))
	if !t.Got.IsZero() {
		got = msg.P(t.Got, n)
	}
	return check.Fail(t.Fail, n, read, Phrases(bad), note).At(j.Failed[0].FinalURL).With(j.Evidence...).Saw(got, t.Want)
}

// Tally is what a check found over the responses it read when its verdict rests on all of them
// together (probes sent, pages scanned for one thing): how many were read, each thing found, its
// evidence and where the first was seen. As with Judged, pass and fail rest only on what was
// read, and nothing read is an error.
type Tally struct {
	Read int
	// Things are what Record recorded.
	Things   []msg.Phrase
	Evidence []scoring.Evidence
	At       string
}

// Record records a thing found at the URL at, with its evidence.
func (t *Tally) Record(at string, thing msg.Phrase, ev ...scoring.Evidence) {
	t.Things = append(t.Things, thing)
	t.Evidence = append(t.Evidence, ev...)
	if t.At == "" {
		t.At = at
	}
}

// TallyTexts are a criterion's catalogue messages for a Tally's finding.
type TallyTexts struct {
	// NoneRead says what could not be read (the finding is then an error with its message).
	NoneRead msg.Phrase
	// Fail takes the things found (a msg.List joined by Sep, "; " when empty); Counted, when set
	// instead, takes their number and the list.
	Fail, Counted msg.Text
	Sep           string
	// Pass takes the number of responses read; PassGot is the got of a pass.
	Pass    msg.Text
	PassGot msg.Phrase
	// Want is what the criterion requires.
	Want msg.Phrase
}

// Finding is the finding on what Record recorded: an error when nothing was read, a fail naming
// every thing found (at the first place it was seen), else a pass.
func (t *Tally) Finding(m TallyTexts) check.Result {
	if t.Read == 0 {
		return check.Error(m.NoneRead.Text, m.NoneRead.Args...)
	}
	if len(t.Things) > 0 {
		list := msg.List{Items: t.Things, Sep: m.Sep}
		r := check.Fail(m.Fail, list)
		if !m.Counted.IsZero() {
			r = check.Fail(m.Counted, len(t.Things), list)
		}
		return r.Saw(msg.P(mItem, list), m.Want).At(t.At).With(t.Evidence...)
	}
	return check.Pass(m.Pass, t.Read).Saw(m.PassGot, m.Want)
}

// OnProfile makes a check of the portal's pages from judge, which is given the resolved profile.
// A single-page app whose home page is an unrendered shell gives Session.HomeShell's finding
// (nothing to judge), and a profile that cannot be resolved is an error, the same way for every
// such check.
func OnProfile(judge func(ctx context.Context, s *check.Session, r *check.Resolved) check.Result) check.Func {
	return func(ctx context.Context, s *check.Session) check.Result {
		if res, shell := s.HomeShell(ctx); shell {
			return res // a single-page app not rendered: nothing to judge
		}
		r, err := s.Profile(ctx)
		if err != nil {
			return check.FromError(msg.P(mStepProfile), err)
		}
		return judge(ctx, s, r)
	}
}
