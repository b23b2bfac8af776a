package signtest

import (
	"encoding/asn1"
	"errors"
	"fmt"

	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/ident"
)

// TamperData returns a copy of data with one byte changed (the middle one), as an edit after
// signing would. Empty data becomes one byte.
func TamperData(data []byte) []byte {
	if len(data) == 0 {
		return []byte{0}
	}
	out := append([]byte(nil), data...)
	out[len(out)/2] ^= 0x01
	return out
}

// TamperSignature returns a copy of the DER signature sig whose first signature value has one
// bit flipped: the structure stays valid, the signature no longer verifies.
func TamperSignature(sig []byte) ([]byte, error) {
	return rewrite(sig, func(sd *signedData) error {
		if len(sd.SignerInfos) == 0 || len(sd.SignerInfos[0].Signature) == 0 {
			return errors.New("no signature value to tamper with")
		}
		v := append([]byte(nil), sd.SignerInfos[0].Signature...)
		v[len(v)/2] ^= 0x01
		sd.SignerInfos[0].Signature = v
		return nil
	})
}

// TamperAttached returns a copy of the attached signature sig whose encapsulated content has
// one byte changed while the signature is kept: what a forger who edits a signed file does.
func TamperAttached(sig []byte) ([]byte, error) {
	return rewrite(sig, func(sd *signedData) error {
		ec := sd.EncapContentInfo.EContent
		if len(ec.FullBytes) == 0 {
			return errors.New("the signature is detached: tamper with the data instead")
		}
		var content []byte
		if _, err := asn1.Unmarshal(ec.Bytes, &content); err != nil {
			return err
		}
		oct, err := asn1.Marshal(TamperData(content))
		if err != nil {
			return err
		}
		sd.EncapContentInfo.EContent = asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: oct}
		return nil
	})
}

func rewrite(sig []byte, edit func(*signedData) error) ([]byte, error) {
	p, err := parse(sig)
	if err != nil {
		return nil, fmt.Errorf("signtest: tamper: %w", err)
	}
	sd := p.sd
	sd.SignerInfos = append([]signerInfo(nil), sd.SignerInfos...)
	if err := edit(&sd); err != nil {
		return nil, fmt.Errorf("signtest: tamper: %w", err)
	}
	inner, err := asn1.Marshal(sd)
	if err != nil {
		return nil, fmt.Errorf("signtest: tamper: %w", err)
	}
	return asn1.Marshal(contentInfo{ContentType: oidSignedData, Content: explicit0(inner)})
}

// Case is a signed document that a verifier must accept (Want nil) or reject (Want the reason).
type Case struct {
	// Label names the case as a catalogue phrase (package msg), e.g. "tampered document"; Name is
	// Label in English.
	Label msg.Phrase
	Name  string
	// NameVI is Label in Vietnamese.
	//
	// Deprecated: use Label (Label.Render(msg.VI)); NameVI goes in the next release.
	NameVI string
	// Data is the document as uploaded; Signature its detached CMS signature, or nil when Data
	// is an attached CMS SignedData. [VerifyFile] takes them as they are.
	Data, Signature []byte
	// Signer is the identity that signed.
	Signer *Identity
	// Want is the sentinel error verification must report, or nil for the valid control case.
	Want error
}

// label sets Label, Name and NameVI.
func (c *Case) label(t msg.Text) {
	c.Label = msg.P(t)
	c.Name, c.NameVI = c.Label.Render(msg.EN), c.Label.Render(msg.VI)
}

// Cases returns, for the document data signed by (a certificate of) the citizen who, the valid
// control case followed by the cases a verifier must reject: tampered document, tampered
// signature, expired, revoked and untrusted certificates. Each bad case differs from the control
// in one way only, so a verifier that rejects it rejects it for that reason. Signatures are
// detached; signing times are the PKI's clock.
func (p *PKI) Cases(data []byte, who ident.Person) ([]Case, error) { return p.cases(data, who, false) }

// AttachedCases is [PKI.Cases] with attached signatures: each Data is a CMS SignedData carrying
// the document, and Signature is nil.
func (p *PKI) AttachedCases(data []byte, who ident.Person) ([]Case, error) {
	return p.cases(data, who, true)
}

func (p *PKI) cases(data []byte, who ident.Person, attached bool) ([]Case, error) {
	good, err := p.Citizen(who)
	if err != nil {
		return nil, err
	}
	mk := func(id *Identity) (Case, error) {
		s, err := p.Sign(data, id, SignOptions{Detached: !attached})
		if err != nil {
			return Case{}, err
		}
		if attached {
			return Case{Data: s, Signer: id}, nil
		}
		return Case{Data: data, Signature: s, Signer: id}, nil
	}
	control, err := mk(good)
	if err != nil {
		return nil, err
	}
	control.label(mCaseValid)
	tamperedDoc, forged := control, control
	if attached {
		if tamperedDoc.Data, err = TamperAttached(control.Data); err != nil {
			return nil, err
		}
		if forged.Data, err = TamperSignature(control.Data); err != nil {
			return nil, err
		}
	} else {
		tamperedDoc.Data = TamperData(data)
		if forged.Signature, err = TamperSignature(control.Signature); err != nil {
			return nil, err
		}
	}
	tamperedDoc.label(mCaseTamperedDocument)
	tamperedDoc.Want = ErrTampered
	forged.label(mCaseTamperedSignature)
	forged.Want = ErrTampered
	cases := []Case{control, tamperedDoc, forged}
	for _, st := range []struct {
		state State
		name  msg.Text
		want  error
	}{
		{Expired, mCaseExpired, ErrExpired},
		{Revoked, mCaseRevoked, ErrRevoked},
		{Untrusted, mCaseUntrusted, ErrUntrusted},
	} {
		id, err := p.Issue(who, st.state)
		if err != nil {
			return nil, err
		}
		c, err := mk(id)
		if err != nil {
			return nil, err
		}
		c.label(st.name)
		c.Want = st.want
		cases = append(cases, c)
	}
	return cases, nil
}
