package leakage

import "github.com/p06kit/p06kit/harness/msg"

// The family's messages (package msg), grouped by check.

// P06-SEC-13: sensitive paths.
var (
	mPathsNoBaseline = msg.New("leakage.paths.no-baseline",
		"fetching a random path to learn the not-found answer: %v",
		"không tải được đường dẫn ngẫu nhiên để biết cổng trả lời thế nào khi không tìm thấy: %v")
	mPathsNoneFetched = msg.New("leakage.paths.none-fetched",
		"none of the %d sensitive paths could be fetched (%s)",
		"không tải được đường dẫn nhạy cảm nào trong %d đường dẫn (%s)")
	mPathsExposed = msg.New("leakage.paths.exposed",
		"%d sensitive path(s) are exposed (%d paths and directories probed, %s): %s",
		"lộ %d đường dẫn nhạy cảm (đã thử %d đường dẫn và thư mục, %s): %s")
	mPathsFound = msg.New("leakage.paths.found",
		"%s (%s, HTTP %d)",
		"%s (%s, HTTP %d)")
	mPathsPassStandard = msg.New("leakage.paths.pass-standard",
		"none of %d sensitive paths and directories is exposed (%s; judged by content; the not-found answer is HTTP %d); --deep checks %d more dump and archive paths",
		"không lộ đường dẫn nhạy cảm nào trong %d đường dẫn và thư mục đã thử (%s; xét theo nội dung; khi không tìm thấy cổng trả lời HTTP %d); `--deep` thử thêm %d đường dẫn bản kết xuất và tệp nén")
	mPathsPassDeep = msg.New("leakage.paths.pass-deep",
		"none of %d sensitive paths and directories is exposed (%s; judged by content; the not-found answer is HTTP %d)",
		"không lộ đường dẫn nhạy cảm nào trong %d đường dẫn và thư mục đã thử (%s; xét theo nội dung; khi không tìm thấy cổng trả lời HTTP %d)")
	mPathsStandard = msg.New("leakage.paths.depth.standard",
		"standard depth: %d dump and archive names of the %d known",
		"mức tiêu chuẩn: %d tên bản kết xuất và tệp nén trong %d tên đã biết")
	mPathsDeep = msg.New("leakage.paths.depth.deep",
		"deep: all %d dump and archive names known",
		"mức sâu: toàn bộ %d tên bản kết xuất và tệp nén đã biết")
	mPathsNothing = msg.New("leakage.paths.got-nothing", "nothing exposed", "không lộ gì")
	mPathsWant    = msg.New("leakage.paths.want",
		"no version-control metadata, secrets, status or debug pages, backups or directory listings served",
		"không phục vụ siêu dữ liệu quản lý phiên bản, bí mật, trang trạng thái hay gỡ lỗi, bản sao lưu hoặc liệt kê thư mục")
	mList = msg.Verbatim
)

// What an exposed path holds (P06-SEC-13), a part of its messages.
var (
	wNETErrorLogELMAH              = msg.New("leakage.paths.what.net-error-log-elmah", ".NET error log (ELMAH)", "nhật ký lỗi .NET (ELMAH)")
	wNETRequestTrace               = msg.New("leakage.paths.what.net-request-trace", ".NET request trace", "vết yêu cầu .NET (trace.axd)")
	wApacheServerConfiguration     = msg.New("leakage.paths.what.apache-server-configuration", "Apache server configuration", "cấu hình máy chủ Apache")
	wApacheServerStatus            = msg.New("leakage.paths.what.apache-server-status", "Apache server status", "trạng thái máy chủ Apache")
	wBackupArchive                 = msg.New("leakage.paths.what.backup-archive", "backup archive", "tệp nén sao lưu")
	wCloudCredentials              = msg.New("leakage.paths.what.cloud-credentials", "cloud credentials", "thông tin xác thực đám mây")
	wDatabaseDump                  = msg.New("leakage.paths.what.database-dump", "database dump", "bản kết xuất cơ sở dữ liệu")
	wDatabaseDumpOrArchive         = msg.New("leakage.paths.what.database-dump-or-archive", "database dump or archive", "bản kết xuất cơ sở dữ liệu hoặc tệp nén")
	wDirectoryListing              = msg.New("leakage.paths.what.directory-listing", "directory listing", "liệt kê thư mục")
	wEnvironmentFileWithSecrets    = msg.New("leakage.paths.what.environment-file-with-secrets", "environment file with secrets", "tệp biến môi trường chứa bí mật")
	wGitRepositoryConfiguration    = msg.New("leakage.paths.what.git-repository-configuration", "Git repository configuration", "cấu hình kho mã Git")
	wGitRepositoryMetadata         = msg.New("leakage.paths.what.git-repository-metadata", "Git repository metadata", "siêu dữ liệu kho mã Git")
	wGoExpvar                      = msg.New("leakage.paths.what.go-expvar", "Go expvar", "biến nội bộ Go (expvar)")
	wGoProfiler                    = msg.New("leakage.paths.what.go-profiler", "Go profiler", "trình phân tích hiệu năng Go (pprof)")
	wIISConfiguration              = msg.New("leakage.paths.what.iis-configuration", "IIS configuration", "cấu hình IIS")
	wIISConfigurationBackup        = msg.New("leakage.paths.what.iis-configuration-backup", "IIS configuration backup", "bản sao cấu hình IIS")
	wJavaWebApplicationDescriptor  = msg.New("leakage.paths.what.java-web-application-descriptor", "Java web application descriptor", "tệp mô tả ứng dụng web Java")
	wJBossJMXConsole               = msg.New("leakage.paths.what.jboss-jmx-console", "JBoss JMX console", "bảng điều khiển JMX của JBoss")
	wMacOSDirectoryIndex           = msg.New("leakage.paths.what.macos-directory-index", "macOS directory index", "tệp chỉ mục thư mục macOS")
	wMercurialConfiguration        = msg.New("leakage.paths.what.mercurial-configuration", "Mercurial configuration", "cấu hình kho mã Mercurial")
	wNginxStatus                   = msg.New("leakage.paths.what.nginx-status", "nginx status", "trạng thái nginx")
	wPasswordFile                  = msg.New("leakage.paths.what.password-file", "password file", "tệp mật khẩu")
	wPHPConfigurationBackup        = msg.New("leakage.paths.what.php-configuration-backup", "PHP configuration backup", "bản sao cấu hình PHP")
	wPhpinfoOutput                 = msg.New("leakage.paths.what.phpinfo-output", "phpinfo() output", "trang phpinfo()")
	wSpringBootActuatorIndex       = msg.New("leakage.paths.what.spring-boot-actuator-index", "Spring Boot actuator index", "danh mục actuator của Spring Boot")
	wSpringBootEnvironmentSecrets  = msg.New("leakage.paths.what.spring-boot-environment-secrets", "Spring Boot environment (secrets)", "biến môi trường Spring Boot (chứa bí mật)")
	wSpringBootHeapDump            = msg.New("leakage.paths.what.spring-boot-heap-dump", "Spring Boot heap dump", "bản kết xuất bộ nhớ Spring Boot")
	wSubversionMetadata            = msg.New("leakage.paths.what.subversion-metadata", "Subversion metadata", "siêu dữ liệu Subversion")
	wSubversionWorkingCopyDatabase = msg.New("leakage.paths.what.subversion-working-copy-database", "Subversion working copy database", "cơ sở dữ liệu bản làm việc Subversion")
	wSymfonyProfiler               = msg.New("leakage.paths.what.symfony-profiler", "Symfony profiler", "trình phân tích Symfony")
	wTomcatManager                 = msg.New("leakage.paths.what.tomcat-manager", "Tomcat manager", "trang quản trị Tomcat")
	wWerkzeugDebuggerConsole       = msg.New("leakage.paths.what.werkzeug-debugger-console", "Werkzeug debugger console", "bảng gỡ lỗi Werkzeug")
	wWordPressConfigurationBackup  = msg.New("leakage.paths.what.wordpress-configuration-backup", "WordPress configuration backup", "bản sao cấu hình WordPress")
)

// P06-SEC-14: error pages.
var (
	mErrorsNoneRead = msg.New("leakage.errors.none-read", "none of the error probes could be fetched", "không gửi được yêu cầu gây lỗi nào")
	mErrorsFail     = msg.New("leakage.errors.fail", "error pages leak internal details: %s", "trang lỗi làm lộ thông tin nội bộ: %s")
	mErrorsFound    = msg.New("leakage.errors.found", "%s answers HTTP %d with a %s (%q)", "%s trả lời HTTP %d kèm %s (%q)")
	mErrorsPass     = msg.New("leakage.errors.pass",
		"%d forced errors (missing paths, malformed queries) showed no stack trace, exception or SQL error",
		"%d yêu cầu gây lỗi (đường dẫn không tồn tại, tham số sai dạng) không làm lộ dấu vết ngăn xếp, ngoại lệ hay lỗi SQL")
	mErrorsPassGot = msg.New("leakage.errors.pass-got", "no internal details", "không lộ thông tin nội bộ")
	mErrorsWant    = msg.New("leakage.errors.want",
		"error pages with a plain message: no stack trace, exception, SQL error or debug page",
		"trang lỗi chỉ có thông báo ngắn gọn: không có dấu vết ngăn xếp, ngoại lệ, lỗi SQL hay trang gỡ lỗi")
)

// The internal details an error page may show (P06-SEC-14), a part of its messages.
var (
	lJavaTrace   = msg.New("leakage.errors.what.java-stack-trace", "Java stack trace", "dấu vết ngăn xếp Java")
	lJavaExc     = msg.New("leakage.errors.what.java-exception", "Java exception", "ngoại lệ Java")
	lDotNetPage  = msg.New("leakage.errors.what.dotnet-error-page", ".NET error page", "trang lỗi .NET")
	lDotNetTrace = msg.New("leakage.errors.what.dotnet-stack-trace", ".NET stack trace", "dấu vết ngăn xếp .NET")
	lPHPError    = msg.New("leakage.errors.what.php-error", "PHP error", "lỗi PHP")
	lPythonTrace = msg.New("leakage.errors.what.python-traceback", "Python traceback", "dấu vết lỗi Python (traceback)")
	lDjangoDebug = msg.New("leakage.errors.what.django-debug-page", "Django debug page", "trang gỡ lỗi Django")
	lWerkzeug    = msg.New("leakage.errors.what.werkzeug-debugger", "Werkzeug debugger", "trình gỡ lỗi Werkzeug")
	lNodeTrace   = msg.New("leakage.errors.what.nodejs-stack-trace", "Node.js stack trace", "dấu vết ngăn xếp Node.js")
	lGoPanic     = msg.New("leakage.errors.what.go-panic", "Go panic", "lỗi panic của Go")
	lRubyTrace   = msg.New("leakage.errors.what.ruby-stack-trace", "Ruby stack trace", "dấu vết ngăn xếp Ruby")
	lSpringError = msg.New("leakage.errors.what.spring-error-page", "Spring error page", "trang lỗi Spring")
	lSQLError    = msg.New("leakage.errors.what.sql-error", "SQL error", "lỗi SQL")
)

// P06-SEC-15: security.txt.
var (
	mSecTxtGetFailed = msg.New("leakage.securitytxt.get-failed", "GET /.well-known/security.txt: %v", "GET /.well-known/security.txt: %v")
	mSecTxtFail      = msg.New("leakage.securitytxt.fail", "%s: %s", "%s: %s")
	mSecTxtPass      = msg.New("leakage.securitytxt.pass", "%s: Contact %s; Expires %s%s", "%s: có Contact %s; Expires %s%s")
	mSecTxtNotes     = msg.New("leakage.securitytxt.notes", " (%s)", " (%s)")
	mSecTxtWant      = msg.New("leakage.securitytxt.want",
		"/.well-known/security.txt over HTTPS, text/plain, with Contact and an Expires in the future",
		"/.well-known/security.txt qua HTTPS, kiểu text/plain, có Contact và Expires chưa đến hạn")
	mSecTxtMissing      = msg.New("leakage.securitytxt.missing", "no security.txt (HTTP %d)", "không có security.txt (HTTP %d)")
	mSecTxtLegacy       = msg.New("leakage.securitytxt.legacy", "a security.txt is served at /security.txt, but RFC 9116 requires /.well-known/security.txt", "có security.txt tại /security.txt, nhưng RFC 9116 yêu cầu đặt tại /.well-known/security.txt")
	mSecTxtPlainHTTP    = msg.New("leakage.securitytxt.plain-http", "security.txt is served over plain HTTP (RFC 9116 §3 requires HTTPS)", "security.txt được phục vụ qua HTTP không mã hoá (RFC 9116 §3 yêu cầu HTTPS)")
	mSecTxtContentType  = msg.New("leakage.securitytxt.content-type", "Content-Type is %q, not text/plain (a soft-404 page or misconfigured server)", "Content-Type là %q, không phải text/plain (trang 404 giả hoặc máy chủ cấu hình sai)")
	mSecTxtCharset      = msg.New("leakage.securitytxt.charset", "charset is %q, not utf-8 (RFC 9116 §3)", "bộ mã là %q, không phải utf-8 (RFC 9116 §3)")
	mSecTxtNoCharset    = msg.New("leakage.securitytxt.no-charset", "Content-Type has no charset=utf-8", "Content-Type thiếu `charset=utf-8`")
	mSecTxtStale        = msg.New("leakage.securitytxt.stale", "Expires %s is in the past: the file is stale and must not be trusted", "Expires %s đã qua: tệp đã hết hạn, không được tin cậy")
	mSecTxtFarExpires   = msg.New("leakage.securitytxt.far-expires", "Expires is more than a year ahead (RFC 9116 recommends less)", "Expires xa hơn một năm (RFC 9116 khuyến nghị ngắn hơn)")
	mSecTxtSigned       = msg.New("leakage.securitytxt.signed", "OpenPGP-signed (signature not verified)", "có chữ ký OpenPGP (chưa kiểm tra chữ ký)")
	mSecTxtTooLong      = msg.New("leakage.securitytxt.too-long", "file of %d bytes exceeds the %d read", "tệp %d byte vượt quá %d byte được đọc")
	mSecTxtBadLine      = msg.New("leakage.securitytxt.bad-line", "line %d is neither a field nor a comment: %q", "dòng %d không phải trường cũng không phải chú thích: %q")
	mSecTxtContactURI   = msg.New("leakage.securitytxt.contact-uri", "line %d: Contact %s", "dòng %d: Contact %s")
	mSecTxtExpiresTwice = msg.New("leakage.securitytxt.expires-twice", "line %d: Expires appears more than once", "dòng %d: Expires xuất hiện nhiều lần")
	mSecTxtExpiresBad   = msg.New("leakage.securitytxt.expires-bad", "line %d: Expires %q is not an RFC 3339 date-time (e.g. 2027-01-31T17:00:00+07:00)", "dòng %d: Expires %q không phải ngày giờ RFC 3339 (ví dụ 2027-01-31T17:00:00+07:00)")
	mSecTxtFieldURI     = msg.New("leakage.securitytxt.field-uri", "line %d: %s %s", "dòng %d: %s %s")
	mSecTxtBadLines     = msg.New("leakage.securitytxt.bad-lines", "%d lines in all are neither fields nor comments", "tổng cộng %d dòng không phải trường cũng không phải chú thích")
	mSecTxtNoContact    = msg.New("leakage.securitytxt.no-contact", "no Contact field (required, RFC 9116 §2.5.3)", "không có trường Contact (bắt buộc, RFC 9116 §2.5.3)")
	mSecTxtNoExpires    = msg.New("leakage.securitytxt.no-expires", "no Expires field (required, RFC 9116 §2.5.5)", "không có trường Expires (bắt buộc, RFC 9116 §2.5.5)")
	mSecTxtNotURI       = msg.New("leakage.securitytxt.not-uri", "%q is not a URI (write mailto:, tel: or https://)", "%q không phải URI (hãy viết mailto:, tel: hoặc https://)")
	mSecTxtHTTPURI      = msg.New("leakage.securitytxt.http-uri", "%q uses http://; web URIs must be https:// (RFC 9116 §2.5)", "%q dùng http://; URI web phải là https:// (RFC 9116 §2.5)")
)

// P06-SEC-16: mixed content.
var (
	mMixedNotHTTPS = msg.New("leakage.mixed.not-https",
		"the portal is not served over HTTPS: every script, style and form travels unencrypted (see P06-SEC-01)",
		"cổng không dùng HTTPS: mọi script, style và biểu mẫu đều truyền không mã hoá (xem P06-SEC-01)")
	mMixedNotHTTPSGot  = msg.New("leakage.mixed.not-https.got", "plain HTTP pages", "trang HTTP không mã hoá")
	mMixedNotHTTPSWant = msg.New("leakage.mixed.not-https.want", "HTTPS pages loading nothing over http://", "trang HTTPS không tải gì qua http://")
	mMixedWant         = msg.New("leakage.mixed.want",
		"no http:// scripts, styles, frames, forms, images or media on HTTPS pages",
		"trang HTTPS không có script, style, khung, biểu mẫu, hình ảnh hay đa phương tiện qua http://")
	mMixedNoneRead = msg.New("leakage.mixed.none-read", "no HTML page could be fetched", "không tải được trang HTML nào")
	mMixedFail     = msg.New("leakage.mixed.fail", "mixed content: %s", "nội dung hỗn hợp (tài nguyên http:// trên trang HTTPS): %s")
	mMixedAt       = msg.New("leakage.mixed.at",
		"%s loads %d active and %d passive http:// subresource(s): %s",
		"%s tải %d tài nguyên http:// chủ động và %d thụ động: %s")
	mMixedActive   = msg.New("leakage.mixed.active", "active %s at %s", "chủ động %s tại %s")
	mMixedPassive  = msg.New("leakage.mixed.passive", "passive %s at %s", "thụ động %s tại %s")
	mMixedUpgraded = msg.New("leakage.mixed.upgraded",
		"%s has %d http:// subresource(s) upgraded by CSP upgrade-insecure-requests",
		"%s có %d tài nguyên http:// được nâng lên HTTPS nhờ CSP `upgrade-insecure-requests`")
	mMixedPass         = msg.New("leakage.mixed.pass", "no http:// subresources on the %d HTTPS page(s) checked", "không có tài nguyên http:// trên %d trang HTTPS đã kiểm tra")
	mMixedPassUpgraded = msg.New("leakage.mixed.pass-upgraded", "no http:// subresources on the %d HTTPS page(s) checked (%s)", "không có tài nguyên http:// trên %d trang HTTPS đã kiểm tra (%s)")
	mMixedPassGot      = msg.New("leakage.mixed.pass-got", "no mixed content", "không có nội dung hỗn hợp")
)

// P06-SEC-17: Subresource Integrity.
var (
	mSRIWant = msg.New("leakage.sri.want",
		"every third-party script and stylesheet with integrity=\"sha384-…\" (or sha256/sha512) and crossorigin",
		"mọi script và stylesheet của bên thứ ba có `integrity=\"sha384-…\"` (hoặc sha256/sha512) và `crossorigin`")
	mSRINoneRead = msg.New("leakage.sri.none-read", "no HTML page could be fetched", "không tải được trang HTML nào")
	mSRIFail     = msg.New("leakage.sri.fail",
		"%d third-party script(s)/stylesheet(s) lack valid Subresource Integrity: %s",
		"%d script/stylesheet của bên thứ ba thiếu SRI hợp lệ: %s")
	mSRIAt      = msg.New("leakage.sri.at", "%s loads %s: %s", "%s tải %s: %s")
	mSRIPass    = msg.New("leakage.sri.pass", "no third-party scripts or stylesheets on the %d page(s) checked", "không có script/stylesheet của bên thứ ba trên %d trang đã kiểm tra")
	mSRIPassGot = msg.New("leakage.sri.pass-got", "no third-party scripts", "không có script của bên thứ ba")
	mSRIAllGood = msg.New("leakage.sri.all-good",
		"all %d third-party script(s)/stylesheet(s) carry valid integrity and crossorigin",
		"cả %d script/stylesheet của bên thứ ba đều có `integrity` hợp lệ và `crossorigin`")
	mSRIAllGoodGot   = msg.New("leakage.sri.all-good.got", "all with SRI", "tất cả đều có SRI")
	mSRINoIntegrity  = msg.New("leakage.sri.no-integrity", "no integrity attribute", "không có thuộc tính `integrity`")
	mSRIBadIntegrity = msg.New("leakage.sri.bad-integrity", "integrity %q holds no valid sha256/sha384/sha512 digest", "`integrity` %q không chứa bản băm sha256/sha384/sha512 hợp lệ")
	mSRINoCORS       = msg.New("leakage.sri.no-crossorigin",
		"integrity without crossorigin (the browser cannot verify it and blocks the file)",
		"có `integrity` nhưng thiếu `crossorigin` (trình duyệt không kiểm tra được và chặn tệp)")
)

// Evidence notes (scoring.Evidence.Noted).
var (
	mNoteMixedActive  = msg.New("leakage.note.mixed-active", "active mixed content", "nội dung hỗn hợp chủ động")
	mNoteMixedPassive = msg.New("leakage.note.mixed-passive", "passive mixed content", "nội dung hỗn hợp thụ động")
)
