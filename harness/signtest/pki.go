package signtest

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"time"

	"github.com/p06kit/p06kit/ident"
)

// Algorithm is the key algorithm of a PKI.
type Algorithm int

// The key algorithms, at the minimum sizes of Circular 15/2025/TT-BKHCN.
const (
	// ECDSAP256 is ECDSA on NIST P-256 (the default: fast to generate).
	ECDSAP256 Algorithm = iota
	// RSA2048 is RSA with 2048-bit keys.
	RSA2048
)

// Option configures NewPKI. Options are sealed: only this package defines them.
type Option interface{ apply(*config) }

type optionFunc func(*config)

func (f optionFunc) apply(c *config) { f(c) }

type config struct {
	alg  Algorithm
	now  func() time.Time
	repo string
}

// WithAlgorithm chooses the key algorithm of every certificate. Default ECDSAP256.
func WithAlgorithm(a Algorithm) Option { return optionFunc(func(c *config) { c.alg = a }) }

// WithClock sets the clock the PKI dates its certificates, CRLs and signatures by. Default
// time.Now.
func WithClock(now func() time.Time) Option { return optionFunc(func(c *config) { c.now = now }) }

// WithRepository makes the certificates point at a CA repository at baseURL (no trailing slash),
// laid out as a [Server] serves it: CRL distribution points /crl/intermediate.crl (end-entity
// certificates) and /crl/root.crl (the intermediate), and CA issuers /intermediate.crt and
// /root.crt. [NewPKIServer] sets it to the server it starts. Verifiers that follow the
// certificates' CRL distribution points (most PKI libraries, openssl -crl_download,
// [VerifyOptions.FetchCRL]) then find the revocation lists without configuration.
func WithRepository(baseURL string) Option {
	return optionFunc(func(c *config) { c.repo = strings.TrimSuffix(baseURL, "/") })
}

// PKI is a test public-key infrastructure: a root on the trust list, an intermediate that issues
// the agency, organisation and citizen certificates, a CRL, and a second root that is not on the
// trust list. It is safe for concurrent use.
type PKI struct {
	// Root is the trust anchor (the stand-in for the NEAC root); Intermediate issues every
	// end-entity certificate of the trust list.
	Root, Intermediate *Identity
	// UntrustedRoot issues Untrusted certificates; it is not on the trust list.
	UntrustedRoot *Identity

	cfg          config
	agency       *Identity
	organisation *Identity
	tsa          *Identity

	mu      sync.Mutex
	serial  int64
	issued  map[issueKey]*Identity
	revoked []x509.RevocationListEntry
	crl     *x509.RevocationList // the intermediate's
	rootCRL *x509.RevocationList // the root's, covering the intermediate
	crlNum  int64
}

type issueKey struct {
	id    string
	state State
}

// NewPKI creates a PKI with fresh keys. Certificates are dated from the PKI's clock: the CAs are
// valid from five years ago for fifteen years, end-entity certificates from a month ago for two
// years.
func NewPKI(opts ...Option) (*PKI, error) {
	cfg := config{now: time.Now}
	for _, o := range opts {
		o.apply(&cfg)
	}
	p := &PKI{cfg: cfg, issued: map[issueKey]*Identity{}}
	now := p.now()
	var err error
	p.Root, err = p.newCA(nil, pkix.Name{
		CommonName:   "signtest Root CA (thử nghiệm, thay cho Root CA quốc gia)",
		Organization: []string{"p06kit signtest"},
		Country:      []string{"VN"},
	}, now)
	if err != nil {
		return nil, err
	}
	p.Intermediate, err = p.newCA(p.Root, pkix.Name{
		CommonName:   "signtest CA Chuyên dùng",
		Organization: []string{"p06kit signtest"},
		Locality:     []string{"Hà Nội"},
		Country:      []string{"VN"},
	}, now)
	if err != nil {
		return nil, err
	}
	p.UntrustedRoot, err = p.newCA(nil, pkix.Name{
		CommonName:   "Untrusted Root CA (không thuộc danh sách tin cậy)",
		Organization: []string{"Tổ chức chứng thực giả mạo"},
		Country:      []string{"VN"},
	}, now)
	if err != nil {
		return nil, err
	}
	p.agency, err = p.issue(p.Intermediate, KindAgency, Valid, pkix.Name{
		CommonName:         AgencyName,
		Organization:       []string{AgencyName},
		OrganizationalUnit: []string{AgencyParent},
		Locality:           []string{"Hà Nội"},
		Province:           []string{"Hà Nội"},
		Country:            []string{"VN"},
	}, ident.Person{})
	if err != nil {
		return nil, err
	}
	p.organisation, err = p.issue(p.Intermediate, KindOrganisation, Valid, pkix.Name{
		CommonName:   OrganisationName,
		Organization: []string{OrganisationName},
		Locality:     []string{"Hà Nội"},
		Province:     []string{"Hà Nội"},
		Country:      []string{"VN"},
		ExtraNames:   []pkix.AttributeTypeAndValue{{Type: OIDUserID, Value: "MST:" + OrganisationTaxCode}},
	}, ident.Person{})
	if err != nil {
		return nil, err
	}
	if p.tsa, err = p.newTSA(now); err != nil {
		return nil, err
	}
	if err := p.signCRL(); err != nil {
		return nil, err
	}
	p.crlNum++
	p.rootCRL, err = newCRL(p.Root, nil, p.crlNum, now)
	if err != nil {
		return nil, err
	}
	return p, nil
}

func (p *PKI) now() time.Time {
	if p.cfg.now == nil {
		return time.Now().UTC().Truncate(time.Second)
	}
	return p.cfg.now().UTC().Truncate(time.Second)
}

// errNotCreated is returned by a PKI that did not come from NewPKI (a zero PKI has no keys).
var errNotCreated = errors.New("signtest: the PKI was not created with NewPKI")

func (p *PKI) ready() error {
	if p == nil || p.Root == nil || p.Intermediate == nil || p.UntrustedRoot == nil {
		return errNotCreated
	}
	return nil
}

// Now is the PKI's clock.
func (p *PKI) Now() time.Time { return p.now() }

// Agency is the certificate of the agency that signs electronic results.
func (p *PKI) Agency() *Identity { return p.agency }

// TSA is the time-stamping authority (RFC 3161): pass it as [SignOptions.TSA] to time-stamp a
// signature.
func (p *PKI) TSA() *Identity { return p.tsa }

// newTSA issues the time-stamping authority's certificate: its only extended key usage is
// timeStamping, marked critical, as RFC 3161 2.3 requires.
func (p *PKI) newTSA(now time.Time) (*Identity, error) {
	key, err := p.newKey()
	if err != nil {
		return nil, fmt.Errorf("signtest: generating the TSA key: %w", err)
	}
	eku, err := asn1.Marshal([]asn1.ObjectIdentifier{oidKPTimeStamping})
	if err != nil {
		return nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber:    p.nextSerial(),
		Subject:         pkix.Name{CommonName: "signtest TSA (dấu thời gian thử nghiệm)", Organization: []string{"p06kit signtest"}, Country: []string{"VN"}},
		NotBefore:       now.AddDate(0, -1, 0),
		NotAfter:        now.AddDate(5, 0, 0),
		KeyUsage:        x509.KeyUsageDigitalSignature,
		ExtraExtensions: []pkix.Extension{{Id: oidExtKeyUsage, Critical: true, Value: eku}},
		SubjectKeyId:    subjectKeyID(key.Public()),
		AuthorityKeyId:  p.Intermediate.Cert.SubjectKeyId,
	}
	if p.cfg.repo != "" {
		tmpl.CRLDistributionPoints = []string{p.cfg.repo + "/crl/intermediate.crl"}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, p.Intermediate.Cert, key.Public(), p.Intermediate.Key)
	if err != nil {
		return nil, fmt.Errorf("signtest: creating the TSA certificate: %w", err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, fmt.Errorf("signtest: parsing the TSA certificate: %w", err)
	}
	return &Identity{Kind: KindTSA, Cert: cert, Key: key, Chain: []*x509.Certificate{p.Intermediate.Cert, p.Root.Cert}}, nil
}

// Organisation is the certificate of an organisation that signs submissions.
func (p *PKI) Organisation() *Identity { return p.organisation }

// Citizen returns a valid certificate for who, issued on first use and then reused.
func (p *PKI) Citizen(who ident.Person) (*Identity, error) { return p.Issue(who, Valid) }

// Issue returns a certificate for the citizen who in the given state, issued on first use and then
// reused. Issuing a Revoked certificate adds it to the intermediate's CRL: call CRLs again to see it.
func (p *PKI) Issue(who ident.Person, state State) (*Identity, error) {
	if err := p.ready(); err != nil {
		return nil, err
	}
	if who.ID == "" {
		return nil, errors.New("signtest: issuing a citizen certificate: the person has no identification number")
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	k := issueKey{who.ID, state}
	if id, ok := p.issued[k]; ok {
		return id, nil
	}
	issuer := p.Intermediate
	if state == Untrusted {
		issuer = p.UntrustedRoot
	}
	// The synthetic address ends with the province, which is where the holder registered.
	loc := "Hà Nội"
	if i := strings.LastIndex(who.Address, ","); i >= 0 && strings.TrimSpace(who.Address[i+1:]) != "" {
		loc = strings.TrimSpace(who.Address[i+1:])
	}
	id, err := p.issue(issuer, KindCitizen, state, pkix.Name{
		CommonName: who.FullName(),
		Locality:   []string{loc},
		Country:    []string{"VN"},
		ExtraNames: []pkix.AttributeTypeAndValue{{Type: OIDUserID, Value: "CCCD:" + who.ID}},
	}, who)
	if err != nil {
		return nil, err
	}
	if state == Revoked {
		p.revoked = append(p.revoked, x509.RevocationListEntry{
			SerialNumber:   id.Cert.SerialNumber,
			RevocationTime: p.now().Add(-24 * time.Hour),
			ReasonCode:     1, // keyCompromise
		})
		if err := p.signCRLLocked(); err != nil {
			return nil, err
		}
	}
	p.issued[k] = id
	return id, nil
}

func (p *PKI) newKey() (crypto.Signer, error) {
	if p.cfg.alg == RSA2048 {
		return rsa.GenerateKey(rand.Reader, 2048)
	}
	return ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
}

func (p *PKI) nextSerial() *big.Int {
	p.serial++
	// A random high part keeps serials unique across PKIs, as real CAs do (CA/B BR 7.1).
	var b [8]byte
	_, _ = rand.Read(b[:])
	s := new(big.Int).SetBytes(b[:])
	s.Lsh(s, 16)
	return s.Add(s, big.NewInt(p.serial))
}

func subjectKeyID(pub crypto.PublicKey) []byte {
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return nil
	}
	var spki struct {
		Algorithm pkix.AlgorithmIdentifier
		Key       asn1.BitString
	}
	if _, err := asn1.Unmarshal(der, &spki); err != nil {
		return nil
	}
	h := sha1.Sum(spki.Key.Bytes) // RFC 5280 4.2.1.2 method (1)
	return h[:]
}

func (p *PKI) newCA(parent *Identity, name pkix.Name, now time.Time) (*Identity, error) {
	key, err := p.newKey()
	if err != nil {
		return nil, fmt.Errorf("signtest: generating a CA key: %w", err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          p.nextSerial(),
		Subject:               name,
		NotBefore:             now.AddDate(-5, 0, 0),
		NotAfter:              now.AddDate(10, 0, 0),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign | x509.KeyUsageDigitalSignature,
		BasicConstraintsValid: true,
		IsCA:                  true,
		SubjectKeyId:          subjectKeyID(key.Public()),
	}
	issuerCert, issuerKey := tmpl, key
	var chain []*x509.Certificate
	if p.cfg.repo != "" && parent == nil && p.Root == nil {
		// openssl -crl_check_all asks for a CRL even for the root; its own CRL covers it.
		tmpl.CRLDistributionPoints = []string{p.cfg.repo + "/crl/root.crl"}
	}
	if parent != nil {
		issuerCert, issuerKey = parent.Cert, parent.Key
		tmpl.MaxPathLen, tmpl.MaxPathLenZero = 0, true
		tmpl.AuthorityKeyId = parent.Cert.SubjectKeyId
		chain = append([]*x509.Certificate{parent.Cert}, parent.Chain...)
		if p.cfg.repo != "" && parent == p.Root {
			tmpl.CRLDistributionPoints = []string{p.cfg.repo + "/crl/root.crl"}
			tmpl.IssuingCertificateURL = []string{p.cfg.repo + "/root.crt"}
		}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, issuerCert, key.Public(), issuerKey)
	if err != nil {
		return nil, fmt.Errorf("signtest: creating CA %q: %w", name.CommonName, err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, fmt.Errorf("signtest: parsing CA %q: %w", name.CommonName, err)
	}
	return &Identity{Kind: KindCA, Cert: cert, Key: key, Chain: chain}, nil
}

func (p *PKI) issue(issuer *Identity, kind Kind, state State, name pkix.Name, who ident.Person) (*Identity, error) {
	key, err := p.newKey()
	if err != nil {
		return nil, fmt.Errorf("signtest: generating a key: %w", err)
	}
	now := p.now()
	nb, na := now.AddDate(0, -1, 0), now.AddDate(2, 0, 0)
	switch state {
	case Expired:
		nb, na = now.AddDate(-3, 0, 0), now.AddDate(-1, 0, 0)
	case NotYetValid:
		nb, na = now.AddDate(1, 0, 0), now.AddDate(3, 0, 0)
	}
	var policy x509.OID
	for _, kp := range kindPolicies {
		if kp.kind == kind {
			policy = mustOID(kp.oid)
		}
	}
	tmpl := &x509.Certificate{
		SerialNumber:       p.nextSerial(),
		Subject:            name,
		NotBefore:          nb,
		NotAfter:           na,
		KeyUsage:           x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
		ExtKeyUsage:        []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection},
		UnknownExtKeyUsage: []asn1.ObjectIdentifier{{1, 3, 6, 1, 5, 5, 7, 3, 36}}, // id-kp-documentSigning, RFC 9336
		Policies:           []x509.OID{policy},
		SubjectKeyId:       subjectKeyID(key.Public()),
		AuthorityKeyId:     issuer.Cert.SubjectKeyId,
	}
	if p.cfg.repo != "" && issuer == p.Intermediate {
		tmpl.CRLDistributionPoints = []string{p.cfg.repo + "/crl/intermediate.crl"}
		tmpl.IssuingCertificateURL = []string{p.cfg.repo + "/intermediate.crt"}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, issuer.Cert, key.Public(), issuer.Key)
	if err != nil {
		return nil, fmt.Errorf("signtest: creating the certificate of %q: %w", name.CommonName, err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, fmt.Errorf("signtest: parsing the certificate of %q: %w", name.CommonName, err)
	}
	chain := append([]*x509.Certificate{issuer.Cert}, issuer.Chain...)
	return &Identity{Kind: kind, State: state, Cert: cert, Key: key, Chain: chain, Person: who}, nil
}

func (p *PKI) signCRL() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.signCRLLocked()
}

func (p *PKI) signCRLLocked() error {
	p.crlNum++
	crl, err := newCRL(p.Intermediate, p.revoked, p.crlNum, p.now())
	if err != nil {
		return err
	}
	p.crl = crl
	return nil
}

func newCRL(issuer *Identity, revoked []x509.RevocationListEntry, number int64, now time.Time) (*x509.RevocationList, error) {
	tmpl := &x509.RevocationList{
		RevokedCertificateEntries: append([]x509.RevocationListEntry(nil), revoked...),
		Number:                    big.NewInt(number),
		ThisUpdate:                now.Add(-time.Hour),
		NextUpdate:                now.AddDate(0, 0, 7),
	}
	der, err := x509.CreateRevocationList(rand.Reader, tmpl, issuer.Cert, issuer.Key)
	if err != nil {
		return nil, fmt.Errorf("signtest: signing the CRL of %q: %w", issuer.Cert.Subject.CommonName, err)
	}
	crl, err := x509.ParseRevocationList(der)
	if err != nil {
		return nil, fmt.Errorf("signtest: parsing the CRL of %q: %w", issuer.Cert.Subject.CommonName, err)
	}
	return crl, nil
}

// CRLs are the current certificate revocation lists: the intermediate's (end-entity
// certificates; it changes when a Revoked certificate is issued) and the root's (the
// intermediate), valid for a week from the PKI's clock.
func (p *PKI) CRLs() []*x509.RevocationList {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.crl == nil || p.rootCRL == nil {
		return nil
	}
	return []*x509.RevocationList{p.crl, p.rootCRL}
}

// CRLPEM is the current CRLs, PEM-encoded ("X509 CRL"), as openssl -CRLfile reads them.
func (p *PKI) CRLPEM() []byte {
	var b bytes.Buffer
	for _, c := range p.CRLs() {
		_ = pem.Encode(&b, &pem.Block{Type: "X509 CRL", Bytes: c.Raw})
	}
	return b.Bytes()
}

// TrustPool is the trust list: a pool with the root only.
func (p *PKI) TrustPool() *x509.CertPool {
	pool := x509.NewCertPool()
	if p.ready() == nil {
		pool.AddCert(p.Root.Cert)
	}
	return pool
}

// TrustPEM is the trust list PEM-encoded, as openssl -CAfile reads it.
func (p *PKI) TrustPEM() []byte {
	if p.ready() != nil {
		return nil
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: p.Root.Cert.Raw})
}

// VerifyOptions are the options a portal configured with this PKI verifies with: the trust list,
// the intermediate, the current CRL, revocation checking required, and the PKI's clock.
func (p *PKI) VerifyOptions() VerifyOptions {
	var inter []*x509.Certificate
	if p.ready() == nil {
		inter = []*x509.Certificate{p.Intermediate.Cert}
	}
	return VerifyOptions{
		Roots:             p.TrustPool(),
		Intermediates:     inter,
		CRLs:              p.CRLs(),
		RequireRevocation: true,
		Now:               p.now,
	}
}

// Sign signs data as signer; see the package-level [Sign]. SigningTime defaults to the PKI's
// clock.
func (p *PKI) Sign(data []byte, signer *Identity, opts SignOptions) ([]byte, error) {
	if opts.SigningTime.IsZero() {
		opts.SigningTime = p.now()
	}
	return Sign(data, signer, opts)
}

// VerifyFile verifies a document as a portal receives it with the PKI's [PKI.VerifyOptions];
// see the package-level [VerifyFile].
func (p *PKI) VerifyFile(data, sig []byte) (*Signed, error) {
	return VerifyFile(data, sig, p.VerifyOptions())
}

// Verify verifies sig over data with the PKI's [PKI.VerifyOptions]; see the package-level
// [Verify].
func (p *PKI) Verify(data, sig []byte) (*Signed, error) {
	return Verify(data, sig, p.VerifyOptions())
}
