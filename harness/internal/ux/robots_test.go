package ux

import "testing"

func TestRobotsAllowed(t *testing.T) {
	const txt = `# comment
Sitemap: https://dvc.example/sitemap.xml
Disallow: /ignored-before-any-group
User-agent: *
Disallow: /quan-tri/
Disallow: /*.pdf$
Allow: /quan-tri/cong-khai
Disallow: /tim-kiem?
Disallow: /thủ-tục/
Disallow: /ph%c3%ad/

User-agent: Googlebot
User-agent: bingbot
Disallow: /thu-tuc/
Allow: /thu-tuc/1.
Crawl-delay: 5

user-agent: BadBot
disallow: /

User-agent: coccocbot-web
Disallow:
sitemap: https://dvc.example/sitemap2.xml
`
	r := ParseRobots([]byte(txt))
	cases := []struct {
		name, agent, path string
		want              bool
	}{
		{"star allowed", "*", "/thu-tuc/1.000123", true},
		{"star disallowed prefix", "*", "/quan-tri/users", false},
		{"longer allow wins", "*", "/quan-tri/cong-khai/a", true},
		{"anchored pdf", "*", "/files/a.pdf", false},
		{"anchored pdf with query is allowed", "*", "/files/a.pdf?x=1", true},
		{"query pattern", "*", "/tim-kiem?q=a", false},
		{"rule before groups ignored", "*", "/ignored-before-any-group", true},
		{"specific group, case-insensitive", "GOOGLEBOT", "/thu-tuc/2.0001", false},
		{"specific group allow longer", "googlebot", "/thu-tuc/1.000123", true},
		{"second agent of the group", "bingbot", "/thu-tuc/x", false},
		{"specific group does not inherit star", "googlebot", "/quan-tri/users", true},
		{"disallow all", "badbot", "/", false},
		{"empty disallow allows", "coccocbot-web", "/quan-tri/", true},
		{"unknown agent falls back to star", "otherbot", "/quan-tri/", false},
		{"robots.txt always allowed", "badbot", "/robots.txt", true},
		{"UTF-8 rule, encoded path", "*", "/th%E1%BB%A7-t%E1%BB%A5c/1", false},
		{"lower-case encoding", "*", "/th%e1%bb%a7-t%e1%bb%a5c/1", false},
		{"lower-case encoded rule", "*", "/ph%C3%AD/x", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := r.Allowed(c.agent, c.path); got != c.want {
				t.Errorf("Allowed(%q, %q) = %v, want %v", c.agent, c.path, got, c.want)
			}
		})
	}
	if len(r.Sitemaps) != 2 || r.Sitemaps[1] != "https://dvc.example/sitemap2.xml" {
		t.Errorf("Sitemaps = %v", r.Sitemaps)
	}
}

func TestRobotsMatch(t *testing.T) {
	cases := []struct {
		pattern, path string
		want          bool
	}{
		{"/", "/anything", true},
		{"/a*b", "/axxb", true},
		{"/a*b", "/axxc", false},
		{"/a*b$", "/axxbzb", true},
		{"/a*b$", "/axxbz", false},
		{"/a$", "/a", true},
		{"/a$", "/ab", false},
		{"*", "/x", true}, // as Google's parser does
		{"/*", "/x", true},
		{"/**x", "/yx", true},
	}
	for _, c := range cases {
		if got := match(c.pattern, c.path); got != c.want {
			t.Errorf("match(%q, %q) = %v, want %v", c.pattern, c.path, got, c.want)
		}
	}
}

func FuzzParseRobots(f *testing.F) {
	for _, s := range []string{"User-agent: *\nDisallow: /a\nAllow: /a/b$\n", "user-agent:x\nuser-agent:y\ndisallow:/*a*b*c$", "Sitemap:\n:\n\xff\xfe", "Disallow: /"} {
		f.Add(s, "/a/b")
	}
	f.Fuzz(func(t *testing.T, txt, path string) {
		r := ParseRobots([]byte(txt))
		_ = r.Allowed("googlebot", path)
		if !r.Allowed("*", "/robots.txt") {
			t.Error("/robots.txt must always be allowed")
		}
	})
}
