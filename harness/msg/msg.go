// Package msg is the catalogue of the messages a person reads in p06kit's output: findings,
// errors, headings. Every message has an ID, an English and a Vietnamese text, and parameters;
// it is declared once, in its family's table (a messages.go file in the package that uses it), and
// rendered in the run's language from here.
//
// A check returns a message and its values, not prose:
//
//	var mNoHSTS = msg.New("headers.hsts.missing",
//		"%s sends no Strict-Transport-Security header",
//		"%s không gửi tiêu đề Strict-Transport-Security")
//
//	return check.Fail(mNoHSTS, url)
//
// and its tests assert the ID and the values (check.Result.MsgID, Args), not the English words. The
// two texts of a message must take the same parameters: the same verbs for the same argument
// positions (explicit indexes such as %[2]s let the Vietnamese text put them in another order).
// New panics when they do not, or when an ID is declared twice, so a mistake stops every test of
// the package that declares it.
package msg

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Languages a message is rendered in.
const (
	VI = "vi" // Vietnamese, the default
	EN = "en"
)

// Text is one message of the catalogue.
type Text struct {
	id, en, vi string
}

var (
	mu      sync.Mutex
	catalog = map[string]Text{}
)

// New declares a message: id is a dotted name, family first ("headers.hsts.missing"); en and vi
// are fmt formats taking the same parameters. It panics on a duplicate or malformed ID, an empty
// text, or parameters that differ between the two texts.
func New(id, en, vi string) Text {
	t := Text{id: id, en: en, vi: vi}
	if err := t.validate(); err != nil {
		panic("msg.New: " + err.Error())
	}
	mu.Lock()
	defer mu.Unlock()
	if _, dup := catalog[id]; dup {
		panic(fmt.Sprintf("msg.New: message %q is declared twice", id))
	}
	catalog[id] = t
	return t
}

// Verbatim is the message that is its one value as it is, in every language: a part that is data
// (header values, an identifier), or a List passed where a Phrase is wanted (msg.P(Verbatim, list)).
// Families use it rather than each declaring its own "%s" message.
var Verbatim = New("msg.verbatim", "%s", "%s")

// ID is the message's ID.
func (t Text) ID() string { return t.id }

// Format is the message's text (a fmt format) in lang: "en" for English, Vietnamese otherwise.
func (t Text) Format(lang string) string {
	if lang == EN {
		return t.en
	}
	return t.vi
}

// Render is the message in lang with args. An argument that is itself a message with its values
// (a Phrase, or a List of them) is rendered in the same language.
func (t Text) Render(lang string, args ...any) string {
	cloned := false // the caller's slice (kept in check.Result.Args) keeps the parts
	for i, a := range args {
		part, ok := a.(interface{ Render(string) string })
		if !ok {
			continue
		}
		if !cloned {
			args, cloned = slices.Clone(args), true
		}
		args[i] = part.Render(lang)
	}
	return fmt.Sprintf(t.Format(lang), args...)
}

// Phrase is a message with its values, used as a part of another message: a problem in a list,
// the name of what was checked. It renders in the language of the message it is part of.
type Phrase struct {
	Text Text
	Args []any
}

// P is the phrase t with args.
func P(t Text, args ...any) Phrase { return Phrase{Text: t, Args: args} }

// Render is the phrase in lang.
func (p Phrase) Render(lang string) string { return p.Text.Render(lang, p.Args...) }

// String is the phrase in English (for logs and %v in tests).
func (p Phrase) String() string { return p.Render(EN) }

// MarshalJSON writes the phrase as its English text, the language of p06kit's JSON.
func (p Phrase) MarshalJSON() ([]byte, error) { return json.Marshal(p.Render(EN)) }

// IsZero reports whether p is the zero Phrase: no message, which a function returning a reason
// uses to say there is none.
func (p Phrase) IsZero() bool { return p.Text.IsZero() }

// Rendered is a part already rendered in both languages, such as a check's own message that the
// engine quotes; it renders as the text in the language asked for (English when that is empty).
type Rendered struct{ EN, VI string }

// Render is the text in lang.
func (r Rendered) Render(lang string) string {
	if lang != EN && r.VI != "" {
		return r.VI
	}
	return r.EN
}

// List is phrases joined by Sep ("; " when empty), rendered in the language of the message they
// are part of.
type List struct {
	Items []Phrase
	Sep   string
}

// Render is the list in lang.
func (l List) Render(lang string) string {
	parts := make([]string, len(l.Items))
	for i, p := range l.Items {
		parts[i] = p.Render(lang)
	}
	sep := l.Sep
	if sep == "" {
		sep = "; "
	}
	return strings.Join(parts, sep)
}

// String is the list in English.
func (l List) String() string { return l.Render(EN) }

// IsZero reports whether t is the zero Text (declared by no one).
func (t Text) IsZero() bool { return t.id == "" }

// Lookup returns the message with the given ID.
func Lookup(id string) (Text, bool) {
	mu.Lock()
	defer mu.Unlock()
	t, ok := catalog[id]
	return t, ok
}

// All returns every message declared so far (by the packages linked into the program), by ID.
func All() []Text {
	mu.Lock()
	defer mu.Unlock()
	out := make([]Text, 0, len(catalog))
	for _, t := range catalog {
		out = append(out, t)
	}
	slices.SortFunc(out, func(a, b Text) int { return strings.Compare(a.id, b.id) })
	return out
}

func (t Text) validate() error {
	if t.id == "" || strings.Trim(t.id, "abcdefghijklmnopqrstuvwxyz0123456789.-_") != "" ||
		strings.HasPrefix(t.id, ".") || strings.HasSuffix(t.id, ".") || !strings.Contains(t.id, ".") {
		return fmt.Errorf("ID %q: want lower-case dotted words, family first, e.g. \"headers.hsts.missing\"", t.id)
	}
	if strings.TrimSpace(t.en) == "" || strings.TrimSpace(t.vi) == "" {
		return fmt.Errorf("message %q: both the English and the Vietnamese text are needed", t.id)
	}
	en, err := Params(t.en)
	if err != nil {
		return fmt.Errorf("message %q, English text: %v", t.id, err)
	}
	vi, err := Params(t.vi)
	if err != nil {
		return fmt.Errorf("message %q, Vietnamese text: %v", t.id, err)
	}
	if !slices.Equal(en, vi) {
		return fmt.Errorf("message %q: the English text takes parameters %v, the Vietnamese %v (they must match; use %%[n]v to reorder)", t.id, en, vi)
	}
	return nil
}

// Params lists the verbs of a fmt format by argument position (1-based): Params("%s got %[1]q and %d")
// is ["1:q,s", "2:d"]. An argument used with several verbs lists them all, sorted. It reports an
// error for a format fmt would render with a %!… marker that the parser can see (a bad index, a
// trailing %).
func Params(format string) ([]string, error) {
	verbs := map[int][]string{}
	arg := 1
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		// flags
		for i < len(format) && strings.IndexByte("+-# 0", format[i]) >= 0 {
			i++
		}
		// [n], width and precision, each of which may be * (taking an argument) or an index
		for {
			if i < len(format) && format[i] == '[' {
				end := strings.IndexByte(format[i:], ']')
				if end < 0 {
					return nil, fmt.Errorf("unclosed [ in %q", format)
				}
				var n int
				if _, err := fmt.Sscanf(format[i+1:i+end], "%d", &n); err != nil || n < 1 {
					return nil, fmt.Errorf("bad argument index %q in %q", format[i:i+end+1], format)
				}
				arg = n
				i += end + 1
				continue
			}
			if i < len(format) && format[i] == '*' {
				verbs[arg] = append(verbs[arg], "*")
				arg++
				i++
				continue
			}
			if i < len(format) && (format[i] == '.' || format[i] >= '0' && format[i] <= '9') {
				i++
				continue
			}
			break
		}
		if i >= len(format) {
			return nil, fmt.Errorf("format %q ends with %%", format)
		}
		if format[i] == '%' {
			continue
		}
		verbs[arg] = append(verbs[arg], string(format[i]))
		arg++
	}
	var out []string
	for n := 1; len(verbs) > 0; n++ {
		v, ok := verbs[n]
		if !ok {
			return nil, fmt.Errorf("argument %d is never used in %q", n, format)
		}
		delete(verbs, n)
		slices.Sort(v)
		v = slices.Compact(v)
		out = append(out, fmt.Sprintf("%d:%s", n, strings.Join(v, ",")))
	}
	return out, nil
}
