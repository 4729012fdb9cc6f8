package lessons

import (
	"fmt"
	"html"
	"math"
	"strings"
	"time"

	"threadlab/lessons/pyhost"
	"threadlab/runtime"
)

// The interleaving table (lab.trace, and the examples of lab.explore)
// and the exploration report.

const (
	traceHead   = 12 // rows shown from the start of a long trace
	traceTail   = 8  // and from its end
	traceAround = 2  // rows around the first lost update
	traceAll    = 40 // traces this short are shown whole
)

type traceRow struct {
	index int // into Events, or -1 for a gap
	gap   int // events not shown
}

// pickRows chooses the rows of a long trace: head, the first lost update,
// tail, with gaps between. A trace of traceAll rows, not counting its
// notify rows, is shown whole: the rows that say who woke whom do not
// hide the rest of a story that fits without them.
func pickRows(n, notifies int, lost []runtime.Lost) []traceRow {
	keep := make([]bool, n)
	if n-notifies <= traceAll {
		for i := range keep {
			keep[i] = true
		}
	} else {
		for i := 0; i < traceHead; i++ {
			keep[i] = true
		}
		for i := n - traceTail; i < n; i++ {
			keep[i] = true
		}
		if len(lost) > 0 {
			l := lost[0]
			for i := max(0, l.Read-traceAround); i <= min(n-1, l.Write+traceAround); i++ {
				if i-l.Read < 30 || l.Write-i < 5 { // a long gap between read and write is elided too
					keep[i] = true
				}
			}
		}
	}
	var rows []traceRow
	gap := 0
	for i := 0; i < n; i++ {
		if !keep[i] {
			gap++
			continue
		}
		if gap > 0 {
			rows = append(rows, traceRow{index: -1, gap: gap})
			gap = 0
		}
		rows = append(rows, traceRow{index: i})
	}
	if gap > 0 {
		rows = append(rows, traceRow{index: -1, gap: gap})
	}
	return rows
}

// opText is what a thread did, for its column.
func opText(e runtime.Event) string {
	if e.Items {
		return "call " + e.Field
	}
	switch e.Kind {
	case runtime.OpRead:
		if e.Value == nil {
			return "read " + e.Field + " → absent" // `k in d` found no item k
		}
		return fmt.Sprintf("read %s → %s", e.Field, pyhost.SpellValue(e.Value))
	case runtime.OpWrite:
		if e.Value == nil {
			return "delete " + e.Field
		}
		return fmt.Sprintf("write %s ← %s", e.Field, pyhost.SpellValue(e.Value))
	case runtime.OpWait:
		return fmt.Sprintf("waits for %v", e.Value)
	case runtime.OpNotify:
		return fmt.Sprint(e.Value)
	}
	return fmt.Sprintf("%s %s", e.Kind, e.Field)
}

// traceView is what an interleaving table shows of a trace: the accesses
// of locations two threads share (one writing), every lock taken and
// released and every wait, numbered afresh as the table's steps.
type traceView struct {
	tr    *runtime.Trace
	index []int          // index[k]: the trace's index of step k
	lost  []runtime.Lost // as steps of the view
}

func newTraceView(tr *runtime.Trace) *traceView {
	v := &traceView{tr: tr}
	contended := tr.Contended()
	v.index = tr.Select(func(kind runtime.OpKind, loc int) bool {
		return (kind != runtime.OpRead && kind != runtime.OpWrite) || contended[loc]
	})
	row := make(map[int]int, len(v.index))
	for k, i := range v.index {
		row[i] = k
	}
	for _, l := range tr.LostUpdates() {
		r, okR := row[l.Read]
		o, okO := row[l.Overwritten]
		w, okW := row[l.Write]
		if okR && okO && okW { // (lost updates are on contended locations)
			v.lost = append(v.lost, runtime.Lost{Read: r, Overwritten: o, Write: w})
		}
	}
	return v
}

// event is step k.
func (v *traceView) event(k int) runtime.Event { return v.tr.Event(v.index[k]) }

// traceNotes explains the rows of lost updates.
func (v *traceView) notes() map[int]string {
	notes := map[int]string{}
	threads := v.tr.Threads()
	for _, l := range v.lost {
		r, o, w := v.event(l.Read), v.event(l.Overwritten), v.event(l.Write)
		who, other := threads[w.Thread], threads[o.Thread]
		notes[l.Write] = fmt.Sprintf("lost update: %s writes a value computed from what it read at step %d, wiping out %s's write at step %d",
			who, l.Read+1, other, l.Overwritten+1)
		if _, ok := notes[l.Read]; !ok {
			notes[l.Read] = fmt.Sprintf("%s reads %s; it will write it back at step %d", who, r.Field, l.Write+1)
		}
		if _, ok := notes[l.Overwritten]; !ok {
			notes[l.Overwritten] = fmt.Sprintf("this write is lost at step %d", l.Write+1)
		}
	}
	return notes
}

// traceBundle renders an interleaving table.
func traceBundle(tr *runtime.Trace) map[string]any {
	v := newTraceView(tr)
	if len(v.index) == 0 {
		msg := "The trace is empty: no two threads have shared a variable, an attribute or an item (one of them writing it), used the same lock or waited, in a traced cell yet."
		return map[string]any{"text/plain": msg, "text/html": "<p>" + msg + "</p>"}
	}
	notifies := 0
	for k := range v.index {
		if v.event(k).Kind == runtime.OpNotify {
			notifies++
		}
	}
	rows := pickRows(len(v.index), notifies, v.lost)
	var idx []int
	for _, r := range rows {
		if r.index >= 0 {
			idx = append(idx, v.index[r.index])
		}
	}
	states := tr.StatesAfter(idx)
	notes := v.notes()
	threads := tr.Threads()
	cols := tr.Columns()
	lostWrite := map[int]bool{}
	for _, l := range v.lost {
		lostWrite[l.Write] = true
	}

	summary := fmt.Sprintf("%d steps by %d threads", len(v.index), len(threads))
	switch len(v.lost) {
	case 0:
	case 1:
		summary += "; 1 lost update (highlighted)"
	default:
		summary += fmt.Sprintf("; %d lost updates (the first is highlighted)", len(v.lost))
	}
	if tr.Truncated() {
		summary += fmt.Sprintf("; only the first %d events were kept", tr.Stored())
	}

	header := []string{"step", "line", "code"}
	for _, ti := range cols {
		header = append(header, threads[ti])
	}
	header = append(header, "state after", "note")
	cells := func(k int, state string) []string {
		e := v.event(k)
		line := "" // a step inside threading or queue called from no line of the program's
		if e.Line > 0 {
			line = fmt.Sprint(e.Line)
		}
		row := []string{fmt.Sprint(k + 1), line, e.Code}
		for _, ti := range cols {
			text := ""
			if ti == e.Thread {
				text = opText(e)
			}
			row = append(row, text)
		}
		return append(row, state, notes[k])
	}

	var h strings.Builder
	h.WriteString(tableStyle)
	fmt.Fprintf(&h, "<p><b>Interleaving:</b> %s</p>\n", html.EscapeString(summary))
	openTable(&h, "threadlab-trace", header)
	var table [][]string
	si := 0
	for _, r := range rows {
		if r.index < 0 {
			gap := fmt.Sprintf("… %d steps not shown …", r.gap)
			fmt.Fprintf(&h, `<tr class="gap"><td colspan="%d" style="%s">%s</td></tr>`+"\n", len(header), gapCSS, gap)
			table = append(table, []string{gap})
			continue
		}
		row := cells(r.index, states[si])
		si++
		style, prose, class := cellCSS, proseCSS, ""
		if lostWrite[r.index] {
			style, prose, class = cellCSS+lostCSS, proseCSS+lostCSS, ` class="lost"`
		}
		switch v.event(r.index).Kind {
		case runtime.OpWait:
			class = ` class="wait"`
		case runtime.OpNotify:
			class = ` class="notify"`
		}
		fmt.Fprintf(&h, "<tr%s>", class)
		for i, c := range row {
			if i == len(row)-1 {
				tableCell(&h, prose, c)
			} else {
				tableCell(&h, style, c)
			}
		}
		h.WriteString("</tr>\n")
		if lostWrite[r.index] {
			row[len(row)-1] = "<< " + row[len(row)-1]
		}
		table = append(table, row)
	}
	h.WriteString("</tbody></table>")
	text := "Interleaving: " + summary + "\n" + textTable(header, table)
	return map[string]any{"text/plain": text, "text/html": h.String()}
}

// exploreBundle renders what lab.explore found: a headline, notes on
// what the counts mean and what the search covered, the table of
// outcomes, and the counterexample.
func exploreBundle(v *exploreValue) map[string]any {
	rep := v.rep
	outcomes := sortedOutcomes(rep)
	most := 1
	verdicts := false
	for _, o := range outcomes {
		most = max(most, o.Count)
		verdicts = verdicts || o.Verdict != runtime.NoVerdict
	}
	head := fmt.Sprintf("Explored %d %s in %s (%s)", rep.Schedules, plural(rep.Schedules, rep.Counts), rep.Elapsed.Round(time.Millisecond), rep.Reduction)
	switch {
	case rep.Pruned > 0:
		head += fmt.Sprintf("; %d more %s ended early, blocked by their sleep sets, as they could only repeat traces already run", rep.Pruned, plural(rep.Pruned, "runs"))
	case rep.Counts == "traces":
		head += "; no run ended early as a repeat (sleep-set blocked)"
	}
	head += fmt.Sprintf(". %d distinct %s, %d %s.", len(observed(outcomes)), plural(len(observed(outcomes)), "outcomes"), rep.Deadlocks, plural(rep.Deadlocks, "deadlocks"))

	var notes []string
	switch rep.Counts {
	case "traces":
		notes = append(notes, "Each count is a number of traces: classes of interleavings that differ only in the order of independent steps. It is not a probability: on a real machine one trace can be far likelier than another.")
	case "interleavings":
		notes = append(notes, "Each count is a number of interleavings, not a probability.")
	case "random runs":
		notes = append(notes, "Each count is a number of random runs. Outcomes that no run met may still happen.")
	case "runs":
		notes = append(notes, "One run, of the schedule you wrote: other schedules may give other outcomes.")
	}
	if v.naive >= 0 {
		if v.naiveComplete {
			notes = append(notes, fmt.Sprintf("Without the reduction the search runs %d interleavings.", v.naive))
		} else {
			notes = append(notes, fmt.Sprintf("Without the reduction the search ran %d interleavings in %s and was still going.", v.naive, v.naiveTook.Round(time.Millisecond)))
		}
	}
	if rep.Bounded && rep.Counts == "interleavings" {
		notes = append(notes, "The search was bounded: "+rep.Reduction+". Schedules with more preemptions were not tried and may give other outcomes.")
	}
	if !rep.Complete && rep.StoppedBy != "" {
		notes = append(notes, fmt.Sprintf("The search stopped at the %s after %d %s, so it is not complete: other outcomes may exist.", rep.StoppedBy, rep.Schedules, plural(rep.Schedules, rep.Counts)))
	}
	if rep.IgnoresTime {
		notes = append(notes, "This program sleeps. Exploration ignores time: a sleep is only a point where another thread may run, so schedules that real timing makes unlikely (or rules out) are counted too.")
	}

	header := []string{"outcome", rep.Counts, "", "fewest preemptions"}
	if verdicts {
		header = []string{"outcome", "verdict", rep.Counts, "", "fewest preemptions", "description"}
	}
	var h strings.Builder
	h.WriteString(tableStyle)
	fmt.Fprintf(&h, "<p><b>%s</b></p>\n", html.EscapeString(head))
	for _, n := range notes {
		fmt.Fprintf(&h, "<p>%s</p>\n", html.EscapeString(n))
	}
	openTable(&h, "threadlab-explore", header)
	var rows [][]string
	for _, o := range outcomes {
		bar := int(math.Round(160 * float64(o.Count) / float64(most)))
		pre := "-"
		if o.Preemptions >= 0 {
			pre = fmt.Sprint(o.Preemptions)
		}
		cells := []string{o.Key, fmt.Sprint(o.Count), strings.Repeat("#", bar/8), pre}
		if verdicts {
			cells = []string{o.Key, o.Verdict.String(), fmt.Sprint(o.Count), strings.Repeat("#", bar/8), pre, o.Description}
		}
		rows = append(rows, cells)
		fmt.Fprintf(&h, `<tr class="verdict-%s">`, o.Verdict)
		for i, c := range cells {
			if header[i] == "" {
				fmt.Fprintf(&h, `<td class="bar" style="%s"><span style="width:%dpx"></span></td>`, cellCSS, bar)
				continue
			}
			tableCell(&h, cellCSS, c)
		}
		h.WriteString("</tr>\n")
	}
	h.WriteString("</tbody></table>\n")
	text := head + "\n" + strings.Join(notes, "\n") + "\n" + textTable(header, rows)
	if rep.Replay && len(rep.Outcomes) > 0 && rep.Outcomes[0].Example != nil && rep.Counterexample == nil {
		intro := "The schedule's run:"
		tb := traceBundle(rep.Outcomes[0].Example)
		fmt.Fprintf(&h, "<p><b>%s</b></p>\n%s", intro, tb["text/html"])
		text += "\n" + intro + "\n" + tb["text/plain"].(string)
	}
	if ce := rep.Counterexample; ce != nil && ce.Example != nil {
		what := "outcome " + ce.Key
		if ce.Deadlock {
			what = "a deadlock"
		}
		if ce.Verdict == runtime.Forbidden {
			what = "the forbidden " + what
		}
		intro := fmt.Sprintf("Counterexample: %s, reached with %d %s (the fewest):", what, ce.Preemptions, plural(ce.Preemptions, "preemptions"))
		tb := traceBundle(ce.Example)
		fmt.Fprintf(&h, "<p><b>%s</b></p>\n%s", html.EscapeString(intro), tb["text/html"])
		text += "\n" + intro + "\n" + tb["text/plain"].(string)
		if ce.Stuck != nil {
			db := deadlockBundle(ce.Stuck)
			end := "It ends with these threads blocked:"
			fmt.Fprintf(&h, "<p>%s</p>\n%s", html.EscapeString(end), db["text/html"])
			text += "\n" + end + "\n" + db["text/plain"].(string)
		}
	}
	return map[string]any{"text/plain": text, "text/html": h.String()}
}

// observed keeps the outcomes that came at least once.
func observed(os []*runtime.Outcome) []*runtime.Outcome {
	var out []*runtime.Outcome
	for _, o := range os {
		if o.Count > 0 {
			out = append(out, o)
		}
	}
	return out
}

// plural turns a plural noun ("traces", "runs") singular for 1.
func plural(n int, noun string) string {
	if n == 1 {
		if i := strings.LastIndexByte(noun, ' '); i >= 0 {
			return noun[:i+1] + strings.TrimSuffix(noun[i+1:], "s")
		}
		return strings.TrimSuffix(noun, "s")
	}
	return noun
}
