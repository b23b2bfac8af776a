package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/examples/referenceportal"
	"github.com/p06kit/p06kit/harness"
	"github.com/p06kit/p06kit/harness/report"
	"github.com/p06kit/p06kit/scoring"
)

const demoUsage = "p06 demo [--out DIR] [--lang vi|en] [--quiet]"

// runDemo is the main job with an embedded default: it starts the reference portal and the broken
// portal, each wired to its own fakes of the national services, on loopback; assesses both with
// every automated and assisted check (active checks on: these are our own test portals); prints
// both scorecards side by side; and writes reference.json, broken.json, reference.html and
// broken.html into DIR. No configuration, no network.
func runDemo(args []string, stdout, stderr io.Writer) int {
	fs := cliFlagSet("p06 demo", demoUsage, stderr)
	out := fs.String("out", "p06-demo", "directory for the reports")
	lang := fs.String("lang", "vi", "language of the scorecards and reports: vi or en")
	timeout := fs.Duration("timeout", 3*time.Minute, "deadline for both assessments")
	quiet := fs.Bool("quiet", false, "no progress on stderr")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return exitCantRun
	}
	if len(pos) > 0 || (*lang != "en" && *lang != "vi") {
		fmt.Fprintf(stderr, "usage: %s\n", demoUsage)
		return exitCantRun
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintf(stderr, "p06 demo: %v\n", err)
		return exitCantRun
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	start := time.Now()

	type run struct {
		name    string
		defects referenceportal.Defects
		report  *scoring.Report
		url     string
		err     error
	}
	runs := []*run{{name: "reference"}, {name: "broken", defects: referenceportal.Broken()}}
	evidence, err := referenceportal.WriteEvidence(*out, start)
	if err != nil {
		fmt.Fprintf(stderr, "p06 demo: %v\n", err)
		return exitCantRun
	}
	progress := newDemoProgress(stderr, *lang, *quiet, len(runs))
	progress.phase("starting the reference and broken portals with fakes of the national SSO, population database and PKI on 127.0.0.1…",
		"khởi động cổng tham chiếu và cổng lỗi cùng dịch vụ giả lập xác thực quốc gia, CSDL dân cư và PKI trên 127.0.0.1…")
	var wg sync.WaitGroup
	for _, r := range runs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			env, err := referenceportal.StartEnv(r.defects)
			if err != nil {
				r.err = err
				return
			}
			defer env.Close()
			target := env.Target()
			r.url = env.Server.URL
			if r.name == "reference" {
				target.Evidence = evidence // the broken portal has no evidence for the attested criteria
			}
			progress.phase("assessing %s (%s), every automated and assisted check…", "đang đánh giá %s (%s), mọi phép kiểm tra tự động và bán tự động…",
				progress.portalName(r.name), r.url)
			t0 := time.Now()
			r.report, r.err = harness.Check(ctx, target, harness.Active(), harness.Lang(*lang), harness.Observe(progress.observe))
			progress.assessed(r.name, r.report, r.err, time.Since(t0))
		}()
	}
	wg.Wait()
	for _, r := range runs {
		if r.err != nil {
			fmt.Fprintf(stderr, "p06 demo: assessing the %s portal: %v\n", r.name, r.err)
			return exitCantRun
		}
	}
	cat := criteria.P06Technical()
	printScorecards(stdout, cat, *lang, runs[0].report, runs[1].report)

	opt := report.Options{Lang: *lang, Catalogue: cat, Version: version()}
	progress.phase("writing the reports into %s…", "ghi báo cáo vào %s…", *out)
	var written []string
	for _, r := range runs {
		for _, f := range []report.Format{report.JSON, report.HTML} {
			path := filepath.Join(*out, r.name+"."+string(f))
			if err := report.WriteFile(path, f, r.report, opt); err != nil {
				fmt.Fprintf(stderr, "p06 demo: writing %s: %v\n", path, err)
				return exitCantRun
			}
			written = append(written, path)
		}
	}
	fmt.Fprintf(stdout, "\nReports: %s (evidence file: %s)\n", strings.Join(written, ", "), evidence)
	fmt.Fprintf(stdout, "Both assessments ran in %.1fs. Open the HTML reports in a browser; compare the two with: p06 report diff %s %s\n",
		time.Since(start).Seconds(), filepath.Join(*out, "reference.json"), filepath.Join(*out, "broken.json"))
	return exitOK
}

// printScorecards prints two reports side by side, then the broken portal's top findings.
func printScorecards(w io.Writer, cat *criteria.Catalogue, lang string, a, b *scoring.Report) {
	tr := func(en, vi string) string {
		if lang == "vi" {
			return vi
		}
		return en
	}
	const left = 34
	row := func(label, x, y string) {
		fmt.Fprintf(w, "%s%s  %s%s  %s\n", label, demoPad(left-demoWidth(label)), x, demoPad(30-demoWidth(x)), y)
	}
	fmt.Fprintf(w, "\n%s — %s %s\n\n", tr("Project 06 assessment", "Đánh giá Đề án 06"), cat.ID, cat.Version)
	row("", tr("REFERENCE PORTAL", "CỔNG THAM CHIẾU"), tr("BROKEN PORTAL", "CỔNG LỖI"))
	pct := func(r *scoring.Report) string {
		c := r.Scores.Compliance
		return fmt.Sprintf("%.2f%% (%d/%d)", 100*c.Rate, c.Met, c.Applicable)
	}
	row(tr("Compliance (mandatory met)", "Tỷ lệ đáp ứng (bắt buộc)"), pct(a), pct(b))
	row(tr("Overall score", "Điểm tổng"), fmt.Sprintf("%.1f / 100", a.Scores.Overall), fmt.Sprintf("%.1f / 100", b.Scores.Overall))
	row(tr("Grade", "Xếp loại"), scoring.GradeLabel(a.Scores, lang), scoring.GradeLabel(b.Scores, lang))
	caps := func(r *scoring.Report) string {
		if len(r.Scores.Caps) == 0 {
			return tr("none", "không")
		}
		return fmt.Sprintf(tr("%d (critical failures)", "%d (tiêu chí trọng yếu)"), len(r.Scores.Caps))
	}
	row(tr("Grade caps", "Giới hạn xếp loại"), caps(a), caps(b))
	fmt.Fprintln(w)
	for _, g := range cat.Groups {
		ga, gb := a.Scores.Groups[g.ID], b.Scores.Groups[g.ID]
		row(demoLine(g.Title.In(lang), left-1), demoBar(ga, tr("not tested", "chưa kiểm tra")), demoBar(gb, tr("not tested", "chưa kiểm tra")))
	}
	if len(b.Scores.Caps) > 0 {
		fmt.Fprintf(w, "\n%s\n", tr("Caps applied to the broken portal (a failed critical criterion caps the grade):", "Giới hạn xếp loại của cổng lỗi (tiêu chí trọng yếu không đạt):"))
		for _, c := range b.Scores.Caps {
			title := ""
			if cr, ok := cat.Criterion(c.Criterion); ok {
				title = cr.Title.In(lang)
			}
			fmt.Fprintf(w, "  %-12s %-6s %s\n", c.Criterion, c.Status, title)
		}
	}
	// Top findings: failures of mandatory criteria, critical first, in catalogue order.
	var top []scoring.Finding
	for _, f := range b.Findings {
		if f.Status == scoring.Fail || f.Status == scoring.Error {
			top = append(top, f)
		}
	}
	sort.SliceStable(top, func(i, j int) bool {
		ci, _ := cat.Criterion(top[i].Criterion)
		cj, _ := cat.Criterion(top[j].Criterion)
		return ci.Critical && !cj.Critical
	})
	fmt.Fprintf(w, "\n%s (%d %s)\n", tr("Top findings of the broken portal", "Các lỗi chính của cổng lỗi"), len(top), tr("failing", "không đạt"))
	for i, f := range top {
		if i == 10 {
			fmt.Fprintf(w, "  … %d %s\n", len(top)-10, tr("more in broken.html", "lỗi khác trong broken.html"))
			break
		}
		cr, _ := cat.Criterion(f.Criterion)
		fmt.Fprintf(w, "  %s  %s\n", f.Criterion, cr.Title.In(lang))
		fmt.Fprintf(w, "      %s %s\n", tr("seen:", "thấy:"), demoLine(f.Message, 110))
		fmt.Fprintf(w, "      %s %s\n", tr("fix: ", "sửa: "), demoLine(cr.Advice.In(lang), 110))
	}
}

func demoBar(g scoring.GroupScore, notTested string) string {
	if g.Available == 0 {
		return "n/a"
	}
	if !g.Scored() {
		return notTested
	}
	n := int(g.Value()/10 + 0.5)
	return fmt.Sprintf("%s%s %5.1f", strings.Repeat("█", n), strings.Repeat("░", 10-n), g.Value())
}

func demoWidth(s string) int { return utf8.RuneCountInString(s) }

func demoPad(n int) string {
	if n < 1 {
		return " "
	}
	return strings.Repeat(" ", n)
}

func demoLine(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > max {
		r := []rune(s)
		return string(r[:max-1]) + "…"
	}
	return s
}
