package lessons

import (
	"fmt"
	"html"
	"strings"

	"threadlab/runtime"
)

// deadlockTraceBundle renders a deadlock that a cell ran into: the
// report, then the interleaving that led there (the steps of tr, the
// trace of the cell), so that a learner sees which thread took which
// lock before they all got stuck.
func deadlockTraceBundle(dl *runtime.DeadlockError, tr *runtime.Trace) map[string]any {
	b := deadlockBundle(dl)
	if tr == nil || len(newTraceView(tr).index) == 0 {
		return b
	}
	tb := traceBundle(tr)
	intro := "How the threads got there:"
	b["text/plain"] = b["text/plain"].(string) + "\n" + intro + "\n" + tb["text/plain"].(string)
	b["text/html"] = b["text/html"].(string) + fmt.Sprintf("\n<p>%s</p>\n", html.EscapeString(intro)) + tb["text/html"].(string)
	return b
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
