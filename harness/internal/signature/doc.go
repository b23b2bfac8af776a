// Package signature holds the digital-signature checks, P06-SIG-01 … P06-SIG-03, and the
// dossier flow they share with the data-warehouse checks.
//
//	checks := signature.Checks() // registered by package harness
//
// They drive the vendor's adapter (check.Login, check.Dossiers, check.Results) as a citizen of
// ident.DefaultPeople would, with certificates from the target's signtest PKI, whose trust list
// and CRLs the portal under test must be configured with. Without the PKI or an adapter
// interface they report not_tested and name what is missing. They submit dossiers, so they are
// active and exclusive.
//
// # P06-SIG-01: results signed by the agency
//
// A dossier is submitted and completed (Results.CompleteDossier); its electronic result
// (Results.FetchResult) must carry a signature — detached CMS, attached CMS or a signed PDF
// (PAdES byte ranges) — that verifies against the trust list, not revoked, intact, by a
// certificate issued to an agency (signtest.Classify), signed after the dossier was submitted
// (by the PKI's clock, with five minutes of skew: a pre-signed template fails). The message says
// who signed and when, as Circular 15/2025/TT-BKHCN asks verification software to show; the
// evidence says whether the signature is CAdES-BES and time-stamped.
//
// # P06-SIG-02: signed submissions accepted, signer recorded
//
// A document signed with the citizen's valid certificate is submitted, detached (.p7s) first and
// attached (.p7m) if the portal refuses that; it must be accepted and Dossier.Signers must name
// the certificate's subject, common name or identification number.
//
// # P06-SIG-03: bad signatures refused
//
// A valid control and five bad cases (signtest.PKI.Cases: tampered document, tampered signature,
// expired, revoked and untrusted certificates), each differing from the control in one way, are
// submitted in the format the control was accepted in. Any accepted bad case fails the check and
// the message lists what the portal did with each case; a portal that refuses the valid control
// too cannot be assessed (error).
package signature
