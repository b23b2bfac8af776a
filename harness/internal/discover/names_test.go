package discover_test

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/discover"
	"github.com/p06kit/p06kit/harness/internal/probe"
)

// The names the tests use, as they read when discovery lived in package check.
type (
	Target   = check.Target
	Config   = check.Config
	Profile  = check.Profile
	Page     = check.Page
	Response = check.Response
)

var (
	NewSession          = probe.NewSession
	ParseProceduresJSON = discover.ParseProceduresJSON
	ProceduresFromHTML  = discover.ProceduresFromHTML
	FindProcedureCode   = check.FindProcedureCode
	ValidProcedureCode  = check.ValidProcedureCode
	ParseLevel          = discover.ParseLevel
)

const (
	SourceConfigured = discover.SourceConfigured
	SourceDiscovered = discover.SourceDiscovered
	SourceDefault    = discover.SourceDefault
	SourceMissing    = discover.SourceMissing
	LevelFull        = check.LevelFull
	LevelPartial     = check.LevelPartial
	LevelOffline     = check.LevelOffline
)

func parseHTML(s string) (*html.Node, error) { return html.Parse(strings.NewReader(s)) }

func mustParse(t *testing.T, s string) *html.Node {
	t.Helper()
	n, err := parseHTML(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
