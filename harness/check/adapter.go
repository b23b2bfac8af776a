package check

import (
	"context"
	"net/http"

	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/ident"
)

// The adapter interfaces. Assisted checks need the vendor's help to drive flows the harness cannot
// guess. Each interface is small and optional: implement the ones your portal can support; a check
// whose interface is missing reports not_tested and names the missing method.
//
// Every method receives a *Browser: one simulated citizen's user agent, with its own cookie jar,
// already logged in where the method says so. Use its Client for every request to the portal so
// that the harness's bounds and evidence apply.

// Browser is one simulated user agent: a bounded HTTP client with its own cookie jar.
type Browser struct {
	// Client is the browser's HTTP client. Its redirect policy stops at hosts the session does
	// not allow and records the chain.
	Client *http.Client
	// Citizen is who is logged in, or the zero Person for an anonymous browser.
	Citizen ident.Person

	// cookies records the Set-Cookie lines of the portal's responses, for browsers the
	// session's login made (see SetCookies).
	cookies *cookieLog
}

// Login logs a citizen in by the portal's own means. Most portals need not implement it: without
// it the harness logs in through the fake national SSO (Target.SSO) by following the standard
// redirects from the profile's Login entry, as a browser would.
type Login interface {
	// Login leaves b logged in as who.
	Login(ctx context.Context, b *Browser, who ident.Person) error
}

// BeginLogin starts a citizen login for portals whose login does not begin with a link that
// redirects to the national SSO (a button posting a form, a script). Without it the harness
// starts at the profile's Login entry and follows redirects and one "Đăng nhập" / VNeID link.
type BeginLogin interface {
	// BeginLogin does what the portal's login button does for b (b's cookie jar keeps what the
	// portal sets, such as the state cookie) and returns the URL the browser must visit next:
	// the national SSO's authorization request the portal built, or a portal URL that redirects
	// to it.
	BeginLogin(ctx context.Context, b *Browser) (string, error)
}

// CompleteLogin delivers the national SSO's redirect back to the portal, for portals whose
// callback is not a plain GET of the redirect URI (form_post response mode, a single-page
// application). Without it the harness's browser visits the callback URL.
type CompleteLogin interface {
	// CompleteLogin does, for b, what the browser would do with callback: the portal's
	// redirect URI with the code and state the SSO returned. A portal that rejects the callback
	// is not an error: the checks then ask WhoAmI.
	CompleteLogin(ctx context.Context, b *Browser, callback string) error
}

// Assurance names the procedures that need an account of assurance level 2 (P06-AUTH-08): the
// harness logs in with a level-1 account and expects StartDossier on them to be refused, then
// with a level-2 account and expects it to be accepted.
type Assurance interface {
	// Level2Procedures returns procedure codes (MaTTHC) the portal reserves to level-2 accounts.
	Level2Procedures() []string
}

// WhoAmI reads the identity the portal shows for the logged-in browser. Without it the identity
// checks fetch the profile's Home with the browser and look for a citizen's personal
// identification number or full name (as the fake SSO knows them) on the page.
type WhoAmI interface {
	// WhoAmI returns the personal identification number of the citizen the portal believes b is
	// logged in as; an error wrapping ErrNotLoggedIn when b has no session.
	WhoAmI(ctx context.Context, b *Browser) (string, error)
}

// Logout ends the browser's session at the portal. Without it the harness follows the profile's
// Logout entry.
type Logout interface {
	Logout(ctx context.Context, b *Browser) error
}

// DossierRequest asks the portal to start a dossier.
type DossierRequest struct {
	// Procedure is the procedure code (MaTTHC).
	Procedure string
	// Subjects are the personal identification numbers of other people the dossier concerns
	// (the child of a birth registration, a spouse), as the citizen would type them.
	Subjects []string
	// Documents are files the citizen uploads.
	Documents []Document
	// Reuse are warehouse item IDs the citizen picks instead of uploading.
	Reuse []string
}

// Document is a file exchanged with the portal.
type Document struct {
	Name        string
	ContentType string
	Data        []byte
	// Signature is a detached CMS signature of Data, or nil when Data itself is a CMS
	// SignedData (attached) or unsigned.
	Signature []byte
}

// Dossier is a dossier as the portal shows it to the citizen.
type Dossier struct {
	// ID is the dossier code (MaHoSo).
	ID string
	// Form holds the values the form shows, keyed by the population database's element names
	// (HoVaTen, SoDinhDanh, NgayThangNamSinh, GioiTinh, ThuongTru, …); the adapter maps its own
	// field names to these.
	Form map[string]string
	// Accepted is false when the portal refused the request; Message says what it told the citizen.
	Accepted bool
	Message  string
	// Signers are the signers the portal recorded for the submitted documents.
	Signers []string
	// Status is the portal's status of the dossier.
	Status string
}

// Dossiers starts and submits dossiers.
type Dossiers interface {
	// StartDossier opens a new dossier form as the logged-in citizen would. A refusal the portal
	// shows the citizen is a Dossier with Accepted false, not an error; errors are for failures
	// to drive the portal at all.
	StartDossier(ctx context.Context, b *Browser, req DossierRequest) (*Dossier, error)
	// SubmitDossier submits the dossier with its documents and reused items.
	SubmitDossier(ctx context.Context, b *Browser, d *Dossier, req DossierRequest) (*Dossier, error)
}

// Results completes dossiers and fetches their electronic results.
type Results interface {
	// CompleteDossier makes the agency process the dossier to the end and issue its signed
	// electronic result (a test hook standing in for the officer's work).
	CompleteDossier(ctx context.Context, id string) error
	// FetchResult downloads the electronic result of a completed dossier.
	FetchResult(ctx context.Context, b *Browser, id string) (*Document, error)
}

// WarehouseItem is a document in the citizen's electronic data warehouse.
type WarehouseItem struct {
	ID   string
	Name string
	// URL is where the item can be downloaded (absolute or relative to the portal).
	URL string
	// Dossier is the dossier whose result the item is, if any.
	Dossier string
}

// Warehouse reads the citizen's electronic data warehouse (Kho quản lý dữ liệu điện tử).
type Warehouse interface {
	ListWarehouse(ctx context.Context, b *Browser) ([]WarehouseItem, error)
	// FetchWarehouseItem downloads an item by ID; the portal must refuse items of other citizens.
	FetchWarehouseItem(ctx context.Context, b *Browser, id string) (*Document, error)
}

// ErrNotLoggedIn is wrapped by adapter methods when the browser has no session at the portal.
var ErrNotLoggedIn = msg.Error(msg.New("check.err.not-logged-in", "not logged in", "chưa đăng nhập"))

// ErrRefused is wrapped by adapter methods when the portal refused the request (403, 404, an
// error page): an expected outcome some checks look for, not a failure to drive the portal.
var ErrRefused = msg.Error(msg.New("check.err.refused", "refused by the portal", "cổng từ chối yêu cầu"))
