package lessons

import (
	"fmt"
	"html"
	"strings"

	"threadlab/runtime"
)

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
