package runtime

import "testing"

// TestExploreLiteratureCounts checks the number of complete schedules of
// each benchmark against its published number of Mazurkiewicz traces.
func TestExploreLiteratureCounts(t *testing.T) {
	for _, b := range benchmarks(true) {
		t.Run(b.name, func(t *testing.T) {
			for _, source := range []bool{false, true} {
				rt := New()
				rep := explore(t, rt, func(main *Thread) func() (any, error) { return b.prog(rt, main) }, ExploreOptions{Source: source})
				if !rep.Complete || rep.Schedules != b.published {
					t.Errorf("%s, %s: %d complete schedules (complete=%v), published %d traces", b.name, rep.Reduction, rep.Schedules, rep.Complete, b.published)
				}
				if !source && rep.Pruned != 0 {
					t.Errorf("%s: optimal DPOR ended %d runs sleep-set blocked", b.name, rep.Pruned)
				}
				t.Logf("%s, %s: %d schedules, %d sleep-set blocked, %v", b.name, rep.Reduction, rep.Schedules, rep.Pruned, rep.Elapsed)
			}
		})
	}
}
