package index766

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
)

// FuzzLoadProcedures: any file either loads into a consistent catalogue (unique non-empty
// codes, valid levels) or is refused with an error naming the file; never a panic.
func FuzzLoadProcedures(f *testing.F) {
	for _, name := range []string{"testdata/hand-procedures.json", "testdata/hand-procedures.csv"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"procedures":[{"MaTTHC":"P","ThietYeu":"1","CoPhiLePhi":0}]}`))
	f.Add([]byte("MaTTHC,MucDo\nP,\"toan_trinh\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := LoadProcedures(bytes.NewReader(data), "f")
		if err != nil {
			if !bytes.HasPrefix([]byte(err.Error()), []byte("f: ")) {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		seen := map[string]bool{}
		for _, pr := range p.List() {
			if pr.Code == "" || seen[pr.Code] || (pr.Level != "" && pr.Level != FullProcess && pr.Level != PartialProcess) {
				t.Fatalf("inconsistent procedure accepted: %+v", pr)
			}
			seen[pr.Code] = true
			if got, ok := p.Lookup(pr.Code); !ok || got.Code != pr.Code {
				t.Fatalf("Lookup(%q) = %v, %v", pr.Code, got, ok)
			}
		}
	})
}

// FuzzPartial: a partial either is refused or reads back to the same bytes when written again.
func FuzzPartial(f *testing.F) {
	acc := NewAccumulator()
	acc.Add(&Record{Unit: []byte("U"), Procedure: []byte("P"), Channel: 2, HasFinished: true, Finished: 5, HasDue: true, Due: 9, FeePositive: true, Paid: 1})
	acc.AddBad(BadRecord{File: "f", Line: 3, Reason: "bad"})
	good, err := json.Marshal(acc)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add([]byte(`{"format":"p06kit/index766-partial","version":1,"counters":[],"cells":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a := NewAccumulator()
		if err := json.Unmarshal(data, a); err != nil {
			return
		}
		once, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		b := NewAccumulator()
		if err := json.Unmarshal(once, b); err != nil {
			t.Fatalf("a written partial is refused: %v\n%s", err, once)
		}
		twice, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(once, twice) {
			t.Fatalf("partial not stable:\n%s\n%s", once, twice)
		}
	})
}
