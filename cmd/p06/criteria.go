package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/width"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness/msg"
)

// runCriteria lists a catalogue: a terminal table, Markdown for documentation, or the canonical
// catalogue JSON that criteria.Load reads back.
func runCriteria(args []string, stdout, stderr io.Writer) int {
	fs := cliFlagSet("p06 criteria", mCriteriaSynopsis, mCriteriaAbout, stderr)
	ref := fs.String("catalogue", criteria.P06TechnicalID, flagDoc(mCriteriaFlagCatalogue))
	format := fs.String("format", "table", flagDoc(mCriteriaFlagFormat))
	lang := fs.String("lang", "vi", flagDoc(mCriteriaFlagLang))
	group := fs.String("group", "", flagDoc(mCriteriaFlagGroup))
	tag := fs.String("tag", "", flagDoc(mCriteriaFlagTag))
	cols := fs.Int("width", 0, flagDoc(mCriteriaFlagWidth))
	asOf := fs.String("as-of", "", flagDoc(mCriteriaFlagAsOf))
	pos, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitCantRun
	}
	l := argLang(args) // the language of errors until --lang is known to be good
	if len(pos) > 0 {
		say(stderr, "p06 criteria", l, mUnexpectedArg, pos[0])
		fs.usageHint(l)
		return exitCantRun
	}
	if *format != "table" && *format != "md" && *format != "json" {
		say(stderr, "p06 criteria", l, mFlagWant, "--format", *format, msg.P(mOr, "table, md", "json"))
		fs.usageHint(l)
		return exitCantRun
	}
	if *lang != "vi" && *lang != "en" {
		say(stderr, "p06 criteria", l, mFlagLang, *lang)
		fs.usageHint(l)
		return exitCantRun
	}
	cat, err := catalogueFromRef(*ref, *lang)
	if err != nil {
		fmt.Fprintf(stderr, "p06 criteria: %s\n", errText(*lang, err))
		return exitCantRun
	}
	if *asOf != "" {
		day, err := time.Parse(time.DateOnly, *asOf)
		if err != nil {
			say(stderr, "p06 criteria", *lang, mNotADate, "--as-of", *asOf)
			return exitCantRun
		}
		cat = cat.AsOf(day)
		if len(cat.Criteria) == 0 {
			say(stderr, "p06 criteria", *lang, mCriteriaNoneInForce, cat.ID, *asOf, cat.EffectiveFrom)
			return exitCantRun
		}
	}
	var sel []criteria.Selector
	if *group != "" {
		groups := splitList(*group)
		for _, g := range groups {
			if _, ok := cat.Group(g); !ok {
				var known []string
				for _, kg := range cat.Groups {
					known = append(known, kg.ID)
				}
				say(stderr, "p06 criteria", *lang, mCriteriaNoGroup, cat.ID, g, strings.Join(known, ", "))
				return exitCantRun
			}
		}
		sel = append(sel, criteria.ByGroup(groups...))
	}
	if *tag != "" {
		sel = append(sel, criteria.ByTag(splitList(*tag)...))
	}
	if len(sel) > 0 {
		cat = cat.Subset(sel...)
		if len(cat.Criteria) == 0 {
			say(stderr, "p06 criteria", *lang, mCriteriaNoMatch, cat.ID, strings.Join(knownTags(*ref), ", "))
			return exitCantRun
		}
	}
	switch *format {
	case "json":
		b, err := cat.MarshalIndent()
		if err != nil {
			fmt.Fprintf(stderr, "p06 criteria: %s\n", errText(*lang, err))
			return exitCantRun
		}
		_, err = stdout.Write(b)
		if err != nil {
			return exitCantRun
		}
	case "md":
		writeCriteriaMarkdown(stdout, cat, *lang)
	default:
		w := *cols
		if w <= 0 {
			w, _ = strconv.Atoi(os.Getenv("COLUMNS"))
		}
		if w < 60 {
			w = 120
		}
		writeCriteriaTable(stdout, cat, *lang, w)
	}
	return exitOK
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// knownTags lists the tags of the (unfiltered) catalogue, for the error message of a
// selection that matched nothing.
func knownTags(ref string) []string {
	cat, err := catalogueFromRef(ref, msg.EN)
	if err != nil {
		return nil
	}
	var tags []string
	for _, c := range cat.Criteria {
		for _, t := range c.Tags {
			if !slices.Contains(tags, t) && !strings.HasPrefix(t, "wcag-") {
				tags = append(tags, t)
			}
		}
	}
	slices.Sort(tags)
	return tags
}

func label(lang, key string) string {
	if m, ok := criteriaLabels[key]; ok {
		return m.Format(lang)
	}
	return key
}

// writeCriteriaTable writes an aligned table no wider than cols terminal columns; long titles
// wrap onto continuation lines under the title column. Widths are display widths, so
// Vietnamese text with diacritics aligns, combining marks take no column and wide (CJK)
// characters take two.
func writeCriteriaTable(w io.Writer, cat *criteria.Catalogue, lang string, cols int) {
	for _, line := range wrapText(fmt.Sprintf("%s — %s %s", cat.Title.In(lang), cat.ID, cat.Version), cols) {
		fmt.Fprintln(w, line)
	}
	fmt.Fprintln(w)
	header := []string{label(lang, "id"), label(lang, "group"), label(lang, "method"), label(lang, "level"), "!", label(lang, "points"), label(lang, "title")}
	rows := [][]string{header}
	critical := 0
	for _, c := range cat.Criteria {
		mark := ""
		if c.Critical {
			mark = "!"
			critical++
		}
		rows = append(rows, []string{c.ID, c.Group, label(lang, string(c.Method)), label(lang, string(c.Level)), mark, strconv.FormatFloat(c.Points, 'f', -1, 64), c.Title.In(lang)})
	}
	widths := make([]int, len(header))
	for _, r := range rows {
		for i, cell := range r[:len(r)-1] {
			widths[i] = max(widths[i], displayWidth(cell))
		}
	}
	indent := 0
	for _, wd := range widths[:len(widths)-1] {
		indent += wd + 2
	}
	titleWidth := max(cols-indent, 20)
	for _, r := range rows {
		var b strings.Builder
		for i, cell := range r[:len(r)-1] {
			b.WriteString(cell)
			b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(cell)+2))
		}
		for i, line := range wrapText(r[len(r)-1], titleWidth) {
			if i > 0 {
				b.WriteString("\n")
				b.WriteString(strings.Repeat(" ", indent))
			}
			b.WriteString(line)
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
	fmt.Fprintf(w, "\n"+label(lang, "summary")+"\n", len(cat.Criteria), critical)
}

// writeCriteriaMarkdown writes the catalogue for documentation: a summary table per group, then
// every criterion with its requirement, advice and basis.
func writeCriteriaMarkdown(w io.Writer, cat *criteria.Catalogue, lang string) {
	fmt.Fprintf(w, "# %s\n\n", mdEscape(cat.Title.In(lang)))
	fmt.Fprintf(w, "`%s` · %s %s · %s %s", cat.ID, label(lang, "version"), cat.Version, label(lang, "effective"), cat.EffectiveFrom)
	if cat.EffectiveUntil != "" {
		fmt.Fprintf(w, " %s %s", label(lang, "until"), cat.EffectiveUntil)
	}
	fmt.Fprint(w, "\n\n")
	for _, b := range cat.Basis {
		fmt.Fprintf(w, "- %s\n", basisLine(b, lang))
	}
	if len(cat.Basis) > 0 {
		fmt.Fprintln(w)
	}
	for _, g := range cat.Groups {
		crit := cat.Select(criteria.ByGroup(g.ID))
		if len(crit) == 0 {
			continue
		}
		fmt.Fprintf(w, "## %s (`%s`)\n\n", mdEscape(g.Title.In(lang)), g.ID)
		fmt.Fprintf(w, "| %s | %s | %s | %s | ! | %s |\n|---|---|---|---|---|---|\n",
			label(lang, "id"), label(lang, "title"), label(lang, "method"), label(lang, "level"), label(lang, "points"))
		for _, c := range crit {
			mark := ""
			if c.Critical {
				mark = "!"
			}
			fmt.Fprintf(w, "| [%s](#%s) | %s | %s | %s | %s | %s |\n", c.ID, strings.ToLower(c.ID), mdEscape(c.Title.In(lang)),
				label(lang, string(c.Method)), label(lang, string(c.Level)), mark, strconv.FormatFloat(c.Points, 'f', -1, 64))
		}
		fmt.Fprintln(w)
		for _, c := range crit {
			fmt.Fprintf(w, "### %s\n\n**%s**", c.ID, mdEscape(c.Title.In(lang)))
			if c.Critical {
				fmt.Fprintf(w, " — %s", label(lang, "critical"))
			}
			fmt.Fprint(w, "\n\n")
			fmt.Fprintf(w, "- %s: %s\n", label(lang, "requirement"), mdEscape(c.Requirement.In(lang)))
			if c.Formula != nil {
				fmt.Fprintf(w, "- %s: %s\n", label(lang, "formula"), mdEscape(c.Formula.In(lang)))
			}
			if c.Threshold != nil {
				fmt.Fprintf(w, "- %s: %s%%\n", label(lang, "threshold"), strconv.FormatFloat(*c.Threshold*100, 'f', -1, 64))
			}
			fmt.Fprintf(w, "- %s: %s\n", label(lang, "advice"), mdEscape(c.Advice.In(lang)))
			scopes := make([]string, len(c.Scope))
			for i, s := range c.Scope {
				scopes[i] = label(lang, string(s))
			}
			fmt.Fprintf(w, "- %s: %s · %s: %s", label(lang, "scope"), strings.Join(scopes, ", "), label(lang, "effective"), c.EffectiveFrom)
			if c.EffectiveUntil != "" {
				fmt.Fprintf(w, " %s %s", label(lang, "until"), c.EffectiveUntil)
			}
			fmt.Fprintln(w)
			fmt.Fprintf(w, "- %s:\n", label(lang, "basis"))
			for _, b := range c.Basis {
				fmt.Fprintf(w, "  - %s\n", basisLine(b, lang))
			}
			if len(c.Tags) > 0 {
				fmt.Fprintf(w, "- %s: `%s`\n", label(lang, "tags"), strings.Join(c.Tags, "`, `"))
			}
			fmt.Fprintln(w)
		}
	}
}

func basisLine(b criteria.Basis, lang string) string {
	s := b.Name(lang)
	if art := b.ArticleIn(lang); art != "" {
		s += ", " + art
	}
	if b.URL != "" {
		s = "[" + mdEscape(s) + "](" + b.URL + ")"
	} else {
		s = mdEscape(s)
	}
	s += " (" + label(lang, string(b.Kind))
	if b.Reliability != "" {
		s += ", " + label(lang, "reliability") + " " + b.Reliability
	}
	s += ")"
	if b.EffectiveFrom != "" || b.EffectiveUntil != "" {
		s += "; " + label(lang, "in_force") + " " + orDots(b.EffectiveFrom) + " – " + orDots(b.EffectiveUntil)
	}
	for _, sb := range b.SupersededBy {
		name := sb.Document
		if lang == "vi" && sb.DocumentVI != "" {
			name = sb.DocumentVI
		}
		s += "; " + label(lang, "superseded_by") + " " + mdEscape(name)
		if sb.EffectiveFrom != "" {
			s += " (" + sb.EffectiveFrom + ")"
		}
		if sb.Reliability != "" {
			s += " [" + sb.Reliability + "]"
		}
	}
	if now := b.IssuerNowIn(lang); now != "" {
		s += "; " + label(lang, "issuer_now") + " " + mdEscape(now)
	}
	if n := b.NoteIn(lang); n != "" {
		s += ". " + mdEscape(n)
	}
	return s
}

func orDots(day string) string {
	if day == "" {
		return "…"
	}
	return day
}

// mdEscape keeps text from breaking a Markdown table row or starting markup by accident.
func mdEscape(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", " ")
}

// displayWidth is the number of terminal columns s takes: combining marks and other
// zero-width runes take none, East Asian wide and fullwidth runes take two.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

func runeWidth(r rune) int {
	switch {
	case r == 0 || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.Is(unicode.Cf, r):
		return 0
	case unicode.IsControl(r):
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// wrapText breaks s into lines of at most cols display columns, at spaces where possible; a
// word longer than a line is cut.
func wrapText(s string, cols int) []string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return []string{""}
	}
	var lines []string
	var cur strings.Builder
	curW := 0
	flush := func() {
		lines = append(lines, cur.String())
		cur.Reset()
		curW = 0
	}
	for _, word := range words {
		ww := displayWidth(word)
		for ww > cols {
			if curW > 0 {
				flush()
			}
			head, rest := cutWidth(word, cols)
			lines = append(lines, head)
			word, ww = rest, displayWidth(rest)
		}
		if curW > 0 && curW+1+ww > cols {
			flush()
		}
		if curW > 0 {
			cur.WriteByte(' ')
			curW++
		}
		cur.WriteString(word)
		curW += ww
	}
	if curW > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// cutWidth splits s after at most cols display columns, never inside a rune and never
// separating a combining mark from its base.
func cutWidth(s string, cols int) (head, rest string) {
	n := 0
	for i, r := range s {
		rw := runeWidth(r)
		if n+rw > cols && rw > 0 {
			return s[:i], s[i:]
		}
		n += rw
	}
	return s, ""
}
