package discover

import "github.com/p06kit/p06kit/harness/msg"

// The family's messages (package msg): the steps of discovery an error names.
var (
	mCatalogueTooLarge  = msg.New("discover.catalogue-too-large", "procedure catalogue %s: larger than %d bytes", "danh mục thủ tục %s: lớn hơn %d byte")
	mStepFetchCatalogue = msg.New("discover.step.fetch-catalogue", "fetching the procedure catalogue", "tải danh mục thủ tục")
)
