package criteria_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness/msg"
)

// viField is one piece of prose a Vietnamese reader of a catalogue sees, with where it is.
type viField struct {
	path, text string
}

// vietnameseProse lists every prose field of cat as a Vietnamese reader sees it (what
// `p06 criteria --format md --lang vi`, the criterion pages and the reports' basis lines show).
func vietnameseProse(cat *criteria.Catalogue) []viField {
	var out []viField
	add := func(path, text string) {
		if text != "" {
			out = append(out, viField{path, text})
		}
	}
	bases := func(prefix string, bs []criteria.Basis) {
		for i := range bs {
			b := &bs[i]
			p := fmt.Sprintf("%s.basis[%d]", prefix, i)
			add(p+".document", b.Name("vi"))
			add(p+".article", b.ArticleIn("vi"))
			add(p+".note", b.NoteIn("vi"))
			add(p+".issuer_now", b.IssuerNowIn("vi"))
			for j, s := range b.SupersededBy {
				sp := fmt.Sprintf("%s.superseded_by[%d]", p, j)
				doc := s.Document
				if s.DocumentVI != "" {
					doc = s.DocumentVI
				}
				add(sp+".document", doc)
				art := s.Article
				if s.ArticleVI != "" {
					art = s.ArticleVI
				}
				add(sp+".article", art)
				note := s.Note
				if s.NoteVI != "" {
					note = s.NoteVI
				}
				add(sp+".note", note)
			}
		}
	}
	add("$.title", cat.Title.In("vi"))
	bases("$", cat.Basis)
	for i, g := range cat.Groups {
		add(fmt.Sprintf("$.groups[%d].title", i), g.Title.In("vi"))
	}
	for i := range cat.Criteria {
		c := &cat.Criteria[i]
		p := fmt.Sprintf("$.criteria[%d] (%s)", i, c.ID)
		add(p+".title", c.Title.In("vi"))
		add(p+".requirement", c.Requirement.In("vi"))
		add(p+".advice", c.Advice.In("vi"))
		if c.Formula != nil {
			add(p+".formula", c.Formula.In("vi"))
		}
		bases(p, c.Basis)
	}
	return out
}

// TestCatalogueReadsInVietnamese: every prose field of a built-in catalogue that a Vietnamese
// reader sees (titles, requirements, advice, formulas, the bases' names, articles and notes) is
// Vietnamese: no English function word outside code spans and URLs (msg.EnglishWords, which
// leaves header names, tokens and proper nouns alone). Configuration and values go in code
// spans. Every basis has a Vietnamese name (document_vi), so a foreign standard's English
// title is never what a Vietnamese report cites.
func TestCatalogueReadsInVietnamese(t *testing.T) {
	for _, id := range criteria.Builtins() {
		t.Run(id, func(t *testing.T) {
			cat, err := criteria.Builtin(id)
			if err != nil {
				t.Fatal(err)
			}
			for i := range cat.Criteria {
				for _, b := range cat.Criteria[i].Basis {
					if b.DocumentVI == "" {
						t.Errorf("%s: basis %q has no document_vi", cat.Criteria[i].ID, b.Document)
					}
				}
			}
			for _, b := range cat.Basis {
				if b.DocumentVI == "" {
					t.Errorf("catalogue basis %q has no document_vi", b.Document)
				}
			}
			total := 0
			for _, f := range vietnameseProse(cat) {
				if w := msg.EnglishWords(f.text); len(w) > 0 {
					total += len(w)
					t.Errorf("%s: %s\n\t%s", f.path, strings.Join(w, " "), f.text)
				}
			}
			if total > 0 {
				t.Logf("%d English words in all", total)
			}
		})
	}
}
