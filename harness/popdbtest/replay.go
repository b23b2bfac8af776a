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
	ids  map[string]struct{}
	ring []string // answered request IDs, oldest first, for the bound
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
	if g.ids == nil {
		g.ids = map[string]struct{}{}
	}
	if _, seen := g.ids[id]; seen {
		return false
	}
	if len(g.ring) >= maxRequestIDs {
		delete(g.ids, g.ring[0])
		g.ring = g.ring[1:]
	}
	g.ids[id] = struct{}{}
	g.ring = append(g.ring, id)
	return true
}

// stamps are the Timestamps [SignRequest] used recently, so that no two requests signed by
// this process carry the same signature, even when they are signed in the same millisecond or
// against a fixed test clock.
var stamps struct {
	mu   sync.Mutex
	used map[int64]struct{}
	ring []int64
}

// maxStamps bounds the stamps remembered.
const maxStamps = 1 << 16

// stamp returns now in epoch milliseconds, moved on by a millisecond at a time past the stamps
// already used.
func stamp(now time.Time) int64 {
	stamps.mu.Lock()
	defer stamps.mu.Unlock()
	if stamps.used == nil {
		stamps.used = map[int64]struct{}{}
	}
	ms := now.UnixMilli()
	for {
		if _, taken := stamps.used[ms]; !taken {
			break
		}
		ms++
	}
	if len(stamps.ring) >= maxStamps {
		delete(stamps.used, stamps.ring[0])
		stamps.ring = stamps.ring[1:]
	}
	stamps.used[ms] = struct{}{}
	stamps.ring = append(stamps.ring, ms)
	return ms
}
