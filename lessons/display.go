package lessons

import (
	"encoding/base64"
	"fmt"
	"html"
	"math"
	"strings"
	"time"

	"go.starlark.net/starlark"

	"threadlab/runtime"
)

// Rich displays. Every bundle has text/plain, so it reads in a terminal,
// plus text/html (tables) or image/svg+xml (plots, with an <img> of the
// same SVG as text/html). Table colours are translucent so they read in
// light and dark themes; plots bring their own background.

const (
	traceHead   = 12 // rows shown from the start of a long trace
	traceTail   = 8  // and from its end
	traceAround = 2  // rows around the first lost update
	traceAll    = 40 // traces this short are shown whole
)

// tableStyle is scoped by class so it cannot restyle the notebook. It draws
// borders and spacing; what keeps a table readable is inline, below.
const tableStyle = `<style>
table.threadlab-trace th, table.threadlab-trace td, table.threadlab-deadlock th, table.threadlab-deadlock td, table.threadlab-explore th, table.threadlab-explore td {border: 1px solid rgba(128,128,128,0.45); padding: 2px 8px; vertical-align: top}
table.threadlab-explore td.bar span {display: inline-block; height: 0.8em; background: rgba(70,130,220,0.7)}
</style>`

// Inline styles, because they outrank the front ends' table rules: the
// Notebook's .rendered_html td and JupyterLab's
// :not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon td right-align cells,
// and both let cells wrap (JupyterLab also fixes the table layout, which
// breaks events mid-word). JupyterLab's sanitizer keeps these properties on
// untrusted output, where it drops the <style> element.
const (
	tableCSS = "border-collapse:collapse;table-layout:auto;margin-left:0;margin-right:0;font-family:monospace;font-size:90%"
	cellCSS  = "text-align:left;white-space:nowrap"
	proseCSS = "text-align:left;white-space:normal"
	gapCSS   = "text-align:center;white-space:nowrap;font-style:italic"
	lostCSS  = ";background-color:rgba(255,150,0,0.25)"
)

// openTable starts a table of the given class with its header row.
func openTable(h *strings.Builder, class string, header []string) {
	fmt.Fprintf(h, `<table class="%s" style="%s"><thead><tr>`, class, tableCSS)
	for _, c := range header {
		fmt.Fprintf(h, `<th style="%s">%s</th>`, cellCSS, html.EscapeString(c))
	}
	h.WriteString("</tr></thead><tbody>\n")
}

// tableCell writes one td; text is escaped, style is one of the CSS constants.
func tableCell(h *strings.Builder, style, text string) {
	fmt.Fprintf(h, `<td style="%s">%s</td>`, style, html.EscapeString(text))
}

type traceRow struct {
	index int // into Events, or -1 for a gap
	gap   int // events not shown
}

// pickRows chooses the rows of a long trace: head, the first lost update,
// tail, with gaps between.
func pickRows(n int, lost []runtime.Lost) []traceRow {
	keep := make([]bool, n)
	if n <= traceAll {
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
	v := "None"
	if x, ok := e.Value.(starlark.Value); ok {
		v = PyRepr(x)
	}
	switch e.Kind {
	case runtime.OpRead:
		return fmt.Sprintf("read %s → %s", e.Field, v)
	case runtime.OpWrite:
		return fmt.Sprintf("write %s ← %s", e.Field, v)
	default:
		return fmt.Sprintf("%s %s", e.Kind, e.Field)
	}
}

// traceNotes explains the rows of lost updates.
func traceNotes(tr *runtime.Trace, lost []runtime.Lost) map[int]string {
	notes := map[int]string{}
	threads := tr.Threads()
	for _, l := range lost {
		r, o, w := tr.Event(l.Read), tr.Event(l.Overwritten), tr.Event(l.Write)
		who, other := threads[w.Thread], threads[o.Thread]
		notes[l.Write] = fmt.Sprintf("lost update: %s writes a value computed from what it read at step %d, wiping out %s's write at step %d",
			who, r.Seq, other, o.Seq)
		if _, ok := notes[l.Read]; !ok {
			notes[l.Read] = fmt.Sprintf("%s reads %s; it will write it back at step %d", who, r.Field, w.Seq)
		}
		if _, ok := notes[l.Overwritten]; !ok {
			notes[l.Overwritten] = fmt.Sprintf("this write is lost at step %d", w.Seq)
		}
	}
	return notes
}

// traceBundle renders an interleaving table.
func traceBundle(tr *runtime.Trace) map[string]any {
	stored := tr.Stored()
	if stored == 0 {
		msg := "The trace is empty: no thread has read or written a lab.shared object (or used a lock) yet."
		return map[string]any{"text/plain": msg, "text/html": "<p>" + msg + "</p>"}
	}
	lost := tr.LostUpdates()
	rows := pickRows(stored, lost)
	var idx []int
	for _, r := range rows {
		if r.index >= 0 {
			idx = append(idx, r.index)
		}
	}
	states := tr.StatesAfter(idx)
	notes := traceNotes(tr, lost)
	threads := tr.Threads()
	cols := tr.Columns()
	lostWrite := map[int]bool{}
	for _, l := range lost {
		lostWrite[l.Write] = true
	}

	summary := fmt.Sprintf("%d events by %d threads", tr.Len(), len(threads))
	switch len(lost) {
	case 0:
	case 1:
		summary += "; 1 lost update (highlighted)"
	default:
		summary += fmt.Sprintf("; %d lost updates (the first is highlighted)", len(lost))
	}
	if tr.Truncated() {
		summary += fmt.Sprintf("; only the first %d events were kept", stored)
	}

	// HTML.
	var h strings.Builder
	h.WriteString(tableStyle)
	fmt.Fprintf(&h, "<p><b>Interleaving:</b> %s</p>\n", html.EscapeString(summary))
	header := []string{"step", "line"}
	for _, ti := range cols {
		header = append(header, threads[ti])
	}
	header = append(header, "state after", "note")
	openTable(&h, "threadlab-trace", header)
	si := 0
	for _, r := range rows {
		if r.index < 0 {
			fmt.Fprintf(&h, `<tr class="gap"><td colspan="%d" style="%s">… %d events not shown …</td></tr>`+"\n", len(header), gapCSS, r.gap)
			continue
		}
		e := tr.Event(r.index)
		style, prose, class := cellCSS, proseCSS, ""
		if lostWrite[r.index] {
			style, prose, class = cellCSS+lostCSS, proseCSS+lostCSS, ` class="lost"`
		}
		fmt.Fprintf(&h, "<tr%s>", class)
		tableCell(&h, style, fmt.Sprint(e.Seq))
		tableCell(&h, style, fmt.Sprint(e.Line))
		for _, ti := range cols {
			text := ""
			if ti == e.Thread {
				text = opText(e)
			}
			tableCell(&h, style, text)
		}
		tableCell(&h, style, states[si])
		tableCell(&h, prose, notes[r.index])
		h.WriteString("</tr>\n")
		si++
	}
	h.WriteString("</tbody></table>")

	// Plain text.
	var table [][]string
	si = 0
	for _, r := range rows {
		if r.index < 0 {
			table = append(table, []string{fmt.Sprintf("… %d events not shown …", r.gap)})
			continue
		}
		e := tr.Event(r.index)
		row := []string{fmt.Sprint(e.Seq), fmt.Sprint(e.Line)}
		for _, ti := range cols {
			if ti == e.Thread {
				row = append(row, opText(e))
			} else {
				row = append(row, "")
			}
		}
		note := notes[r.index]
		if lostWrite[r.index] {
			note = "<< " + note
		}
		row = append(row, states[si], note)
		si++
		table = append(table, row)
	}
	text := "Interleaving: " + summary + "\n" + textTable(header, table)
	return map[string]any{"text/plain": text, "text/html": h.String()}
}

// textTable lays rows out in columns; a row of one cell spans the table.
func textTable(header []string, rows [][]string) string {
	width := make([]int, len(header))
	for i, h := range header {
		width[i] = len([]rune(h))
	}
	for _, r := range rows {
		if len(r) == 1 {
			continue
		}
		for i, c := range r {
			width[i] = max(width[i], len([]rune(c)))
		}
	}
	line := func(cells []string) string {
		var b strings.Builder
		for i, c := range cells {
			if i > 0 {
				b.WriteString(" | ")
			}
			b.WriteString(c)
			if i < len(cells)-1 {
				b.WriteString(strings.Repeat(" ", width[i]-len([]rune(c))))
			}
		}
		return strings.TrimRight(b.String(), " ")
	}
	var b strings.Builder
	b.WriteString(line(header) + "\n")
	total := 0
	for _, w := range width {
		total += w + 3
	}
	b.WriteString(strings.Repeat("-", total-3) + "\n")
	for _, r := range rows {
		if len(r) == 1 {
			b.WriteString("  " + r[0] + "\n")
			continue
		}
		b.WriteString(line(r) + "\n")
	}
	return b.String()
}

// deadlockBundle renders a deadlock report.
func deadlockBundle(dl *runtime.DeadlockError) map[string]any {
	header := []string{"thread", "holds", "waits for", "line"}
	var rows [][]string
	for _, r := range dl.Rows {
		holds := "nothing"
		if len(r.Holds) > 0 {
			holds = strings.Join(r.Holds, ", ")
		}
		line := ""
		if r.Line > 0 {
			line = fmt.Sprint(r.Line)
		}
		rows = append(rows, []string{r.Thread, holds, r.WaitsFor, line})
	}
	intro := "Deadlock: each of these threads waits for something another one holds, so none of them can ever go on."
	var h strings.Builder
	h.WriteString(tableStyle)
	fmt.Fprintf(&h, "<p><b>%s</b></p>\n", html.EscapeString(intro))
	openTable(&h, "threadlab-deadlock", header)
	for _, r := range rows {
		h.WriteString("<tr>")
		for _, c := range r {
			tableCell(&h, cellCSS, c)
		}
		h.WriteString("</tr>\n")
	}
	h.WriteString("</tbody></table>")
	return map[string]any{"text/plain": intro + "\n" + textTable(header, rows), "text/html": h.String()}
}

// exploreBundle renders what lab.explore found: a headline, notes on
// what the counts mean and what the search covered, the table of
// outcomes, and the counterexample.
func exploreBundle(v exploreValue) map[string]any {
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

// Plot colours. The plot carries its own opaque background: JupyterLab
// draws image/svg+xml as an <img>, which no page CSS or theme reaches, so a
// transparent plot would vanish in a dark theme. Text is plotInk on
// plotPaper (contrast about 15:1, well over WCAG's 4.5:1).
const (
	plotPaper   = "#ffffff"
	plotInk     = "#222222"
	plotGrid    = "#d0d0d0"
	plotKernel  = "#1f5fbf" // the kernel process
	plotMachine = "#222222" // every core summed
	plotLimit   = "#1b7a6e" // every core busy
)

// cpuBundle renders the CPU plot: the kernel's CPU use, each core's and the
// whole machine's over time, sampled every interval. headline is empty
// while sampling goes on. The y-axis is fixed at cores×100% so that plots
// compare by eye.
func cpuBundle(samples []runtime.CPUSample, cores float64, span, every time.Duration, headline string) map[string]any {
	const W, H = 640, 300
	const left, right, top, bottom = 64, 150, 30, 48
	pw, ph := float64(W-left-right), float64(H-top-bottom)
	ymax := 100 * cores
	tmax := span.Seconds()
	x := func(t float64) float64 { return left + pw*math.Min(t, tmax)/tmax }
	y := func(v float64) float64 { return top + ph*(1-math.Max(0, math.Min(v, ymax))/ymax) }

	// The first eight cores get a line each.
	corePalette := [...]string{"#d1495b", "#8f5fd7", "#e08a00", "#0096c7", "#c2188b", "#5a8f00", "#b3541e", "#2f8f5b"}

	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="threadlab-cpu" xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`, W, H, W, H)
	fmt.Fprintf(&b, `<rect class="paper" x="0" y="0" width="%d" height="%d" fill="%s"/>`, W, H, plotPaper)
	title := "CPU use while your threads run"
	if headline != "" {
		title = "CPU use: " + headline
	}
	fmt.Fprintf(&b, `<text x="%d" y="18" fill="%s" font-weight="bold">%s</text>`, left, plotInk, html.EscapeString(title))
	// Grid: every 100% (200% past eight cores), and the top of the axis.
	step := 100.0
	if cores > 8 {
		step = 200
	}
	for v := 0.0; v <= ymax+1e-9; v += step {
		gridLine(&b, left, y(v), x(tmax))
		fmt.Fprintf(&b, `<text x="%d" y="%.1f" fill="%s" text-anchor="end">%.0f%%</text>`, left-6, y(v)+4, plotInk, v)
	}
	if r := math.Mod(ymax, step); r > 1e-9 {
		gridLine(&b, left, y(ymax), x(tmax))
		fmt.Fprintf(&b, `<text x="%d" y="%.1f" fill="%s" text-anchor="end">%.0f%%</text>`, left-6, y(ymax)+4, plotInk, ymax)
	}
	fmt.Fprintf(&b, `<g stroke="%s" stroke-width="1"><line x1="%d" y1="%d" x2="%d" y2="%.1f"/><line x1="%d" y1="%.1f" x2="%.1f" y2="%.1f"/></g>`,
		plotInk, left, top, left, y(0), left, y(0), x(tmax), y(0))
	tstep := math.Max(0.5, math.Ceil(tmax/6*2)/2)
	for t := 0.0; t <= tmax+1e-9; t += tstep {
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" fill="%s" text-anchor="middle">%g</text>`, x(t), y(0)+16, plotInk, t)
	}
	fmt.Fprintf(&b, `<text x="%.1f" y="%d" fill="%s" text-anchor="middle">time (seconds), sampled every %s</text>`, left+pw/2, H-8, plotInk, every.Round(time.Millisecond))
	fmt.Fprintf(&b, `<text x="14" y="%.1f" fill="%s" text-anchor="middle" transform="rotate(-90 14 %.1f)">CPU (100%% = one core busy)</text>`, top+ph/2, plotInk, top+ph/2)
	// Every core busy: the top of the axis.
	fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-dasharray="6 4"/>`, left, y(ymax), x(tmax), y(ymax), plotLimit)

	ncores := 0
	if len(samples) > 0 {
		ncores = len(samples[0].PerCore)
	}
	line := func(class, colour string, width float64, val func(s runtime.CPUSample) float64) {
		if len(samples) == 0 {
			return
		}
		pts := []string{fmt.Sprintf("%.1f,%.1f", x(0), y(val(samples[0])))}
		for _, s := range samples {
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(s.At.Seconds()), y(val(s))))
		}
		fmt.Fprintf(&b, `<polyline class="%s" fill="none" stroke="%s" stroke-width="%g" points="%s"/>`, class, colour, width, strings.Join(pts, " "))
	}
	for c := 0; c < ncores && c < len(corePalette); c++ {
		line("core", corePalette[c], 1.2, func(s runtime.CPUSample) float64 {
			if c < len(s.PerCore) {
				return s.PerCore[c]
			}
			return 0
		})
	}
	line("machine", plotMachine, 1.5, func(s runtime.CPUSample) float64 {
		sum := 0.0
		for _, p := range s.PerCore {
			sum += p
		}
		return sum
	})
	line("kernel", plotKernel, 3, func(s runtime.CPUSample) float64 { return s.Process })

	// Legend: one entry per kind of line, then the cores.
	lx := float64(W - right + 14)
	entry := func(row int, colour string, width float64, dash, label string) {
		yy := top + 8 + 18*row
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s" stroke-width="%g"%s/><text x="%.1f" y="%d" fill="%s">%s</text>`,
			lx, yy, lx+18, yy, colour, width, dash, lx+24, yy+4, plotInk, html.EscapeString(label))
	}
	entry(0, plotKernel, 3, "", "threadlab kernel")
	entry(1, plotMachine, 1.5, "", "whole machine")
	entry(2, plotLimit, 1, ` stroke-dasharray="6 4"`, "all "+coresText(cores))
	if ncores > 0 {
		label := "each core:"
		if ncores > len(corePalette) {
			label = fmt.Sprintf("each core (%d of %d):", len(corePalette), ncores)
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" fill="%s">%s</text>`, lx, top+8+18*3+4, plotInk, label)
	}
	for c := 0; c < ncores && c < len(corePalette); c++ {
		entry(4+c, corePalette[c], 1.2, "", fmt.Sprintf("core %d", c))
	}
	b.WriteString("</svg>")

	text := fmt.Sprintf("CPU use: sampling for %.1f seconds, every %s...", span.Seconds(), every.Round(time.Millisecond))
	if len(samples) > 0 {
		last := samples[len(samples)-1]
		text = fmt.Sprintf("CPU use at %.1fs: kernel %.0f%% (100%% = one core); cores %s", last.At.Seconds(), last.Process, percents(last.PerCore))
	}
	if headline != "" {
		text = "CPU use: " + headline
	}
	// text/html carries the same SVG as an <img>: every front end ranks
	// text/html first, nbconvert's HTML export mangles inline SVG, and
	// JupyterLab's sanitizer keeps an image (where it would drop an
	// untrusted inline SVG).
	svg := b.String()
	img := fmt.Sprintf(`<img class="threadlab-cpu" width="%d" height="%d" alt="%s" src="data:image/svg+xml;base64,%s">`,
		W, H, html.EscapeString(text), base64.StdEncoding.EncodeToString([]byte(svg)))
	return map[string]any{"text/plain": text, "image/svg+xml": svg, "text/html": img}
}

// gridLine draws one horizontal grid line at height y from x1 to x2.
func gridLine(b *strings.Builder, x1 int, y, x2 float64) {
	fmt.Fprintf(b, `<line x1="%d" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s"/>`, x1, y, x2, y, plotGrid)
}

func percents(ps []float64) string {
	var out []string
	for _, p := range ps {
		out = append(out, fmt.Sprintf("%.0f%%", p))
	}
	return strings.Join(out, " ")
}
