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
	mPathsList = msg.New("leakage.paths.list", "%s", "%s")
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
