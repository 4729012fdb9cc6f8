package lessons

import (
	"encoding/json"
	"fmt"
	"html"
	"strings"

	"github.com/google/uuid"
)

// The stepper's display. text/html holds a static part that reads without
// scripts (the outcomes, and the interleaving of one schedule that reaches
// the goal), then a script that hides it and draws the interactive
// stepper in its place from the embedded data. Where scripts do not run
// (untrusted output in JupyterLab, sanitized HTML) the static part is what
// the learner sees; it uses inline styles only, which sanitizers keep.

// widgetID is unique within a page, even across kernels and reloads: a
// random UUID needs no counter shared by every session.
func widgetID(kind string) string {
	return "threadlab-" + kind + "-" + uuid.NewString()
}

func stepperBundle(d *stepData) map[string]any {
	id := widgetID("stepper")
	head := fmt.Sprintf("Stepper: %d threads (%s), %d schedules.", len(d.Threads), strings.Join(d.Threads, ", "), d.Schedules)
	goal := ""
	if d.Goal != "" {
		goal = fmt.Sprintf("Goal: %s. %d of the %d schedules reach it.", d.Goal, d.GoalSchedules, d.Schedules)
		if d.GoalSchedules == 0 {
			goal = fmt.Sprintf("Goal: %s. No schedule reaches it.", d.Goal)
		}
	}
	header := []string{"outcome", "schedules", "one schedule (fewest switches)"}
	var rows [][]string
	for _, o := range d.Outcomes {
		key := o.Key
		if o.Goal {
			key += " (goal)"
		}
		rows = append(rows, []string{key, fmt.Sprint(o.Count), strings.Join(o.Schedule, " ")})
	}
	exampleIntro := "One schedule, step by step:"
	if d.GoalSchedules > 0 {
		exampleIntro = "A schedule that reaches the goal, with the fewest switches (" + strings.Join(d.Example, " ") + "):"
	}
	exHeader := []string{"step", "thread", "what it does", "state after"}

	var h strings.Builder
	h.WriteString(tableStyle)
	h.WriteString(stepperStyle)
	fmt.Fprintf(&h, `<div class="threadlab-stepper" id="%s">`, id)
	h.WriteString(`<div class="tl-static">`)
	fmt.Fprintf(&h, "<p><b>%s</b> %s</p>\n", html.EscapeString(head), html.EscapeString(goal))
	h.WriteString(`<p style="` + proseCSS + `"><i>The interactive stepper did not start here (scripts only run in trusted output: trust the notebook, or run the cell). What it would let you click through:</i></p>` + "\n")
	openTable(&h, "threadlab-explore", header)
	for _, r := range rows {
		h.WriteString("<tr>")
		for _, c := range r {
			tableCell(&h, cellCSS, c)
		}
		h.WriteString("</tr>\n")
	}
	h.WriteString("</tbody></table>\n")
	fmt.Fprintf(&h, "<p>%s</p>\n", html.EscapeString(exampleIntro))
	openTable(&h, "threadlab-trace", exHeader)
	for _, r := range d.ExampleRows {
		h.WriteString("<tr>")
		if r[0] == "" {
			fmt.Fprintf(&h, `<td colspan="4" style="%s">%s</td>`, proseCSS, html.EscapeString(r[2]))
		} else {
			for _, c := range r {
				tableCell(&h, cellCSS, c)
			}
		}
		h.WriteString("</tr>\n")
	}
	h.WriteString("</tbody></table></div>\n")
	data, err := json.Marshal(d) // escapes <, > and &, so it cannot end the script
	if err != nil {
		data = []byte("null")
	}
	fmt.Fprintf(&h, "<script>\n(function(){var ID=%q;var D=%s;\n%s\n})();\n</script></div>", id, data, stepperScript)

	var text strings.Builder
	text.WriteString(head + "\n")
	if goal != "" {
		text.WriteString(goal + "\n")
	}
	text.WriteString(textTable(header, rows))
	text.WriteString(exampleIntro + "\n")
	var ex [][]string
	for _, r := range d.ExampleRows {
		if r[0] == "" {
			ex = append(ex, []string{r[2]})
		} else {
			ex = append(ex, r)
		}
	}
	text.WriteString(textTable(exHeader, ex))
	return map[string]any{"text/plain": text.String(), "text/html": h.String()}
}

// stepperStyle is scoped by class; it matters only where the script runs
// (sanitizers drop it together with the script).
const stepperStyle = `<style>
.threadlab-stepper .tl-bar {margin: 4px 0}
.threadlab-stepper .tl-bar button, .threadlab-stepper .tl-thread button {margin-right: 6px; padding: 2px 10px; cursor: pointer}
.threadlab-stepper .tl-board {display: flex; flex-wrap: wrap; gap: 10px; align-items: flex-start}
.threadlab-stepper .tl-thread, .threadlab-stepper .tl-state {border: 1px solid rgba(128,128,128,0.45); border-radius: 4px; padding: 6px 8px; min-width: 14em}
.threadlab-stepper .tl-name {font-weight: bold; margin-bottom: 4px}
.threadlab-stepper .tl-code {font-family: monospace; font-size: 90%; white-space: pre; text-align: left}
.threadlab-stepper .tl-code div {padding: 1px 4px}
.threadlab-stepper .tl-code div.tl-next {background: rgba(255,190,0,0.35); outline: 1px solid rgba(200,140,0,0.7)}
.threadlab-stepper .tl-what, .threadlab-stepper .tl-local {font-size: 90%; margin: 4px 0; text-align: left}
.threadlab-stepper .tl-local {font-family: monospace; color: rgba(40,110,200,1)}
.threadlab-stepper .tl-state td {padding: 1px 8px; font-family: monospace; text-align: left; white-space: nowrap}
.threadlab-stepper .tl-message {margin: 6px 0; padding: 4px 8px; border-radius: 4px}
.threadlab-stepper .tl-message.tl-reached {background: rgba(40,170,80,0.25); font-weight: bold}
.threadlab-stepper .tl-message.tl-over {background: rgba(128,128,128,0.18)}
.threadlab-stepper .tl-log {font-family: monospace; font-size: 90%; text-align: left}
</style>`

// stepperScript draws the stepper from D, the stepData, inside the element
// with id ID. It keeps every learner action on a stack for Undo.
const stepperScript = `
var root = null, cs = document.currentScript;
if (cs && cs.parentNode && cs.parentNode.id === ID) root = cs.parentNode;
if (!root) root = document.getElementById(ID);
if (!root || root.getAttribute('data-live') || !D) return;
root.setAttribute('data-live', 'yes');
var stat = root.querySelector('.tl-static');
if (stat) stat.style.display = 'none';
var ui = document.createElement('div');
ui.className = 'tl-live';
root.appendChild(ui);
var expanded = false, hist = [];
function fresh() {
  var log = (D.nodes[0].e || []).slice();
  return {node: 0, local: {}, computed: {}, log: log};
}
var S = fresh();
function copy(s) { return JSON.parse(JSON.stringify(s)); }
function el(tag, cls, text) {
  var e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}
function take(s, i) {
  var at = D.nodes[s.node].n[i];
  if (at.c < 0) return false;
  var kid = D.nodes[at.c];
  (kid.e || []).forEach(function (x) { s.log.push(x); });
  if (at.kind === 'read') {
    s.local[i] = 'read ' + at.f + ' \u2192 ' + at.v;
    s.computed[i] = null;
  } else if (at.kind === 'write') {
    s.local[i] = null;
    s.computed[i] = null;
  }
  s.node = at.c;
  return true;
}
function pendingCompute(s, i) {
  var at = D.nodes[s.node].n[i];
  return at.st === 'ready' && at.kind === 'write' && at.x && s.local[i] && !s.computed[i];
}
function step(i) {
  var s = copy(S);
  if (expanded) {
    if (pendingCompute(s, i)) {
      var at = D.nodes[s.node].n[i];
      s.computed[i] = at.x + ' = ' + at.v;
    } else if (!take(s, i)) return;
  } else {
    var line = D.nodes[s.node].n[i].l, kind;
    for (var guard = 0; guard < 50; guard++) {
      kind = D.nodes[s.node].n[i].kind;
      if (!take(s, i)) break;
      var nx = D.nodes[s.node].n[i];
      if (kind !== 'read' || nx.st !== 'ready' || nx.l !== line || D.nodes[s.node].goal) break;
    }
  }
  hist.push(S);
  S = s;
  draw();
}
function button(text, cls, fn, disabled) {
  var b = el('button', cls, text);
  b.type = 'button';
  b.disabled = !!disabled;
  b.addEventListener('click', fn);
  return b;
}
function draw() {
  var node = D.nodes[S.node];
  ui.innerHTML = '';
  var top = el('div', 'tl-bar');
  top.appendChild(el('b', '', 'Stepper: '));
  top.appendChild(document.createTextNode(D.goal ? 'goal: ' + D.goal + '. ' : 'you choose which thread runs next. '));
  if (D.goal && D.goalSchedules === 0) top.appendChild(document.createTextNode('(No schedule reaches it.) '));
  ui.appendChild(top);
  var bar = el('div', 'tl-bar');
  bar.appendChild(button(expanded ? 'Collapse statements' : 'Expand statements', 'tl-expand', function () { expanded = !expanded; draw(); }));
  bar.appendChild(button('Undo', 'tl-undo', function () { if (hist.length) { S = hist.pop(); draw(); } }, !hist.length));
  bar.appendChild(button('Reset', 'tl-reset', function () { hist = []; S = fresh(); draw(); }, !hist.length));
  var hint = expanded ? 'Each step is one read or write of shared state, or one lock operation.' :
    'Each step runs a whole line. Expand statements to see the read, compute and write inside a line.';
  bar.appendChild(el('span', 'tl-hint', hint));
  ui.appendChild(bar);
  var board = el('div', 'tl-board');
  D.threads.forEach(function (name, i) {
    var at = node.n[i], col = el('div', 'tl-thread');
    col.setAttribute('data-thread', name);
    col.appendChild(el('div', 'tl-name', name));
    var code = el('div', 'tl-code');
    (D.code[i] || []).forEach(function (c) {
      var line = el('div', (at.st === 'ready' || at.st === 'blocked') && at.k === c.k ? 'tl-next' : '', c.l + '  ' + c.t);
      code.appendChild(line);
    });
    col.appendChild(code);
    var what;
    if (at.st === 'ready') {
      what = 'next: ' + (expanded && pendingCompute(S, i) ? 'compute ' + at.x : at.op);
    } else if (at.st === 'blocked') {
      what = 'blocked: waits for ' + at.w;
    } else if (at.st === 'failed') {
      what = 'failed: ' + at.w;
    } else if (at.st === 'ended') {
      what = 'finished';
    } else {
      what = 'not started';
    }
    col.appendChild(el('div', 'tl-what', what));
    var local = S.computed[i] || S.local[i];
    if (local) col.appendChild(el('div', 'tl-local', 'thread-local: ' + local));
    col.appendChild(button('Step ' + name, 'tl-step', function () { step(i); }, at.c < 0 && !(expanded && pendingCompute(S, i))));
    board.appendChild(col);
  });
  var state = el('div', 'tl-state');
  state.appendChild(el('div', 'tl-name', 'shared state'));
  var t = el('table');
  node.s.forEach(function (f) {
    var r = el('tr');
    r.appendChild(el('td', '', f[0]));
    r.appendChild(el('td', 'tl-value', f[1]));
    r.setAttribute('data-field', f[0]);
    t.appendChild(r);
  });
  (node.k || []).forEach(function (l) {
    var r = el('tr');
    r.appendChild(el('td', '', l[0]));
    r.appendChild(el('td', '', l[1]));
    t.appendChild(r);
  });
  state.appendChild(t);
  board.appendChild(state);
  ui.appendChild(board);
  var msg = el('div', 'tl-message');
  if (node.goal) {
    msg.className += ' tl-reached';
    msg.setAttribute('data-reached', 'yes');
    msg.textContent = 'Goal reached! ' + (node.end ? 'The schedule ended: ' + node.end + '.' : '');
  } else if (node.end) {
    msg.className += ' tl-over';
    msg.textContent = 'This schedule is over: ' + node.end + '.' + (D.goal ? ' Not the goal: Undo, or Reset and try another order.' : '');
  }
  if (msg.textContent) ui.appendChild(msg);
  var log = el('ol', 'tl-log');
  S.log.forEach(function (x) { log.appendChild(el('li', '', x)); });
  ui.appendChild(log);
}
draw();
`
