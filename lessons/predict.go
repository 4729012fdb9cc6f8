package lessons

import (
	"fmt"
	"strings"

	"threadlab/runtime"
)

// lab.trace(predict=True) is the interleaving table with the state after
// each step hidden until the learner reveals it, row by row, as OSTEP's
// simulators do without -c. Where scripts do not run, the table shows
// everything.

func predictBundle(tr *runtime.Trace) map[string]any {
	b := traceBundle(tr)
	if len(newTraceView(tr).index) == 0 {
		return b
	}
	id := widgetID("predict")
	var h strings.Builder
	fmt.Fprintf(&h, `<div class="threadlab-predict" id="%s">`, id)
	h.WriteString(b["text/html"].(string))
	fmt.Fprintf(&h, "<script>\n(function(){var ID=%q;\n%s\n})();\n</script></div>", id, predictScript)
	b["text/html"] = h.String()
	return b
}

// predictScript hides the "state after" and "note" cells of the table
// inside the element with id ID (and the lost-update highlight, which
// would give the answer away) until the learner reveals each row.
const predictScript = `
var root = null, cs = document.currentScript;
if (cs && cs.parentNode && cs.parentNode.id === ID) root = cs.parentNode;
if (!root) root = document.getElementById(ID);
if (!root || root.getAttribute('data-live')) return;
var table = root.querySelector('table.threadlab-trace');
if (!table) return;
root.setAttribute('data-live', 'yes');
var heads = table.querySelectorAll('thead th'), hide = [];
for (var i = 0; i < heads.length; i++) {
  var t = heads[i].textContent;
  if (t === 'state after' || t === 'note') hide.push(i);
}
var rows = [], body = table.querySelectorAll('tbody tr');
for (var r = 0; r < body.length; r++) {
  var tr = body[r];
  if (tr.classList.contains('gap')) continue;
  var cells = tr.children, saved = [];
  for (var c = 0; c < cells.length; c++) {
    var cell = cells[c];
    saved.push([cell.textContent, cell.style.backgroundColor]);
    cell.style.backgroundColor = '';
    if (hide.indexOf(c) >= 0) {
      cell.textContent = heads[c].textContent === 'state after' ? '?' : '';
      cell.classList.add('tl-hidden');
    }
  }
  tr.setAttribute('data-hidden', 'yes');
  rows.push({tr: tr, saved: saved});
}
var shown = 0;
function reveal(k) {
  var row = rows[k];
  if (!row || row.tr.getAttribute('data-hidden') !== 'yes') return;
  var cells = row.tr.children;
  for (var c = 0; c < cells.length; c++) {
    cells[c].style.backgroundColor = row.saved[c][1];
    if (hide.indexOf(c) >= 0) {
      cells[c].textContent = row.saved[c][0];
      cells[c].classList.remove('tl-hidden');
    }
  }
  row.tr.removeAttribute('data-hidden');
}
function update() {
  while (shown < rows.length && rows[shown].tr.getAttribute('data-hidden') !== 'yes') shown++;
  next.disabled = all.disabled = shown >= rows.length;
  count.textContent = shown >= rows.length ? ' Every row is revealed.' :
    ' Predict the state after step ' + rows[shown].saved[0][0] + ', then reveal it.';
}
var bar = document.createElement('div');
bar.className = 'tl-bar';
bar.style.margin = '4px 0';
var next = document.createElement('button'), all = document.createElement('button'), count = document.createElement('span');
next.type = all.type = 'button';
next.className = 'tl-reveal-next';
all.className = 'tl-reveal-all';
next.textContent = 'Reveal next row';
all.textContent = 'Reveal all';
next.style.marginRight = all.style.marginRight = '6px';
next.addEventListener('click', function () { reveal(shown); update(); });
all.addEventListener('click', function () { for (var k = 0; k < rows.length; k++) reveal(k); update(); });
rows.forEach(function (row, k) {
  row.tr.addEventListener('click', function () { reveal(k); update(); });
});
bar.appendChild(next);
bar.appendChild(all);
bar.appendChild(count);
table.parentNode.insertBefore(bar, table);
update();
`
