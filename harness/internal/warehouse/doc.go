// Package warehouse holds the checks of the citizen's electronic data warehouse (Kho quản lý dữ
// liệu điện tử của tổ chức, cá nhân; Decree 107/2021/NĐ-CP), P06-WH-01 … P06-WH-04.
//
//	checks := warehouse.Checks() // registered by package harness
//
// Each check logs a citizen in, lists the warehouse (check.Warehouse), submits and completes a
// dossier through the adapter and lists the warehouse again: the result's item is the one that
// names the dossier (WarehouseItem.Dossier), or else the one new item. Without the adapter's
// Warehouse, Dossiers or Results interfaces the checks report not_tested naming the method. They
// submit dossiers, so they are active and exclusive. P06-WH-05 (synchronisation with the
// national portal's personal data store) is attested and has no check.
//
// # The checks
//
//   - P06-WH-01: the completed dossier's result appears in the warehouse (Decision 766
//     indicators 4.1, 4.4).
//   - P06-WH-02: the item is listed with a name and a link that downloads it for its owner.
//   - P06-WH-03: a new dossier that reuses the item (DossierRequest.Reuse) with no upload is
//     accepted (indicator 4.3), and one that reuses a nonexistent item is refused — otherwise the
//     acceptance shows only that the reference is ignored.
//   - P06-WH-04: a second citizen (logged in through the adapter or the fake SSO) and an
//     anonymous visitor try to read the item by ID (Warehouse.FetchWarehouseItem) and by its URL
//     (a GET with their own cookie jar); the second citizen's own list must not show it, nor may
//     a dossier of theirs reuse it. Any of them getting the owner's document fails the check —
//     the insecure direct object reference test. Refusals may be 401/403/404 or a login page;
//     what counts is whether the owner's bytes come back.
package warehouse
