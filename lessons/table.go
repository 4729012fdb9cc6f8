package lessons

import (
	"fmt"
	"html"
	"strings"
)

// Tables for rich displays (deadlock reports here; the trace and
// exploration tables use the same helpers). Every bundle has text/plain,
// so it reads in a terminal, plus text/html. Table colours are translucent
// so they read in light and dark themes.

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
