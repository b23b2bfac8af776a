package jsonschema

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/p06kit/p06kit/harness/msg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const testSchema = `{
  "$schema": "http://json-schema.org/draft-07/schema#",
  "type": "object",
  "required": ["id", "items"],
  "additionalProperties": false,
  "properties": {
    "id": {"type": "string", "pattern": "^[a-z]+$"},
    "count": {"type": "integer", "minimum": 0},
    "items": {"type": "array", "items": {"$ref": "#/definitions/item"}}
  },
  "definitions": {
    "item": {
      "type": "object",
      "required": ["name"],
      "additionalProperties": false,
      "properties": {
        "name": {"type": "string", "minLength": 1},
        "kind": {"enum": ["a", "b"]}
      }
    }
  }
}`

func TestCompile(t *testing.T) {
	tests := []struct {
		name    string
		schema  string
		wantErr string
	}{
		{"valid", testSchema, ""},
		{"not json", `{"type":`, "invalid JSON: line 1, column 9"},
		{"trailing data", `{} {}`, "unexpected data after the top-level value"},
		{"remote ref", `{"properties":{"a":{"$ref":"http://example.com/s.json"}}}`, `$ref "http://example.com/s.json" points outside the schema`},
		{"file ref", `{"items":[{"$ref":"other.json#/x"}]}`, `points outside the schema`},
		{"bad meta", `{"type": 12}`, "jsonschema: schema t:"},
		{"dangling local ref", `{"properties":{"a":{"$ref":"#/definitions/missing"}}}`, "jsonschema: schema t:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Compile("t", []byte(tt.schema))
			if tt.wantErr == "" {
				require.NoError(t, err)
				assert.Equal(t, "t", s.Name())
				return
			}
			require.Error(t, err)
			assert.Nil(t, s)
			assert.Contains(t, err.Error(), tt.wantErr)
		})
	}
}

func TestMustCompilePanics(t *testing.T) {
	assert.Panics(t, func() { MustCompile("bad", []byte(`{"type": 12}`)) })
	assert.NotPanics(t, func() { MustCompile("good", []byte(testSchema)) })
}

func TestValidate(t *testing.T) {
	s := MustCompile("t", []byte(testSchema))
	tests := []struct {
		name    string
		doc     string
		want    []string
		wantErr string
	}{
		{"valid", `{"id":"abc","items":[{"name":"x","kind":"a"}]}`, nil, ""},
		{"missing required at root", `{"items":[]}`, []string{`$: missing required property "id"`}, ""},
		{"nested paths sorted numerically", `{"id":"abc","items":[{"name":"x"},{"name":"y"},{},{"name":"z"},{"name":"z"},{"name":"z"},{"name":"z"},{"name":"z"},{"name":"z"},{"name":"z"},{"name":"","kind":"c"}],"count":-1}`,
			[]string{
				`$.count: must be at least 0`,
				`$.items[2]: missing required property "name"`,
				`$.items[10].kind: must be one of "a", "b"`,
				`$.items[10].name: must not be empty`,
			}, ""},
		{"wrong type", `{"id":5,"items":{}}`, []string{
			`$.id: wrong type: expected string, got integer`,
			`$.items: wrong type: expected array, got object`,
		}, ""},
		{"unknown property", `{"id":"a","items":[],"odd key":1}`, []string{`$: unknown property "odd key"`}, ""},
		{"pattern", `{"id":"ABC","items":[]}`, []string{`$.id: does not match the pattern ^[a-z]+$`}, ""},
		{"not json", "{\n  \"id\": \"a\",\n  \"items\": [,]\n}", nil, "invalid JSON: line 3, column 13"},
		// Columns count characters: "Sở" is 2 characters in 4 bytes, so the comma, byte 26, is
		// column 24.
		{"not json after Vietnamese", "{\"id\": \"Sở\", \"items\": [,]}", nil, "invalid JSON: line 1, column 24"},
		{"empty", ``, nil, "invalid JSON: line 1, column 1: the file is empty"},
		{"truncated", `{"id":`, nil, "line 1, column 7: the JSON ends early"},
		{"two values", `{} []`, nil, "unexpected data after the top-level value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps, err := s.Validate([]byte(tt.doc))
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			var got []string
			for _, p := range ps {
				got = append(got, p.String())
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestValidateConcurrent(t *testing.T) {
	s := MustCompile("t", []byte(testSchema))
	docs := []struct {
		doc  string
		want int
	}{
		{`{"id":"abc","items":[{"name":"x"}]}`, 0},
		{`{"id":"ABC","items":[{}],"extra":true}`, 3},
		{`{"items":[{"name":""}]}`, 2},
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				d := docs[(g+i)%len(docs)]
				ps, err := s.Validate([]byte(d.doc))
				if err != nil || len(ps) != d.want {
					errs <- fmt.Sprintf("doc %q: %d problems %v, err %v", d.doc, len(ps), ps, err)
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestComparePaths(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"$", "$", 0},
		{"$", "$.a", -1},
		{"$.a[2]", "$.a[10]", -1},
		{"$.a[10]", "$.a[2]", 1},
		{"$.a[2].b", "$.a[2].c", -1},
		{"$.b", "$.a[0]", 1},
		{`$["x y"]`, `$["x y"]`, 0},
		{"$.a[x]", "$.a[y]", -1},
	}
	for _, tt := range tests {
		t.Run(tt.a+" vs "+tt.b, func(t *testing.T) {
			assert.Equal(t, tt.want, ComparePaths(tt.a, tt.b))
		})
	}
}

func TestPathJoin(t *testing.T) {
	assert.Equal(t, "$.criteria", PathJoin("$", "criteria"))
	assert.Equal(t, `$["odd key"]`, PathJoin("$", "odd key"))
	assert.Equal(t, `$["1a"]`, PathJoin("$", "1a"))
	assert.Equal(t, `$[""]`, PathJoin("$", ""))
	assert.Equal(t, "$.criteria[3]", PathIndex("$.criteria", 3))
}

func FuzzValidate(f *testing.F) {
	s := MustCompile("t", []byte(testSchema))
	f.Add([]byte(`{"id":"abc","items":[{"name":"x"}]}`))
	f.Add([]byte(`{"items":[{}],"x":1}`))
	f.Add([]byte(`[1,2,{"a":null}]`))
	f.Add([]byte(`{"id":`))
	f.Add([]byte(`"\u00e9"`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		ps, err := s.Validate(doc)
		if err != nil {
			if len(ps) != 0 {
				t.Fatalf("problems with error: %v", ps)
			}
			if !strings.HasPrefix(err.Error(), "invalid JSON") {
				t.Fatalf("error does not say invalid JSON: %v", err)
			}
			return
		}
		for _, p := range ps {
			if !strings.HasPrefix(p.Path, "$") || p.Reason == "" {
				t.Fatalf("malformed problem %#v", p)
			}
		}
	})
}

func ExampleSchema_Validate() {
	s := MustCompile("example", []byte(`{
	  "type": "object",
	  "required": ["id"],
	  "properties": {"id": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string"}}}
	}`))
	problems, err := s.Validate([]byte(`{"tags": ["tls", 7]}`))
	if err != nil {
		fmt.Println("not JSON:", err)
		return
	}
	for _, p := range problems {
		fmt.Println(p)
	}
	// Output:
	// $: missing required property "id"
	// $.tags[1]: wrong type: expected string, got integer
}

// A syntax error reads in the language of the message that quotes it, with the same position.
func TestSyntaxErrorInVietnamese(t *testing.T) {
	s, err := Compile("t", []byte(`{"type":"object"}`))
	if err != nil {
		t.Fatal(err)
	}
	for doc, want := range map[string]string{
		"{\n  \"id\": ,}": "JSON không hợp lệ: dòng 2, cột 9: ",
		`{"id":`:          "JSON không hợp lệ: dòng 1, cột 7: JSON kết thúc giữa chừng",
		`{} []`:           "JSON không hợp lệ: dòng 1, cột 4: còn dữ liệu sau giá trị JSON chính",
	} {
		_, err := s.Validate([]byte(doc))
		r, ok := err.(interface{ Render(string) string })
		if !ok {
			t.Fatalf("%q: %T is not a catalogue error", doc, err)
		}
		if got := r.Render(msg.VI); !strings.HasPrefix(got, want) || len(msg.EnglishWords(got)) > 0 {
			t.Errorf("%q: %q, want it to start with %q and hold no English", doc, got, want)
		}
	}
}
