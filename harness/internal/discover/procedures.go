package discover

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/internal/htmlx"

	"github.com/p06kit/p06kit/harness/msg"
)

// The errors of a JSON procedure catalogue (msg.Error): a finding quotes them in its own language.
var (
	mErrCatalogueAt      = msg.New("discover.err.catalogue-at", "procedure catalogue %s: %v", "danh mục thủ tục %s: %v")
	mErrCatalogueNoArray = msg.New("discover.err.catalogue-no-array", `procedure catalogue $: no "procedures" array`, `danh mục thủ tục $: không có mảng "procedures"`)
	mErrCatalogueTooMany = msg.New("discover.err.catalogue-too-many", "procedure catalogue %s: %d entries, more than the %d the harness reads", "danh mục thủ tục %s: %d mục, nhiều hơn %d mục harness đọc")
	mErrCatalogueLevel   = msg.New("discover.err.catalogue-level", `procedure catalogue %s.MucDo: unknown level %q (want "toan_trinh", "mot_phan" or "")`, `danh mục thủ tục %s.MucDo: mức độ %q không xác định (cần "toan_trinh", "mot_phan" hoặc "")`)
	mErrJSONType         = msg.New("discover.err.json-type", "%s: got JSON %s, want %s", "%s: giá trị JSON kiểu %s, cần kiểu %s")
	mErrJSONSyntax       = msg.New("discover.err.json-syntax", "invalid JSON at byte %d: %v", "JSON không hợp lệ tại byte %d: %v")
)

// maxProcedures bounds how many catalogue entries are kept, whatever the catalogue's size.
const maxProcedures = 20000

// ParseLevel maps a level as catalogues write it to LevelFull, LevelPartial or LevelOffline:
// "toan_trinh", "Toàn trình", "Mức độ 4" are full-process; "mot_phan", "Một phần", "Mức độ 3" are
// partial; "", "truc_tiep", "Trực tiếp", "Không trực tuyến", "Mức độ 1/2" are offline. ok is false
// for anything else.
func ParseLevel(s string) (level string, ok bool) {
	f := htmlx.Fold(s)
	switch {
	case f == "" || f == "truc tiep" || f == "khong truc tuyen" || f == "muc do 1" || f == "muc do 2" ||
		f == "offline" || f == "dvc truc tuyen muc do 2":
		return check.LevelOffline, true
	case f == "toan trinh" || f == "muc do 4" || f == "dvc truc tuyen toan trinh" || f == "dich vu cong truc tuyen toan trinh" || f == "full":
		return check.LevelFull, true
	case f == "mot phan" || f == "muc do 3" || f == "dvc truc tuyen mot phan" || f == "dich vu cong truc tuyen mot phan" || f == "partial":
		return check.LevelPartial, true
	}
	return check.LevelOffline, false
}

// legacyLevel reports whether a level is written in the pre-2022 wording ("Mức độ 1".."4").
func legacyLevel(s string) bool {
	f := htmlx.Fold(s)
	return htmlx.FoldedContains(f, "muc do 1") || htmlx.FoldedContains(f, "muc do 2") ||
		htmlx.FoldedContains(f, "muc do 3") || htmlx.FoldedContains(f, "muc do 4")
}

// levelInText finds a level label inside free text (a catalogue row).
func levelInText(folded string) (string, bool) {
	switch {
	case htmlx.FoldedContains(folded, "toan trinh") || htmlx.FoldedContains(folded, "muc do 4"):
		return check.LevelFull, true
	case htmlx.FoldedContains(folded, "mot phan") || htmlx.FoldedContains(folded, "muc do 3"):
		return check.LevelPartial, true
	case htmlx.FoldedContains(folded, "truc tiep") || htmlx.FoldedContains(folded, "khong truc tuyen") ||
		htmlx.FoldedContains(folded, "muc do 2") || htmlx.FoldedContains(folded, "muc do 1"):
		return check.LevelOffline, true
	}
	return check.LevelOffline, false
}

// jsonProcedure is one entry as written; pointers tell a missing key from an empty value.
type jsonProcedure struct {
	Code      *string `json:"MaTTHC"`
	Name      *string `json:"Ten"`
	Level     *string `json:"MucDo"`
	Fee       *bool   `json:"CoPhiLePhi"`
	Essential *bool   `json:"ThietYeu"`
	URL       *string `json:"URL"`
}

// ParseProceduresJSON reads a procedure catalogue in JSON: {"procedures":[{"MaTTHC","Ten",
// "MucDo","CoPhiLePhi","ThietYeu","URL"}, …]}, or the bare array. An error names the JSON path
// and the reason; nothing is half-read. URLs are returned as written.
func ParseProceduresJSON(data []byte) ([]check.Procedure, error) {
	data = bytes.TrimSpace(data)
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var raw []json.RawMessage
	path := "$"
	if len(data) > 0 && data[0] == '[' {
		if err := json.Unmarshal(data, &raw); err != nil {
			return nil, msg.Error(mErrCatalogueAt, path, jsonReason(err))
		}
	} else {
		var top struct {
			Procedures *[]json.RawMessage `json:"procedures"`
		}
		if err := json.Unmarshal(data, &top); err != nil {
			return nil, msg.Error(mErrCatalogueAt, "$", jsonReason(err))
		}
		if top.Procedures == nil {
			return nil, msg.Error(mErrCatalogueNoArray)
		}
		raw, path = *top.Procedures, "$.procedures"
	}
	if len(raw) > maxProcedures {
		return nil, msg.Error(mErrCatalogueTooMany, path, len(raw), maxProcedures)
	}
	out := make([]check.Procedure, 0, len(raw))
	for i, r := range raw {
		at := path + "[" + strconv.Itoa(i) + "]"
		var e jsonProcedure
		if err := json.Unmarshal(r, &e); err != nil {
			return nil, msg.Error(mErrCatalogueAt, at, jsonReason(err))
		}
		p := check.Procedure{Where: at}
		if e.Code != nil {
			p.Code = strings.TrimSpace(*e.Code)
		}
		if e.Name != nil {
			p.Name = strings.Join(strings.Fields(*e.Name), " ")
		}
		if e.Level != nil {
			lv, ok := ParseLevel(*e.Level)
			if !ok {
				return nil, msg.Error(mErrCatalogueLevel, at, *e.Level)
			}
			p.Level, p.LevelStated, p.LegacyLevel = lv, true, legacyLevel(*e.Level)
		}
		if e.Fee != nil {
			p.Fee = *e.Fee
		}
		if e.Essential != nil {
			p.Essential = *e.Essential
		}
		if e.URL != nil {
			p.URL = strings.TrimSpace(*e.URL)
		}
		out = append(out, p)
	}
	return out, nil
}

// jsonReason turns a decoding error into one that says where in the entry it went wrong.
func jsonReason(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		field := te.Field
		if field == "" {
			field = "value"
		}
		return msg.Error(mErrJSONType, field, te.Value, te.Type)
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return msg.Error(mErrJSONSyntax, se.Offset, msg.P(msg.Verbatim, se))
	}
	return err
}

// ProceduresFromHTML reads the procedures listed on a catalogue page. It recognises, in order:
//
//   - elements with a data-ma-tthc attribute (the code), optionally data-muc-do (the level as in
//     JSON), data-ten (the name), data-co-phi and data-thiet-yeu ("true"/"1");
//   - otherwise table rows, list items and articles (tr, li, article) whose text holds a
//     procedure code and that hold a link: the longest link text is the name, its href the URL,
//     and a level label in the row's text ("Toàn trình", "Một phần", "Trực tiếp", "Mức độ 3/4")
//     the level.
//
// The innermost matching element is one procedure; base resolves relative links (may be nil).
func ProceduresFromHTML(doc *html.Node, base *url.URL) []check.Procedure {
	var out []check.Procedure
	var tagged []*html.Node
	htmlx.Walk(doc, func(n *html.Node) bool {
		if _, ok := htmlx.Attr(n, "data-ma-tthc"); ok {
			tagged = append(tagged, n)
		}
		return len(tagged) < maxProcedures
	})
	if len(tagged) > 0 {
		for _, n := range tagged {
			out = append(out, procedureFromEntry(n, base, true))
		}
		return out
	}
	var rows []*html.Node
	htmlx.Walk(doc, func(n *html.Node) bool {
		if n.Data == "tr" || n.Data == "li" || n.Data == "article" {
			rows = append(rows, n)
		}
		return true
	})
	entries := map[*html.Node]bool{}
	for _, r := range rows {
		if check.FindProcedureCode(htmlx.Text(r)) != "" && htmlx.First(r, "a") != nil {
			entries[r] = true
		}
	}
	// Keep the innermost: drop an entry that has another entry inside it.
	for n := range entries {
		for p := n.Parent; p != nil; p = p.Parent {
			if entries[p] {
				entries[p] = false
			}
		}
	}
	for _, r := range rows {
		if entries[r] && len(out) < maxProcedures {
			out = append(out, procedureFromEntry(r, base, false))
		}
	}
	return out
}

func procedureFromEntry(n *html.Node, base *url.URL, tagged bool) check.Procedure {
	p := check.Procedure{Where: htmlx.Path(n)}
	text := htmlx.Text(n)
	if tagged {
		p.Code, _ = htmlx.Attr(n, "data-ma-tthc")
		p.Code = strings.TrimSpace(p.Code)
		p.Name, _ = htmlx.Attr(n, "data-ten")
		if v, ok := htmlx.Attr(n, "data-co-phi"); ok {
			p.Fee = truthy(v)
		}
		if v, ok := htmlx.Attr(n, "data-thiet-yeu"); ok {
			p.Essential = truthy(v)
		}
		if v, ok := htmlx.Attr(n, "data-muc-do"); ok {
			if lv, ok := ParseLevel(v); ok {
				p.Level, p.LevelStated, p.LegacyLevel = lv, true, legacyLevel(v)
			}
		}
	} else {
		p.Code = check.FindProcedureCode(text)
	}
	if !p.LevelStated {
		f := htmlx.Fold(text)
		p.Level, p.LevelStated = levelInText(f)
		if p.LevelStated && !htmlx.FoldedContains(f, "toan trinh") && !htmlx.FoldedContains(f, "mot phan") && !htmlx.FoldedContains(f, "truc tiep") && !htmlx.FoldedContains(f, "khong truc tuyen") {
			p.LegacyLevel = legacyLevel(f)
		}
	}
	// The procedure's link: the one with the longest text that is not just the code.
	var best *html.Node
	bestLen := -1
	for _, a := range htmlx.All(n, "a") {
		href, ok := htmlx.Attr(a, "href")
		if !ok || strings.TrimSpace(href) == "" || strings.HasPrefix(strings.TrimSpace(href), "#") {
			continue
		}
		t := strings.TrimSpace(strings.ReplaceAll(htmlx.Text(a), p.Code, ""))
		if len(t) > bestLen {
			best, bestLen = a, len(t)
		}
	}
	if best != nil {
		href, _ := htmlx.Attr(best, "href")
		p.URL = resolveRef(base, href)
		if p.Name == "" {
			p.Name = strings.TrimSpace(strings.Trim(strings.TrimSpace(strings.ReplaceAll(htmlx.Text(best), p.Code, "")), "-–:|"))
		}
	}
	if p.Name == "" {
		p.Name = text
	}
	p.Name = strings.Join(strings.Fields(p.Name), " ")
	return p
}

func truthy(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "true", "1", "yes", "co", "có":
		return true
	}
	return false
}

// resolveRef resolves href against base, returning href unchanged when it does not parse.
func resolveRef(base *url.URL, href string) string {
	href = strings.TrimSpace(href)
	u, err := url.Parse(href)
	if err != nil || base == nil {
		return href
	}
	r := base.ResolveReference(u)
	r.Fragment = ""
	return r.String()
}
