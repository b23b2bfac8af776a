//go:build race

package brokenportal_test

// raceEnabled: under the race detector the property test samples the defects.
const raceEnabled = true
