// Package signtest is a test public-key infrastructure with CMS signing and verification, in the
// style of net/http/httptest: what a portal's tests need to prove that the portal signs its
// electronic results with the agency's certificate and verifies citizens' signatures against the
// trust list — and rejects tampered, expired, revoked and untrusted ones.
//
//	pki, err := signtest.NewPKI()
//	if err != nil { … }
//	sig, err := pki.Sign(result, pki.Agency(), signtest.SignOptions{Detached: true})
//	signed, err := pki.Verify(result, sig) // signed.CommonName, signed.SigningTime
//
// # The PKI
//
// [NewPKI] creates, with fresh keys (ECDSA P-256 by default, RSA 2048 with [WithAlgorithm]: the
// minimum sizes of Circular 15/2025/TT-BKHCN):
//
//   - a root CA, the trust list (the stand-in for the NEAC root): [PKI.TrustPool], [PKI.TrustPEM];
//   - an intermediate CA that issues every end-entity certificate, with a CRL: [PKI.CRLs],
//     [PKI.CRLPEM];
//   - the agency certificate that signs results: [PKI.Agency] (CN and O "Sở Tư pháp Thành phố
//     Hà Nội", OU the parent people's committee, L Hà Nội, C VN);
//   - an organisation certificate: [PKI.Organisation] (UID "MST:" and its tax code);
//   - citizen certificates, issued on demand for any [ident.Person]: [PKI.Citizen] (CN the full
//     name, L the province, C VN, UID "CCCD:" and the 12-digit personal identification number);
//   - the bad ones, for the same person: [PKI.Issue] with [Expired], [NotYetValid], [Revoked]
//     (listed on the intermediate's CRL) and [Untrusted] (issued by [PKI.UntrustedRoot], a root
//     not on the trust list).
//
// The holder's identifier goes in the LDAP UID attribute (OID 0.9.2342.19200300.100.1.1) with the
// "CCCD:" or "MST:" prefix, as Vietnamese CAs do. The kind of holder is also marked by a
// certificate policy under 2.999.6 ([OIDPolicyAgency], [OIDPolicyCitizen],
// [OIDPolicyOrganisation]; 2.999 is the X.660 arc for examples), which [Classify] reads. End-entity
// certificates have key usage digitalSignature and contentCommitment and extended key usage
// emailProtection (what openssl cms -verify's default purpose asks) and documentSigning (RFC 9336).
//
// # Signing and verifying
//
// [Sign] makes a CMS SignedData (RFC 5652), attached or detached, with the signed attributes
// contentType, messageDigest, signingTime and signingCertificateV2 — a CAdES-BES signature, the
// format Circular 15/2025/TT-BKHCN recommends — and the signer's chain; SHA-256 by default.
// [Verify] reads DER, BER (indefinite lengths, as streaming producers write) and PEM; it checks
// the structure, the digest and signature value, the signing-certificate reference, the key size,
// the chain to the trust list at the signing time, validity now (or only at the signing time, for
// long-term validation with [VerifyOptions.AtSigningTime]) and revocation against CRLs. A failure
// is a *[VerifyError] wrapping one sentinel — [ErrTampered], [ErrExpired], [ErrNotYetValid],
// [ErrRevoked], [ErrUntrusted], [ErrWeakKey], [ErrMalformed], … — so callers branch with
// errors.Is, and [Reason] names it, in English or Vietnamese (a catalogue phrase of package msg). Both interoperate with openssl cms, including
// its -cades option (tested with the interop build tag).
//
// Circular 15/2025/TT-BKHCN asks signing software to support time-stamps: with
// [SignOptions.TSA] set to [PKI.TSA], the signature carries an RFC 3161 time-stamp token (a
// CAdES-T signature). [Verify] checks the token — the authority's chain and its critical
// timeStamping purpose, and that it stamps this signature — reports its time in
// [Signed.Timestamp], and judges the signer's certificate at that trusted time rather than at the
// signer's own claim.
//
// Results are often signed PDFs: [SignPDF] appends a byte-range signature (SubFilter
// ETSI.CAdES.detached) as an incremental update with its signature field and cross-reference,
// and [VerifyPDF] verifies every signature of a PDF and that the last covers the whole file.
// Both read the file's structure with a small PDF reader of this package (cross-reference
// tables and streams, incremental updates, object streams, FlateDecode): a signature is a
// signature field of the document's form whose byte range leaves out exactly its own /Contents,
// not any "/ByteRange" text in the file. The interop tests check signed files with pdfsig
// (poppler) and qpdf --check, sign files qpdf wrote (object streams, linearized), and verify a
// file pdfsig signed. [NewPDF] makes a small valid PDF to sign. [VerifyFile] takes a document as a portal receives it — with a detached
// signature, as an attached CMS file or as a signed PDF — and verifies whichever it is.
//
// # Not covered
//
// OCSP, XAdES and the archival forms (CAdES-LT, -LTA: validation data and archive time-stamps
// embedded in the signature) are not produced or checked; RSA-PSS is refused as unsupported.
// Certificate policies are not enforced beyond the kind of holder. Time-stamps are made by the
// PKI's own authority in process, not through the RFC 3161 HTTP protocol.
//
// # Bad cases
//
// [PKI.Cases] (detached) and [PKI.AttachedCases] return a valid control signature and the
// signatures a verifier must reject, each differing from the control in one way; [TamperData], [TamperSignature] and [TamperAttached]
// make tampered variants of any signature.
//
// # In a portal
//
// A portal under test is configured with the PKI. It signs a result as the agency:
//
//	sig, err := pki.Sign(pdf, pki.Agency(), signtest.SignOptions{Detached: true})
//	// serve pdf with sig (check.Document{Data: pdf, Signature: sig}), or
//	// attached: signtest.Sign(pdf, pki.Agency(), signtest.SignOptions{}) is the whole file.
//
// and verifies a citizen's signed submission against the trust list and CRLs, recording the
// signer:
//
//	signed, err := pki.VerifyFile(upload, uploadSig) // uploadSig nil for a .p7m or a signed PDF
//	if err != nil {
//		refuse(signtest.Reason(err).Render(msg.VI)) // tampered, expired, revoked, untrusted, …
//	}
//	dossier.Signers = append(dossier.Signers, signed.Subject)
//
// A portal that is not written in Go reads [PKI.TrustPEM] and [PKI.CRLPEM] as files, or fetches
// them from a [Server] (NewServer(pki); its URL serves /trust.pem and /crl/intermediate.crl).
// With [NewPKIServer] the certificates themselves carry CRL distribution points and CA issuers
// URLs on that server, so a portal whose PKI library follows them (as production verifiers do)
// needs only the trust list; a Go verifier passes [CRLFetcher] as [VerifyOptions.FetchCRL].
// [Identity.CertPEM], [Identity.ChainPEM] and [Identity.KeyPEM] export a holder for other tools
// (openssl cms -sign -signer … -inkey … -certfile …).
package signtest
