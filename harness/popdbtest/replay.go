package popdbtest

import (
	"sync"
	"time"
)

// The gateway's signature, sha256(url + username + timestamp + secret), does not cover the
// request body: that is the scheme public integration code shows, and portals must be able to
// use it unchanged. What binds a signature to one body is that the fake accepts it once: a
// request that repeats the headers of an accepted one, with the same body or another citizen's
// number, is refused (GW-401-REPLAY). A request ID (MaYeuCau) that the gateway has answered is
// not answered again (DC-400-MAYEUCAU). Whether the real gateway does the same is NOT FOUND in
// public sources; the fake is at least as strict.

// replayGuard remembers the signatures accepted within the clock-skew window and the request IDs
// answered, each bounded.
type replayGuard struct {
	mu   sync.Mutex
	sigs map[string]int64 // accepted Authorization digest -> its Timestamp (epoch ms)
	ids  recent[string]   // answered request IDs
}

// maxRequestIDs bounds the request IDs remembered; the oldest are forgotten first.
const maxRequestIDs = 1 << 17

// useSignature records the digest of an authenticated request signed at ms and reports whether
// it was new. Digests signed before now-skew are forgotten: their Timestamp no longer passes.
func (g *replayGuard) useSignature(digest string, ms int64, now time.Time, skew time.Duration) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.sigs == nil {
		g.sigs = map[string]int64{}
	}
	if _, seen := g.sigs[digest]; seen {
		return false
	}
	if len(g.sigs) >= 1024 && len(g.sigs)%1024 == 0 {
		oldest := now.Add(-skew).UnixMilli()
		for d, t := range g.sigs {
			if t < oldest {
				delete(g.sigs, d)
			}
		}
	}
	g.sigs[digest] = ms
	return true
}

// answer records a request ID the gateway is answering and reports whether it was new.
func (g *replayGuard) answer(id string) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.ids.has(id) {
		return false
	}
	g.ids.add(id, maxRequestIDs)
	return true
}

// stamps are the Timestamps [SignRequest] used recently, so that no two requests signed by
// this process carry the same signature, even when they are signed in the same millisecond or
// against a fixed test clock.
var stamps struct {
	mu   sync.Mutex
	used recent[int64]
}

// maxStamps bounds the stamps remembered.
const maxStamps = 1 << 16

// stamp returns now in epoch milliseconds, moved on by a millisecond at a time past the stamps
// already used.
func stamp(now time.Time) int64 {
	stamps.mu.Lock()
	defer stamps.mu.Unlock()
	ms := now.UnixMilli()
	for stamps.used.has(ms) {
		ms++
	}
	stamps.used.add(ms, maxStamps)
	return ms
}

// recent is a set that remembers the keys added last, at most a bound of them: the oldest are
// forgotten first. Its zero value is empty and ready.
type recent[K comparable] struct {
	keys map[K]struct{}
	ring []K // the keys, oldest first
}

func (r *recent[K]) has(k K) bool {
	_, ok := r.keys[k]
	return ok
}

// add adds k (not in the set), forgetting the oldest key if the set holds bound keys already.
func (r *recent[K]) add(k K, bound int) {
	if r.keys == nil {
		r.keys = map[K]struct{}{}
	}
	if len(r.ring) >= bound {
		delete(r.keys, r.ring[0])
		r.ring = r.ring[1:]
	}
	r.keys[k] = struct{}{}
	r.ring = append(r.ring, k)
}
