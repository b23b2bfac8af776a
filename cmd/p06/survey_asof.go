package main

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness/report"
	"github.com/p06kit/p06kit/scoring"
)

// surveyAsOfDay parses --as-of; empty means the day of now in UTC.
func surveyAsOfDay(flag string, now time.Time) (time.Time, error) {
	if flag == "" {
		now = now.UTC()
		return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC), nil
	}
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(flag))
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date YYYY-MM-DD", flag)
	}
	return t, nil
}

// surveyLevel reads a unit's level of government: ministry, province or commune, or nothing.
func surveyLevel(s, lang string) (criteria.Scope, error) {
	switch lv := criteria.Scope(strings.ToLower(strings.TrimSpace(s))); lv {
	case "":
		return "", nil
	case criteria.Ministry, criteria.Province, criteria.Commune:
		return lv, nil
	}
	return "", errors.New(mEntryLevel.Render(lang, s))
}

// surveyRescore scores the entry's report again as of the survey's day and for the unit's
// level, with the survey's grading, by the same rule as every other scoring
// (scoring.Rescore): criteria not in force on that day and criteria outside the unit's scope
// do not count. It returns true when that failed (the entry then keeps its report and says
// why, and the survey is incomplete).
func surveyRescore(e *report.SurveyEntry, p surveyPortal, o surveyOpts) bool {
	if e.Report == nil {
		return false
	}
	r, err := scoring.Rescore(o.cat, e.Report, scoring.Config{AsOf: o.asOf, Level: p.level, Bands: o.grading})
	if err != nil {
		msg := fmt.Sprintf("could not be scored as of %s: %v", o.asOf.Format(time.DateOnly), err)
		if e.Err != nil {
			msg = e.Err.Error() + "; " + msg
		}
		e.Err = fmt.Errorf("%s", msg)
		return true
	}
	e.Report = r
	return false
}
