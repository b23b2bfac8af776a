// Package service holds the online-service provision checks (P06-SVC-*): the procedure catalogue,
// the mandatory components of procedure pages, dossier status look-up, online payment, feedback
// and rating, the 80% online and 80% full-process targets, and the Project 06 essential services.
//
// The checks read the portal through the resolved profile (check.Session.Profile) and the
// procedure catalogue discovery read (check.Session.Procedures); package check documents what
// discovery recognises.
//
// # What each check asks
//
//   - P06-SVC-01: every catalogue entry has a valid procedure code (check.ValidProcedureCode) and
//     states its level: "Toàn trình", "Một phần" or "Trực tiếp" in the row, data-muc-do, or the
//     MucDo key in JSON ("" there means not online). The pre-2022 wording ("Mức độ 3", "Mức độ 4")
//     is understood for the rates but fails this criterion: Decree 42/2022 replaced it.
//   - P06-SVC-02: every sampled procedure page has an h1 (or a "Tên thủ tục" label) and headings or
//     labels (h1–h6, dt, th, label, strong, b, legend, caption, summary, role=heading, first table
//     cell; at most 160 characters) naming components (b)–(g) of Decree 63/2010 Art. 8(2):
//     trình tự thực hiện, cách thức thực hiện, thành phần (số lượng) hồ sơ, thời hạn (thời gian)
//     giải quyết, đối tượng thực hiện, cơ quan thực hiện — matched without accents or case.
//   - P06-SVC-03: the look-up template answers an unknown code (000.00.00.H00-991231-9999) with a
//     status below 500 and a clear "not found" ("Không tìm thấy", "Không tồn tại", "Không có hồ
//     sơ", …) that is not an error page (exception, stack trace, "Lỗi hệ thống"), and shows the
//     profile's sample_dossier without its owner's personal data: no full name next to an
//     identity, licence or telephone number, no mobile number in full, no valid personal
//     identification number (ident.ValidPIN). Both are read from the result (the page's <main>,
//     else the body without header, navigation and footer), not from help text around it.
//     Without a sample_dossier the criterion is not_tested: what it requires of a found dossier
//     cannot be seen.
//   - P06-SVC-04: a sampled procedure page of a fee-bearing procedure offered online (CoPhiLePhi,
//     data-co-phi, or a "Phí, lệ phí" label whose value is not "Không"/"Miễn phí") links to online
//     payment in its content — a link, button or form saying "Thanh toán" / "Nộp phí", or leading to
//     the profile's payment entry; links in nav, header and footer do not count.
//   - P06-SVC-05: the feedback (phản ánh, kiến nghị) and rating (đánh giá mức độ hài lòng) pages
//     exist, answer 200, say what they are, and can be used online: a form (a text area or text
//     box for feedback; radio buttons, a list, a range or several buttons for rating), or a link
//     to another host (the national portal's system) whose text names the function.
//   - P06-SVC-06 and P06-SVC-07: the rates of procedures online and of online procedures that are
//     full-process, against the seed's 80% targets (scoring.SeedTarget), measured value beside
//     the threshold. A procedure that states no level counts as not online.
//   - P06-SVC-08: each essential service within the portal's scope (criteria.EssentialServicesFor;
//     for a ministry, those its catalogue lists) matches an online catalogue entry, by code when
//     known, else by name (criteria.EssentialService.Matches); one missing from the catalogue
//     counts as offered when the home or catalogue page links to it by name (the national portal).
package service
