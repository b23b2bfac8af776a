package msg

// Wrap returns err preceded by the step it happened at, a catalogue phrase: its Error is "step:
// err" in English, and as a value of a message (check.FromError's, say) it renders in that
// message's language, the step in Vietnamese too. errors.Is and errors.As see err through it.
// A nil err gives nil.
func Wrap(step Phrase, err error) error {
	if err == nil {
		return nil
	}
	return &stepError{step: step, err: err}
}

type stepError struct {
	step Phrase
	err  error
}

func (e *stepError) Error() string { return e.Render(EN) }

func (e *stepError) Unwrap() error { return e.err }

// Render is the step in lang, then the wrapped error (in lang too when it is a Wrap).
func (e *stepError) Render(lang string) string {
	inner := e.err.Error()
	if r, ok := e.err.(interface{ Render(string) string }); ok {
		inner = r.Render(lang)
	}
	return e.step.Render(lang) + ": " + inner
}
