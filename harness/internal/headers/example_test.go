package headers_test

import (
	"fmt"

	"github.com/p06kit/p06kit/harness/internal/headers"
)

// Judging a policy as the HTTP Observatory does: 'unsafe-inline' beside a nonce is ignored by
// browsers, so only 'unsafe-eval' is a problem here.
func ExamplePolicy_Scripts() {
	p, err := headers.ParseCSP("default-src 'self'; script-src 'self' 'nonce-r4nd0m' 'unsafe-inline' 'unsafe-eval'; object-src 'none'")
	if err != nil {
		fmt.Println(err)
		return
	}
	v := p.Scripts(true)
	fmt.Println(v.Problems)
	fmt.Println(v.Notes)
	// Output:
	// [script-src allows 'unsafe-eval' (eval() and friends run)]
	// [script-src 'unsafe-inline' is ignored because a nonce or hash is present]
}

func ExampleParseHSTS() {
	h, err := headers.ParseHSTS("max-age=31536000; includeSubDomains")
	fmt.Println(h.MaxAge >= headers.MinHSTSMaxAge, h.IncludeSubDomains, h.Preload, err)
	_, err = headers.ParseHSTS("max-age=1, max-age=2")
	fmt.Println(err)
	// Output:
	// true true false <nil>
	// "max-age=1, max-age=2" contains a comma: the header is set more than once
}
