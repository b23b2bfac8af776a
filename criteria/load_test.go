package criteria_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/criteria"
)

// Every file under testdata/bad must fail to load with exactly the error in the .err file
// beside it, and nothing may be half-loaded.
func TestLoadBadFiles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "bad", "*.json"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 12)
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		t.Run(name, func(t *testing.T) {
			f, err := os.Open(file)
			require.NoError(t, err)
			defer f.Close()
			c, err := criteria.Load(f)
			require.Error(t, err)
			assert.Nil(t, c, "half-loaded catalogue")
			var le *criteria.LoadError
			require.True(t, errors.As(err, &le), "error is %T, want *LoadError", err)
			require.NotEmpty(t, le.Problems)
			for _, p := range le.Problems {
				assert.True(t, strings.HasPrefix(p.Path, "$"), "path %q", p.Path)
			}
			golden := strings.TrimSuffix(file, ".json") + ".err"
			got := err.Error() + "\n"
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "missing golden %s; run go test ./criteria -update", golden)
			assert.Equal(t, string(want), got)
		})
	}
}

func TestLoadValidMini(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "valid-mini.json"))
	require.NoError(t, err)
	defer f.Close()
	c, err := criteria.Load(f)
	require.NoError(t, err)
	assert.Equal(t, "mini", c.ID)
	assert.Equal(t, []string{"T-01"}, c.IDs())
}

func TestLoadLimits(t *testing.T) {
	tests := []struct {
		name    string
		r       io.Reader
		wantErr string
		is      error
	}{
		{"too large", io.MultiReader(strings.NewReader(`{"id":"`), strings.NewReader(strings.Repeat("a", criteria.MaxCatalogueSize))), "catalogue is larger than the 16 MiB limit", criteria.ErrTooLarge},
		{"read error", iotest.ErrReader(errors.New("disk on fire")), "criteria: reading catalogue: disk on fire", nil},
		{"truncated", strings.NewReader(`{"id": "x", "groups": [`), "$: invalid JSON: line 1, column 24: the JSON ends early (truncated file?)", nil},
		// 24 characters (30 bytes) stand before the bad byte on its line: the column counts
		// characters, as an editor shows them.
		{"not UTF-8", strings.NewReader("{\"id\": \"x\",\n \"title\": \"Cổng dịch vụ \xc3\"}"), "invalid UTF-8 at line 2, column 25: a catalogue must be UTF-8", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := criteria.Load(tt.r)
			require.Error(t, err)
			assert.Nil(t, c)
			assert.Contains(t, err.Error(), tt.wantErr)
			if tt.is != nil {
				assert.ErrorIs(t, err, tt.is)
			}
		})
	}
}

// Round trip: the canonical JSON of a catalogue loads back to an equal catalogue.
func TestMarshalRoundTrip(t *testing.T) {
	for _, id := range criteria.Builtins() {
		c, err := criteria.Builtin(id)
		require.NoError(t, err)
		b, err := c.MarshalIndent()
		require.NoError(t, err)
		back, err := criteria.Load(bytes.NewReader(b))
		require.NoError(t, err)
		assert.Equal(t, c, back)
	}
}

func TestValidateBuiltInGo(t *testing.T) {
	th := 1.5
	tests := []struct {
		name   string
		mutate func(c *criteria.Catalogue)
		want   []string
	}{
		{"valid", func(*criteria.Catalogue) {}, nil},
		{"duplicate ID", func(c *criteria.Catalogue) { c.Criteria[1].ID = c.Criteria[0].ID },
			[]string{`$.criteria[1].id: duplicate criterion ID "P06-AUTH-01" (first at $.criteria[0])`}},
		{"unknown group and bad level", func(c *criteria.Catalogue) {
			c.Criteria[2].Group = "idenity"
			c.Criteria[4].Level = "optional"
		}, []string{
			`$.criteria[2].group: group "idenity" does not exist; the catalogue's groups are identity, population-data, signature, data-warehouse, online-service, security, accessibility, experience`,
			`$.criteria[4].level: must be one of "mandatory", "recommended", "informational"`,
		}},
		{"threshold", func(c *criteria.Catalogue) { c.Criteria[0].Threshold = &th },
			[]string{`$.criteria[0].threshold: must be at most 1`}},
		{"missing text", func(c *criteria.Catalogue) { c.Criteria[0].Title = criteria.Text{} },
			[]string{`$.criteria[0].title.vi: must not be empty`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := criteria.P06Technical()
			tt.mutate(c)
			err := c.Validate()
			if tt.want == nil {
				require.NoError(t, err)
				return
			}
			var le *criteria.LoadError
			require.ErrorAs(t, err, &le)
			var got []string
			for _, p := range le.Problems {
				got = append(got, p.String())
			}
			assert.Equal(t, tt.want, got)
		})
	}
	var nilCat *criteria.Catalogue
	assert.EqualError(t, nilCat.Validate(), "criteria: invalid catalogue: 1 problem\n\t$: catalogue is nil")
}

func TestSchemaJSONIsACopy(t *testing.T) {
	a := criteria.SchemaJSON()
	require.True(t, bytes.Contains(a, []byte(`draft-07`)))
	a[0] = 'X'
	assert.Equal(t, byte('{'), criteria.SchemaJSON()[0])
	published, err := os.ReadFile(filepath.Join("schema", "catalogue.schema.json"))
	require.NoError(t, err)
	assert.Equal(t, published, criteria.SchemaJSON())
}

func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "bad", "*.json"))
	seeds = append(seeds, filepath.Join("testdata", "valid-mini.json"))
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"criteria":[{"effective_from":"2022-02-29","effective_until":"2021-01-01"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := criteria.Load(bytes.NewReader(data))
		if err != nil {
			if c != nil {
				t.Fatal("catalogue returned with an error")
			}
			var le *criteria.LoadError
			if errors.As(err, &le) && len(le.Problems) == 0 {
				t.Fatal("LoadError without problems")
			}
			return
		}
		// Whatever loads must validate and survive a round trip.
		if err := c.Validate(); err != nil {
			t.Fatalf("loaded catalogue does not validate: %v", err)
		}
		b, err := c.MarshalIndent()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := criteria.Load(bytes.NewReader(b)); err != nil {
			t.Fatalf("round trip: %v", err)
		}
	})
}

func BenchmarkBuiltin(b *testing.B) {
	for b.Loop() {
		if _, err := criteria.Builtin(criteria.P06TechnicalID); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	data, err := criteria.BuiltinJSON(criteria.P06TechnicalID)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := criteria.Load(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

func TestLoadAcceptsByteOrderMark(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "bom.json"))
	require.NoError(t, err)
	defer f.Close()
	c, err := criteria.Load(f)
	require.NoError(t, err)
	assert.Equal(t, "mini", c.ID)
}
