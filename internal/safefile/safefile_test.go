package safefile

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestWriteKeepsThePreviousFileOnFailure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.json")
	if err := WriteBytes(path, []byte("good\n")); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk full")
	err := Write(path, func(w io.Writer) error {
		_, _ = io.WriteString(w, strings.Repeat("half a report ", 10000))
		return boom
	})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), path) {
		t.Fatalf("Write = %v, want the writer's error naming %s", err, path)
	}
	if got, _ := os.ReadFile(path); string(got) != "good\n" {
		t.Errorf("after a failed write the file holds %q, want the previous content", got)
	}
	assertOnly(t, dir, "r.json")
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, %v; want 0644", info.Mode(), err)
	}
}

func TestCleanStale(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	touch := func(name string, age time.Duration) {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("partial"), 0o600); err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(-age)
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	dead := ".out.json.tmp-999999999-1"                            // no such process (above any pid_max)
	running := ".out.json.tmp-" + strconv.Itoa(os.Getpid()) + "-2" // this process: a write in progress
	parent := ".out.json.tmp-" + strconv.Itoa(os.Getppid()) + "-3" // alive, recent
	ancient := ".out.json.tmp-" + strconv.Itoa(os.Getppid()) + "-4"
	otherFile := ".other.json.tmp-999999999-5"
	notOurs := ".out.json.tmp-notapid"
	touch(dead, time.Minute)
	touch(running, time.Minute)
	touch(parent, time.Minute)
	touch(ancient, 2*StaleAfter)
	touch(otherFile, time.Minute)
	touch(notOurs, time.Minute)
	removed := CleanStale(path)
	if strings.Join(removed, ",") != strings.Join([]string{dead, ancient}, ",") && strings.Join(removed, ",") != strings.Join([]string{ancient, dead}, ",") {
		t.Errorf("removed %v, want %s and %s", removed, dead, ancient)
	}
	assertOnly(t, dir, running, parent, otherFile, notOurs)
	// Write cleans up before it writes.
	touch(dead, time.Minute)
	if err := WriteBytes(path, []byte("x")); err != nil {
		t.Fatal(err)
	}
	assertOnly(t, dir, running, parent, otherFile, notOurs, "out.json")
}

func TestRefuse(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "r.json")
	if err := os.WriteFile(in, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.json")
	hard := filepath.Join(dir, "hard.json")
	if err := os.Symlink(in, link); err != nil {
		t.Skip("no symbolic links:", err)
	}
	if err := os.Link(in, hard); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other.json")
	for _, out := range []string{in, dir + "/./r.json", link, hard} {
		if err := Refuse(out, "-", other, in); err == nil || !strings.Contains(err.Error(), "destroy the input") {
			t.Errorf("Refuse(%s) = %v, want a refusal", out, err)
		}
	}
	if err := Refuse(other, in, "-"); err != nil {
		t.Errorf("Refuse(other) = %v", err)
	}
	if err := Refuse("", in); err != nil {
		t.Errorf("no output: %v", err)
	}
	// An output that does not exist yet, named like an input that does not exist either.
	if err := Refuse(filepath.Join(dir, "new.json"), filepath.Join(dir, "sub", "..", "new.json")); err == nil {
		t.Error("the same new file under two spellings was not refused")
	}
}

func TestCheckWritable(t *testing.T) {
	dir := t.TempDir()
	if err := CheckWritable(filepath.Join(dir, "ok.json")); err != nil {
		t.Errorf("writable: %v", err)
	}
	assertOnly(t, dir)
	for _, p := range []string{dir, filepath.Join(dir, "missing", "r.json")} {
		if err := CheckWritable(p); err == nil || !strings.Contains(err.Error(), p) {
			t.Errorf("CheckWritable(%s) = %v, want an error naming it", p, err)
		}
	}
	if os.Geteuid() != 0 {
		ro := filepath.Join(dir, "ro")
		if err := os.Mkdir(ro, 0o500); err != nil {
			t.Fatal(err)
		}
		if err := CheckWritable(filepath.Join(ro, "r.json")); err == nil {
			t.Error("a read-only directory was found writable")
		}
	}
}

func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	for _, e := range entries {
		if !want[e.Name()] {
			t.Errorf("unexpected file %s in %s", e.Name(), dir)
		}
		delete(want, e.Name())
	}
	for n := range want {
		t.Errorf("missing file %s in %s", n, dir)
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "w.json")
	if err := os.WriteFile(path, []byte("\xEF\xBB\xBF{\"a\":1}"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := ReadFile(path, 1<<10)
	if err != nil || string(got) != `{"a":1}` {
		t.Errorf("ReadFile = %q, %v; want the JSON without its byte-order mark", got, err)
	}
	if _, err := ReadFile(path, 4); err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "4 bytes") {
		t.Errorf("over the limit: %v, want an error naming the file and the limit", err)
	}
	b, _ := io.ReadAll(SkipBOM(strings.NewReader("\xEF\xBB\xBFa,b\n")))
	if string(b) != "a,b\n" {
		t.Errorf("SkipBOM = %q", b)
	}
	b, _ = io.ReadAll(SkipBOM(strings.NewReader("\xEF\xBB")))
	if string(b) != "\xEF\xBB" {
		t.Errorf("SkipBOM of a short input = %q", b)
	}
}

func TestJSONError(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"{\n  \"a\": 1,\n  \"b\": x\n}", "line 3, column 8: invalid character 'x'"},
		{"{\n  \"a\": [1,\n", "line 3, column 1: the JSON ends early"},
		{"  \n", "the file is empty"},
		{"{\"a\": \"é\", \"n\": \"x\"}", "line 1, column 20: json: cannot unmarshal string"},
	} {
		var v struct {
			A any `json:"a"`
			N int `json:"n"`
		}
		err := JSONError([]byte(tc.in), json.Unmarshal([]byte(tc.in), &v))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: %v, want %q", tc.in, err, tc.want)
		}
	}
}

func TestCheckUTF8(t *testing.T) {
	if err := CheckUTF8([]byte("UBND tỉnh Hà Giang\n")); err != nil {
		t.Errorf("valid text: %v", err)
	}
	err := CheckUTF8([]byte("url,unit\nhttps://a.example,Sở \xC3(\n"))
	if err == nil || !strings.Contains(err.Error(), "line 2, column 22: byte 0xC3") {
		t.Errorf("CheckUTF8 = %v, want the place of byte 0xC3", err)
	}
	for in, want := range map[string]int{"": -1, "Hà Giang": -1, "Sở \xC3(": 5, "\xFF": 0, "tỉnh\xE1\xBB": 6} {
		if got := FirstInvalidUTF8([]byte(in)); got != want {
			t.Errorf("FirstInvalidUTF8(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestPosition(t *testing.T) {
	doc := []byte("ab\ncd\n\nef")
	for _, tt := range []struct {
		off       int64
		line, col int
	}{{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {7, 4, 1}, {9, 4, 3}, {100, 4, 3}, {-5, 1, 1}} {
		if l, c := Position(doc, tt.off); l != tt.line || c != tt.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", tt.off, l, c, tt.line, tt.col)
		}
	}
	// Columns count characters: "Hà Nội" is 6 characters in 9 bytes.
	if l, c := Position([]byte("x\nHà Nội,"), 11); l != 2 || c != 7 {
		t.Errorf("Position after Hà Nội = %d:%d, want 2:7", l, c)
	}
}
