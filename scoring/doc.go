// Package scoring turns findings into the numbers assessors and vendors act on: group scores, an
// overall score, the compliance rate, a grade with caps, waivers, the seed's targets, and the
// aggregation of many portals' reports into national figures. It is pure (no I/O, no clock, no
// testing import) and deterministic: the same inputs give the same report, byte for byte, once
// encoded.
//
//	r, err := scoring.Score(criteria.P06Technical(), findings, scoring.Config{AsOf: today})
//	fmt.Printf("%d/%d mandatory criteria met (%.2f%%), grade %s\n",
//		r.Scores.Compliance.Met, r.Scores.Compliance.Applicable, 100*r.Scores.Compliance.Rate, r.Scores.Grade)
//
// # Statuses
//
// Each status has one meaning. The harness enforces the table (package harness: a verdict it
// did not earn becomes error, whatever the check returned), and every producer of findings
// must keep to it:
//
//	status          meaning                                               needs
//	pass            the requirement is met                                evidence the harness saw
//	fail            the requirement is not met                            evidence the harness saw
//	error           the harness could not see enough to judge: a page     why, and what would make
//	                it could not read, a timeout, the request budget,     it assessable (--ca, a
//	                the check's own deadline, a verdict without evidence   longer timeout, …)
//	not_applicable  what was seen proves the criterion does not apply     what was seen; never
//	                (not in force that day, no such feature shown)        missing evidence
//	not_tested      the caller did not supply something: an adapter,      what to supply
//	                a fake, an evidence file, an option (Active, Only)
//	attested        a document vouches for an attested-method criterion   the document
//	waived          a valid waiver removed the criterion from the count   the waiver
//
// Missing evidence never shrinks a denominator: not_applicable leaves the counts, so it is
// never the answer to "could not see" (that is error, which earns nothing).
//
// # Scoring model 2
//
// The model is versioned: [Model] is written into every report, and any change to the rules
// below gets a new model number.
//
//  1. Findings. Every criterion of the catalogue gets exactly one finding, in catalogue order;
//     a criterion with no finding is not_tested. Statuses: pass, fail, error (the check could
//     not complete), not_applicable, not_tested (nothing assessed it), attested (evidence for
//     an attested-method criterion; for any other method it is an input error), and waived
//     (set only by a valid waiver). When Config.AsOf is set, a criterion not in force that day
//     (effective_from / effective_until) becomes not_applicable.
//  2. What counts. A criterion counts when its finding is neither not_applicable nor waived
//     and its level is not informational. It is met when its finding is pass or attested;
//     fail, error and not_tested earn nothing.
//  3. Group score = points earned / points available × 100, over the criteria that count
//     (points are the criterion's weight inside its group). A group none of whose counting
//     criteria was assessed (no pass, fail or attested: everything not_tested, error,
//     not_applicable or waived) has no score (null, shown as "not tested", never 0) and is
//     left out of the overall score. Once anything in a group was assessed, its not_tested
//     and error criteria earn nothing. (Model 1 scored such a group 0 and counted it.)
//  4. Overall score = the weighted mean of the scores of the groups that have one;
//     group weights come from the catalogue (absent or 0 means 1: equal weights).
//  5. Compliance rate = mandatory criteria met / mandatory criteria that count — the figure
//     MIC's 2023 survey reported as 20.48% — and 0 when no mandatory criterion counts.
//  6. Grade = the band of the overall score in the grading scheme (default [Decision766]:
//     Xuất sắc ≥ 90, Tốt ≥ 70, Trung bình ≥ 50, Yếu < 50, whose two middle boundaries are
//     unverified; or [Decision473]: A ≥ 90, B ≥ 80, C ≥ 65, D ≥ 50, E < 50). Caps: every
//     critical criterion whose finding is fail or error caps the grade at the lowest band, as
//     SSL Labs caps a grade; the report lists each cap. Scores are not changed by caps.
//  7. Waivers: {criterion, reason, approved_by, expires}. A waiver is valid through its expires
//     day; a valid one turns the criterion's finding into waived (so it leaves the
//     denominators) and is listed under waivers.applied; an expired one is ignored, the finding
//     counts as found, and it is listed under waivers.stale. A waiver for an unknown criterion,
//     without reason or approver, with a malformed date, or repeating a criterion is an error.
//
// Coverage ([Coverage], in every report) counts the findings assessed (pass, fail, attested,
// not_applicable), not_tested, error and waived, overall and per group, so that a score is
// always read with the share of the catalogue it rests on.
//
// Numbers are kept at full float64 precision in reports; round only for display (percentages
// to 2 decimals, as DVCQG does).
//
// # Many portals
//
// [Aggregate] adds up many portals' reports: total met / total applicable (the national rate),
// the share of portals meeting every applicable mandatory criterion, the rate per criterion and
// per group, the mean scores, and a ranking with deterministic ties. When the reports were
// scored for a unit's level (Config.Level: ministry, province, commune), the same national
// figures are given for each level apart (Survey.Levels), and Survey.AsOf is the day every
// report was scored as of. Survey.Dimensions and Survey.WeakGroups add the figures up over the
// 2023 survey's five dimensions ([Dimensions2023]) and three weak groups ([WeakGroups2023]). [Rescore] scores a report again under another Config (a survey's
// as-of day, the unit's level, another grading) by the same rules, restoring first what an
// earlier scoring set aside, so that every portal of a survey is judged on one day.
//
// # Targets
//
// [SeedTarget] gives the seed article's targets (80% of procedures online, 80% of those
// full-process, 85% of dossiers fully online) with the measured value beside each.
package scoring
