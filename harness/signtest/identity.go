package signtest

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"encoding/asn1"
	"encoding/pem"
	"fmt"

	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/ident"
)

// Kind is the kind of holder a certificate was issued to.
type Kind int

// The kinds of certificate holders.
const (
	// KindUnknown is a certificate this package cannot classify.
	KindUnknown Kind = iota
	// KindAgency is a state agency (cơ quan nhà nước) that signs electronic results.
	KindAgency
	// KindCitizen is an individual (cá nhân) who signs submissions.
	KindCitizen
	// KindOrganisation is a business or other organisation (tổ chức) that signs submissions.
	KindOrganisation
	// KindCA is a certification authority.
	KindCA
	// KindTSA is a time-stamping authority (RFC 3161).
	KindTSA
)

func (k Kind) String() string { return k.Name().Render(msg.EN) }

// VI is the Vietnamese name of the kind.
//
// Deprecated: use Name, a catalogue phrase in either language (k.Name().Render(msg.VI)); VI goes
// in the next release.
func (k Kind) VI() string { return k.Name().Render(msg.VI) }

// State is what is wrong, on purpose, with an issued certificate.
type State int

// The states of issued certificates.
const (
	// Valid: issued by the intermediate of the trust list, valid now, not revoked.
	Valid State = iota
	// Expired: its validity ended a year ago.
	Expired
	// NotYetValid: its validity starts in a year.
	NotYetValid
	// Revoked: valid dates, but listed (key compromise, a day ago) on the intermediate's CRL.
	Revoked
	// Untrusted: valid dates, but issued by a root that is not on the trust list.
	Untrusted
)

func (s State) String() string {
	switch s {
	case Valid:
		return "valid"
	case Expired:
		return "expired"
	case NotYetValid:
		return "not yet valid"
	case Revoked:
		return "revoked"
	case Untrusted:
		return "untrusted"
	}
	return fmt.Sprintf("State(%d)", int(s))
}

// The object identifiers of the subject fields and certificate policies this package uses.
//
// Vietnamese CAs put the holder's identifier in the LDAP UID attribute
// (0.9.2342.19200300.100.1.1) with a prefix: "CCCD:" and the 12-digit personal identification
// number for individuals, "MST:" and the tax code for organisations. signtest does the same.
// Certificate policies mark the kind of holder; they sit under 2.999, the arc ITU-T X.660 keeps
// for examples, so they can never collide with a real CA's policies.
var (
	OIDUserID             = asn1.ObjectIdentifier{0, 9, 2342, 19200300, 100, 1, 1}
	OIDPolicyAgency       = asn1.ObjectIdentifier{2, 999, 6, 1}
	OIDPolicyCitizen      = asn1.ObjectIdentifier{2, 999, 6, 2}
	OIDPolicyOrganisation = asn1.ObjectIdentifier{2, 999, 6, 3}
)

var kindPolicies = []struct {
	kind Kind
	oid  asn1.ObjectIdentifier
}{{KindAgency, OIDPolicyAgency}, {KindCitizen, OIDPolicyCitizen}, {KindOrganisation, OIDPolicyOrganisation}}

func mustOID(o asn1.ObjectIdentifier) x509.OID {
	ints := make([]uint64, len(o))
	for i, v := range o {
		ints[i] = uint64(v)
	}
	oid, err := x509.OIDFromInts(ints)
	if err != nil {
		return x509.OID{}
	}
	return oid
}

// The subject attributes of the fixed identities.
const (
	// AgencyName is the common name and organisation of the agency certificate.
	AgencyName = "Sở Tư pháp Thành phố Hà Nội"
	// AgencyParent is the agency's parent body (OU).
	AgencyParent = "Ủy ban nhân dân Thành phố Hà Nội"
	// OrganisationName and OrganisationTaxCode are the organisation certificate's holder.
	OrganisationName    = "Công ty TNHH Thử Nghiệm Số"
	OrganisationTaxCode = "0101234565"
)

// Identity is a certificate holder: its certificate, private key and chain.
type Identity struct {
	Kind Kind
	// State is what is wrong with the certificate on purpose (Valid for a good one).
	State State
	// Cert is the holder's certificate.
	Cert *x509.Certificate
	// Key is the private key of Cert.
	Key crypto.Signer
	// Chain are the issuing CA certificates, the issuer first, the root last.
	Chain []*x509.Certificate
	// Person is the citizen a KindCitizen certificate was issued to; zero otherwise.
	Person ident.Person
}

// Subject is the certificate subject, formatted by [FormatName].
func (id *Identity) Subject() string { return FormatName(id.Cert.Subject) }

// CertPEM is the holder's certificate followed by its chain (root last), PEM-encoded, as
// openssl's -signer and -certfile read them.
func (id *Identity) CertPEM() []byte {
	var b bytes.Buffer
	_ = pem.Encode(&b, &pem.Block{Type: "CERTIFICATE", Bytes: id.Cert.Raw})
	for _, c := range id.Chain {
		_ = pem.Encode(&b, &pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})
	}
	return b.Bytes()
}

// ChainPEM is the issuing CA certificates (root last), PEM-encoded, as openssl's -certfile reads
// them.
func (id *Identity) ChainPEM() []byte {
	var b bytes.Buffer
	for _, c := range id.Chain {
		_ = pem.Encode(&b, &pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})
	}
	return b.Bytes()
}

// KeyPEM is the private key in PKCS #8, PEM-encoded. Test keys only: never protect real keys so.
func (id *Identity) KeyPEM() ([]byte, error) {
	der, err := x509.MarshalPKCS8PrivateKey(id.Key)
	if err != nil {
		return nil, fmt.Errorf("signtest: marshalling the key of %s: %w", id.Subject(), err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), nil
}
