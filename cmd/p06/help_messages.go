package main

import "github.com/p06kit/p06kit/harness/msg"

// The help of the command line: every command's syntax, what it does and what each of its flags
// means, and the errors about flags, in English and Vietnamese. Flag names, values (vi, json,
// qd766), file names and environment variables are the command's words in every language.

// Help and flag errors shared by the commands.
var (
	mHelpFlags      = msg.New("cli.help.flags", "flags:", "các tùy chọn:")
	mHelpDefault    = msg.New("cli.help.default", "(default %s)", "(mặc định %s)")
	mHelpHint       = msg.New("cli.help.hint", "'%s --help' explains every flag.", "Lệnh '%s --help' giải thích từng tùy chọn.")
	mFlagUndefined  = msg.New("cli.flag.undefined", "unknown flag %s", "không có tùy chọn %s")
	mFlagNeedsValue = msg.New("cli.flag.needs-value", "flag %s needs a value", "tùy chọn %s cần một giá trị")
	mFlagBadValue   = msg.New("cli.flag.bad-value", "%s %q: %s", "%s %q: %s")
	mFlagBadSyntax  = msg.New("cli.flag.bad-syntax", "bad flag syntax: %s", "tùy chọn viết sai cú pháp: %s")
	mDidYouMean     = msg.New("cli.did-you-mean", "did you mean %s?", "có phải ý bạn là %s?")
	mWantBool       = msg.New("cli.flag.want-bool", "want true or false", "cần true hoặc false")
	mWantInt        = msg.New("cli.flag.want-int", "want a whole number", "cần một số nguyên")
	mWantUint       = msg.New("cli.flag.want-uint", "want a whole number, 0 or more", "cần một số nguyên từ 0 trở lên")
	mWantFloat      = msg.New("cli.flag.want-float", "want a number such as 0.5", "cần một số, ví dụ 0.5")
	mWantDuration   = msg.New("cli.flag.want-duration", "want a duration such as 30s, 2m or 1h30m", "cần một khoảng thời gian, ví dụ 30s, 2m hoặc 1h30m")
	mUnknownCommand = msg.New("cli.unknown-command", "unknown command %q", "không có lệnh %q")
	mUnexpectedArg  = msg.New("cli.unexpected-argument", "unexpected argument %q", "thừa đối số %q")
)

// Placeholders of a flag's value in help, by the flag's type.
var mFlagType = map[string]msg.Text{
	"string":   msg.New("cli.help.type.string", "string", "chuỗi"),
	"int":      msg.New("cli.help.type.int", "int", "số"),
	"uint":     msg.New("cli.help.type.uint", "uint", "số"),
	"float":    msg.New("cli.help.type.float", "float", "số"),
	"duration": msg.New("cli.help.type.duration", "duration", "thời_lượng"),
	"value":    msg.New("cli.help.type.value", "value", "giá_trị"),
}

// p06 and p06 help.
var mMainUsage = msg.New("cli.help.main", `p06 — Project 06 (Đề án 06) assessment of public service portals

Commands:
  demo      start the reference and broken portals with fakes of the national services on
            loopback, assess both and write their reports
  scan      assess live portals black-box (safe checks only unless told)
  score     score findings produced by any tool
  criteria  list a catalogue of criteria
  index766  compute the Decision 766 index from dossier records
  survey    assess many portals and compute national figures
  report    compare two reports (report diff OLD.json NEW.json) or write a JSON report in
            another format (report render REPORT.json --format html)
  version   print p06kit's version (also p06 --version)

Run 'p06 COMMAND --help' (or 'p06 help COMMAND') for a command's flags. Output is in
Vietnamese unless --lang en is given.
`, `p06 — đánh giá cổng dịch vụ công theo Đề án 06

Các lệnh:
  demo      khởi động cổng tham chiếu và cổng lỗi cùng dịch vụ giả lập của các hệ thống quốc
            gia trên 127.0.0.1, đánh giá cả hai và ghi báo cáo
  scan      đánh giá cổng đang hoạt động theo kiểu hộp đen (chỉ phép kiểm tra an toàn, trừ khi
            được yêu cầu)
  score     chấm điểm kết quả do công cụ bất kỳ tạo ra
  criteria  liệt kê bộ tiêu chí
  index766  tính bộ chỉ số theo Quyết định 766 từ dữ liệu hồ sơ
  survey    đánh giá nhiều cổng và tính số liệu toàn quốc
  report    so sánh hai báo cáo (report diff CŨ.json MỚI.json) hoặc chuyển báo cáo JSON sang
            định dạng khác (report render BÁO_CÁO.json --format html)
  version   in phiên bản p06kit (hoặc p06 --version)

Lệnh 'p06 LỆNH --help' (hoặc 'p06 help LỆNH') giải thích các tùy chọn của từng lệnh. Kết quả
in bằng tiếng Việt, trừ khi có --lang en.
`)

// p06 demo.
var (
	mDemoSynopsis = msg.New("cli.demo.synopsis", "p06 demo [--out DIR] [--lang vi|en] [--quiet]", "p06 demo [--out THƯ_MỤC] [--lang vi|en] [--quiet]")
	mDemoAbout    = msg.New("cli.demo.about",
		`Starts the reference portal and the broken portal, each with its own fakes of the national
SSO, population database and PKI, on 127.0.0.1; assesses both with every automated and assisted
check; prints both scorecards side by side; and writes their JSON and HTML reports into --out.
No configuration, no network.`,
		`Khởi động cổng tham chiếu và cổng lỗi, mỗi cổng có dịch vụ giả lập xác thực quốc gia, CSDL dân
cư và PKI riêng, trên 127.0.0.1; đánh giá cả hai bằng mọi phép kiểm tra tự động và bán tự động;
in hai bảng điểm cạnh nhau; ghi báo cáo JSON và HTML của hai cổng vào --out. Không cần cấu hình,
không cần mạng.`)
	mDemoFlagOut     = msg.New("cli.demo.flag.out", "directory for the reports", "thư mục ghi báo cáo")
	mDemoFlagLang    = msg.New("cli.demo.flag.lang", "language of the scorecards and reports: vi or en", "ngôn ngữ của bảng điểm và báo cáo: vi hoặc en")
	mDemoFlagTimeout = msg.New("cli.demo.flag.timeout", "deadline for both assessments", "thời hạn cho cả hai lần đánh giá")
	mFlagQuiet       = msg.New("cli.flag.quiet", "no progress on stderr", "không in tiến độ ra stderr")
)

// Flags several commands share.
var (
	mFlagGradingDoc = msg.New("cli.flag.grading-doc", "grading scheme: qd766 (Decision 766 bands) or qd473 (A–E)",
		"cách xếp loại: qd766 (các mức của Quyết định 766) hoặc qd473 (A–E)")
	mFlagCatalogueDoc = msg.New("cli.flag.catalogue-doc", "catalogue: a built-in ID or a catalogue file", "bộ tiêu chí: mã bộ có sẵn hoặc tệp bộ tiêu chí")
	mFlagLangDoc      = msg.New("cli.flag.lang-doc", "language of messages and reports: vi or en", "ngôn ngữ của thông báo và báo cáo: vi hoặc en")
)

// p06 scan.
var (
	mScanSynopsis = msg.New("cli.scan.synopsis", "p06 scan [flags] URL…", "p06 scan [tùy_chọn] ĐỊA_CHỈ…")
	mScanAbout    = msg.New("cli.scan.about",
		`Assess live portals black-box against the Project 06 criteria (safe GET/HEAD requests only
unless --active). One URL: the report goes to stdout or --out FILE. Several URLs: --out DIR gets
one report per portal (json and md may also go to stdout, one after another), and progress
goes to stderr.

Exit status: 0 no mandatory criterion failed; 1 a mandatory criterion failed or errored (with
--strict, also one not tested); 2 could not run (usage, configuration, a portal unreachable or its
home page unreadable: an untrusted certificate, a stalled handshake, garbage; the report is still
written, its findings say why).`,
		`Đánh giá cổng đang hoạt động theo kiểu hộp đen, theo các tiêu chí của Đề án 06 (chỉ gửi yêu
cầu GET/HEAD an toàn, trừ khi có --active). Một địa chỉ: báo cáo ra stdout hoặc --out TỆP.
Nhiều địa chỉ: --out THƯ_MỤC nhận mỗi cổng một báo cáo (json và md cũng có thể ra stdout, lần
lượt từng cổng), tiến độ ghi ra stderr.

Mã thoát: 0 không tiêu chí bắt buộc nào không đạt; 1 có tiêu chí bắt buộc không đạt hoặc lỗi
(với --strict, cả tiêu chí bắt buộc chưa kiểm tra); 2 không chạy được (sai cách dùng, cấu hình,
cổng không truy cập được hoặc không đọc được trang chủ: chứng thư không được tin cậy, bắt tay TLS
bị treo, dữ liệu rác; báo cáo vẫn được ghi, các kết quả nêu lý do).`)
	mScanFlagFormat = msg.New("cli.scan.flag.format", "report format: text, json, junit, sarif, md or html (default: text on a terminal without --out, json otherwise)",
		"định dạng báo cáo: text, json, junit, sarif, md hoặc html (mặc định: text khi in ra màn hình mà không có --out, còn lại json)")
	mScanFlagOut = msg.New("cli.scan.flag.out", "write the report to this file (several URLs: this directory) instead of stdout",
		"ghi báo cáo vào tệp này (nhiều địa chỉ: vào thư mục này) thay vì stdout")
	mScanFlagProfile = msg.New("cli.scan.flag.profile", "portal profile (JSON, harness/report/schema/profile.schema.json) applied to every URL",
		"hồ sơ cổng (JSON, harness/report/schema/profile.schema.json) dùng cho mọi địa chỉ")
	mScanFlagCA = msg.New("cli.scan.flag.ca", "PEM file of extra trusted CA certificates for the portals' TLS",
		"tệp PEM chứa chứng thư CA được tin cậy thêm cho TLS của các cổng")
	mScanFlagOnly = msg.New("cli.scan.flag.only", "comma-separated criterion IDs, groups or tags to assess (default: all)",
		"mã tiêu chí, nhóm hoặc nhãn cần đánh giá, cách nhau bởi dấu phẩy (mặc định: tất cả)")
	mScanFlagParallel = msg.New("cli.scan.flag.parallel", "requests in flight at once per portal (politeness bound; checks run 4× as many at once, 1: one after another)",
		"số yêu cầu gửi đồng thời tới mỗi cổng (giới hạn lịch sự; số phép kiểm tra chạy đồng thời gấp 4 lần, 1: lần lượt từng yêu cầu)")
	mScanFlagConns   = msg.New("cli.scan.flag.conns-per-host", "connections opened to one host at most", "số kết nối tối đa tới một máy chủ")
	mScanFlagPortals = msg.New("cli.scan.flag.portals", "portals scanned at once (several URLs)", "số cổng đánh giá đồng thời (khi có nhiều địa chỉ)")
	mFlagReqTimeout  = msg.New("cli.flag.request-timeout", "timeout of each request (connection, headers and body)",
		"thời hạn của mỗi yêu cầu (kết nối, tiêu đề và nội dung)")
	mScanFlagCheckTimeout = msg.New("cli.scan.flag.check-timeout", "timeout of each check", "thời hạn của mỗi phép kiểm tra")
	mScanFlagDeadline     = msg.New("cli.scan.flag.deadline", "overall deadline per portal (0: none beyond the check timeouts)",
		"thời hạn chung cho mỗi cổng (0: chỉ áp thời hạn của từng phép kiểm tra)")
	mScanFlagActive = msg.New("cli.scan.flag.active", "enable active checks (POST requests, rate-limit probing): only against portals you may test so",
		"bật phép kiểm tra chủ động (yêu cầu POST, thử giới hạn tần suất): chỉ dùng với cổng bạn được phép kiểm tra như vậy")
	mScanFlagDeep = msg.New("cli.scan.flag.deep", "probe every sensitive path known (P06-SEC-13: all dump and archive names, about 40–60 more requests) instead of the highest-yield ones",
		"dò mọi đường dẫn nhạy cảm đã biết (P06-SEC-13: mọi tên tệp sao lưu và tệp nén, thêm khoảng 40–60 yêu cầu) thay vì chỉ những đường dẫn hay gặp nhất")
	mScanFlagStrict   = msg.New("cli.scan.flag.strict", "exit 1 also when a mandatory criterion is not tested", "thoát với mã 1 cả khi có tiêu chí bắt buộc chưa kiểm tra")
	mScanFlagEvidence = msg.New("cli.scan.flag.evidence", "evidence file for the attested criteria (JSON, harness/report/schema/attestations.schema.json)",
		"tệp minh chứng cho các tiêu chí cần xác nhận (JSON, harness/report/schema/attestations.schema.json)")
	mScanFlagWaivers = msg.New("cli.scan.flag.waivers", "waivers file (JSON)", "tệp miễn trừ (JSON)")
	mScanFlagRender  = msg.New("cli.scan.flag.render", "render pages in headless Chromium (JavaScript portals); without it a page rendered by JavaScript is reported, not judged",
		"dựng trang bằng Chromium không giao diện (cổng dùng JavaScript); nếu không có, trang do JavaScript dựng chỉ được ghi nhận, không được đánh giá")
	mScanFlagChromium = msg.New("cli.scan.flag.chromium", "Chromium executable for --render (default: $P06_CHROMIUM, then chromium on PATH)",
		"tệp chạy Chromium cho --render (mặc định: $P06_CHROMIUM, sau đó chromium trong PATH)")
	mScanFlagAllow = msg.New("cli.scan.flag.allow-host", "comma-separated hosts (host:port, or host for any port) the scan may contact besides the portal's origin",
		"các máy chủ được phép liên lạc ngoài nguồn gốc của cổng, cách nhau bởi dấu phẩy (host:port, hoặc host cho mọi cổng mạng)")
)

// p06 score.
var (
	mScoreSynopsis = msg.New("cli.score.synopsis",
		"p06 score FINDINGS.json|REPORT.json [--waivers FILE] [--catalogue ID|FILE] [--format json|md] [--lang vi|en] [--as-of YYYY-MM-DD] [--grading qd766|qd473]",
		"p06 score KẾT_QUẢ.json|BÁO_CÁO.json [--waivers TỆP] [--catalogue MÃ|TỆP] [--format json|md] [--lang vi|en] [--as-of YYYY-MM-DD] [--grading qd766|qd473]")
	mScoreAbout = msg.New("cli.score.about",
		`Scores findings produced by any tool ("-" reads standard input), or the findings of a p06 scan
report (scored as the scan scored them: its as-of day, grading and waivers unless flags say
otherwise), and prints the report.

Exit status: 0 every applicable mandatory criterion met; 1 some is not; 2 could not run.`,
		`Chấm điểm kết quả do công cụ bất kỳ tạo ra ("-" đọc từ stdin), hoặc kết quả trong báo cáo của
p06 scan (chấm như lần quét đã chấm: cùng ngày đánh giá, cách xếp loại và miễn trừ, trừ khi tùy
chọn quy định khác), rồi in báo cáo.

Mã thoát: 0 mọi tiêu chí bắt buộc áp dụng đều đạt; 1 có tiêu chí chưa đạt; 2 không chạy được.`)
	mScoreFlagWaivers   = msg.New("cli.score.flag.waivers", "waivers file (JSON, scoring/schema/waivers.schema.json)", "tệp miễn trừ (JSON, scoring/schema/waivers.schema.json)")
	mScoreFlagCatalogue = msg.New("cli.score.flag.catalogue", "catalogue: a built-in ID or a catalogue file (default: the findings' catalogue, else p06-technical)",
		"bộ tiêu chí: mã bộ có sẵn hoặc tệp bộ tiêu chí (mặc định: bộ ghi trong kết quả, nếu không có thì p06-technical)")
	mScoreFlagFormat = msg.New("cli.score.flag.format", "output format: json or md", "định dạng đầu ra: json hoặc md")
	mScoreFlagAsOf   = msg.New("cli.score.flag.as-of", "day waivers and effective dates are judged against (default: today, UTC)",
		"ngày dùng để xét miễn trừ và ngày hiệu lực (mặc định: hôm nay, UTC)")
	mScoreFlagLang = msg.New("cli.score.flag.lang", "language of the Markdown report: vi or en", "ngôn ngữ của báo cáo Markdown: vi hoặc en")
)

// p06 criteria.
var (
	mCriteriaSynopsis = msg.New("cli.criteria.synopsis",
		"p06 criteria [--catalogue ID|FILE] [--format table|md|json] [--lang vi|en] [--group G] [--tag T] [--width N] [--as-of YYYY-MM-DD]",
		"p06 criteria [--catalogue MÃ|TỆP] [--format table|md|json] [--lang vi|en] [--group NHÓM] [--tag NHÃN] [--width N] [--as-of YYYY-MM-DD]")
	mCriteriaAbout = msg.New("cli.criteria.about",
		"Lists a catalogue of criteria: a table for the terminal, Markdown for documentation, or the\ncatalogue's JSON, which --catalogue reads back.",
		"Liệt kê bộ tiêu chí: bảng để xem trên màn hình, Markdown để làm tài liệu, hoặc JSON của bộ tiêu\nchí (--catalogue đọc lại được).")
	mCriteriaFlagCatalogue = msg.New("cli.criteria.flag.catalogue", "built-in catalogue ID (%s) or catalogue JSON file",
		"mã bộ tiêu chí có sẵn (%s) hoặc tệp JSON của bộ tiêu chí")
	mCriteriaFlagFormat = msg.New("cli.criteria.flag.format", "output format: table, md or json", "định dạng đầu ra: table, md hoặc json")
	mCriteriaFlagLang   = msg.New("cli.criteria.flag.lang", "language of the table and Markdown: vi or en", "ngôn ngữ của bảng và Markdown: vi hoặc en")
	mCriteriaFlagGroup  = msg.New("cli.criteria.flag.group", "only the criteria of this group (comma-separated for several)",
		"chỉ các tiêu chí của nhóm này (nhiều nhóm: cách nhau bởi dấu phẩy)")
	mCriteriaFlagTag = msg.New("cli.criteria.flag.tag", "only the criteria with this tag (comma-separated: any of them)",
		"chỉ các tiêu chí có nhãn này (nhiều nhãn cách nhau bởi dấu phẩy: có một trong số đó)")
	mCriteriaFlagWidth = msg.New("cli.criteria.flag.width", "table width in columns (default: $COLUMNS, else 120)", "độ rộng bảng tính bằng cột ký tự (mặc định: $COLUMNS, nếu không có thì 120)")
	mCriteriaFlagAsOf  = msg.New("cli.criteria.flag.as-of", "show the catalogue as it stood on this day (YYYY-MM-DD): the criteria and legal bases in force then",
		"hiện bộ tiêu chí như vào ngày này (YYYY-MM-DD): các tiêu chí và căn cứ pháp lý có hiệu lực khi đó")
)

// p06 survey.
var (
	mSurveySynopsis = msg.New("cli.survey.synopsis", "p06 survey [flags] FILE", "p06 survey [tùy_chọn] TỆP")
	mSurveyAbout    = msg.New("cli.survey.about",
		`Assess every portal listed in FILE (safe GET/HEAD requests only, unless --active) and print the national figures:
the compliance rate (mandatory criteria met / applicable, over all portals), the share of units
fully compliant, the mean score, the rate per group and per criterion, the weakest criteria and
the ranking.

FILE is JSON, {"portals":[{"url":"https://…","unit":"UBND tỉnh …","level":"province","profile":"FILE or {…}","ca":"PEM file"}]}
(schema: harness/report/schema/survey-input.schema.json), or CSV with the header url,unit and
optionally level, profile, ca and report (comma or semicolon separated; '#' starts a comment line). "-" reads
standard input. Relative paths inside FILE are relative to FILE's directory. URLs and units must
be unique. Instead of being assessed, a portal may bring its report: "report":"FILE" (a report
JSON, harness/report/schema/report.schema.json, of the same catalogue version), so that reports
produced elsewhere (p06 scan, a vendor's go test) are aggregated with the rest.

Every portal's report is scored as of one day, --as-of (default: today, UTC), which the survey
states: criteria not yet in force that day do not count, and neither do criteria whose scope
leaves out the unit's level (ministry, province or commune; no level: scope is not applied).
Units with a level are also reported by level.

A portal that cannot be reached, or whose home page cannot be read (an untrusted certificate: give
its CA with "ca" or --ca; garbage; a response past the limits), is reported as such, without a
grade, and still counted: every criterion that needed what could not be seen is an error for it.

Progress goes to stderr: a line when each portal starts and when it is done (on a terminal, a
live count of the checks in between); --quiet silences it but never why a portal failed.

Exit status: 0 every portal meets every applicable mandatory criterion; 1 the survey ran and some
portal does not (an unreachable one does not); 2 could not run (usage, an unreadable or invalid
FILE, an interrupted survey).`,
		`Đánh giá mọi cổng liệt kê trong TỆP (chỉ gửi yêu cầu GET/HEAD an toàn, trừ khi có --active) và in
số liệu toàn quốc: tỷ lệ đáp ứng (số tiêu chí bắt buộc đạt / áp dụng, trên mọi cổng), tỷ lệ đơn vị
đáp ứng đầy đủ, điểm trung bình, tỷ lệ theo nhóm và theo tiêu chí, các tiêu chí yếu nhất và bảng
xếp hạng.

TỆP là JSON, {"portals":[{"url":"https://…","unit":"UBND tỉnh …","level":"province","profile":"TỆP hoặc {…}","ca":"tệp PEM"}]}
(lược đồ: harness/report/schema/survey-input.schema.json), hoặc CSV có dòng tiêu đề url,unit và
tùy ý thêm level, profile, ca và report (phân cách bằng dấu phẩy hoặc chấm phẩy; dòng bắt đầu bằng
'#' là chú thích). "-" đọc từ stdin. Đường dẫn tương đối trong TỆP tính từ thư mục chứa TỆP. Địa
chỉ và đơn vị không được trùng nhau. Thay vì được đánh giá, một cổng có thể mang theo báo cáo của
mình: "report":"TỆP" (báo cáo JSON, harness/report/schema/report.schema.json, cùng phiên bản bộ
tiêu chí), để gộp báo cáo tạo ở nơi khác (p06 scan, go test của nhà cung cấp) với các cổng còn lại.

Báo cáo của mọi cổng được chấm theo cùng một ngày, --as-of (mặc định: hôm nay, UTC), ngày này được
ghi trong kết quả khảo sát: tiêu chí chưa có hiệu lực vào ngày đó không được tính, tiêu chí có phạm
vi không gồm cấp của đơn vị (ministry, province hoặc commune; không ghi cấp: không xét phạm vi)
cũng vậy. Đơn vị có ghi cấp được thống kê thêm theo cấp.

Cổng không truy cập được, hoặc không đọc được trang chủ (chứng thư không được tin cậy: hãy cho CA
của cổng bằng "ca" hoặc --ca; dữ liệu rác; phản hồi vượt giới hạn), được ghi nhận đúng như vậy,
không xếp loại, và vẫn được tính: mọi tiêu chí cần tới phần không xem được đều tính là lỗi.

Tiến độ ghi ra stderr: một dòng khi mỗi cổng bắt đầu và khi xong (trên màn hình, có bộ đếm phép
kiểm tra cập nhật liên tục); --quiet tắt tiến độ nhưng vẫn báo lý do một cổng thất bại.

Mã thoát: 0 mọi cổng đạt mọi tiêu chí bắt buộc áp dụng; 1 khảo sát đã chạy và có cổng chưa đạt
(cổng không truy cập được không tính); 2 không chạy được (sai cách dùng, TỆP không đọc được hoặc
không hợp lệ, khảo sát bị ngắt).`)
	mSurveyFlagFormat = msg.New("cli.survey.flag.format", "output format: text, json, md or html", "định dạng đầu ra: text, json, md hoặc html")
	mSurveyFlagOut    = msg.New("cli.survey.flag.out", "write the survey to this file (atomically) instead of stdout; .html, .json or .md choose the format unless --format is given",
		"ghi kết quả khảo sát vào tệp này (ghi trọn vẹn một lần) thay vì stdout; đuôi .html, .json hoặc .md chọn định dạng, trừ khi có --format")
	mSurveyFlagParallel = msg.New("cli.survey.flag.parallel", "portals assessed at once", "số cổng đánh giá đồng thời")
	mSurveyFlagTimeout  = msg.New("cli.survey.flag.timeout", "time limit of each portal's whole assessment; checks still running then are errors",
		"thời hạn cho toàn bộ việc đánh giá một cổng; phép kiểm tra còn đang chạy khi hết hạn tính là lỗi")
	mSurveyFlagCA = msg.New("cli.survey.flag.ca", "PEM file of extra trusted CA certificates for every portal's TLS",
		"tệp PEM chứa chứng thư CA được tin cậy thêm cho TLS của mọi cổng")
	mSurveyFlagOnly = msg.New("cli.survey.flag.only", "comma-separated criterion IDs, groups or tags to assess; the figures cover only these (default: all)",
		"mã tiêu chí, nhóm hoặc nhãn cần đánh giá, cách nhau bởi dấu phẩy; số liệu chỉ gồm những tiêu chí này (mặc định: tất cả)")
	mSurveyFlagReports = msg.New("cli.survey.flag.reports", "also write each portal's JSON report into this directory", "ghi thêm báo cáo JSON của từng cổng vào thư mục này")
	mSurveyFlagAsOf    = msg.New("cli.survey.flag.as-of", "day (YYYY-MM-DD) the portals are judged as of: criteria not in force that day do not count (default: today, UTC)",
		"ngày (YYYY-MM-DD) dùng để đánh giá các cổng: tiêu chí chưa có hiệu lực vào ngày đó không được tính (mặc định: hôm nay, UTC)")
	mSurveyFlagActive = msg.New("cli.survey.flag.active", "enable active checks (POST requests, rate-limit probing): only for portals you may test so",
		"bật phép kiểm tra chủ động (yêu cầu POST, thử giới hạn tần suất): chỉ dùng với cổng bạn được phép kiểm tra như vậy")
	mSurveyFlagDeep = msg.New("cli.survey.flag.deep", "probe every sensitive path known (P06-SEC-13: all dump and archive names, about 40–60 more requests a portal) instead of the highest-yield ones",
		"dò mọi đường dẫn nhạy cảm đã biết (P06-SEC-13: mọi tên tệp sao lưu và tệp nén, thêm khoảng 40–60 yêu cầu mỗi cổng) thay vì chỉ những đường dẫn hay gặp nhất")
)

// p06 report.
var (
	mDiffSynopsis   = msg.New("cli.report.diff.synopsis", "p06 report diff OLD.json NEW.json [--format text|md|json] [--lang vi|en]", "p06 report diff CŨ.json MỚI.json [--format text|md|json] [--lang vi|en]")
	mRenderSynopsis = msg.New("cli.report.render.synopsis", "p06 report render REPORT.json [--format json|junit|sarif|md|html|text] [--lang vi|en] [--out FILE]",
		"p06 report render BÁO_CÁO.json [--format json|junit|sarif|md|html|text] [--lang vi|en] [--out TỆP]")
	mReportSynopsis = msg.New("cli.report.synopsis", "%s\n       %s", "%s\n           %s")
	mDiffAbout      = msg.New("cli.report.diff.about",
		`diff compares two JSON reports of a portal: criteria newly failing, fixed, still failing,
changed, and the score deltas. Exit status 0 when nothing newly fails, 1 when something does,
2 when it cannot run.`,
		`diff so sánh hai báo cáo JSON của một cổng: tiêu chí mới không đạt, đã sửa, vẫn không đạt, thay
đổi, và mức chênh điểm. Mã thoát 0 khi không có tiêu chí nào mới không đạt, 1 khi có, 2 khi không
chạy được.`)
	mRenderAbout = msg.New("cli.report.render.about",
		"render writes a JSON report (validated against its schema) in another format.",
		"render chuyển một báo cáo JSON (đã kiểm tra theo lược đồ) sang định dạng khác.")
	mReportAbout      = msg.New("cli.report.about", "%s\n\n%s", "%s\n\n%s")
	mDiffFlagFormat   = msg.New("cli.report.diff.flag.format", "output: text, md or json", "đầu ra: text, md hoặc json")
	mDiffFlagLang     = msg.New("cli.report.diff.flag.lang", "language of text and md: vi or en", "ngôn ngữ của text và md: vi hoặc en")
	mRenderFlagFormat = msg.New("cli.report.render.flag.format", "output: json, junit, sarif, md, html or text", "đầu ra: json, junit, sarif, md, html hoặc text")
	mRenderFlagLang   = msg.New("cli.report.render.flag.lang", "language: vi or en", "ngôn ngữ: vi hoặc en")
	mRenderFlagOut    = msg.New("cli.report.render.flag.out", "write to this file (atomically) instead of stdout", "ghi vào tệp này (ghi trọn vẹn một lần) thay vì stdout")
	mRenderFlagCat    = msg.New("cli.report.render.flag.catalogue", "catalogue for titles and advice (default: the report's, if built in)",
		"bộ tiêu chí dùng cho tên và khuyến nghị (mặc định: bộ của báo cáo, nếu là bộ có sẵn)")
)

// p06 version.
var (
	mVersionSynopsis = msg.New("cli.version.synopsis", "p06 version   (also: p06 --version)", "p06 version   (hoặc: p06 --version)")
	mVersionAbout    = msg.New("cli.version.about", "Prints p06kit's version: the module version and the VCS revision it was built from.",
		"In phiên bản của p06kit: phiên bản mô-đun và bản sửa đổi VCS được dùng để biên dịch.")
)

// p06 index766 and p06 index766 generate.
var (
	mIdxSynopsis = msg.New("cli.index766.synopsis", "p06 index766 [flags] DOSSIERS…", "p06 index766 [tùy_chọn] HỒ_SƠ…")
	mIdxAbout    = msg.New("cli.index766.about",
		`Computes the Decision 766/QĐ-TTg service-quality index (6 groups, 100 points) from dossier
records with the national synchronisation's field names, as JSON Lines or CSV with a header row
('-' reads standard input). Indicators the inputs cannot support are reported as not computed,
with the reason. Partitions can be counted apart (--save-partial) and merged (--partial) into
exactly the report of one pass. 'p06 index766 generate' writes synthetic dossiers.

Exit status: 0 report written; 1 the total is below --min-total; 2 could not run (usage,
unreadable input, more bad records than --max-bad allows).`,
		`Tính bộ chỉ số chất lượng phục vụ theo Quyết định 766/QĐ-TTg (6 nhóm, 100 điểm) từ dữ liệu hồ
sơ mang tên trường của hệ thống đồng bộ quốc gia, dạng JSON Lines hoặc CSV có dòng tiêu đề ('-'
đọc từ stdin). Chỉ số mà dữ liệu đầu vào không đủ để tính được ghi là không tính được, kèm lý do.
Có thể đếm từng phần riêng (--save-partial) rồi gộp lại (--partial) thành đúng báo cáo của một
lần chạy. 'p06 index766 generate' tạo hồ sơ tổng hợp.

Mã thoát: 0 đã ghi báo cáo; 1 tổng điểm dưới --min-total; 2 không chạy được (sai cách dùng, không
đọc được dữ liệu, số bản ghi lỗi vượt mức --max-bad cho phép).`)
	mIdxFlagProcedures = msg.New("cli.index766.flag.procedures", "procedure catalogue `FILE` (JSON array or CSV): needed for the procedure-level indicators and the essential services",
		"`TỆP` danh mục thủ tục (mảng JSON hoặc CSV): cần cho các chỉ số cấp thủ tục và các dịch vụ thiết yếu")
	mIdxFlagFormat  = msg.New("cli.index766.flag.format", "output `format`: json or md", "định dạng đầu ra: json hoặc md")
	mIdxFlagBy      = msg.New("cli.index766.flag.by", "breakdown: unit or procedure", "chia nhỏ theo: unit (đơn vị) hoặc procedure (thủ tục)")
	mIdxFlagInput   = msg.New("cli.index766.flag.input", "input format: jsonl or csv (default: from the file extension, else the first byte)", "định dạng đầu vào: jsonl hoặc csv (mặc định: theo đuôi tệp, nếu không thì theo byte đầu tiên)")
	mIdxFlagMaxBad  = msg.New("cli.index766.flag.max-bad", "largest share of bad records (0–1) before the run fails with exit 2", "tỷ lệ bản ghi lỗi lớn nhất (0–1) trước khi lần chạy thất bại với mã thoát 2")
	mIdxFlagWorkers = msg.New("cli.index766.flag.workers", "parsing goroutines (default: one per CPU)", "số goroutine phân tích dữ liệu (mặc định: mỗi CPU một goroutine)")
	mIdxFlagCat     = msg.New("cli.index766.flag.catalogue", "indicator catalogue `FILE` (default: the built-in qd766)", "`TỆP` bộ chỉ số (mặc định: bộ qd766 có sẵn)")
	mIdxFlagMin     = msg.New("cli.index766.flag.min-total", "exit 1 when the total is below this", "thoát với mã 1 khi tổng điểm dưới mức này")
	mIdxFlagOut     = msg.New("cli.index766.flag.out", "write the report to `FILE` instead of standard output", "ghi báo cáo vào `TỆP` thay vì stdout")
	mIdxFlagLang    = msg.New("cli.index766.flag.lang", "language of titles and reasons in --format md: vi or en", "ngôn ngữ của tiêu đề và lý do khi --format md: vi hoặc en")
	mIdxFlagSave    = msg.New("cli.index766.flag.save-partial", "write the counts to `FILE` (a partial, to merge elsewhere with --partial) instead of a report",
		"ghi số đếm vào `TỆP` (một phần, để gộp ở nơi khác bằng --partial) thay vì báo cáo")
	mIdxFlagFrom = msg.New("cli.index766.flag.from", "count only dossiers received or processed from this day (YYYY-MM-DD, Vietnam time)",
		"chỉ đếm hồ sơ tiếp nhận hoặc xử lý từ ngày này (YYYY-MM-DD, giờ Việt Nam)")
	mIdxFlagTo   = msg.New("cli.index766.flag.to", "count only dossiers received up to this day (YYYY-MM-DD)", "chỉ đếm hồ sơ tiếp nhận đến hết ngày này (YYYY-MM-DD)")
	mIdxFlagAsOf = msg.New("cli.index766.flag.as-of", "judge unfinished dossiers on this day (YYYY-MM-DD): past their NgayHenTra they are late (default: --to, else the latest date in the data; the report says which)",
		"xét hồ sơ chưa xong vào ngày này (YYYY-MM-DD): quá NgayHenTra là trễ hạn (mặc định: --to, nếu không có thì ngày muộn nhất trong dữ liệu; báo cáo ghi rõ ngày nào)")
	mIdxFlagPartial = msg.New("cli.index766.flag.partial", "merge the counts of a partial `FILE` written by --save-partial (repeatable)",
		"gộp số đếm của `TỆP` một phần do --save-partial ghi (dùng được nhiều lần)")

	mGenSynopsis = msg.New("cli.index766.generate.synopsis", "p06 index766 generate [flags]", "p06 index766 generate [tùy_chọn]")
	mGenAbout    = msg.New("cli.index766.generate.about",
		`Writes deterministic synthetic dossier records (and, with --procedures, their procedure
catalogue) for tests and benchmarks: the same flags always give the same bytes.`,
		`Ghi dữ liệu hồ sơ tổng hợp có tính tất định (và, với --procedures, danh mục thủ tục của chúng)
để kiểm thử và đo hiệu năng: cùng tùy chọn luôn cho ra cùng nội dung từng byte.`)
	mGenFlagRecords = msg.New("cli.index766.generate.flag.records", "number of dossier records", "số bản ghi hồ sơ")
	mGenFlagSeed    = msg.New("cli.index766.generate.flag.seed", "random seed", "hạt giống ngẫu nhiên")
	mGenFlagFormat  = msg.New("cli.index766.generate.flag.format", "dossier format: jsonl or csv", "định dạng hồ sơ: jsonl hoặc csv")
	mGenFlagOut     = msg.New("cli.index766.generate.flag.out", "write dossiers to `FILE` (default standard output)", "ghi hồ sơ vào `TỆP` (mặc định: stdout)")
	mGenFlagProcOut = msg.New("cli.index766.generate.flag.procedures", "also write the procedure catalogue to `FILE` (.csv for CSV, else JSON)",
		"ghi thêm danh mục thủ tục vào `TỆP` (đuôi .csv: CSV, còn lại: JSON)")
	mGenFlagNProc = msg.New("cli.index766.generate.flag.procedure-count", "procedures in the catalogue (at least 25: the essential services)",
		"số thủ tục trong danh mục (ít nhất 25: các dịch vụ thiết yếu)")
	mGenFlagLang  = msg.New("cli.index766.generate.flag.lang", "language of messages: vi or en", "ngôn ngữ của thông báo: vi hoặc en")
	mGenFlagUnits = msg.New("cli.index766.generate.flag.units", "units (MaDonVi)", "số đơn vị (MaDonVi)")
)
