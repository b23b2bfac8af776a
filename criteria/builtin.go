package criteria

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"sync"
)

//go:embed catalogues/*.json
var builtinFS embed.FS

// IDs of the built-in catalogues.
const (
	P06TechnicalID = "p06-technical"
)

var builtinCache sync.Map // id -> []byte

// Builtin returns a fresh copy of the built-in catalogue with the given ID; the caller may modify it.
func Builtin(id string) (*Catalogue, error) {
	b, err := builtinFS.ReadFile("catalogues/" + id + ".json")
	if err != nil {
		return nil, fmt.Errorf("criteria: no built-in catalogue %q", id)
	}
	return Load(bytes.NewReader(b))
}

// P06Technical returns a fresh copy of the built-in p06-technical catalogue.
func P06Technical() *Catalogue {
	c, err := Builtin(P06TechnicalID)
	if err != nil {
		panic("criteria: built-in catalogue is invalid: " + err.Error()) // caught by the package tests
	}
	return c
}

// Load reads and validates a catalogue.
func Load(r io.Reader) (*Catalogue, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var c Catalogue
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("criteria: %w", err)
	}
	return &c, nil
}
