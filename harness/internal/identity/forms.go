package identity

import (
	"strings"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/htmlx"
)

// passwordForm is a form with a password field found on a page.
type passwordForm struct {
	node      *html.Node
	passwords int
	// registration is true when the form creates an account rather than logging in.
	registration bool
	why          *msg.Phrase // why it is taken for a registration form
}

// registrationWords are labels of account creation, folded (htmlx.Fold).
var registrationWords = []string{"dang ky", "dang ki", "tao tai khoan", "register", "registration", "sign up", "signup", "create account"}

// confirmNames are field names of the password confirmation only registration forms have.
var confirmNames = []string{"confirm", "retype", "repeat", "nhaplai", "nhap lai", "xacnhan", "xac nhan", "password2", "re password", "repassword"}

// passwordForms returns the forms of doc that have a password field, classified.
func passwordForms(doc *html.Node) []passwordForm {
	phrase := func(t msg.Text, args ...any) *msg.Phrase { p := msg.P(t, args...); return &p }
	var out []passwordForm
	for _, f := range htmlx.All(doc, "form") {
		pf := passwordForm{node: f}
		for _, in := range htmlx.All(f, "input") {
			if t, _ := htmlx.Attr(in, "type"); strings.EqualFold(t, "password") {
				pf.passwords++
				name, _ := htmlx.Attr(in, "name")
				id, _ := htmlx.Attr(in, "id")
				for _, c := range confirmNames {
					if strings.Contains(htmlx.Fold(name+" "+id), c) && pf.why == nil {
						pf.registration, pf.why = true, phrase(mWhyConfirmField, name)
					}
				}
			}
		}
		if pf.passwords == 0 {
			continue
		}
		if pf.passwords >= 2 && pf.why == nil {
			pf.registration, pf.why = true, phrase(mWhyTwoPasswords)
		}
		if pf.why == nil {
			action, _ := htmlx.Attr(f, "action")
			id, _ := htmlx.Attr(f, "id")
			class, _ := htmlx.Attr(f, "class")
			label := htmlx.Fold(action + " " + id + " " + class + " " + submitText(f) + " " + legend(f))
			for _, w := range registrationWords {
				if htmlx.FoldedContains(label, w) || strings.Contains(strings.ReplaceAll(label, " ", ""), strings.ReplaceAll(w, " ", "")) {
					pf.registration, pf.why = true, phrase(mWhyLabelled, w)
					break
				}
			}
		}
		out = append(out, pf)
	}
	return out
}

func submitText(f *html.Node) string {
	var parts []string
	for _, b := range htmlx.All(f, "button", "input") {
		t, _ := htmlx.Attr(b, "type")
		if b.Data == "button" && (t == "" || strings.EqualFold(t, "submit")) {
			parts = append(parts, htmlx.Text(b))
		}
		if b.Data == "input" && strings.EqualFold(t, "submit") {
			v, _ := htmlx.Attr(b, "value")
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, " ")
}

func legend(f *html.Node) string {
	var parts []string
	for _, n := range htmlx.All(f, "legend", "h1", "h2", "h3") {
		parts = append(parts, htmlx.Text(n))
	}
	return strings.Join(parts, " ")
}
