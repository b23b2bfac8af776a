package headers

import (
	"strconv"
	"strings"

	"github.com/p06kit/p06kit/harness/msg"
)

// HSTS is a parsed Strict-Transport-Security header (RFC 6797 §6.1).
type HSTS struct {
	MaxAge            int64
	IncludeSubDomains bool
	Preload           bool
}

// ParseHSTS parses one Strict-Transport-Security value strictly: directives separated by ";",
// names case-insensitive, values token or quoted-string; max-age required, a non-negative
// integer; a directive repeated is an error (RFC 6797 §6.1 item 2); a comma means the header
// was sent more than once and joined, which the Observatory also rejects.
func ParseHSTS(v string) (HSTS, error) {
	var h HSTS
	if len(v) > 1024 {
		return h, msg.Error(mErrHSTSLong, len(v))
	}
	if strings.Contains(v, ",") {
		return h, msg.Error(mErrHSTSComma, v)
	}
	seen := map[string]bool{}
	maxAge := false
	for _, part := range strings.Split(v, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		name, val, hasVal := strings.Cut(part, "=")
		name = strings.ToLower(strings.TrimSpace(name))
		val = strings.TrimSpace(val)
		if seen[name] {
			return h, msg.Error(mErrHSTSTwice, name)
		}
		seen[name] = true
		if len(val) >= 2 && val[0] == '"' && val[len(val)-1] == '"' {
			val = val[1 : len(val)-1]
		}
		switch name {
		case "max-age":
			if !hasVal || val == "" {
				return h, msg.Error(mErrHSTSNoValue)
			}
			n, err := strconv.ParseInt(val, 10, 64)
			if err != nil || n < 0 || strings.HasPrefix(val, "+") {
				return h, msg.Error(mErrHSTSBadMaxAge, val)
			}
			h.MaxAge, maxAge = n, true
		case "includesubdomains":
			if hasVal {
				return h, msg.Error(mErrHSTSSubValue)
			}
			h.IncludeSubDomains = true
		case "preload":
			h.Preload = true
		default:
			if !isToken(name) {
				return h, msg.Error(mErrHSTSNotDir, part)
			}
			// Unknown directives are ignored (RFC 6797 §6.1 item 1).
		}
	}
	if !maxAge {
		return h, msg.Error(mErrHSTSNoMaxAge)
	}
	return h, nil
}
