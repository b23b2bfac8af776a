// Package jsonschema validates JSON documents against draft-07 JSON Schemas held in memory. It
// is the only place in p06kit that uses github.com/xeipuuv/gojsonschema, so the rest of the code
// depends on a small, stable API and the library can be replaced without touching callers.
//
//	var catalogueSchema = jsonschema.MustCompile("catalogue", schemaBytes) // embedded
//
//	problems, err := catalogueSchema.Validate(doc)
//	if err != nil { /* doc is not JSON: err names line and column */ }
//	for _, p := range problems { fmt.Println(p) } // "$.criteria[3].id: missing required property \"id\""
//
// # Offline
//
// Compile never fetches anything: only references inside the schema ("#/definitions/x") are
// allowed, and the draft-07 meta-schema used to check the schema itself is carried in memory by
// the library. No global setting of the library (locale, format checkers) is changed.
//
// # Concurrency
//
// A compiled Schema is immutable; Validate may be called from many goroutines at once. The
// library's validation walk only reads the compiled schema (its shared error templates and
// format checkers are guarded by its own locks); the package tests validate in parallel under
// the race detector to keep it that way.
//
// # Paths
//
// Problem paths are JSONPath-like: "$" is the document, ".name" a property (["name"] when the
// name is not a plain identifier), "[3]" an array index. Problems are sorted by path with array
// indexes compared numerically, then by reason, and duplicates are dropped.
package jsonschema
