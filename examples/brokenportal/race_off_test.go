//go:build !race

package brokenportal_test

const raceEnabled = false
