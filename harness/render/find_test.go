package render

import (
	"errors"
	"strings"
	"testing"
)

func TestFindChromiumMissing(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	t.Setenv(EnvChromium, "")
	_, err := FindChromium("")
	if !errors.Is(err, ErrNoChromium) || !strings.Contains(err.Error(), "apt-get install chromium") || !strings.Contains(err.Error(), EnvChromium) {
		t.Fatalf("err = %v", err)
	}
	_, err = FindChromium("/nonexistent/chromium")
	if !errors.Is(err, ErrNoChromium) || !strings.Contains(err.Error(), "/nonexistent/chromium") {
		t.Fatalf("err = %v", err)
	}
	t.Setenv(EnvChromium, "/nonexistent/from-env")
	if _, err := FindChromium(""); err == nil || !strings.Contains(err.Error(), "/nonexistent/from-env") {
		t.Fatalf("err = %v", err)
	}
}
