package signtest

import (
	"crypto"
	"encoding/asn1"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/p06kit/p06kit/ident"
)

// withToken returns sig with a time-stamp token made by tsa at `at` over the signature value of
// sigOf (sig itself when nil) in its unsigned attributes.
func withToken(t *testing.T, sig, sigOf []byte, tsa *Identity, at time.Time) []byte {
	t.Helper()
	if sigOf == nil {
		sigOf = sig
	}
	p, err := parse(sigOf)
	if err != nil {
		t.Fatal(err)
	}
	token, err := timestampToken(tsa, p.sd.SignerInfos[0].Signature, crypto.SHA256, at)
	if err != nil {
		t.Fatal(err)
	}
	out, err := rewrite(sig, func(sd *signedData) error {
		set, err := attributeSet([]attribute{{Type: oidTimeStampToken, Values: setOf(token)}}, 0xa1)
		sd.SignerInfos[0].UnsignedAttrs = asn1.RawValue{FullBytes: set}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestTimestamp(t *testing.T) {
	pki, err := NewPKI()
	if err != nil {
		t.Fatal(err)
	}
	who := ident.DefaultPeople()[4]
	revoked, err := pki.Issue(who, Revoked) // revoked a day ago
	if err != nil {
		t.Fatal(err)
	}
	now := pki.Now()
	twoDaysAgo := now.Add(-48 * time.Hour)
	lt := pki.VerifyOptions()
	lt.AtSigningTime = true

	t.Run("stamped signature", func(t *testing.T) {
		sig, err := pki.Sign(doc, pki.Agency(), SignOptions{TSA: pki.TSA(), SigningTime: now})
		if err != nil {
			t.Fatal(err)
		}
		s, err := pki.Verify(nil, sig)
		if err != nil {
			t.Fatal(err)
		}
		if !s.Timestamp.Equal(now) || s.TimestampAuthority == nil || Classify(s.TimestampAuthority) != KindTSA {
			t.Fatalf("timestamp %v by %v, want %v by the TSA", s.Timestamp, s.TimestampAuthority, now)
		}
	})
	t.Run("stamped before the revocation: valid in long-term validation", func(t *testing.T) {
		sig, err := pki.Sign(doc, revoked, SignOptions{SigningTime: twoDaysAgo, TSA: pki.TSA()})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Verify(nil, sig, lt); err != nil {
			t.Fatalf("time-stamped before the revocation: %v", err)
		}
		if _, err := pki.Verify(nil, sig); !errors.Is(err, ErrRevoked) {
			t.Fatalf("without long-term validation: got %v, want ErrRevoked", err)
		}
	})
	t.Run("a backdated claim does not beat the time-stamp", func(t *testing.T) {
		sig, err := pki.Sign(doc, revoked, SignOptions{SigningTime: twoDaysAgo})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Verify(nil, sig, lt); err != nil {
			t.Fatalf("an unstamped claim is trusted in long-term validation, as documented: %v", err)
		}
		stamped := withToken(t, sig, nil, pki.TSA(), now)
		if _, err := Verify(nil, stamped, lt); !errors.Is(err, ErrRevoked) {
			t.Fatalf("stamped after the revocation: got %v, want ErrRevoked", err)
		}
	})
	t.Run("claim after the time-stamp", func(t *testing.T) {
		sig, err := pki.Sign(doc, pki.Agency(), SignOptions{SigningTime: now})
		if err != nil {
			t.Fatal(err)
		}
		_, err = pki.Verify(nil, withToken(t, sig, nil, pki.TSA(), twoDaysAgo))
		if !errors.Is(err, ErrMalformed) || !strings.Contains(err.Error(), "after the time-stamp") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("token of another signature", func(t *testing.T) {
		a, err := pki.Sign(doc, pki.Agency(), SignOptions{})
		if err != nil {
			t.Fatal(err)
		}
		b, err := pki.Sign([]byte("khác"), pki.Agency(), SignOptions{})
		if err != nil {
			t.Fatal(err)
		}
		_, err = pki.Verify(nil, withToken(t, a, b, pki.TSA(), now))
		if !errors.Is(err, ErrTampered) || !strings.Contains(err.Error(), "stamps another signature") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("token from a non-TSA certificate", func(t *testing.T) {
		sig, err := pki.Sign(doc, pki.Agency(), SignOptions{})
		if err != nil {
			t.Fatal(err)
		}
		_, err = pki.Verify(nil, withToken(t, sig, nil, pki.Organisation(), now))
		if !errors.Is(err, ErrUntrusted) || !strings.Contains(err.Error(), "not a time-stamping authority") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("token from an untrusted TSA", func(t *testing.T) {
		sig, err := pki.Sign(doc, pki.Agency(), SignOptions{})
		if err != nil {
			t.Fatal(err)
		}
		other, err := NewPKI()
		if err != nil {
			t.Fatal(err)
		}
		_, err = pki.Verify(nil, withToken(t, sig, nil, other.TSA(), now))
		if !errors.Is(err, ErrUntrusted) || !strings.Contains(err.Error(), "time-stamp token") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("garbage token", func(t *testing.T) {
		sig, err := pki.Sign(doc, pki.Agency(), SignOptions{})
		if err != nil {
			t.Fatal(err)
		}
		bad, err := rewrite(sig, func(sd *signedData) error {
			v, _ := asn1.Marshal([]byte("not a token"))
			set, err := attributeSet([]attribute{{Type: oidTimeStampToken, Values: setOf(v)}}, 0xa1)
			sd.SignerInfos[0].UnsignedAttrs = asn1.RawValue{FullBytes: set}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := pki.Verify(nil, bad); !errors.Is(err, ErrMalformed) {
			t.Fatalf("got %v", err)
		}
	})
}
