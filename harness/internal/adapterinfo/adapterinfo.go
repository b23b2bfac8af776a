// Package adapterinfo says which adapter interfaces of package check a Target.Portal implements,
// and warns about near misses (see harness.AdapterReport).
package adapterinfo

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
)

// adapterInterfaces are the adapter interfaces the harness looks for in Target.Portal, by name.
var adapterInterfaces = []struct {
	name string
	typ  reflect.Type
}{
	{"Login", reflect.TypeFor[check.Login]()},
	{"BeginLogin", reflect.TypeFor[check.BeginLogin]()},
	{"CompleteLogin", reflect.TypeFor[check.CompleteLogin]()},
	{"Assurance", reflect.TypeFor[check.Assurance]()},
	{"WhoAmI", reflect.TypeFor[check.WhoAmI]()},
	{"Logout", reflect.TypeFor[check.Logout]()},
	{"Dossiers", reflect.TypeFor[check.Dossiers]()},
	{"Results", reflect.TypeFor[check.Results]()},
	{"Warehouse", reflect.TypeFor[check.Warehouse]()},
}

// AdapterInterfaceNames returns the names of the adapter interfaces, as AdapterReport names them.
func AdapterInterfaceNames() []string {
	out := make([]string, len(adapterInterfaces))
	for i, ai := range adapterInterfaces {
		out[i] = ai.name
	}
	return out
}

// AdapterReport says which adapter interfaces portal (a Target.Portal) implements, and warns
// about near misses the harness would otherwise ignore in silence: a method named like an
// adapter method whose signature differs, or an interface only part of whose methods are
// there. Target.Portal is an any, so a near miss compiles; the checks that need the interface
// then report not_tested.
func AdapterReport(portal any) (found, warnings []string) {
	if portal == nil {
		return nil, nil
	}
	t := reflect.TypeOf(portal)
	// Methods of the pointer type too: a method with a pointer receiver on a value adapter is a
	// near miss worth naming.
	alt := t
	if t.Kind() != reflect.Pointer {
		alt = reflect.PointerTo(t)
	}
	for _, ai := range adapterInterfaces {
		if t.Implements(ai.typ) {
			found = append(found, ai.name)
			continue
		}
		var have, missing []string
		for i := range ai.typ.NumMethod() {
			want := ai.typ.Method(i)
			m, ok := t.MethodByName(want.Name)
			switch {
			case ok && m.Type.NumIn() > 0:
				// m.Type has the receiver first; compare against the interface's signature.
				if sameSignature(m.Type, want.Type) {
					have = append(have, want.Name)
					continue
				}
				warnings = append(warnings, fmt.Sprintf("%s.%s has signature %s, but check.%s needs %s: the harness ignores it",
					typeName(t), want.Name, signature(m.Type, true), ai.name, signature(want.Type, false)))
				missing = append(missing, want.Name)
			case alt != t:
				if m, ok := alt.MethodByName(want.Name); ok && sameSignature(m.Type, want.Type) {
					warnings = append(warnings, fmt.Sprintf("%s.%s has a pointer receiver but Target.Portal holds a %s value: pass a pointer so that the harness sees check.%s",
						typeName(t), want.Name, typeName(t), ai.name))
				}
				missing = append(missing, want.Name)
			default:
				missing = append(missing, want.Name)
			}
		}
		if len(have) > 0 && len(missing) > 0 {
			warnings = append(warnings, fmt.Sprintf("%s has %s but not %s: check.%s is not implemented and the harness ignores it",
				typeName(t), strings.Join(have, ", "), strings.Join(missing, ", "), ai.name))
		}
	}
	sort.Strings(warnings)
	return found, warnings
}

// sameSignature compares a method type (receiver first) with an interface method type.
func sameSignature(m, want reflect.Type) bool {
	if m.NumIn()-1 != want.NumIn() || m.NumOut() != want.NumOut() || m.IsVariadic() != want.IsVariadic() {
		return false
	}
	for i := range want.NumIn() {
		if m.In(i+1) != want.In(i) {
			return false
		}
	}
	for i := range want.NumOut() {
		if m.Out(i) != want.Out(i) {
			return false
		}
	}
	return true
}

func signature(f reflect.Type, hasReceiver bool) string {
	skip := 0
	if hasReceiver {
		skip = 1
	}
	var in, out []string
	for i := skip; i < f.NumIn(); i++ {
		in = append(in, f.In(i).String())
	}
	for i := range f.NumOut() {
		out = append(out, f.Out(i).String())
	}
	s := "func(" + strings.Join(in, ", ") + ")"
	switch len(out) {
	case 0:
	case 1:
		s += " " + out[0]
	default:
		s += " (" + strings.Join(out, ", ") + ")"
	}
	return s
}

func typeName(t reflect.Type) string {
	if t.Kind() == reflect.Pointer {
		return "*" + t.Elem().String()
	}
	return t.String()
}
