package warehouse

import "github.com/p06kit/p06kit/harness/msg"

// The family's messages (package msg), grouped by check.
var (
	// The result's item is missing (P06-WH-01, and the checks that need it): the dossier, the
	// items before and after, and "" or mSeeWH01.
	mMissing = msg.New("warehouse.item.missing",
		"after dossier %s was completed, the citizen's warehouse has no item for its result (%d items before, %d after)%s",
		"sau khi hồ sơ %s hoàn thành, kho dữ liệu của công dân không có kết quả của hồ sơ (%d mục trước, %d mục sau)%s")
	mSeeWH01     = msg.New("warehouse.item.see-wh-01", " (see P06-WH-01)", " (xem P06-WH-01)")
	mMissingGot  = msg.New("warehouse.item.missing.got", "no warehouse item for the result", "kho dữ liệu không có mục nào cho kết quả")
	mMissingWant = msg.New("warehouse.item.missing.want", "the result stored in the citizen's warehouse", "kết quả được lưu trong kho dữ liệu của công dân")
	// mList is a list of phrases as the got of a finding.
	mList = msg.Verbatim

	// P06-WH-01: the dossier, the item's ID and name, and how it was found.
	mStored = msg.New("warehouse.stored.pass",
		"the result of dossier %s is in the citizen's warehouse as item %s %q: %s",
		"kết quả của hồ sơ %s có trong kho dữ liệu của công dân (mục %s %q): %s")
	mStoredByDossier = msg.New("warehouse.stored.by-dossier", "it names the dossier", "mục ghi rõ hồ sơ")
	mStoredOneNew    = msg.New("warehouse.stored.one-new",
		"it is the one new item; it does not name its dossier (WarehouseItem.Dossier is empty)",
		"là mục mới duy nhất; mục không ghi hồ sơ gốc (`WarehouseItem.Dossier` trống)")

	// P06-WH-02.
	mListedOtherHost = msg.New("warehouse.listed.other-host",
		"the warehouse lists the result of dossier %s as %q with a link on another host (%s), which the harness may not visit: add the host to the allowed hosts to check the link",
		"kho dữ liệu liệt kê kết quả hồ sơ %s với tên %q và đường dẫn tới máy chủ khác (%s), nơi công cụ không được phép truy cập: thêm máy chủ này vào danh sách được phép để kiểm tra đường dẫn")
	mListedProblems = msg.New("warehouse.listed.fail",
		"the warehouse lists the result of dossier %s as item %s, but the item %s",
		"kho dữ liệu liệt kê kết quả hồ sơ %s (mục %s) nhưng mục %s")
	mListedWant = msg.New("warehouse.listed.want",
		"each item listed with a name and a link that downloads it",
		"mỗi mục được liệt kê với tên và đường dẫn tải về được")
	mListed = msg.New("warehouse.listed.pass",
		"the citizen's warehouse lists %d item(s); the result of dossier %s is listed as %q with a link that downloads %d bytes",
		"kho dữ liệu của công dân liệt kê %d mục; kết quả hồ sơ %s hiển thị tên %q và đường dẫn tải về %d byte")
	// What is wrong with the listed item, after "the item".
	mNoName     = msg.New("warehouse.listed.no-name", "has no name", "không có tên")
	mNoLink     = msg.New("warehouse.listed.no-link", "has no download link", "không có đường dẫn tải về")
	mLinkFails  = msg.New("warehouse.listed.link-fails", "link %s fails for its owner: %v", "đường dẫn %s lỗi với chính chủ: %v")
	mLinkStatus = msg.New("warehouse.listed.link-status",
		"link %s gives its owner status %d with %d bytes",
		"đường dẫn %s trả về mã %d với %d byte cho chính chủ")

	// P06-WH-03.
	mReuseRefused = msg.New("warehouse.reused.refused",
		"the portal refused a new dossier that reuses warehouse item %s %q instead of an upload: %s",
		"cổng từ chối hồ sơ mới sử dụng lại giấy tờ %s %q từ kho dữ liệu thay cho tải lên: %s")
	mReuseRefusedGot  = msg.New("warehouse.reused.refused.got", "refused: %s", "bị từ chối: %s")
	mReuseRefusedWant = msg.New("warehouse.reused.refused.want",
		"a dossier accepted with the warehouse item and no upload",
		"hồ sơ được tiếp nhận với giấy tờ từ kho dữ liệu, không cần tải lên")
	mReuseUnchecked = msg.New("warehouse.reused.unchecked",
		"the portal accepted dossier %s that reuses warehouse item %s, but also dossier %s that reuses %q, which does not exist: it does not check what is reused",
		"cổng tiếp nhận hồ sơ %s sử dụng lại giấy tờ %s, nhưng cũng tiếp nhận hồ sơ %s sử dụng lại giấy tờ không tồn tại %q: cổng không kiểm tra giấy tờ được sử dụng lại")
	mReuseUncheckedGot  = msg.New("warehouse.reused.unchecked.got", "a nonexistent item accepted", "giấy tờ không tồn tại vẫn được tiếp nhận")
	mReuseUncheckedWant = msg.New("warehouse.reused.unchecked.want",
		"only the citizen's own stored items accepted for reuse",
		"chỉ giấy tờ của chính công dân đã lưu trong kho mới được tiếp nhận để sử dụng lại")
	mReused = msg.New("warehouse.reused.pass",
		"the portal accepted dossier %s that reuses warehouse item %s %q with no upload, and refused a reference to a nonexistent item (%s)",
		"cổng tiếp nhận hồ sơ %s sử dụng lại giấy tờ %s %q từ kho dữ liệu, không cần tải lên, và từ chối giấy tờ không tồn tại (%s)")

	// P06-WH-04: the item's ID and name, its owner, and the probes (an mList of them).
	mPrivateNoItem = msg.New("warehouse.private.no-item",
		"no warehouse item to probe: after dossier %s was completed the citizen's warehouse has no item for it (see P06-WH-01)",
		"không có mục nào trong kho dữ liệu để kiểm tra: sau khi hồ sơ %s hoàn thành, kho dữ liệu của công dân không có mục nào cho hồ sơ (xem P06-WH-01)")
	mPrivateLeak = msg.New("warehouse.private.fail",
		"the portal serves item %s %q of citizen %s to others: %s",
		"cổng cho người khác đọc mục %s %q trong kho dữ liệu của công dân %s: %s")
	mPrivateWant = msg.New("warehouse.private.want",
		"only the owner can read a warehouse item, by ID or by URL",
		"chỉ chủ sở hữu đọc được mục trong kho dữ liệu, theo mã mục hay theo đường dẫn")
	mPrivateUnsure = msg.New("warehouse.private.unsure",
		"could not tell whether others can read item %s %q of citizen %s: %s",
		"không xác định được người khác có đọc được mục %s %q của công dân %s hay không: %s")
	// The pass ends with "" or a note on the item's link (mLinkNone, mLinkOtherHost, mLinkBroken).
	mPrivate = msg.New("warehouse.private.pass",
		"only the owner can read item %s %q of citizen %s: %s%s",
		"chỉ chủ sở hữu đọc được mục %s %q của công dân %s: %s%s")
	mLinkNone = msg.New("warehouse.private.link.none",
		" (the item has no download link, so only access by ID was probed)",
		" (mục không có đường dẫn tải về nên chỉ thử truy cập theo mã mục)")
	mLinkOtherHost = msg.New("warehouse.private.link.other-host",
		" (its link %s is on another host, not in the allowed hosts, so it was not probed)",
		" (đường dẫn %s của mục thuộc máy chủ khác, ngoài danh sách được phép, nên không thử)")
	mLinkBroken = msg.New("warehouse.private.link.broken",
		" (its link does not download the item for its owner either, so it was not probed; see P06-WH-02)",
		" (đường dẫn của mục cũng không tải được cho chính chủ nên không thử; xem P06-WH-02)")
	// Who probes.
	mWhoCitizen   = msg.New("warehouse.private.who.citizen", "citizen %s", "công dân %s")
	mWhoAnonymous = msg.New("warehouse.private.who.anonymous", "an anonymous visitor", "khách chưa đăng nhập")
	// How they probe.
	mHowByID  = msg.New("warehouse.private.how.by-id", "by ID through the adapter", "theo mã mục")
	mHowByURL = msg.New("warehouse.private.how.by-url", "by its URL", "theo đường dẫn")
	mHowList  = msg.New("warehouse.private.how.list", "in their own warehouse list", "trong danh sách kho dữ liệu của mình")
	mHowReuse = msg.New("warehouse.private.how.reuse", "by reusing it in a dossier of their own", "khi dùng lại trong hồ sơ của mình")
	// A probe's outcome: who, how, what was seen.
	mProbeRead    = msg.New("warehouse.private.probe.read", "%s read it %s (%s)", "%s đọc được mục %s (%s)")
	mProbeGot     = msg.New("warehouse.private.probe.got", "%s got it %s (%s)", "%s có được mục %s (%s)")
	mProbeUnsure  = msg.New("warehouse.private.probe.unsure", "%s %s: could not tell (%v)", "%s %s: không xác định (%v)")
	mProbeAbsent  = msg.New("warehouse.private.probe.absent", "%s %s: absent (%s)", "%s %s: không có (%s)")
	mProbeRefused = msg.New("warehouse.private.probe.refused", "%s %s: refused (%s)", "%s %s: bị từ chối (%s)")
	// What a probe saw.
	mSawBytes      = msg.New("warehouse.private.saw.bytes", "%d bytes", "%d byte")
	mSawOwnerBytes = msg.New("warehouse.private.saw.owner-bytes", "%d bytes, the owner's document", "%d byte, đúng tài liệu của chủ sở hữu")
	mSawEmpty      = msg.New("warehouse.private.saw.empty", "an empty document", "tài liệu rỗng")
	mSawOwnerURL   = msg.New("warehouse.private.saw.owner-url",
		"GET %s: status %d, %d bytes, the owner's document",
		"GET %s: mã %d, %d byte, đúng tài liệu của chủ sở hữu")
	mSawOtherPage = msg.New("warehouse.private.saw.other-page", "status %d with another page at %s", "mã %d với một trang khác tại %s")
	mSawStatus    = msg.New("warehouse.private.saw.status", "status %d", "mã %d")
	mSawListed    = msg.New("warehouse.private.saw.listed", "%d items listed", "danh sách có %d mục")
	mSawListedAs  = msg.New("warehouse.private.saw.listed-as", "listed as %q", "có trong danh sách với tên %q")
	mSawAccepted  = msg.New("warehouse.private.saw.accepted", "dossier %s accepted with the item attached", "hồ sơ %s được tiếp nhận kèm mục này")

	// The steps a check names when it could not go on (check.FromError).
	mStepSetup       = msg.New("warehouse.step.setup", "completing a dossier and listing the warehouse", "hoàn thành một hồ sơ và liệt kê kho dữ liệu")
	mStepOwnerFetch  = msg.New("warehouse.step.owner-fetch", "the owner fetching own item %s", "chủ sở hữu tải mục %s của mình")
	mStepSecondLogin = msg.New("warehouse.step.second-login", "logging in as a second citizen", "đăng nhập bằng công dân thứ hai")
	mStepReuse       = msg.New("warehouse.step.reuse", "submitting a dossier that reuses item %s", "nộp hồ sơ sử dụng lại mục %s")
	mStepReuseBogus  = msg.New("warehouse.step.reuse-nonexistent", "submitting a dossier that reuses the nonexistent item %s", "nộp hồ sơ sử dụng lại mục không tồn tại %s")
)

// Evidence notes (scoring.Evidence.Noted).
var (
	mNoteBeforeAfter  = msg.New("warehouse.note.before-after", "before: %s; after: %s", "trước: %s; sau: %s")
	mNoteSameContent  = msg.New("warehouse.note.same-content", "the stored item has the same content as the result", "mục được lưu có nội dung giống kết quả")
	mNoteDiffers      = msg.New("warehouse.note.differs", "the stored item (%d bytes) differs from the result (%d bytes)", "mục được lưu (%d byte) khác kết quả (%d byte)")
	mNoteItems        = msg.New("warehouse.note.items", "warehouse: %d items before the dossier, %d after: %s", "kho dữ liệu: %d mục trước khi nộp hồ sơ, %d mục sau: %s")
	mNoteItem         = msg.New("warehouse.note.item", "item %s", "mục %s")
	mNoteReuseRequest = msg.New("warehouse.note.reuse-request", "DossierRequest{Procedure: %q, Reuse: [%q]} → accepted %v, message %s", "DossierRequest{Procedure: %q, Reuse: [%q]} → chấp nhận %v, thông báo %s")
	mNoteBogusRequest = msg.New("warehouse.note.bogus-request", "DossierRequest{Reuse: [%q]} → accepted as dossier %s, message %s", "DossierRequest{Reuse: [%q]} → được chấp nhận thành hồ sơ %s, thông báo %s")
	mNoteNoItems      = msg.New("warehouse.note.no-items", "(none)", "(không có)")
	mNoteMoreItems    = msg.New("warehouse.note.more-items", "… %d more", "… và %d mục khác")
)

// Steps of the setup an error names (msg.Wrap).
var (
	mStepListBefore = msg.New("warehouse.step.list-before", "listing the warehouse before the dossier", "liệt kê kho dữ liệu trước khi nộp hồ sơ")
	mStepComplete   = msg.New("warehouse.step.complete", "completing dossier %s", "hoàn thành hồ sơ %s")
	mPlainRefused   = msg.New("warehouse.setup.plain-refused", "the portal did not accept a plain dossier for procedure %s (%q), so no result can reach the warehouse", "cổng không chấp nhận một hồ sơ thông thường cho thủ tục %s (%q), nên không có kết quả nào vào được kho dữ liệu")
	mStepListAfter  = msg.New("warehouse.step.list-after", "listing the warehouse after completing dossier %s", "liệt kê kho dữ liệu sau khi hoàn thành hồ sơ %s")
)

// The checks' own errors (msg.Error): a finding quotes them in its own language.
var (
	mErrNoDocument = msg.New("warehouse.err.no-document", "the adapter returned no document", "bộ điều hợp không trả về tài liệu")
	mErrOtherHost  = msg.New("warehouse.err.other-host", "the link points to another host, not in the allowed hosts; not fetched", "liên kết trỏ tới máy chủ khác, không thuộc các máy chủ được phép; không tải")
	mAtLink        = msg.New("warehouse.err.at-link", "%s: %v", "%s: %v")
)
