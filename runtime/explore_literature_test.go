package runtime

import "testing"

// TestExploreLiteratureCounts checks the number of complete schedules of
// each benchmark against its published number of Mazurkiewicz traces.
func TestExploreLiteratureCounts(t *testing.T) {
	for _, b := range benchmarks(true) {
		t.Run(b.name, func(t *testing.T) {
			rt := New()
			rep := explore(t, rt, func(main *Thread) func() (any, error) { return b.prog(rt, main) }, ExploreOptions{})
			if !rep.Complete || rep.Schedules != b.published {
				t.Errorf("%s: %d complete schedules (complete=%v), published %d traces", b.name, rep.Schedules, rep.Complete, b.published)
			}
			t.Logf("%s: %d schedules, %d sleep-set blocked, %v", b.name, rep.Schedules, rep.Pruned, rep.Elapsed)
		})
	}
}
