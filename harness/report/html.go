package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/textx"
	"github.com/p06kit/p06kit/scoring"
)

//go:embed report.html.tmpl
var htmlTemplate string

var htmlTmpl = template.Must(template.New("report").Funcs(template.FuncMap{
	"pct":   func(f float64) string { return fmt.Sprintf("%.1f", f) },
	"rate":  fmtRate,
	"num":   func(f float64) string { return fmt.Sprintf("%g", f) },
	"secs":  seconds,
	"color": scoreColor,
	// bar is a group's bar length, a percentage of its track (one decimal is finer than a pixel).
	"bar": func(score float64) string {
		if math.IsNaN(score) || score < 0 {
			return "0"
		}
		return strconv.FormatFloat(math.Round(math.Min(score, 100)*10)/10, 'f', -1, 64)
	},
	// arc is the stroke-dasharray of the score ring: the circumference is 2πr with r = 52.
	"arc": func(score float64) string {
		c := 2 * math.Pi * 52
		s := math.Max(0, math.Min(score, 100))
		return fmt.Sprintf("%.2f %.2f", c*s/100, c)
	},
	"add":      func(a, b int) int { return a + b },
	"requests": requestLines,
}).Parse(htmlTemplate))

// requestLines writes a piece of evidence's requests as the page shows them: the HTTP method
// once when they all share it ("GET /, /a, /b"), else each request whole.
func requestLines(reqs []string) []string {
	if len(reqs) < 2 {
		return reqs
	}
	method, _, _ := strings.Cut(reqs[0], " ")
	if method == "" || strings.Trim(method, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return reqs // not an HTTP method ("ClientHello TLS 1.2 to host")
	}
	paths := make([]string, 0, len(reqs))
	for _, q := range reqs {
		m, p, ok := strings.Cut(q, " ")
		if !ok || m != method || strings.Contains(p, ", ") {
			return reqs
		}
		paths = append(paths, p)
	}
	return []string{method + " " + strings.Join(paths, ", ")}
}

type htmlGroup struct {
	ID, Title string
	Score     scoring.GroupScore
	// Findings are those that need a reader's attention (fail, error, not tested, waived, not
	// applicable); Passed, collapsed, those met.
	Findings []htmlFinding
	Passed   []htmlFinding
	Other    []htmlFinding
	Bad      int
	// Pass, Fail, Error and NotTested count the group's findings.
	Pass, Fail, Error, NotTested int
}

// htmlEvRef is a finding's reference to a piece of evidence shown once at the end.
type htmlEvRef struct {
	N       int
	Request string
	Status  int
}

// htmlEvBlock is one distinct piece of evidence (status, headers, excerpt, location, note)
// with the requests (pages) it was seen on and the criteria that cite it.
type htmlEvBlock struct {
	N int
	htmlEvidence
	Requests []string
	Criteria []string
	// HeaderSet is the number of the shared header set that replaces HeaderList, or 0.
	HeaderSet int
	// Linked is whether a later finding refers to it (#ev-N): only then has it an id.
	Linked bool
}

// htmlFixAdvice is how many entries of the "fix first" list show their advice inline, and
// htmlFixTitled how many show their title; the others follow in rank as IDs with their impact.
const (
	htmlFixAdvice = 5
	htmlFixTitled = 10
)

type htmlFix struct {
	N         int
	Criterion string
	Title     string
	Message   string
	Advice    string
	Critical  bool
	Impact    string
}

type htmlFinding struct {
	scoring.Finding
	// Want is what the check wanted; the criterion's requirement is on its page (Doc).
	Title, Advice, StatusLabel, Want, Doc string
	// Basis are the legal bases, each linked to its source where the catalogue has one.
	Basis          []htmlSourceRef
	Critical, Open bool
	Level          string
	// URLText is the URL as the page writes it (a path on the portal's origin).
	URLText string
	// EvItems are the pieces of evidence first shown with this finding, EvRefs those shown
	// with an earlier one, EvMore how many more the JSON report has.
	EvItems []htmlEvItem
	EvRefs  []htmlEvRef
	EvMore  int
	evOwn   []int
	// Why is the number of the shared reason a criterion not tested refers to, or 0, and
	// WhyRef the words that refer to it.
	Why    int
	WhyRef string
}

type htmlEvidence struct {
	scoring.Evidence
	HeaderList [][2]string
}

type htmlCount struct {
	Status scoring.Status
	Label  string
	N      int
}

type htmlTarget struct {
	T     scoring.Target
	Title string
}

type htmlData struct {
	Targets    []htmlTarget
	Lang       string
	W          words
	R          *scoring.Report
	Grade      string
	CapGrade   string
	Groups     []htmlGroup
	Counts     []htmlCount
	Discovery  [][2]string
	Tool       string
	Version    string
	Catalogue  string
	OtherLabel string
	Cov        *scoring.Coverage
	Fixes      []htmlFix
	// FixesNext are the rest of the "fix first" list, in rank.
	FixesNext []htmlFix
	// Rest counts the criteria met or not assessed, listed one a line after the groups.
	Rest int
	// Reasons are the reasons shared by several criteria not tested, written once; such a
	// criterion's line refers to its reason by number (htmlFinding.Why).
	Reasons []string
	// LabelError and LabelNotTested are the status labels of the group counts.
	LabelError, LabelNotTested string
	EvBlocks                   []htmlEvBlock
	// F are the run facts (partial selection, adapter, refused requests, traffic).
	F runFacts
	// ToolLine names the program that made the report (and the one that rendered it).
	ToolLine string
	// HeaderSets are response-header sets seen in more than one piece of evidence, shown once.
	HeaderSets []htmlHeaderSet
	// Origin is the portal's origin when evidence requests are written relative to it.
	Origin string
	// H are the words only the page uses.
	H htmlWords
}

// WriteHTML writes r as a single self-contained HTML page in opt.Lang: the scorecard, the
// "fix first" list, a score bar per group drawn as inline SVG, every failed or unassessable
// finding with its message, what was seen and required, its evidence (each piece once, with
// the pages it applies to; the first few of a long list), the advice and the legal basis, and
// the criteria met or not assessed one a line (their evidence stays in the JSON report). The page loads nothing: no scripts,
// styles, fonts or images from anywhere (its Content-Security-Policy forbids it), so it opens
// offline and can be mailed as an attachment.
func WriteHTML(w io.Writer, r *scoring.Report, opt Options) error {
	r = redacted(r) // the redaction policy applies where output is made
	opt = opt.withDefaults(r)
	wd := wordsFor(opt.Lang)
	d := htmlData{Lang: opt.Lang, W: wd, R: sanitise(r), Grade: gradeShown(r, opt.Lang), CapGrade: capGrade(r, opt.Lang),
		F: factsOf(r, opt), ToolLine: toolLine(r, opt),
		Tool: opt.Tool, Version: opt.Version, Catalogue: r.Catalogue.ID + " " + r.Catalogue.Version, Cov: coverageOf(r),
		LabelError: wd.Statuses[scoring.Error], LabelNotTested: wd.Statuses[scoring.NotTested], H: htmlWordsByLang[opt.Lang]}
	if opt.Catalogue != nil {
		d.Catalogue = opt.Catalogue.Title.In(opt.Lang) + " (" + d.Catalogue + ")"
	}
	cnt := counts(r)
	for _, s := range []scoring.Status{scoring.Pass, scoring.Attested, scoring.Fail, scoring.Error, scoring.Waived, scoring.NotTested, scoring.NotApplicable} {
		if cnt[s] > 0 {
			d.Counts = append(d.Counts, htmlCount{Status: s, Label: wd.Statuses[s], N: cnt[s]})
		}
	}
	for i, fx := range FixFirst(r, opt) {
		hf := htmlFix{N: i + 1, Criterion: fx.Finding.Criterion, Title: opt.title(fx.Finding.Criterion)}
		if fx.Criterion != nil {
			hf.Critical = fx.Criterion.Critical
			if i < htmlFixAdvice {
				// The first few carry their advice here; every one has it in its finding.
				hf.Advice = fx.Criterion.Advice.In(opt.Lang)
			}
		}
		if fx.Impact > 0 && r.Partial == nil { // a partial run has no score to win points of
			hf.Impact = fmt.Sprintf("−%.1f", fx.Impact)
		}
		if i < htmlFixTitled {
			d.Fixes = append(d.Fixes, hf)
		} else {
			d.FixesNext = append(d.FixesNext, hf)
		}
	}
	// Evidence is shown once, with the first finding that cites it and the pages it applies
	// to; the findings met or not assessed show none (it stays in the JSON report).
	ev := &htmlEvidenceIndex{index: map[string]int{}, origin: originOf(r.Target), lang: opt.Lang}
	d.Origin = ev.origin
	for _, g := range groupIDs(r, opt) {
		hg := htmlGroup{ID: g, Title: opt.groupTitle(g), Score: d.R.Scores.Groups[g]}
		for _, f := range sortedFindings(r, g) {
			hf := htmlFinding{Finding: f, StatusLabel: wd.Statuses[f.Status], Want: htmlWant(f, opt.Lang), Doc: docURL(r, f.Criterion),
				Open: f.Status == scoring.Fail || f.Status == scoring.Error}
			hf.Message = compactMessage(relativeTo(f.Message, d.Origin))
			hf.Got = compactMessage(relativeTo(f.Got, d.Origin))
			hf.URLText = relativeTo(f.URL, d.Origin)
			if c := opt.criterion(f.Criterion); c != nil {
				hf.Title, hf.Advice = c.Title.In(opt.Lang), c.Advice.In(opt.Lang)
				hf.Critical, hf.Level = c.Critical, wd.Levels[c.Level]
				if hf.Open { // what the page details; the rest shows no basis
					hf.Basis = htmlBasis(c, opt.Lang)
				}
			}
			if gotSaid(f.Message, f.Got, opt.Lang) || strings.Contains(hf.Message, hf.Got) {
				hf.Got = "" // the message already says it
			}
			// A long "got" is a list the message details: its start shows what was seen.
			hf.Got = textx.Truncate(hf.Got, htmlGot)
			if !hf.Open {
				// One line: ID, title and status; a criterion not tested keeps the line of its
				// message that says why (what would make it assessable). The rest is in the JSON
				// report and on the criterion page.
				hf.Message = ""
				if f.Status == scoring.NotTested {
					hf.Message = textx.Truncate(firstLine(compactMessage(relativeTo(f.Message, d.Origin))), htmlLine)
				}
			} else {
				hg.Bad++
				hf.evOwn, hf.EvRefs, hf.EvMore = ev.add(f)
			}
			switch f.Status {
			case scoring.Pass, scoring.Attested:
				hg.Pass++
				hg.Passed = append(hg.Passed, hf)
				continue
			case scoring.Fail:
				hg.Fail++
			case scoring.Error:
				hg.Error++
			case scoring.NotTested:
				hg.NotTested++
				hg.Other = append(hg.Other, hf)
				continue
			default:
				hg.Other = append(hg.Other, hf)
				continue
			}
			hg.Findings = append(hg.Findings, hf)
		}
		d.Groups = append(d.Groups, hg)
		d.Rest += len(hg.Passed) + len(hg.Other)
	}
	d.Reasons = shareReasons(d.Groups, d.H.WhyRef)
	for _, g := range d.Groups {
		for _, f := range g.Findings {
			for _, ref := range f.EvRefs {
				ev.blocks[ref.N-1].Linked = true
			}
		}
	}
	d.EvBlocks = ev.blocks
	d.HeaderSets = shareHeaders(d.EvBlocks)
	relativeRequests(d.EvBlocks, d.Origin)
	for i := range d.Groups {
		for j := range d.Groups[i].Findings {
			hf := &d.Groups[i].Findings[j]
			var own []*htmlEvBlock
			said := relativeTo(hf.Finding.Message, d.Origin)
			for _, n := range hf.evOwn {
				bl := &d.EvBlocks[n-1]
				// A note the finding's message already says, on a piece of evidence no other
				// finding cites, is not written twice (a note alone stays: it is the row).
				if len(bl.Criteria) == 1 && bl.Note != "" && strings.Contains(said, bl.Note) &&
					(len(bl.HeaderList) > 0 || bl.HeaderSet > 0 || bl.Excerpt != "" || bl.Location != "") {
					bl.Note = ""
				}
				own = append(own, bl)
			}
			hf.EvItems = evidenceItems(own)
		}
	}
	for _, tg := range r.Targets {
		d.Targets = append(d.Targets, htmlTarget{T: tg, Title: tg.Title.In(opt.Lang)})
	}
	for _, k := range sortedKeys(r.Discovery) {
		d.Discovery = append(d.Discovery, [2]string{k, r.Discovery[k]})
	}
	var b strings.Builder
	if err := htmlTmpl.Execute(&b, d); err != nil {
		return err
	}
	_, err := io.WriteString(w, tidyHTML(b.String()))
	return err
}

// htmlWant is what a finding shows as wanted: the check's own words, not the criterion's
// requirement (the criterion page, linked from the finding, has it); in Vietnamese nothing when
// the check said it in English (two English function words or more: one can be a token's part,
// as "none" in "alg-none").
func htmlWant(f scoring.Finding, lang string) string {
	if lang != "en" && len(msg.EnglishWords(f.Want)) > 1 {
		return ""
	}
	return f.Want
}

// shareReasons numbers the reasons that more than one criterion not tested gives, in the order
// they first appear, and has those criteria refer to them: the line of each says it once.
func shareReasons(groups []htmlGroup, ref string) []string {
	uses := map[string]int{}
	for _, g := range groups {
		for _, f := range g.Other {
			if f.Status == scoring.NotTested && f.Message != "" {
				uses[f.Message]++
			}
		}
	}
	var reasons []string
	num := map[string]int{}
	for gi := range groups {
		for fi := range groups[gi].Other {
			f := &groups[gi].Other[fi]
			if f.Status != scoring.NotTested || uses[f.Message] < 2 {
				continue
			}
			n, ok := num[f.Message]
			if !ok {
				reasons = append(reasons, f.Message)
				n = len(reasons)
				num[f.Message] = n
			}
			f.Why, f.WhyRef, f.Message = n, ref, ""
		}
	}
	return reasons
}

// gotSaid reports whether a finding's message already says what its check saw, so that the
// page need not show it again: the message contains it, or contains all of it but its label
// ("accepted: A; B" when the message says "the portal accepted A; B (2/2 …)"), or, in
// Vietnamese, the check said it in English (two English function words or more, as for the
// want) and the message says it in Vietnamese.
func gotSaid(message, got, lang string) bool {
	switch {
	case got == "" || message == "":
		return false
	case strings.Contains(message, got):
		return true
	case lang != "en" && len(msg.EnglishWords(got)) > 1 && len(msg.EnglishWords(message)) <= 1:
		return true
	}
	_, rest, ok := strings.Cut(got, ": ")
	return ok && len(rest) >= 20 && strings.Contains(message, rest)
}

// htmlWords are the words only the HTML page uses.
type htmlWords struct {
	// DocLabel labels the links to the criterion pages; MetNote says what the one-line list of
	// the criteria met or not assessed leaves out.
	DocLabel, MetNote string
	// HdrTitle heads the response-header sets shown once, HdrRef names them where evidence
	// refers to one, HdrSet numbers them there ("set 1") and HdrSetHead over each ("Set 1").
	HdrTitle, HdrRef, HdrSet, HdrSetHead string
	// Why heads the reasons shared by several criteria not tested, WhyRef refers to one.
	Why, WhyRef string
}

var htmlWordsByLang = map[string]htmlWords{msg.VI: htmlWordsIn(msg.VI), msg.EN: htmlWordsIn(msg.EN)}

// scoreColor is the colour of a 0–100 figure (a score, a rate in percent) in the assessment
// and survey reports: green from 90, teal from 70, amber from 50, red below.
func scoreColor(score float64) string {
	switch {
	case score >= 90:
		return "#1a7f37"
	case score >= 70:
		return "#2f7d8c"
	case score >= 50:
		return "#b7791f"
	}
	return "#c53030"
}

// evidenceKey identifies a piece of evidence by everything it shows but the request: the same
// response headers seen on several pages are shown once, listing the pages.
func evidenceKey(ev scoring.Evidence) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d\x00%s\x00%s\x00%s", ev.Status, ev.Excerpt, ev.Location, ev.Note)
	for _, k := range sortedKeys(ev.Headers) {
		fmt.Fprintf(&b, "\x00%s=%s", k, ev.Headers[k])
	}
	return b.String()
}

// htmlSourceRef is a finding's legal basis: a short name, linked to a copy of the text when
// the catalogue has one (the criterion page has the bases written out).
type htmlSourceRef struct {
	Short, URL string
}

// htmlBasis returns c's legal bases as a finding shows them: each linked document once by its
// short name (with its section when two links would read the same), a basis without a link by
// its whole name when the short one would be cut.
func htmlBasis(c *criteria.Criterion, lang string) []htmlSourceRef {
	items := basisItems(c, lang)
	if lang != "en" {
		lang = "vi"
	}
	out := make([]htmlSourceRef, 0, len(items))
	short := make([]string, len(items))
	for i, b := range items {
		if art := c.Basis[i].ArticleIn(lang); art != "" {
			short[i] = shortDocument(strings.TrimSuffix(b.Text, ", "+art))
		} else {
			short[i] = shortDocument(b.Text)
		}
	}
	for i, b := range items {
		ref := htmlSourceRef{Short: short[i], URL: b.URL}
		if ref.URL == "" && strings.HasSuffix(ref.Short, "…") {
			ref.Short = b.Text // nothing else on the page names it
		}
		same := false // another link of the same name
		for j, o := range items {
			same = same || (j != i && short[j] == short[i] && o.URL != "" && o.URL != b.URL)
		}
		if ref.URL != "" && same {
			if sec := strings.Fields(c.Basis[i].ArticleIn(lang)); len(sec) > 0 && strings.HasPrefix(sec[0], "§") {
				ref.Short += " " + strings.TrimRight(sec[0], ",;:")
			}
		}
		if !slices.Contains(out, ref) {
			out = append(out, ref)
		}
	}
	return out
}

// shortDocument is a document's name cut after its number ("Nghị định 85/2016/NĐ-CP ngày …" →
// "Nghị định 85/2016/NĐ-CP", "RFC 7636 …" → "RFC 7636"; a number in the first word, as in
// "W3C", does not count), the whole name when it has no number and is short, or its first
// words.
func shortDocument(doc string) string {
	words := strings.Fields(doc)
	for i, w := range words {
		if i > 0 && i < 6 && strings.ContainsAny(w, "0123456789") {
			return strings.TrimRight(strings.Join(words[:i+1], " "), ",;:")
		}
	}
	if utf8.RuneCountInString(doc) <= 60 {
		return doc
	}
	cut := string([]rune(doc)[:48])
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, ",;:") + "…"
}

// htmlHeaderSet is a set of response headers shown once for the pieces of evidence that share it.
type htmlHeaderSet struct {
	N    int
	List [][2]string
}

// shareHeaders moves the header lists that several evidence blocks show into shared sets, so
// that the same response headers seen with different notes or statuses are printed once.
func shareHeaders(blocks []htmlEvBlock) []htmlHeaderSet {
	key := func(l [][2]string) string {
		var b strings.Builder
		for _, kv := range l {
			b.WriteString(kv[0] + "\x00" + kv[1] + "\x00")
		}
		return b.String()
	}
	uses := map[string]int{}
	for _, bl := range blocks {
		if len(bl.HeaderList) > 0 {
			uses[key(bl.HeaderList)]++
		}
	}
	var sets []htmlHeaderSet
	num := map[string]int{}
	for i := range blocks {
		bl := &blocks[i]
		k := key(bl.HeaderList)
		if len(bl.HeaderList) == 0 || uses[k] < 2 {
			continue
		}
		n, ok := num[k]
		if !ok {
			n = len(sets) + 1
			num[k] = n
			sets = append(sets, htmlHeaderSet{N: n, List: bl.HeaderList})
		}
		bl.HeaderSet, bl.HeaderList = n, nil
	}
	return sets
}

// relativeRequests writes the evidence requests to the portal's own origin as paths
// ("GET /thu-tuc").
func relativeRequests(blocks []htmlEvBlock, origin string) {
	if origin == "" {
		return
	}
	for i := range blocks {
		for j, q := range blocks[i].Requests {
			blocks[i].Requests[j] = relativeTo(q, origin)
		}
	}
}

// originOf is the scheme and host of the portal's URL, "" when it has none.
func originOf(target string) string {
	u, err := url.Parse(target)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return ""
	}
	return u.Scheme + "://" + u.Host
}

// htmlEvItem is a piece of evidence shown alone (Block), or a table of the notes seen on the
// same requests for the same criteria (Group).
type htmlEvItem struct {
	Block *htmlEvBlock
	Group *htmlEvGroup
}

type htmlEvGroup struct {
	Requests, Criteria []string
	Rows               []*htmlEvBlock
}

// evidenceItems lays the blocks out: a block that is only a status and a note joins the table
// of the blocks with the same requests and criteria (a fake service's request log, the same
// page seen by several checks), placed where the first of them was.
func evidenceItems(blocks []*htmlEvBlock) []htmlEvItem {
	var items []htmlEvItem
	groups := map[string]int{}
	for _, bl := range blocks {
		if len(bl.HeaderList) > 0 || bl.HeaderSet > 0 || bl.Excerpt != "" || bl.Location != "" {
			items = append(items, htmlEvItem{Block: bl})
			continue
		}
		key := strings.Join(bl.Requests, "\x00") + "\x01" + strings.Join(bl.Criteria, "\x00")
		j, ok := groups[key]
		if !ok {
			j = len(items)
			groups[key] = j
			items = append(items, htmlEvItem{Group: &htmlEvGroup{Requests: bl.Requests, Criteria: bl.Criteria}})
		}
		items[j].Group.Rows = append(items[j].Group.Rows, bl)
	}
	return items
}

// htmlEvidenceShown is how many distinct pieces of evidence a finding shows before the page
// leaves the rest to the JSON report; a piece seen on a page none of the shown ones names is
// shown all the same, so that every page a finding applies to stays on the page.
const htmlEvidenceShown = 3

// htmlEvidenceIndex numbers the distinct pieces of evidence in the order the page shows them.
type htmlEvidenceIndex struct {
	index  map[string]int
	blocks []htmlEvBlock
	origin string
	lang   string // of the notes shown
}

// add files the evidence of an open finding: the numbers of the blocks first shown with it,
// references to blocks shown earlier, and how many distinct pieces it leaves out.
func (x *htmlEvidenceIndex) add(f scoring.Finding) (own []int, refs []htmlEvRef, more int) {
	type piece struct {
		ev       scoring.Evidence
		requests []string
	}
	var keys []string
	pieces := map[string]*piece{}
	for _, ev := range f.Evidence {
		k := evidenceKey(ev)
		p, ok := pieces[k]
		if !ok {
			p = &piece{ev: ev}
			pieces[k] = p
			keys = append(keys, k)
		}
		if ev.Request != "" && !slices.Contains(p.requests, ev.Request) {
			p.requests = append(p.requests, ev.Request)
		}
	}
	seen := map[string]bool{}
	for i, k := range keys {
		p := pieces[k]
		if i >= htmlEvidenceShown && !slices.ContainsFunc(p.requests, func(q string) bool { return !seen[q] }) {
			more++
			continue
		}
		for _, q := range p.requests {
			seen[q] = true
		}
		n, ok := x.index[k]
		if !ok {
			ev := p.ev
			ev.Note, ev.Location = relativeTo(ev.NoteIn(x.lang), x.origin), relativeTo(ev.Location, x.origin)
			he := htmlEvidence{Evidence: ev}
			for _, h := range sortedKeys(ev.Headers) {
				he.HeaderList = append(he.HeaderList, [2]string{h, ev.Headers[h]})
			}
			n = len(x.blocks) + 1
			x.index[k] = n
			x.blocks = append(x.blocks, htmlEvBlock{N: n, htmlEvidence: he})
			own = append(own, n)
		} else {
			refs = append(refs, htmlEvRef{N: n})
		}
		blk := &x.blocks[n-1]
		for _, q := range p.requests {
			if !slices.Contains(blk.Requests, q) {
				blk.Requests = append(blk.Requests, q)
			}
		}
		if !slices.Contains(blk.Criteria, f.Criterion) {
			blk.Criteria = append(blk.Criteria, f.Criterion)
		}
	}
	return own, refs, more
}

// htmlLine is how many characters of a message a one-line row shows, htmlGot how many of
// what a finding saw.
const (
	htmlLine = 100
	htmlGot  = 160
)
