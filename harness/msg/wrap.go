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

// Error returns an error whose text is the message t with args: in English for Error, and in the
// language of the message that quotes it. errors.Is and errors.As see the errors among args.
func Error(t Text, args ...any) error { return &textError{P(t, args...)} }

type textError struct{ p Phrase }

func (e *textError) Error() string { return e.p.Render(EN) }

// Render is the error in lang.
func (e *textError) Render(lang string) string { return e.p.Render(lang) }

func (e *textError) Unwrap() []error {
	var errs []error
	for _, a := range e.p.Args {
		if err, ok := a.(error); ok {
			errs = append(errs, err)
		}
	}
	return errs
}
