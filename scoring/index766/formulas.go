package index766

// FormulaVersion names the version of the formulas below; it changes whenever a formula does.
const FormulaVersion = "index766 formulas 2 (docs/qd766.md; DVCQG split into 6 groups; period and as-of day)"

// inputs are the sums one index is computed from: dossier counts over the slice's cells and
// the procedure facts of the slice's procedures.
type inputs struct {
	c cellCounts
	// Procedure facts; known is false without a procedure catalogue.
	known                bool
	procedures           int64 // procedures in scope
	online               int64 // MucDo set
	full                 int64 // MucDo = toan_trinh
	onlineWithOnline     int64 // online procedures that received ≥ 1 online dossier
	feeProcedures        int64 // CoPhiLePhi
	feeSynced            int64 // CoPhiLePhi with ≥ 1 dossier with PhiLePhi > 0
	feePaid              int64 // CoPhiLePhi with ≥ 1 dossier paid online
	citizenProcedures    int64 // DoiTuongCongDan
	citizenLinked        int64 // DoiTuongCongDan and KetNoiDanCu
	unknownProcedures    int64 // procedures in the dossiers but not in the catalogue
	unknownDossiers      int64 // their dossiers
	finishedWithoutDue   int64
	processingSecondsSum int64
	overdue              int64 // unfinished dossiers past their NgayHenTra on the as-of day
	feeDossiers          int64 // dossiers of CoPhiLePhi procedures with PhiLePhi > 0
	feeDossiersPaid      int64 // of them, paid online
}

// formula computes one indicator: numerator and denominator, or why it cannot.
type formula struct {
	// text says in English what is counted; it is printed with the indicator.
	text string
	// needs names the inputs the formula reads.
	needs string
	// ratio returns numerator and denominator; reason is set when the inputs cannot support it.
	ratio func(in *inputs) (num, den int64, reason string)
}

const (
	noProcedures = "needs the procedure catalogue (--procedures)"
	noDossiers   = "no dossiers in the input (denominator 0)"
)

func dossiers(num func(c *cellCounts) int64) func(in *inputs) (int64, int64, string) {
	return func(in *inputs) (int64, int64, string) {
		if in.c[cDossiers] == 0 {
			return 0, 0, noDossiers
		}
		return num(&in.c), in.c[cDossiers], ""
	}
}

func notSupported(reason string) func(in *inputs) (int64, int64, string) {
	return func(*inputs) (int64, int64, string) { return 0, 0, reason }
}

// formulas are the contract of this package, keyed by the qd766 catalogue's criterion IDs;
// doc.go states the same in prose.
var formulas = map[string]formula{
	"QD766-1.1": {text: "TTHC whose publication decision came on time ÷ TTHC published in the period",
		ratio: notSupported("needs the dates of the publication decisions (QĐCB) and of the legal bases; dossier records do not carry them")},
	"QD766-1.2": {text: "TTHC published on the National TTHC Database within 10 (ministry) or 5 (province) working days of the QĐCB",
		ratio: notSupported("needs the QĐCB dates and the National TTHC Database's publication dates; dossier records do not carry them")},
	"QD766-1.3": {text: "TTHC published with all mandatory components (Decree 63/2010 Art. 8(2)) ÷ TTHC published",
		ratio: notSupported("needs the published content of each TTHC; the procedure catalogue does not list its components")},
	"QD766-1.4": {text: "dossiers synchronised to DVCQG ÷ max(BCQG count, DVCQG count)",
		ratio: notSupported("needs the national reporting system's (BCQG) dossier count as denominator; the records are only the synchronised side")},
	"QD766-2.1": {text: "dossiers finished with NgayKetThucXuLy ≤ NgayHenTra, or unfinished and still within time on the as-of day ÷ dossiers with a NgayHenTra received or processed in the period (an unfinished dossier past its NgayHenTra is late)",
		needs: "NgayKetThucXuLy, NgayHenTra",
		ratio: func(in *inputs) (int64, int64, string) {
			den := in.c[cFinished] - in.c[cFinishedNoDue] + in.c[cOpen]
			if den == 0 {
				return 0, 0, "no dossiers with a NgayHenTra (denominator 0)"
			}
			return in.c[cOnTime] + in.c[cOpen] - in.overdue, den, ""
		}},
	"QD766-2.2": {text: "Σ (NgayKetThucXuLy − NgayTiepNhan) ÷ finished dossiers, in days; display only",
		needs: "NgayTiepNhan, NgayKetThucXuLy",
		ratio: func(in *inputs) (int64, int64, string) {
			if in.c[cFinished] == 0 {
				return 0, 0, "no finished dossiers (denominator 0)"
			}
			return in.c[cProcessingSeconds], in.c[cFinished], ""
		}},
	"QD766-3.1": {text: "TTHC with MucDo toan_trinh or mot_phan ÷ TTHC in scope",
		needs: "procedure catalogue: MucDo",
		ratio: func(in *inputs) (int64, int64, string) {
			if !in.known {
				return 0, 0, noProcedures
			}
			if in.procedures == 0 {
				return 0, 0, "no procedures in scope (denominator 0)"
			}
			return in.online, in.procedures, ""
		}},
	"QD766-3.2": {text: "online TTHC that received ≥ 1 dossier with KenhThucHien = 2 ÷ online TTHC in scope",
		needs: "procedure catalogue: MucDo; dossiers: MaTTHC, KenhThucHien",
		ratio: func(in *inputs) (int64, int64, string) {
			if !in.known {
				return 0, 0, noProcedures
			}
			if in.online == 0 {
				return 0, 0, "no online procedures in scope (denominator 0)"
			}
			return in.onlineWithOnline, in.online, ""
		}},
	"QD766-3.3": {text: "dossiers with KenhThucHien = 2 ÷ all dossiers (every record is a synchronised dossier, so the synchronisation factor is 1)",
		needs: "KenhThucHien",
		ratio: dossiers(func(c *cellCounts) int64 { return c[cOnline] })},
	"QD766-3.5": {text: "fee-bearing TTHC (CoPhiLePhi) with ≥ 1 dossier that synced PhiLePhi > 0 ÷ fee-bearing TTHC in scope",
		needs: "procedure catalogue: CoPhiLePhi; dossiers: PhiLePhi",
		ratio: func(in *inputs) (int64, int64, string) {
			if !in.known {
				return 0, 0, noProcedures
			}
			if in.feeProcedures == 0 {
				return 0, 0, "no fee-bearing procedures in scope (denominator 0)"
			}
			return in.feeSynced, in.feeProcedures, ""
		}},
	"QD766-3.5b": {text: "fee-bearing TTHC with ≥ 1 dossier with PhiLePhi > 0 paid online (DuocThanhToanTrucTuyen 1 or 2) ÷ fee-bearing TTHC in scope",
		needs: "procedure catalogue: CoPhiLePhi; dossiers: PhiLePhi, DuocThanhToanTrucTuyen",
		ratio: func(in *inputs) (int64, int64, string) {
			if !in.known {
				return 0, 0, noProcedures
			}
			if in.feeProcedures == 0 {
				return 0, 0, "no fee-bearing procedures in scope (denominator 0)"
			}
			return in.feePaid, in.feeProcedures, ""
		}},
	"QD766-3.6": {text: "dossiers of fee-bearing TTHC (CoPhiLePhi) with PhiLePhi > 0 and DuocThanhToanTrucTuyen ∈ {1, 2} ÷ dossiers of fee-bearing TTHC with PhiLePhi > 0 (a fee of 0 is left out)",
		needs: "procedure catalogue: CoPhiLePhi; dossiers: PhiLePhi, DuocThanhToanTrucTuyen",
		ratio: func(in *inputs) (int64, int64, string) {
			if !in.known {
				return 0, 0, noProcedures
			}
			if in.feeDossiers == 0 {
				return 0, 0, "no dossiers of fee-bearing procedures with PhiLePhi > 0 (denominator 0)"
			}
			return in.feeDossiersPaid, in.feeDossiers, ""
		}},
	"QD766-4.1": {text: "finished dossiers with a DuongDanTepTinKetQua ÷ finished dossiers (the records do not say which TTHC require a paper result, so every finished dossier is expected to have an electronic one)",
		needs: "NgayKetThucXuLy, DuongDanTepTinKetQua",
		ratio: func(in *inputs) (int64, int64, string) {
			if in.c[cFinished] == 0 {
				return 0, 0, "no finished dossiers (denominator 0)"
			}
			return in.c[cResultLink], in.c[cFinished], ""
		}},
	"QD766-4.2": {text: "dossiers with attachments among their dossier components and, where one is required, an electronic result ÷ dossiers",
		ratio: notSupported("needs whether each dossier's components carry attachments (the documents submitted, TaiLieuNop) and which TTHC require an electronic result; the records carry neither (DuocSoHoa is indicator 4.3's re-use flag, not digitisation)")},
	"QD766-4.3": {text: "dossiers with DuocSoHoa = 1 (a component re-used from digitised data) ÷ all dossiers",
		needs: "DuocSoHoa",
		ratio: dossiers(func(c *cellCounts) int64 { return c[cDigitised] })},
	"QD766-4.4": {text: "dossiers with DuocLayTuKhoDMQG = 1 (a component taken from the citizen's data store on DVCQG) ÷ all dossiers; a lower bound: the rule also counts a dossier whose result link was synced to the store, which the records do not say",
		needs: "DuocLayTuKhoDMQG",
		ratio: dossiers(func(c *cellCounts) int64 { return c[cFromStore] })},
	"QD766-4.5a": {text: "TTHC for citizens (DoiTuongCongDan) connected to the population database (KetNoiDanCu) ÷ TTHC for citizens in scope",
		needs: "procedure catalogue: DoiTuongCongDan, KetNoiDanCu",
		ratio: func(in *inputs) (int64, int64, string) {
			if !in.known {
				return 0, 0, noProcedures
			}
			if in.citizenProcedures == 0 {
				return 0, 0, "no procedures for citizens in scope (denominator 0)"
			}
			return in.citizenLinked, in.citizenProcedures, ""
		}},
	"QD766-4.5b": {text: "dossiers with TaiKhoanDuocXacThucVoiVNeID = 1 or DuocLayTuKhoDMQG = 1 ÷ all dossiers; a lower bound: the rule also counts a MaCSDL naming the population database, whose code is NOT FOUND, so MaCSDL is not read",
		needs: "TaiKhoanDuocXacThucVoiVNeID, DuocLayTuKhoDMQG",
		ratio: dossiers(func(c *cellCounts) int64 { return c[cPopulationData] })},
	"QD766-4.6": {text: "share providing the service of certifying electronic copies from originals",
		ratio: notSupported("formula NOT FOUND in any source (docs/qd766.md); not guessed")},
	"QD766-5.1": {text: "feedback and petitions (PAKN) by classification; tracking only",
		ratio: notSupported("needs PAKN (feedback and petition) records")},
	"QD766-5.2": {text: "PAKN handled within the deadlines ÷ PAKN",
		ratio: notSupported("needs PAKN (feedback and petition) records with their handling dates")},
	"QD766-5.3": {text: "(PAKN − dissatisfied, repeated or overdue) ÷ PAKN",
		ratio: notSupported("needs PAKN records and their likes and dislikes on DVCQG")},
	"QD766-5.4": {text: "100% − (overdue dossier rate + rate of dossiers with PAKN or a dislike)",
		ratio: notSupported("needs the dossiers' PAKN and dislike counts; dossier records do not carry them")},
}
