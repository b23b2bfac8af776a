// Package cmscheck shows how to check the CMS (PKCS #7) signatures a portal makes and accepts with
// the field's own library, github.com/smallstep/pkcs7, beside p06kit's harness/signtest.
//
// p06kit signs and verifies CMS SignedData with its own code (harness/signtest), because P06-SIG
// criteria need what general libraries do not give: CAdES attributes, time-stamp tokens, a
// Project 06 trust list, revocation at the signing time, and a reason for every refusal. A verdict
// resting on hand-written cryptographic code must be checked against code nobody on the project
// wrote: this module's tests sign with each and verify with the other, for RSA and ECDSA keys,
// SHA-256/384/512, attached and detached signatures, and the tampered signatures signtest makes
// must be refused by both. (The interop tests of harness/signtest do the same with openssl.)
//
// It is a nested module so that the root module does not require smallstep/pkcs7. A vendor whose
// portal verifies with smallstep/pkcs7 can copy [Verify]: the trust list is the Project 06 one,
// never the system roots.
package cmscheck
