package index766_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/scoring/index766"
)

// periodDossiers: 20 dossiers of one unit, due 2024-03-20. 12 finished on time, 4 finished
// late, 3 unfinished (due before 2024-04-01: late by the rule), 1 finished on 2024-04-10, after
// the as-of day, and on time (due 2024-04-15).
func periodDossiers() string {
	var b strings.Builder
	line := func(id int, due, end string) {
		fmt.Fprintf(&b, `{"MaHoSo":"D%02d","MaDonVi":"U1","MaTTHC":"P1","KenhThucHien":2,"NgayTiepNhan":"20240301080000","NgayHenTra":"%s","NgayKetThucXuLy":"%s"}`+"\n", id, due, end)
	}
	for i := 1; i <= 12; i++ {
		line(i, "20240320170000", "20240315100000")
	}
	for i := 13; i <= 16; i++ {
		line(i, "20240320170000", "20240325100000")
	}
	for i := 17; i <= 19; i++ {
		line(i, "20240320170000", "")
	}
	line(20, "20240415170000", "20240410100000")
	return b.String()
}

func scorePeriod(t *testing.T, p index766.Period) *index766.Report {
	t.Helper()
	acc := index766.NewAccumulatorFor(p)
	require.NoError(t, index766.Read(context.Background(), strings.NewReader(periodDossiers()), "period.jsonl", 0, index766.JSONL, acc, index766.ReadOptions{}))
	r, err := index766.Score(acc, index766.Options{Period: p})
	require.NoError(t, err)
	return r
}

func indicator(r *index766.Report, id string) index766.Indicator {
	for _, ind := range r.Indicators {
		if ind.ID == id {
			return ind
		}
	}
	return index766.Indicator{}
}

// Three unfinished dossiers past their due date are late in QD766-2.1 (the rule: on time
// or still within time ÷ dossiers received or processed in the period).
func TestOverdueUnfinishedAreLate(t *testing.T) {
	day := func(s string) time.Time { d, err := time.Parse(time.DateOnly, s); require.NoError(t, err); return d }

	r := scorePeriod(t, index766.Period{AsOf: day("2024-04-01")})
	ind := indicator(r, "QD766-2.1")
	require.True(t, ind.Computed, ind.Reason)
	// On 2024-04-01 D20 is unfinished and still within time (due 04-15): 12 + 1 on time of 20.
	assert.Equal(t, [2]int64{13, 20}, [2]int64{ind.Numerator, ind.Denominator})
	assert.Equal(t, "2024-04-01", r.Period.AsOf)
	assert.Equal(t, "given", r.Period.AsOfSource)
	assert.Equal(t, int64(4), r.Period.Open)
	assert.Equal(t, int64(3), r.Period.Overdue)

	// Without --as-of: the latest date in the data (D20's end, 2024-04-10) is the as-of day.
	r = scorePeriod(t, index766.Period{})
	ind = indicator(r, "QD766-2.1")
	assert.Equal(t, [2]int64{13, 20}, [2]int64{ind.Numerator, ind.Denominator})
	assert.Equal(t, "2024-04-10", r.Period.AsOf)
	assert.Equal(t, "latest date in the data", r.Period.AsOfSource)
	assert.Equal(t, int64(3), r.Period.Overdue)

	// As of 2024-03-18 nothing is past due; the 4 dossiers finished after it count as open.
	r = scorePeriod(t, index766.Period{AsOf: day("2024-03-18")})
	ind = indicator(r, "QD766-2.1")
	assert.Equal(t, [2]int64{20, 20}, [2]int64{ind.Numerator, ind.Denominator}, "nothing is past due on 03-18")
	assert.Equal(t, int64(8), r.Period.Open)

	// A period that starts after the dossiers finished leaves them out.
	r = scorePeriod(t, index766.Period{From: day("2024-03-26"), AsOf: day("2024-04-01")})
	assert.Equal(t, int64(16), r.Period.Outside, "the 16 dossiers finished before 03-26")
	ind = indicator(r, "QD766-2.1")
	assert.Equal(t, [2]int64{1, 4}, [2]int64{ind.Numerator, ind.Denominator})

	// Received after the cut-off: not counted.
	r = scorePeriod(t, index766.Period{AsOf: day("2024-02-28")})
	assert.Equal(t, int64(20), r.Period.Outside)
	assert.False(t, indicator(r, "QD766-2.1").Computed)
}

// The open dossiers survive the partial form: a partial written and read back scores the same.
func TestPeriodSurvivesPartial(t *testing.T) {
	acc := index766.NewAccumulator()
	require.NoError(t, index766.Read(context.Background(), strings.NewReader(periodDossiers()), "period.jsonl", 0, index766.JSONL, acc, index766.ReadOptions{}))
	b, err := acc.MarshalJSON()
	require.NoError(t, err)
	back := index766.NewAccumulator()
	require.NoError(t, back.UnmarshalJSON(b))
	r1, err := index766.Score(acc, index766.Options{})
	require.NoError(t, err)
	r2, err := index766.Score(back, index766.Options{})
	require.NoError(t, err)
	assert.Equal(t, r1, r2)
	bad := strings.Replace(string(b), `"open_due":[[`, `"open_due":[[1,5],[`, 1)
	require.NotEqual(t, string(b), bad)
	assert.ErrorContains(t, index766.NewAccumulator().UnmarshalJSON([]byte(bad)), "open_due sums to")
}

// The decision's five groups: group d is online service plus online payment, 22 points.
func TestOfficialFiveGroups(t *testing.T) {
	r := scorePeriod(t, index766.Period{})
	require.Len(t, r.Official, 5)
	sum := 0.0
	for _, g := range r.Official {
		sum += g.MaxPoints
	}
	assert.Equal(t, 100.0, sum)
	assert.Equal(t, "d", r.Official[3].ID)
	assert.Equal(t, 22.0, r.Official[3].MaxPoints)
	assert.Equal(t, 22.0, r.Official[2].MaxPoints, "c: dossier digitisation")
	six := map[string]index766.GroupScore{}
	for _, g := range r.Groups {
		six[g.ID] = g
	}
	assert.InDelta(t, six["online-service"].Points+six["online-payment"].Points, r.Official[3].Points, 1e-12)
}
