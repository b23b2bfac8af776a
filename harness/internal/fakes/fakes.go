// Package fakes gives the check families the fakes of the national services a target names, as
// their concrete types. Package check sees them only through small interfaces (check.SSOFake,
// check.PopDBFake, check.PKIFake), so that a check author's build does not compile the fakes;
// the families that drive a fake get it here, nil when the target has none (or names one of
// another type).
package fakes

import (
	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/popdbtest"
	"github.com/p06kit/p06kit/harness/signtest"
	"github.com/p06kit/p06kit/harness/ssotest"
)

// SSO is the target's fake national SSO, or nil.
func SSO(t check.Target) *ssotest.Server { s, _ := t.SSO.(*ssotest.Server); return s }

// PopDB is the target's fake population-database gateway, or nil.
func PopDB(t check.Target) *popdbtest.Server { g, _ := t.PopDB.(*popdbtest.Server); return g }

// PKI is the target's test PKI, or nil.
func PKI(t check.Target) *signtest.PKI { p, _ := t.PKI.(*signtest.PKI); return p }
