package scoring

import (
	"fmt"
	"testing"
)

type twoLangs struct{ en, vi string }

func (m twoLangs) Render(lang string, args ...any) string {
	if lang == "en" {
		return fmt.Sprintf(m.en, args...)
	}
	return fmt.Sprintf(m.vi, args...)
}

// TestEvidenceNotedInBothLanguages: a note rendered from a message has both texts, and a
// report asks for the one in its language, falling back to English for a note from elsewhere.
func TestEvidenceNotedInBothLanguages(t *testing.T) {
	ev := Evidence{Request: "GET /"}.Noted(twoLangs{"%d pages read", "đã đọc %d trang"}, 3)
	if ev.Request != "GET /" || ev.Note != "3 pages read" || ev.NoteVI != "đã đọc 3 trang" {
		t.Fatalf("Noted: %+v", ev)
	}
	if got := ev.NoteIn("vi"); got != "đã đọc 3 trang" {
		t.Errorf("NoteIn(vi) = %q", got)
	}
	if got := ev.NoteIn("en"); got != "3 pages read" {
		t.Errorf("NoteIn(en) = %q", got)
	}
	if got := (Evidence{Note: "from another tool"}).NoteIn("vi"); got != "from another tool" {
		t.Errorf("NoteIn(vi) without a Vietnamese note = %q, want the English one", got)
	}
}
