//go:build race

package python_test

// raceEnabled: under the race detector programs run several times slower,
// so the differential test runs fewer of them by default.
const raceEnabled = true
