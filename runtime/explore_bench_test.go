package runtime

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkExploreLiterature explores each benchmark at the sizes the
// literature reports, and prints the schedules beside the published trace
// count, the time, schedules per second and the naive search's count (or
// how far it got in the same time, where it cannot finish).
func BenchmarkExploreLiterature(b *testing.B) {
	var rows []exploreRow
	for _, bm := range append(benchmarks(true), benchmarks(false)...) {
		rt := New()
		var rep, naive *ExploreReport
		run := func(opts ExploreOptions) *ExploreReport {
			var r *ExploreReport
			if err := rt.BeginCell(); err != nil {
				b.Fatal(err)
			}
			main := rt.Main()
			var err error
			r, err = rt.Explore(main, bm.prog(rt, main), opts)
			rt.EndCell()
			if err != nil {
				b.Fatalf("%s: %v", bm.name, err)
			}
			return r
		}
		rep = run(ExploreOptions{})
		source := run(ExploreOptions{Source: true})
		// The naive search gets as long as the reduced one took, and at
		// least 200 ms, to show how far it gets.
		budget := max(rep.Elapsed, 200*time.Millisecond)
		naive = run(ExploreOptions{Naive: true, Budget: budget, MaxSchedules: 1 << 30})
		row := exploreRow{
			Name: bm.name, Schedules: rep.Schedules, Published: bm.published, Blocked: rep.Pruned,
			Seconds: rep.Elapsed.Seconds(), PerSecond: float64(rep.Schedules+rep.Pruned) / rep.Elapsed.Seconds(),
			Naive: naive.Schedules, NaiveComplete: naive.Complete,
			SourceSchedules: source.Schedules, SourceBlocked: source.Pruned, SourceSeconds: source.Elapsed.Seconds(),
		}
		rows = append(rows, row)
		naiveText := fmt.Sprintf("%d, %.0fx the reduced count", naive.Schedules, float64(naive.Schedules)/float64(rep.Schedules))
		if !naive.Complete {
			naiveText = fmt.Sprintf("over %d in %v, so over %.0fx the reduced count", naive.Schedules, budget.Round(time.Millisecond),
				float64(naive.Schedules)/float64(rep.Schedules))
		}
		b.Logf("%-15s optimal DPOR %5d schedules (published %5d), %d blocked, %6.3f s, %6.0f runs/s | source-DPOR %5d, %5d blocked, %6.3f s | naive: %s",
			bm.name, rep.Schedules, bm.published, rep.Pruned, rep.Elapsed.Seconds(), row.PerSecond,
			source.Schedules, source.Pruned, source.Elapsed.Seconds(), naiveText)
		if rep.Schedules != bm.published || source.Schedules != bm.published {
			b.Errorf("%s: %d schedules (source-DPOR %d), published %d", bm.name, rep.Schedules, source.Schedules, bm.published)
		}
	}
	writeExploreRows(b, rows)
}

type exploreRow struct {
	Name          string  `json:"program"`
	Schedules     int     `json:"schedules"`
	Published     int     `json:"published"`
	Blocked       int     `json:"sleep_set_blocked"`
	Seconds       float64 `json:"seconds"`
	PerSecond     float64 `json:"runs_per_second"`
	Naive         int     `json:"naive_schedules"`
	NaiveComplete bool    `json:"naive_complete"`

	SourceSchedules int     `json:"source_dpor_schedules"`
	SourceBlocked   int     `json:"source_dpor_sleep_set_blocked"`
	SourceSeconds   float64 `json:"source_dpor_seconds"`
}

// writeExploreRows saves the rows, and summary rows in the shape
// kernel/clienttest/bench_summary.py reads, to explore.json in
// THREADLAB_BENCH_DIR when it is set.
func writeExploreRows(b *testing.B, rows []exploreRow) {
	dir := os.Getenv("THREADLAB_BENCH_DIR")
	if dir == "" {
		return
	}
	type summary struct {
		Label string  `json:"label"`
		Ours  float64 `json:"threadlab"`
		Peer  float64 `json:"peer"`
		Name  string  `json:"peer_name"`
		Unit  string  `json:"unit"`
		Ratio float64 `json:"ratio"`
		Goal  string  `json:"goal"`
		Met   *bool   `json:"met"`
	}
	doc := struct {
		Programs []exploreRow `json:"programs"`
		Summary  []summary    `json:"summary"`
	}{Programs: rows}
	for _, r := range rows {
		ok := r.Schedules == r.Published
		doc.Summary = append(doc.Summary, summary{
			Label: "explore " + r.Name + " (peer: published traces)", Ours: float64(r.Schedules), Peer: float64(r.Published),
			Name: "published", Unit: "schedules", Ratio: float64(r.Schedules) / float64(r.Published),
			Goal: "= published", Met: &ok,
		}, summary{Label: "explore " + r.Name + " time", Ours: r.Seconds * 1000, Unit: "ms", Goal: "< 10 s (most < 1 s)", Met: met(r.Seconds < 10)})
	}
	data, _ := json.MarshalIndent(doc, "", "  ")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "explore.json"), data, 0o644); err != nil {
		b.Fatal(err)
	}
}

func met(ok bool) *bool { return &ok }
