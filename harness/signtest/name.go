package signtest

import (
	"crypto/x509/pkix"
	"encoding/asn1"
	"fmt"
	"strings"
)

// attrNames are the short names of the subject attributes Vietnamese certificates use.
var attrNames = []struct {
	oid  asn1.ObjectIdentifier
	name string
}{
	{asn1.ObjectIdentifier{2, 5, 4, 3}, "CN"},
	{asn1.ObjectIdentifier{2, 5, 4, 5}, "SERIALNUMBER"},
	{asn1.ObjectIdentifier{2, 5, 4, 6}, "C"},
	{asn1.ObjectIdentifier{2, 5, 4, 7}, "L"},
	{asn1.ObjectIdentifier{2, 5, 4, 8}, "ST"},
	{asn1.ObjectIdentifier{2, 5, 4, 9}, "STREET"},
	{asn1.ObjectIdentifier{2, 5, 4, 10}, "O"},
	{asn1.ObjectIdentifier{2, 5, 4, 11}, "OU"},
	{asn1.ObjectIdentifier{2, 5, 4, 12}, "T"},
	{OIDUserID, "UID"},
	{asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 1}, "emailAddress"},
}

// FormatName writes a distinguished name in RFC 4514 order (most specific first) with the
// attribute names readers of Vietnamese certificates expect, UID included — where
// pkix.Name.String would print the UID as hex.
func FormatName(n pkix.Name) string {
	names := n.Names
	if len(names) == 0 {
		return n.String()
	}
	parts := make([]string, 0, len(names))
	for i := len(names) - 1; i >= 0; i-- {
		a := names[i]
		key := a.Type.String()
		for _, an := range attrNames {
			if an.oid.Equal(a.Type) {
				key = an.name
			}
		}
		parts = append(parts, key+"="+escapeDN(fmt.Sprint(a.Value)))
	}
	return strings.Join(parts, ",")
}

func escapeDN(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case strings.ContainsRune(`,+"\<>;=`, r),
			(r == ' ' || r == '#') && i == 0,
			r == ' ' && i == len(s)-1:
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
