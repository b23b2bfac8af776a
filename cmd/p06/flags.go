package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/suggest"
)

// cliFlags is the flag set of a subcommand. Its help and its parse errors are rendered from the
// catalogue in the language the arguments ask for (--lang, else Vietnamese): the flag package's
// own output is discarded. A flag's usage string is the ID of its description's message
// (flagDoc), so that the help is rendered in the run's language.
type cliFlags struct {
	*flag.FlagSet
	cmd      string   // "p06 scan", as messages name the command
	synopsis msg.Text // the command's syntax line(s)
	about    msg.Text // what the command does, or the zero Text
	w        io.Writer
}

// cliFlagSet returns the flag set of cmd, whose help and errors go to w and that does not exit.
func cliFlagSet(cmd string, synopsis, about msg.Text, w io.Writer) *cliFlags {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return &cliFlags{FlagSet: fs, cmd: cmd, synopsis: synopsis, about: about, w: w}
}

// flagDoc is the usage string of a flag described by m: its ID, rendered when help is printed.
func flagDoc(m msg.Text) string { return m.ID() }

// flagDocArgs are the values of the flag descriptions that take some, by message ID.
var flagDocArgs = map[string][]any{
	mCriteriaFlagCatalogue.ID(): {strings.Join(criteria.Builtins(), ", ")},
}

// argLang is the language the arguments ask for: the value of --lang before any "--" when it
// is en, else Vietnamese (also when --lang is malformed: the command says so in Vietnamese).
func argLang(args []string) string {
	for i, a := range args {
		if a == "--" {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			continue
		}
		if !hasValue && i+1 < len(args) {
			value = args[i+1]
		}
		if value == msg.EN {
			return msg.EN
		}
		return msg.VI
	}
	return msg.VI
}

// parseInterspersed parses flags that may come before or after the positional arguments (as users type
// `p06 score findings.json --waivers w.json`), and returns the positional ones. Asked for help, it
// prints the help and returns flag.ErrHelp; on a bad flag it prints why, in the arguments'
// language, and returns the error.
func parseInterspersed(fs *cliFlags, args []string) ([]string, error) {
	lang := argLang(args)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.printHelp(lang)
			} else {
				fs.printError(lang, err)
			}
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if rest[0] == "--" {
			return append(pos, rest[1:]...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// The flag package's errors, which it words in English.
var (
	reUndefined  = regexp.MustCompile(`^flag provided but not defined: -(.+)$`)
	reNeedsValue = regexp.MustCompile(`^flag needs an argument: -(.+)$`)
	reBadValue   = regexp.MustCompile(`^invalid (?:boolean )?value ("(?:[^"\\]|\\.)*") for (?:flag )?-([^:]+): (.*)$`)
	reBadSyntax  = regexp.MustCompile(`^bad flag syntax: (.*)$`)
)

// printError says what is wrong with the flags in lang, naming the flag (with the closest
// defined flags for one that is not), then the command's syntax.
func (fs *cliFlags) printError(lang string, err error) {
	e := err.Error()
	var line string
	switch {
	case reUndefined.MatchString(e):
		name := reUndefined.FindStringSubmatch(e)[1]
		line = mFlagUndefined.Render(lang, "--"+name)
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		if c := suggest.Closest(name, names, 2); len(c) > 0 {
			line += " (" + mDidYouMean.Render(lang, orList(lang, "--", c)) + ")"
		}
	case reNeedsValue.MatchString(e):
		line = mFlagNeedsValue.Render(lang, "--"+reNeedsValue.FindStringSubmatch(e)[1])
	case reBadValue.MatchString(e):
		m := reBadValue.FindStringSubmatch(e)
		value, uerr := strconv.Unquote(m[1])
		if uerr != nil {
			value = m[1]
		}
		line = mFlagBadValue.Render(lang, "--"+m[2], value, fs.wantOf(lang, m[2], m[3]))
	case reBadSyntax.MatchString(e):
		line = mFlagBadSyntax.Render(lang, reBadSyntax.FindStringSubmatch(e)[1])
	default:
		line = e
	}
	fmt.Fprintln(fs.w, fs.cmd+": "+line)
	fs.usageHint(lang)
}

// wantOf says what flag name takes, by its type; reason is the flag package's (a custom flag's
// own error).
func (fs *cliFlags) wantOf(lang, name, reason string) string {
	f := fs.Lookup(name)
	if f == nil {
		return reason
	}
	g, ok := f.Value.(flag.Getter)
	if !ok {
		return reason
	}
	switch g.Get().(type) {
	case bool:
		return mWantBool.Render(lang)
	case int, int64:
		return mWantInt.Render(lang)
	case uint, uint64:
		return mWantUint.Render(lang)
	case float64:
		return mWantFloat.Render(lang)
	case time.Duration:
		return mWantDuration.Render(lang)
	}
	return reason
}

// orList is names, each after prefix, joined by "or" in lang.
func orList(lang, prefix string, names []string) string {
	s := prefix + names[0]
	for _, n := range names[1:] {
		s = mOr.Render(lang, s, prefix+n)
	}
	return s
}

// usageHint prints the command's syntax and where its flags are explained, after an error.
func (fs *cliFlags) usageHint(lang string) {
	fmt.Fprintln(fs.w, mUsage.Render(lang, fs.synopsis.Render(lang)))
	fmt.Fprintln(fs.w, mHelpHint.Render(lang, fs.cmd))
}

// printHelp prints the command's help in lang: its syntax, what it does and its flags.
func (fs *cliFlags) printHelp(lang string) {
	fmt.Fprintln(fs.w, mUsage.Render(lang, fs.synopsis.Render(lang)))
	if !fs.about.IsZero() {
		fmt.Fprintf(fs.w, "\n%s\n", strings.TrimRight(fs.about.Render(lang), "\n"))
	}
	fmt.Fprintf(fs.w, "\n%s\n", mHelpFlags.Render(lang))
	printFlags(fs.w, fs.FlagSet, lang)
}

// printFlags lists the flags of fs with their descriptions in lang, as flag.PrintDefaults does
// in English: "--name TYPE", then the description and the default when it is not the zero value.
func printFlags(w io.Writer, fs *flag.FlagSet, lang string) {
	fs.VisitAll(func(f *flag.Flag) {
		text := f.Usage
		if m, ok := msg.Lookup(f.Usage); ok {
			text = m.Render(lang, flagDocArgs[f.Usage]...)
		}
		named := strings.Contains(text, "`") // names its value: "`FILE`"
		name, text := flag.UnquoteUsage(&flag.Flag{Name: f.Name, Usage: text, Value: f.Value})
		if m, ok := mFlagType[name]; ok && !named {
			name = m.Render(lang)
		}
		line := "  --" + f.Name
		if name != "" {
			line += " " + name
		}
		fmt.Fprintln(w, line)
		if !isZeroFlag(f) {
			def := f.DefValue
			if reflect.TypeOf(f.Value).String() == "*flag.stringValue" {
				def = strconv.Quote(def)
			}
			text += " " + mHelpDefault.Render(lang, def)
		}
		for _, para := range strings.Split(text, "\n") {
			for _, l := range wrapText(para, 88) { // 96 columns with the indent
				fmt.Fprintln(w, "        "+l)
			}
		}
	})
}

// isZeroFlag reports whether f's default is its type's zero value (which help does not state).
func isZeroFlag(f *flag.Flag) bool {
	t := reflect.TypeOf(f.Value)
	var z reflect.Value
	if t.Kind() == reflect.Pointer {
		z = reflect.New(t.Elem())
	} else {
		z = reflect.Zero(t)
	}
	v, ok := z.Interface().(flag.Value)
	return ok && f.DefValue == v.String()
}

// catalogueFromRef resolves --catalogue: a built-in ID, or a file path (lang: of the error).
func catalogueFromRef(ref, lang string) (*criteria.Catalogue, error) {
	if st, err := os.Stat(ref); err == nil && !st.IsDir() {
		f, err := os.Open(ref)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		c, err := criteria.Load(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", ref, err)
		}
		return c, nil
	}
	if strings.ContainsAny(ref, `/\`) || strings.HasSuffix(ref, ".json") {
		return nil, errors.New(mCatalogueNotFound.Render(lang, ref))
	}
	return criteria.Builtin(ref)
}

// errText is err in lang, as p06 prints every error: an error of the catalogue (msg.Error,
// msg.Wrap, or one that wraps such an error with fmt.Errorf) is rendered in lang, and the
// operating system's words for a file that does not exist, may not be read or is a directory are
// replaced by the catalogue's, the rest of the error kept.
func errText(lang string, err error) string {
	s := err.Error()
	if lang == msg.EN {
		return s
	}
	var r interface {
		error
		Render(string) string
	}
	if errors.As(err, &r) {
		s = strings.Replace(s, r.Error(), r.Render(lang), 1)
	}
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return s
	}
	var m msg.Text
	switch {
	case errors.Is(pe.Err, fs.ErrNotExist):
		m = mFileNotFound
	case errors.Is(pe.Err, fs.ErrPermission):
		m = mFilePermission
	case errors.Is(pe.Err, syscall.EISDIR):
		m = mFileIsDir
	default:
		return s
	}
	return strings.Replace(s, pe.Error(), m.Render(lang, pe.Path), 1)
}

// langErr is an error as a value of a message: rendered by errText in the message's language.
type langErr struct{ error }

func (e langErr) Render(lang string) string { return errText(lang, e.error) }

// inLang returns args with each error made a langErr, so that a message quoting an error says it
// in the message's language.
func inLang(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		if err, ok := a.(error); ok {
			a = langErr{err}
		}
		out[i] = a
	}
	return out
}

// unknownOnly says, in lang, which --only selectors pick no criterion of cat (with the closest
// criterion IDs, groups or tags), one line each, or nothing when each picks some. A selector picks a criterion
// as criteria.ByName does (as harness.Only does).
func unknownOnly(cat *criteria.Catalogue, sels []string, lang string) []string {
	known := cat.Names()
	var lines []string
	for _, sel := range sels {
		if len(cat.Select(criteria.ByName(sel))) > 0 {
			continue
		}
		line := mOnlyUnknown.Render(lang, sel, cat.ID)
		if c := suggest.Closest(sel, known, 2); len(c) > 0 {
			line += " (" + mDidYouMean.Render(lang, orList(lang, "", c)) + ")"
		}
		lines = append(lines, line)
	}
	return lines
}
