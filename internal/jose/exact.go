package jose

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"sync"
)

// unmarshalExact decodes the JSON object data into v, a pointer to a struct, matching member
// names exactly as the struct's JSON tags spell them. encoding/json matches names regardless of
// case, so {"ISS": …} or {"Alg": …} would fill Issuer or Alg; JOSE member names are case-sensitive
// (RFC 7515 §4, RFC 7519 §4), and a verifier laxer than the national SSO's would let a portal
// pass tests it fails in production. Members with other names are ignored; a member name that
// appears twice is an error (RFC 7519 §4 allows rejecting them, and they make the meaning of the
// token depend on the parser).
func unmarshalExact(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return errors.New("not a JSON object")
	}
	known := jsonNames(reflect.TypeOf(v).Elem())
	seen := map[string]bool{}
	var kept bytes.Buffer
	kept.WriteByte('{')
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		name, _ := tok.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return err
		}
		if seen[name] {
			return fmt.Errorf("member %q appears twice", name)
		}
		seen[name] = true
		if !known[name] {
			continue
		}
		if kept.Len() > 1 {
			kept.WriteByte(',')
		}
		key, _ := json.Marshal(name)
		kept.Write(key)
		kept.WriteByte(':')
		kept.Write(raw)
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("data after the JSON object")
	}
	kept.WriteByte('}')
	return json.Unmarshal(kept.Bytes(), v)
}

var namesCache sync.Map // reflect.Type -> map[string]bool

// jsonNames returns the member names the JSON tags of struct type t declare.
func jsonNames(t reflect.Type) map[string]bool {
	if m, ok := namesCache.Load(t); ok {
		return m.(map[string]bool)
	}
	m := map[string]bool{}
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch name {
		case "-":
			continue
		case "":
			name = f.Name
		}
		m[name] = true
	}
	namesCache.Store(t, m)
	return m
}

// decodeB64 decodes canonical unpadded base64url (RFC 7515 §2): only the 64 characters of the
// alphabet, no padding, no line breaks (which encoding/base64 skips), and zero unused bits in
// the last character (which it ignores unless Strict), so that one value has one encoding.
func decodeB64(s string) ([]byte, error) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return nil, fmt.Errorf("character %q at offset %d is not in the base64url alphabet", c, i)
		}
	}
	b, err := base64.RawURLEncoding.Strict().DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("not canonical base64url: %v", err)
	}
	return b, nil
}
