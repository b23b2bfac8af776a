// Package ux holds the user-experience checks (P06-UX-*): the MIC 2023 user-experience
// dimensions and the rules of Circular 39/2017 (UTF-8), TCVN 6909:2001 (Unicode), Circular
// 22/2019 (smartphones, search engines) and the 3-click rule (docs/online-services.md).
//
// Pages are those the session samples (check.Resolved.Pages: home, catalogue, login, look-up,
// privacy, contact, procedure pages, configured samples; at most Config.MaxPages). Every check is
// bounded in pages and requests, and uses GET only.
//
// # What each check asks
//
//   - P06-UX-01: each page declares UTF-8 (Content-Type charset, <meta charset> or <meta
//     http-equiv>; any WHATWG label of UTF-8) and its bytes are valid UTF-8.
//   - P06-UX-02: the visible text is Unicode NFC: combining marks that NFC would compose are
//     counted; legacy Vietnamese encodings are detected by font names (.VnTime… for TCVN3/ABC,
//     VNI-… for VNI, VPS…) and by characters their text shows when read as Unicode (¸ µ ® Ö … for
//     TCVN3; ø û ï ä … for VNI; at least 10 and 1% of letters) — a heuristic, named as such in the
//     finding.
//   - P06-UX-03: <meta name="viewport"> with width=device-width, without user-scalable=no/0 or
//     maximum-scale below 2 (values read as axe-core reads them: yes = 1, no = 0.1). The interop
//     test requires a zoom finding on exactly the testdata pages axe-core's meta-viewport rule
//     flags (WCAG 1.4.4).
//   - P06-UX-04: a breadth-first crawl of same-host links from the home page (links that look like
//     the way to procedures first; at most Config.MaxPages pages read) must see every sampled
//     procedure page within 3 clicks. The crawl goes on to 5 clicks (within its budget) to tell
//     pages 4 or 5 clicks deep from pages it cannot reach. A crawl cut short by its budget before
//     it has seen every link within 3 clicks is an error, not a failure.
//   - P06-UX-05: the site search (profile search, {q}) is asked for the names of up to three
//     catalogue procedures (first, middle, last); each result page must link to the procedure.
//   - P06-UX-06: robots.txt (RFC 9309: groups by product token else "*", longest match wins,
//     allow wins ties, * and $ patterns, UTF-8 and percent-encoded paths compared as octets,
//     4xx allows all, 5xx disallows all) must allow each
//     procedure page to Googlebot, Bingbot, coccocbot-web and "*"; no noindex/none in a robots,
//     googlebot, bingbot or coccocbot meta or in X-Robots-Tag; and a sitemap (same-host Sitemap
//     lines of robots.txt, else /sitemap.xml; an index is followed, at most 6 sitemaps, gzip
//     accepted) must list every procedure page. With no procedure page (none configured, none
//     linked from the catalogue) it fails, as P06-SVC-02 does, with the home page and discovery's
//     notes as evidence; on a single-page app's shell it is error.
//   - P06-UX-07: time to first byte (the portal's answer time: request written to first
//     response byte, connection set-up left out) of 3 GETs of each of up to 8 sampled pages plus
//     the configured samples: the GETs the session sent the page (the fetch that read it, other
//     checks' probes, before or while the check samples) and as many fresh GETs as are still
//     missing (Cache-Control: no-cache, not from the session cache; the evidence says how many
//     of each); pages side by side, the check's GETs of a page one after another; the 95th
//     percentile (nearest rank) over all requests must be within budgets.ttfb_p95_ms (default
//     1000 ms).
//   - P06-UX-08: each of up to 5 sampled pages, with its same-host scripts, style sheets, images,
//     icons, preloads and media, and the fonts, images and sheets their style sheets reference
//     (url(), @import; at most 60 each), must weigh at most budgets.page_weight_bytes
//     (default 2,000,000). Bytes are decoded bytes, not transfer sizes; third-party resources are
//     not fetched.
//   - P06-UX-09: the privacy notice (profile privacy) answers 200, speaks of personal data (dữ
//     liệu cá nhân, Decree 13/2023), and every sampled page links to it (by URL or by a label such
//     as "Chính sách bảo mật").
//   - P06-UX-10: the contact page or the home page publishes a telephone number (tel: link, 1900/
//     1800 hotline, 0… or +84… number), an address (<address>, "Địa chỉ: …" read to the end of
//     its line, or the text after a map-marker icon such as <i class="fa fa-map-marker">), an e-mail address
//     (mailto: or in the text) and a link to user guidance ("Hướng dẫn", "Câu hỏi thường gặp",
//     "Hỏi đáp", "FAQ", "Hỗ trợ").
package ux
