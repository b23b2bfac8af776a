package ux

import (
	"bufio"
	"bytes"
	"strings"
)

// Robots is a parsed robots.txt (RFC 9309).
type Robots struct {
	groups []robotsGroup
	// Sitemaps are the Sitemap lines, in order.
	Sitemaps []string
}

type robotsGroup struct {
	agents []string // lower case product tokens, "*" for any
	rules  []robotsRule
}

type robotsRule struct {
	allow   bool
	pattern string
}

// maxRobotsBytes is how much of a robots.txt is parsed; RFC 9309 asks crawlers to parse at least
// 500 kibibytes.
const maxRobotsBytes = 512 << 10

// maxRobotsLine bounds one line.
const maxRobotsLine = 16 << 10

// ParseRobots parses a robots.txt leniently, as RFC 9309 asks: unknown lines are ignored, a group
// starts with one or more user-agent lines, rules before any user-agent line are ignored, and
// groups naming the same agent are merged. It never fails.
func ParseRobots(b []byte) *Robots {
	if len(b) > maxRobotsBytes {
		b = b[:maxRobotsBytes]
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	r := &Robots{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 4096), maxRobotsLine)
	var cur *robotsGroup
	lastWasAgent := false
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		value = strings.TrimSpace(value)
		switch key {
		case "user-agent":
			if cur == nil || !lastWasAgent {
				r.groups = append(r.groups, robotsGroup{})
				cur = &r.groups[len(r.groups)-1]
			}
			cur.agents = append(cur.agents, strings.ToLower(value))
			lastWasAgent = true
		case "allow", "disallow":
			lastWasAgent = false
			if cur == nil {
				continue
			}
			if value == "" {
				continue // an empty rule matches nothing
			}
			cur.rules = append(cur.rules, robotsRule{allow: key == "allow", pattern: normalizeRobotsPath(value)})
		case "sitemap":
			if value != "" {
				r.Sitemaps = append(r.Sitemaps, value)
			}
		default:
			// Other records (crawl-delay, host, …) do not end a group's user-agent lines.
		}
	}
	if sc.Err() != nil {
		// A line longer than maxRobotsLine: keep what was read, as a lenient crawler would.
		return r
	}
	return r
}

// rules returns the rules that apply to the agent: the merged groups naming its product token
// (case-insensitive), else the merged "*" groups.
func (r *Robots) rules(agent string) []robotsRule {
	agent = strings.ToLower(agent)
	var own, any []robotsRule
	for _, g := range r.groups {
		for _, a := range g.agents {
			switch a {
			case agent:
				own = append(own, g.rules...)
			case "*":
				any = append(any, g.rules...)
			}
		}
	}
	if own != nil {
		return own
	}
	for _, g := range r.groups {
		for _, a := range g.agents {
			if a == agent {
				return nil // a group for the agent with no rules: everything allowed
			}
		}
	}
	return any
}

// Allowed reports whether the agent may crawl path (the URL's path and query, e.g.
// "/thu-tuc/1.000123?x=1"). The most specific matching rule wins (the longest pattern); between an
// allow and a disallow of the same length, allow wins; no matching rule allows. /robots.txt is
// always allowed.
func (r *Robots) Allowed(agent, path string) bool {
	if path == "" {
		path = "/"
	}
	path = normalizeRobotsPath(path)
	if path == "/robots.txt" {
		return true
	}
	best, allow := -1, true
	for _, rule := range r.rules(agent) {
		if !match(rule.pattern, path) {
			continue
		}
		if n := len(rule.pattern); n > best || n == best && rule.allow {
			best, allow = n, rule.allow
		}
	}
	return allow
}

// normalizeRobotsPath puts a pattern or a path in the form RFC 9309 §2.2.2 compares: bytes
// outside ASCII percent-encoded, and percent-encodings in upper case, so that a rule written
// "/thủ-tục/" matches the path "/th%E1%BB%A7-t%E1%BB%A5c/".
func normalizeRobotsPath(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b.WriteByte('%')
			b.WriteString(strings.ToUpper(s[i+1 : i+3]))
			i += 2
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

// match reports whether a robots.txt pattern matches path: "*" matches any sequence, a final "$"
// anchors the end, otherwise the pattern is a prefix. Iterative, linear in practice, so that a
// hostile pattern cannot blow up.
func match(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	pos := len(parts[0])
	if len(parts) == 1 {
		return !anchored || pos == len(path)
	}
	for i, p := range parts[1:] {
		last := i == len(parts)-2
		if last && anchored {
			return len(path)-pos >= len(p) && strings.HasSuffix(path, p)
		}
		j := strings.Index(path[pos:], p)
		if j < 0 {
			return false
		}
		pos += j + len(p)
	}
	return true
}
