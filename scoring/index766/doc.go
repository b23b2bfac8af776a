// Package index766 computes the Decision 766/QĐ-TTg service-quality index (6 groups, 100
// points) from dossier records as the national public service portal (DVCQG) synchronises them,
// streaming, in memory flat in the number of records, on every core, with accumulators that
// merge.
//
//	acc := index766.NewAccumulator()
//	err := index766.Read(ctx, file, "dossiers.jsonl", 0, index766.Detect, acc, index766.ReadOptions{})
//	report, err := index766.Score(acc, index766.Options{Procedures: procs})
//	fmt.Println(report.Total, report.Band.Label.VI)
//
// The command `p06 index766` wraps this; `p06 index766 generate` writes synthetic data from the
// companion package synth.
//
// # Inputs
//
// Dossier records are JSON Lines (one flat object per line) or CSV with a header row. The
// fields read, named as the national synchronisation names them, are:
//
//	MaHoSo                       dossier ID                              required
//	MaDonVi                      unit code                               required
//	MaTTHC                       procedure code                          required
//	KenhThucHien                 1 in person (or empty), 2 online, 3 public postal
//	NgayTiepNhan                 received                                required
//	NgayHenTra                   appointment (due) date
//	NgayKetThucXuLy              end of processing; empty while in progress
//	PhiLePhi                     fee in VND; 0 or empty = none
//	DuocThanhToanTrucTuyen       0, 1 paid on the national portal, 2 on the local payment gateway
//	DuongDanTepTinKetQua         link to the electronic result
//	DuocSoHoa                    0/1 digitised (a component re-used from digitised data)
//	DuocLayTuKhoDMQG             0/1 taken from the citizen's data store on DVCQG
//	TaiKhoanDuocXacThucVoiVNeID  0/1 account authenticated with VNeID
//
// Other fields are skipped. Dates are RFC 3339 (2024-03-05T08:30:00+07:00, …Z, with an optional
// fraction) or yyyyMMddHHmmss in Vietnam time (UTC+7). In JSON a number may be written as a
// number or a string, a flag as 0/1 or false/true, and null is empty.
//
// The procedure catalogue ([LoadProcedures]: JSON array or CSV) gives per MaTTHC: Ten, MucDo
// (toan_trinh full-process online, mot_phan partly online, empty not online), CoPhiLePhi (has a
// fee), DoiTuongCongDan (for citizens), KetNoiDanCu (connected to the population database) and
// ThietYeu (a Project 06 essential service). Without it the procedure-level indicators are not
// computed.
//
// # Formulas
//
// The formulas are the contract of this package ([FormulaVersion]). Titles, groups, maximum
// points and thresholds come from the qd766 criteria catalogue; the numerators and denominators
// are these (the rules are summarised, with their reliability, in docs/qd766.md; "TTHC in
// scope" is the whole procedure catalogue for the overall index, the catalogue's essential
// services for the essential index, and the catalogue procedures that have dossiers in the
// slice for a unit or a procedure):
//
//	QD766-2.1   dossiers finished with NgayKetThucXuLy ≤ NgayHenTra, or unfinished and still
//	            within time on the as-of day ÷ dossiers with a NgayHenTra received or processed
//	            in the period; an unfinished dossier past its NgayHenTra is late (finished
//	            dossiers without a NgayHenTra are counted in a note: the legal maximum time the
//	            rule falls back on is not in the inputs; supplement periods are not either)
//	QD766-2.2   Σ (NgayKetThucXuLy − NgayTiepNhan) ÷ finished dossiers, in days; display only
//	QD766-3.1   TTHC with MucDo toan_trinh or mot_phan ÷ TTHC in scope
//	QD766-3.2   online TTHC that received ≥ 1 dossier with KenhThucHien = 2 ÷ online TTHC
//	QD766-3.3   dossiers with KenhThucHien = 2 ÷ dossiers (the synchronisation factor of the
//	            DVCQG formula is 1: the records are the synchronised dossiers; DVCQG's extra
//	            condition for procedures with a paper result cannot be applied, the inputs do
//	            not say which those are)
//	QD766-3.5   TTHC with CoPhiLePhi that have ≥ 1 dossier with PhiLePhi > 0 ÷ TTHC with CoPhiLePhi
//	QD766-3.5b  TTHC with CoPhiLePhi that have ≥ 1 dossier with PhiLePhi > 0 paid online
//	            (DuocThanhToanTrucTuyen 1 or 2) ÷ TTHC with CoPhiLePhi
//	QD766-3.6   dossiers of TTHC with CoPhiLePhi, with PhiLePhi > 0 and DuocThanhToanTrucTuyen
//	            ∈ {1, 2} ÷ dossiers of TTHC with CoPhiLePhi and PhiLePhi > 0 (needs the
//	            procedure catalogue)
//	QD766-4.1   finished dossiers with a DuongDanTepTinKetQua ÷ finished dossiers (the inputs do
//	            not say which TTHC need a paper result, so every result is expected online)
//	QD766-4.2   not computed: the rule counts dossiers with attachments among their components
//	            and an electronic result where one is required; the records carry neither
//	            (DuocSoHoa is 4.3's re-use flag)
//	QD766-4.3   dossiers with DuocSoHoa = 1 ÷ dossiers
//	QD766-4.4   dossiers with DuocLayTuKhoDMQG = 1 ÷ dossiers (a lower bound: a result link
//	            synced to the store also counts, and the records do not say so)
//	QD766-4.5a  TTHC with DoiTuongCongDan and KetNoiDanCu ÷ TTHC with DoiTuongCongDan
//	QD766-4.5b  dossiers with TaiKhoanDuocXacThucVoiVNeID = 1 or DuocLayTuKhoDMQG = 1 ÷ dossiers
//	            (a lower bound: a MaCSDL naming the population database also counts, but that
//	            code is NOT FOUND, so MaCSDL is not read)
//
// Points: an indicator with maximum M and threshold T earns M when rate ≥ T and M × rate ÷ T
// below it; without a threshold it earns M × rate. So QD766-2.1 earns 20 × rate, QD766-3.3
// min(6, 6 × rate ÷ 0.5) and QD766-3.6 6 × rate.
//
// # Period and as-of day
//
// [NewAccumulatorFor] takes a [Period]: From, To and AsOf days in Vietnam time. A dossier
// counts when it was received or processed in the period (received by the cut-off, AsOf else
// To; not finished before From); one finished after the cut-off counts as unfinished. The
// unfinished dossiers are kept by due day, so that the as-of day can be chosen after reading:
// AsOf, else To, else the latest NgayTiepNhan or NgayKetThucXuLy in the data. The report's
// period section says which day was used and why, and how many open dossiers were late.
//
// # What is not computed
//
// Indicators the inputs cannot support are reported with computed = false and the reason, and
// earn nothing — never a silent 0: 1.1 and 1.2 need the dates of the publication decisions,
// 1.3 the published content of each TTHC, 1.4 the national reporting system's count, 4.2 the
// dossiers' attachments, 4.6 (the DVCQG metric ELECTRONIC_CERTIFIED_COPY, numbered 4.6 here
// only for ordering: the decision has no such number) has no known formula (NOT FOUND),
// 5.1–5.4 need feedback and petition (PAKN) data. An indicator whose denominator is 0 (no
// fee-bearing dossiers, say) is not computed either. Total is the sum of the computed
// indicators' points out of 100, a lower bound of the official score; Attainable is what the
// computed indicators could earn, NotComputedPoints the rest, and Normalised = Total ÷
// Attainable × 100. Band grades Normalised — what the inputs can support — and BandTotal the
// lower bound; both carry the Decision 766 bands' Verified flag (the middle boundaries are
// unverified). [Index.Official] regroups the six groups into the decision's five (group d,
// online service provision, = online service 12 + online payment 10 = 22 points).
//
// # Targets
//
// The seed's targets are measured too: procedures online (MucDo set ÷ procedures, ≥ 80%),
// online procedures full-process (toan_trinh ÷ online, ≥ 80%), and dossiers processed fully
// online (finished dossiers submitted online, with the fee paid online or no fee, and an
// electronic result ÷ finished dossiers, ≥ 85%).
//
// # Reading
//
// [Read] cuts the input into 4 MiB chunks at record boundaries (newlines; for CSV, newlines
// outside a quoted field) and parses them on one goroutine per CPU with hand-written scanners.
// A regular file is mapped into memory on Linux (no copy through read(2); the pages of parsed
// chunks are released at once, so the resident set stays flat); anything else (standard input,
// a pipe, a bytes.Reader) streams through a few pooled buffers. The scanners are:
// for JSON Lines a strict scanner for flat objects (strings, numbers, null, booleans) that
// compares field names as bytes (predicting each from the previous record's order), skips
// plain string bytes eight at a time and allocates nothing per record; for CSV an RFC 4180
// scanner mapped through the header row. Dates are parsed by hand. A record longer than a chunk
// is a bad record. Fuzz tests hold them to encoding/json and encoding/csv. Each
// worker has its own [Accumulator]; they are merged at the end, so memory is the chunk buffers
// plus one counter row per (unit, procedure) pair, whatever the number of records.
//
// A bad record (malformed line, missing required field, impossible date such as 30 February or
// an end before the receipt) is counted, excluded and kept with its line number (the first
// [MaxBadSamples]); reading goes on. Duplicate MaHoSo are not detected: that would take memory
// per record.
//
// # Merging
//
// Every indicator is a ratio of sums of integer counters kept per (MaDonVi, MaTTHC) cell, so
// [Accumulator.Merge] is associative and commutative and exact: partitions scored on several
// cores, machines or workers of a distributed engine combine into the result of one pass (a
// property test checks it on random partitions). An accumulator travels between machines in
// its JSON form ([Accumulator.MarshalJSON], format [PartialFormat]: named counters per cell,
// deterministic bytes); `p06 index766 --save-partial FILE` writes one and `--partial FILE`
// merges it.
package index766
