package ux

import "fmt"

func ExampleParseRobots() {
	r := ParseRobots([]byte(`User-agent: *
Disallow: /quan-tri/
Allow: /quan-tri/cong-khai

User-agent: coccocbot-web
Disallow: /thu-tuc/

Sitemap: https://dichvucong.tinhmau.example/sitemap.xml
`))
	fmt.Println(r.Allowed("Googlebot", "/thu-tuc/1.000123"))
	fmt.Println(r.Allowed("coccocbot-web", "/thu-tuc/1.000123"))
	fmt.Println(r.Allowed("Googlebot", "/quan-tri/cong-khai/bao-cao"))
	fmt.Println(r.Sitemaps)
	// Output:
	// true
	// false
	// true
	// [https://dichvucong.tinhmau.example/sitemap.xml]
}
