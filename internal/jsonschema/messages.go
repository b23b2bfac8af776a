package jsonschema

import "github.com/p06kit/p06kit/harness/msg"

// A document that is not one JSON value (Validate's error, SyntaxError).
var (
	mInvalid  = msg.New("jsonschema.invalid", "invalid JSON: %v", "JSON không hợp lệ: %v")
	mTrailing = msg.New("jsonschema.trailing", "invalid JSON: line %d, column %d: unexpected data after the top-level value", "JSON không hợp lệ: dòng %d, cột %d: còn dữ liệu sau giá trị JSON chính")
)
