package probe

import (
	"sync"
	"sync/atomic"
	"testing"

	"github.com/p06kit/p06kit/harness/check"
)

type memoKeyA struct{}
type memoKeyB struct{}

// TestSessionMemo: init runs once per session and key, however many checks ask at once; another
// key or another session gets its own value.
func TestSessionMemo(t *testing.T) {
	s1 := newTestSession(t, "http://127.0.0.1:1/", check.Config{})
	s2 := newTestSession(t, "http://127.0.0.1:1/", check.Config{})
	var calls atomic.Int32
	init := func() any { calls.Add(1); return new(int) }

	var wg sync.WaitGroup
	got := make([]*int, 16)
	for i := range got {
		wg.Go(func() { got[i] = s1.Memo(memoKeyA{}, init).(*int) })
	}
	wg.Wait()
	if n := calls.Load(); n != 1 {
		t.Fatalf("init ran %d times for one session and key, want 1", n)
	}
	for i, p := range got {
		if p != got[0] {
			t.Fatalf("caller %d got a different value from caller 0", i)
		}
	}
	if b := s1.Memo(memoKeyB{}, init).(*int); b == got[0] {
		t.Error("another key shared the value of the first")
	}
	if o := s2.Memo(memoKeyA{}, init).(*int); o == got[0] {
		t.Error("another session shared the value of the first")
	}
	if n := calls.Load(); n != 3 {
		t.Errorf("init ran %d times for three (session, key) pairs, want 3", n)
	}
}
