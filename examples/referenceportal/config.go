package referenceportal

import (
	"crypto/x509"
	"time"
)

// Config configures the portal. The zero value serves the public pages; login, dossiers and
// results need the national services (SSO, PopDB, Signer).
type Config struct {
	// SSO is the national SSO the portal is a relying party of.
	SSO SSOConfig
	// PopDB is the population-database gateway the portal looks citizens up in.
	PopDB PopDBConfig
	// Signer signs the portal's electronic results; Trust verifies citizens' signatures.
	Signer Signer
	// OfficerToken authorises the officer-side test hook that completes dossiers (the agency's
	// processing, out of the citizen's reach). Empty: dossiers cannot be completed.
	OfficerToken string
	// Defects switches on deliberate defects (the broken portal). Zero: none.
	Defects Defects
	// Log receives the portal's operational log lines; nil: none.
	Log interface{ Printf(string, ...any) }
	// Now is the clock; nil: time.Now.
	Now func() time.Time
}

// SSOConfig is the portal's registration at the national SSO (OpenID Connect).
type SSOConfig struct {
	// Issuer is the provider's issuer URL; its discovery document gives the endpoints.
	Issuer       string
	ClientID     string
	ClientSecret string
	// Roots are the CAs the portal trusts for the provider's TLS certificate (nil: system roots).
	Roots *x509.CertPool
}

// PopDBConfig is the portal's connection to the population database through the gateway.
type PopDBConfig struct {
	URL string
	// Gateway credentials (header authentication of the integration gateway).
	Username, Secret, APIKey, Client string
	// Roots are the CAs the portal trusts for the gateway (nil: system roots).
	Roots *x509.CertPool
	// Officer and Unit are the MaCanBo and MaDonVi the portal sends.
	Officer, Unit string
}

// Defects are the deliberate defects of the broken portal, one switch per defect, each naming
// the criterion it breaks. The reference portal has none.
type Defects struct {
	// Security.
	NoTLS                 bool // P06-SEC-01 (critical): serves plain HTTP only
	TLS10                 bool // P06-SEC-03 (critical), P06-SEC-04: accepts TLS 1.0 with legacy CBC suites
	NoHSTS                bool // P06-SEC-06
	WeakCSP               bool // P06-SEC-07: script-src 'unsafe-inline' 'unsafe-eval'
	NoFraming             bool // P06-SEC-08: no frame-ancestors, no X-Frame-Options
	NoNosniff             bool // P06-SEC-09
	LeakyReferrer         bool // P06-SEC-10: Referrer-Policy unsafe-url
	InsecureCookies       bool // P06-SEC-11: session cookie without Secure, HttpOnly, SameSite
	VersionBanner         bool // P06-SEC-12: Server: nginx/1.18.0, X-Powered-By: PHP/7.4.3
	ExposedGit            bool // P06-SEC-13 (critical): /.git/HEAD served
	StackTraces           bool // P06-SEC-14: .NET stack trace on errors
	NoSecurityTxt         bool // P06-SEC-15
	MixedContent          bool // P06-SEC-16: a stylesheet over http://
	ThirdPartyScriptNoSRI bool // P06-SEC-17: a CDN script without integrity
	CORSWildcard          bool // P06-SEC-18: Access-Control-Allow-Origin reflects any origin with credentials
	// Accessibility.
	NoLang          bool // P06-A11Y-01
	ImageNoAlt      bool // P06-A11Y-03
	UnlabelledInput bool // P06-A11Y-04
	// Experience.
	NoViewport    bool // P06-UX-03
	NoPrivacyLink bool // P06-UX-09
	// Online service.
	MissingComponents bool // P06-SVC-02: procedure pages lack "Thành phần, số lượng hồ sơ"
	NoOnlinePayment   bool // P06-SVC-04
	// Identity. SkipSignature, AnyAudience and IgnoreExpiry each switch off every claim check
	// of the ID token (issuer, audience, expiry, issue time), the shortcut a portal takes when it
	// decodes the token itself; SkipSignature also skips the signature.
	LocalRegistration   bool // P06-AUTH-10: local registration with a password
	NoPKCE              bool // P06-AUTH-01 (critical): authorization request without PKCE
	SkipSignature       bool // P06-AUTH-03 (critical): ID token signature not verified
	AnyAudience         bool // P06-AUTH-04 (critical): issuer and audience not checked
	IgnoreExpiry        bool // P06-AUTH-05: expired ID tokens accepted
	IgnoreState         bool // P06-AUTH-06 (critical): state and nonce not checked
	ReplayableCode      bool // P06-AUTH-07: a callback may be replayed
	IgnoreLevel         bool // P06-AUTH-08: level-1 accounts accepted for level-2 services
	KeepSessionOnLogout bool // P06-AUTH-09: logout only clears the cookie
	// Population data.
	NoLookup        bool // P06-POP-01 (critical), P06-POP-02: the form is not pre-filled from the population database
	TrustAnyGateway bool // P06-POP-04 (critical): the gateway's certificate is not verified
	LookUpEveryone  bool // P06-POP-06 (critical): looks up a neighbour too
	NoIDValidation  bool // P06-POP-07: invalid identifiers sent to the gateway
	// Signatures and warehouse.
	UnsignedResults    bool // P06-SIG-01 (critical): results not signed
	AcceptAnySignature bool // P06-SIG-03 (critical): submitted signatures not verified
	WarehouseIDOR      bool // P06-WH-04 (critical): any logged-in citizen can read any item by ID
}

// Broken returns the defects of the broken portal: at least one per group, and every critical
// criterion of p06-technical.
func Broken() Defects {
	return Defects{
		TLS10: true, NoHSTS: true, WeakCSP: true, InsecureCookies: true, VersionBanner: true, ExposedGit: true,
		StackTraces: true, NoSecurityTxt: true, MixedContent: true, CORSWildcard: true,
		NoLang: true, ImageNoAlt: true, UnlabelledInput: true,
		NoViewport: true, NoPrivacyLink: true,
		MissingComponents: true, NoOnlinePayment: true,
		LocalRegistration: true, NoPKCE: true, SkipSignature: true, AnyAudience: true, IgnoreState: true, ReplayableCode: true,
		KeepSessionOnLogout: true,
		TrustAnyGateway:     true, LookUpEveryone: true, NoIDValidation: true,
		UnsignedResults: true, AcceptAnySignature: true, WarehouseIDOR: true,
	}
}
