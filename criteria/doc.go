// Package criteria holds the assessment criteria of p06kit as versioned, validated data: the
// Project 06 (Đề án 06) technical requirements for public-service portals and the Decision
// 766/QĐ-TTg service-quality index, with the JSON Schema that every catalogue must satisfy and
// a loader for catalogues published by others (the ministry).
//
//	cat := criteria.P06Technical()
//	for _, c := range cat.Select(criteria.ByGroup("security"), criteria.ByTag("tls")) {
//		fmt.Println(c.ID, c.Title.In("vi"))
//	}
//
//	mine, err := criteria.Load(f) // a catalogue file: validated, every problem listed
//
// # Catalogues
//
// A [Catalogue] is {id, version, title, effective dates, legal basis, groups, criteria}. Two are
// built in and embedded in the binary:
//
//   - p06-technical ([P06Technical]): the criteria of CATALOGUE.md in 8 groups (identity,
//     population-data, signature, data-warehouse, online-service, security, accessibility,
//     experience), plus the attested P06-SEC-23 (logging) and P06-SEC-24 (availability).
//   - qd766 ([QD766]): Decision 766's indicators as computed criteria in the 6 groups that the
//     National Public Service Portal (DVCQG) displays, summing to 100 points.
//
// The 25 Project 06 essential public services that P06-SVC-08 refers to are data of their own:
// see [EssentialServices].
//
// [Builtin] returns a fresh copy on every call (the caller may modify it); the embedded bytes are
// validated once and cached. [Builtins] lists the IDs.
//
// # Criterion IDs are public API
//
// Vendors select criteria by ID, waivers and reports name them, the ministry's tools key on them.
// An ID never changes meaning: a changed requirement gets a new ID and the old one an
// effective_until. The package tests keep a golden list (testdata/ids.golden) so that an ID
// cannot disappear unnoticed.
//
// # Catalogue versions
//
// A catalogue's version is a semantic version, and reports carry it beside the catalogue's ID,
// so that a figure can be traced to the criteria it was computed against. The rules:
//
//   - major: a criterion removed, or a change that makes earlier reports unreadable against the
//     catalogue (IDs never change meaning, so this should not happen);
//   - minor: criteria added; a criterion's requirement, level, points, method, scope, effective
//     dates or tags changed; legal bases added, re-dated, superseded or relabelled; a
//     computed criterion's formula changed — anything that can change a result or what a
//     report cites;
//   - patch: wording, advice, titles or notes changed in a way that changes no result.
//
// Every version has an entry in CHANGELOG.md (criteria/CHANGELOG.md) listing what changed.
// catalogues/versions.txt records, for each built-in catalogue, its version and the SHA-256 of
// its canonical JSON with the version left empty; a test fails when the content changes while
// the version does not, and `go test ./criteria -update` records a new hash only together with
// a new version that has a changelog entry.
//
// # Loading and validation
//
// [Load] reads at most [MaxCatalogueSize] bytes, validates them against the draft-07 JSON
// Schema (published as schema/catalogue.schema.json, returned by [SchemaJSON]) and then checks
// what a schema cannot say: unique group and criterion IDs, criteria in existing groups, groups
// with criteria, real calendar dates with effective_from ≤ effective_until, points that sum to
// a group's max_points where one is set, and critical criteria that are mandatory. Every
// problem is reported in one [*LoadError] with its JSON path ("$.criteria[3].group") and
// reason; malformed JSON is reported with its line and column; on any problem no catalogue is
// returned. Unknown properties are problems, so a misspelt field is never silently ignored.
// Input must be UTF-8 (a file in a legacy Vietnamese encoding is refused with the position of
// the first bad byte); a leading byte-order mark is ignored. [Catalogue.Validate] applies the same rules to a catalogue built in Go, and
// [Catalogue.MarshalIndent] writes the canonical JSON that Load reads back (the built-in files
// are stored in that form, so `p06 criteria --format json` prints them byte for byte).
//
// # Selecting criteria
//
// [Catalogue.Select] takes composable [Selector] values — [ByID], [ByIDPrefix], [ByGroup],
// [ByTag], [ByMethod], [ByLevel], [ByScope], [InForceOn], [IsCritical], [Not], [AnyOf] — and
// returns the criteria that all of them accept, in catalogue order. [Catalogue.Subset] returns
// the same selection as a new, still valid catalogue.
//
// # Legal basis and honesty
//
// Every criterion records its basis: document, article where known, kind, source reliability
// (P primary, S secondary, R reverse-engineered, U unverified, as labelled in the project's
// domain notes) and a note where a fact is unverified or NOT FOUND. Kind is "quoted" only where
// the cited text itself says what the criterion requires; most criteria are "derived"
// engineering controls. In particular, no Vietnamese legal text naming TLS versions, HSTS,
// cookie flags or security headers has been found: the automated security criteria are derived
// from Decree 85/2016/NĐ-CP and TCVN 11930:2017 and say so in their notes. The body of Document
// 1552/BTTTT-THH (the Project 06 technical guidance, 26/04/2022) is not available, so no
// criterion claims to quote it.
//
// # Text in two languages
//
// Every prose field a person reads is in Vietnamese and English: titles, requirements, advice
// and formulas as {vi, en} pairs, and on each basis document_vi, article_vi, note_vi and
// issuer_now_vi beside the English. In the built-in catalogues every basis has a Vietnamese
// name; a foreign standard keeps its proper name with a Vietnamese description beside it, and
// what the English calls reported or unverified the Vietnamese does too ("được cho là").
// Configuration, header values, parameters and record field names are Markdown code spans
// (`ssl_protocols TLSv1.2 TLSv1.3;`), in both languages, so that renderers can show them as
// code and a Vietnamese text is not read as English. The package tests render every
// Vietnamese field and fail on an English function word outside code spans and URLs.
//
// # Levels, points and dates in p06-technical
//
// Level is mandatory where a binding text (a decree, circular, decision or the Project 06
// targets) requires the capability, even when the concrete check is derived; recommended where
// only good practice or an unverified or superseded source supports it (for example
// security.txt, Subresource Integrity, CSP without unsafe-inline, heading order, the 3-click
// rule, performance budgets, logout propagation). The 13 critical criteria are all mandatory.
//
// Points are weights inside a group: critical 3, other mandatory 2, recommended 1,
// informational 0. Groups have equal weights (1). In qd766, points are the indicator maxima of
// Decision 766 as DVCQG implements them, and each group's weight equals its max_points, so the
// weighted mean of the group percentages equals the Decision 766 total divided by 100.
//
// A criterion's effective_from is the later of its catalogue's date (26/04/2022 for
// p06-technical, the date of Document 1552/BTTTT-THH; 23/06/2022 for qd766) and the date its
// own basis took force (e.g. 15/08/2022 for Decree 42/2022's two online-service levels,
// 19/12/2022 for Circular 46/2022/TT-BCA, 01/07/2024 for VNeID as the sole citizen login,
// 01/01/2026 for Circular 12/2025/TT-BKHCN). [Criterion.InForce] and [InForceOn] use it.
//
// # Concurrency
//
// Package functions are safe for concurrent use. A *Catalogue is a plain value: read it from
// many goroutines, but synchronise if you modify it.
package criteria
