package check

import (
	"github.com/p06kit/p06kit/criteria"
)

// Profile tells the harness where things are on a portal. Every field is optional: what is
// missing is discovered by crawling the home page, and the report says which fields were
// configured and which discovered. URLs may be absolute or relative to the target's BaseURL.
type Profile struct {
	// Home is the home page. Default: the BaseURL.
	Home string `json:"home,omitempty"`
	// PlainHTTP is the portal's plain-HTTP address, which should redirect to HTTPS. Default: the
	// BaseURL with scheme http and the default port.
	PlainHTTP string `json:"plain_http,omitempty"`
	// Procedures is the procedure catalogue page (HTML).
	Procedures string `json:"procedures,omitempty"`
	// ProceduresJSON is an endpoint listing procedures as JSON.
	ProceduresJSON string `json:"procedures_json,omitempty"`
	// ProcedurePages are procedure pages to check; when empty they are found from the catalogue.
	ProcedurePages []string `json:"procedure_pages,omitempty"`
	// Search is the site-search URL with "{q}" where the query goes.
	Search string `json:"search,omitempty"`
	// StatusLookup is the dossier status look-up URL with "{code}" where the dossier code goes.
	StatusLookup string `json:"status_lookup,omitempty"`
	// Login is the citizen login entry.
	Login string `json:"login,omitempty"`
	// Logout ends the session.
	Logout string `json:"logout,omitempty"`
	// Privacy is the privacy notice; Contact the guidance and contact page.
	Privacy string `json:"privacy,omitempty"`
	Contact string `json:"contact,omitempty"`
	// Feedback is the feedback / petitions (PAKN) page; Rating the satisfaction rating page.
	Feedback string `json:"feedback,omitempty"`
	Rating   string `json:"rating,omitempty"`
	// Payment is the online payment entry.
	Payment string `json:"payment,omitempty"`
	// Samples are extra pages to time and weigh.
	Samples []string `json:"samples,omitempty"`
	// SampleDossier is a dossier code whose status the look-up should find.
	SampleDossier string `json:"sample_dossier,omitempty"`
	// Scope is the portal's level of government: ministry, province (default) or commune.
	Scope criteria.Scope `json:"scope,omitempty"`
	// Budgets are the performance budgets of P06-UX-07 and P06-UX-08.
	Budgets Budgets `json:"budgets,omitempty"`
}

// Budgets are performance budgets; zero fields take the defaults.
type Budgets struct {
	// TTFBp95Ms is the 95th percentile time to first byte, in milliseconds. Default 1000.
	TTFBp95Ms int `json:"ttfb_p95_ms,omitempty"`
	// PageWeightBytes is the weight of a page with its same-host resources. Default 2,000,000.
	PageWeightBytes int64 `json:"page_weight_bytes,omitempty"`
}

// Resolved is a profile with every discoverable field filled in, and where each came from.
type Resolved struct {
	Profile
	// Sources maps a field's JSON name to "configured", "discovered", "default" (a documented
	// default, e.g. home = the base URL) or "missing".
	Sources map[string]string `json:"sources"`
	// Notes say what discovery saw that a reader of the report should know: the catalogue read and
	// its size, pages it could not fetch, a look-up page without a form.
	Notes []string `json:"notes,omitempty"`

	procs      *ProcedureList
	procErr    error
	lookupPage string
}
