package check

// Memo returns the value init returns for this session and key, calling init at most once per
// session: it is where a check package keeps state that several of its checks share within one
// run (a protocol scan both TLS checks need, the list of pages the header checks judge). The
// state lives and dies with the session, so no package keeps a map of sessions.
//
// Concurrent callers with the same key wait for the first call of init and get its value. The
// value is shared by every check of the session: when it is filled in later (a result that only
// counts once complete), it must guard itself, typically with a mutex of its own. Keys should be
// values of an unexported type of the caller's package, as with context.WithValue.
func (s *Session) Memo(key any, init func() any) any {
	s.memoMu.Lock()
	if s.memo == nil {
		s.memo = map[any]*memoEntry{}
	}
	if s.memo[key] == nil {
		s.memo[key] = &memoEntry{}
	}
	e := s.memo[key]
	s.memoMu.Unlock()
	e.once.Do(func() { e.val = init() })
	return e.val
}
