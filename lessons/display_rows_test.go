package lessons

import "testing"

// A trace that fits in traceAll rows without its notify rows is shown
// whole; one longer than that loses its middle.
func TestPickRowsNotCountingNotifies(t *testing.T) {
	for _, tt := range []struct {
		n, notifies int
		whole       bool
	}{
		{traceAll, 0, true},
		{traceAll + 1, 0, false},
		{traceAll + 2, 2, true},
		{traceAll + 3, 2, false},
	} {
		rows := pickRows(tt.n, tt.notifies, nil)
		whole := len(rows) == tt.n
		for _, r := range rows {
			whole = whole && r.index >= 0
		}
		if whole != tt.whole {
			t.Errorf("%d rows, %d of them notifies: shown whole %v, want %v", tt.n, tt.notifies, whole, tt.whole)
		}
	}
}
