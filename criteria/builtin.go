package criteria

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
)

//go:embed catalogues/*.json
var builtinFS embed.FS

// IDs of the built-in catalogues.
const (
	// P06TechnicalID is the Project 06 technical requirements catalogue.
	P06TechnicalID = "p06-technical"
	// QD766ID is the Decision 766/QĐ-TTg service-quality index as computed criteria.
	QD766ID = "qd766"
)

// builtinEntry caches a built-in catalogue once its bytes have passed Load, so that later
// calls only copy it.
type builtinEntry struct {
	once sync.Once
	cat  *Catalogue // never handed out; Builtin returns deep copies
	err  error
}

var builtinCache sync.Map // id -> *builtinEntry

// Builtins returns the IDs of the built-in catalogues, sorted.
func Builtins() []string {
	entries, err := fs.ReadDir(builtinFS, "catalogues")
	if err != nil {
		return nil
	}
	var ids []string
	for _, e := range entries {
		if name := e.Name(); strings.HasSuffix(name, ".json") {
			ids = append(ids, strings.TrimSuffix(name, ".json"))
		}
	}
	sort.Strings(ids)
	return ids
}

// Builtin returns a fresh copy of the built-in catalogue with the given ID; the caller may
// modify it. The embedded file is validated once (as Load does) and cached, so later calls
// cost one JSON decode. Safe for concurrent use.
func Builtin(id string) (*Catalogue, error) {
	if id == "" || strings.ContainsAny(id, `/\.`) {
		return nil, fmt.Errorf("criteria: no built-in catalogue %q (built-in: %s)", id, strings.Join(Builtins(), ", "))
	}
	v, _ := builtinCache.LoadOrStore(id, &builtinEntry{})
	e := v.(*builtinEntry)
	e.once.Do(func() {
		b, err := builtinFS.ReadFile(path.Join("catalogues", id+".json"))
		if err != nil {
			e.err = fmt.Errorf("criteria: no built-in catalogue %q (built-in: %s)", id, strings.Join(Builtins(), ", "))
			return
		}
		c, err := load(b)
		if err != nil {
			e.err = fmt.Errorf("criteria: built-in catalogue %s: %w", id, err)
			return
		}
		e.cat = c
	})
	if e.err != nil {
		return nil, e.err
	}
	return e.cat.Clone(), nil
}

// BuiltinJSON returns the embedded JSON of a built-in catalogue, byte for byte as published.
func BuiltinJSON(id string) ([]byte, error) {
	if _, err := Builtin(id); err != nil {
		return nil, err
	}
	return builtinFS.ReadFile(path.Join("catalogues", id+".json"))
}

// P06Technical returns a fresh copy of the built-in p06-technical catalogue.
func P06Technical() *Catalogue { return mustBuiltin(P06TechnicalID) }

// QD766 returns a fresh copy of the built-in qd766 catalogue (Decision 766/QĐ-TTg indicators).
func QD766() *Catalogue { return mustBuiltin(QD766ID) }

func mustBuiltin(id string) *Catalogue {
	c, err := Builtin(id)
	if err != nil {
		// Unreachable in a build whose tests pass: the package tests load every built-in.
		panic("criteria: built-in catalogue is invalid: " + err.Error())
	}
	return c
}
