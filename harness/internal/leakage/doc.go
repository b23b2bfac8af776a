// Package leakage holds the information-leakage checks of the security group: exposed
// sensitive paths and directory listings (P06-SEC-13), stack traces in error pages
// (P06-SEC-14), security.txt (P06-SEC-15), mixed content (P06-SEC-16) and Subresource Integrity
// on third-party scripts and stylesheets (P06-SEC-17).
//
//	st := leakage.ParseSecurityTxt(body)
//	if len(st.Problems) > 0 {
//		fmt.Println(msg.List{Items: st.Problems, Sep: "\n"}) // e.g. "no Expires field (required, RFC 9116 §2.5.5)"
//	}
//
// # Judged by content
//
// Many portals answer every unknown path with 200 and a "not found" page, and some answer 403
// while still sending the file. P06-SEC-13 therefore never trusts the status alone: it first
// fetches a random path to learn the portal's not-found answer, then fetches each path of a
// bounded list (version-control metadata, .env and credentials, server status, phpinfo,
// configuration and database backups, Spring actuator, ELMAH, Go pprof, debug consoles) and fails
// only when the body has the content's own signature ("ref: refs/", "[core]", "PK\x03\x04", …)
// and differs from the not-found answer. Directory listings are looked for in the directories of
// the home page's own resources and a few usual ones. Database dumps and archives are looked for
// at two depths, each path asked for with a Range request for its first 8 KiB and judged by its
// content (dump headers or SQL statements, zip and gzip magic numbers):
//
//   - standard (the default): the highest-yield names only, 8 on a portal reached by IP address
//     and 13 with a host name (/database.sql, /backup.sql.gz, the portal's own names such as
//     /dichvucong.sql and /dichvucong.tinh.gov.vn.zip, /database/database.sql, /db/db.sql and
//     the backup/ folder's backups), so that a scan costs few round trips on a slow network;
//   - deep (harness.Deep, p06 scan --deep): every name known, under the folders dumps are left
//     in (db/, database/, backup/, sql/, data/), with usual names and names derived from the host
//     (dichvucong.sql, dichvucong_tinh.sql), 47 paths by IP address and 65 to 69 with a host name.
//
// The finding says how many paths it probed and at which depth, and a pass at the standard depth
// how many more paths --deep would probe: a pass covers what was sent, no more. The report's
// traffic line records the depth.
//
// P06-SEC-14 forces errors with safe GETs only: random missing paths (plain, .php, .aspx) and
// malformed query values (quotes, backslash, angle brackets, a PHP array key, invalid UTF-8) on
// the home page, a procedure page and, when the profile has them, the site search and dossier
// look-up; and a missing path asked for as JSON (Accept: application/json), since APIs often
// serialise the exception. It recognises Java, .NET, PHP, Python (and Django/Werkzeug debug pages), Node.js, Go
// and Ruby traces and the SQL errors of MySQL, PostgreSQL, Oracle, SQL Server and SQLite.
//
// # Third parties
//
// A script or stylesheet is third-party when its registrable domain (public suffix plus one
// label, so static.portal.gov.vn and dichvucong.portal.gov.vn are the same site) differs from the
// page's, as the HTTP Observatory counts it; protocol-relative URLs count as third-party. It
// needs an integrity attribute with a well-formed sha256, sha384 or sha512 digest and a
// crossorigin attribute.
package leakage
