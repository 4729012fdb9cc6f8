"""Checks of threadlab's rich output as a browser drew it, shared by the
JupyterLab test and the classic Notebook test. Each runs JavaScript in the
page against a CSS selector for the front end's output containers, and
returns what it measured; the assertions are the caller's.

    tables(driver, root)  computed alignment and line boxes of every table cell
    plots(driver, root)   every CPU plot <img>: loaded, its SVG, its pixels
"""
import base64
import urllib.parse

# Reads every threadlab table under `root`. For each cell: the computed
# text-align, and the number of line boxes its text occupies (a wrapped
# event has two or more). The note column is prose and may wrap. A copy of
# the first table without its inline styles shows what the front end's own
# stylesheet does to a plain table, so the check is known to be able to fail.
TABLES_JS = r"""
var root = arguments[0];
var sel = ['threadlab-trace', 'threadlab-deadlock', 'threadlab-explore']
    .map(function (c) { return root + ' table.' + c; }).join(', ');
var tables = Array.prototype.slice.call(document.querySelectorAll(sel));
var out = {tables: tables.length, cells: 0, events: 0, misaligned: [], wrapped: [],
           plain: null, classes: []};
function lines(el) {
    var range = document.createRange();
    range.selectNodeContents(el);
    var tops = {};
    Array.prototype.forEach.call(range.getClientRects(), function (r) {
        if (r.width > 0) { tops[Math.round(r.top)] = true; }
    });
    return Object.keys(tops).length;
}
tables.forEach(function (t, ti) {
    out.classes.push(t.className);
    var header = Array.prototype.map.call(t.querySelectorAll('thead th'),
        function (th) { return th.textContent.trim(); });
    var noteAt = header.indexOf('note');
    // In an interleaving table, the thread columns lie between line and state after.
    var first = header.indexOf('line') + 1, last = header.indexOf('state after');
    Array.prototype.forEach.call(t.querySelectorAll('th, tbody tr:not(.gap) td'), function (td) {
        out.cells++;
        var align = getComputedStyle(td).textAlign;
        if (align !== 'left' && align !== 'start') {
            out.misaligned.push('table ' + ti + ': ' + align + ': ' + td.textContent.slice(0, 60));
        }
        if (td.cellIndex === noteAt || !td.textContent.trim()) { return; }
        if (td.tagName === 'TD' && first > 0 && td.cellIndex >= first && td.cellIndex < last) { out.events++; }
        var n = lines(td);
        if (n > 1) {
            out.wrapped.push('table ' + ti + ': ' + n + ' lines: ' + td.textContent.slice(0, 60));
        }
    });
});
if (tables.length) {
    var copy = tables[0].cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll('[style]'), function (e) { e.removeAttribute('style'); });
    copy.removeAttribute('style');
    copy.className = 'threadlab-control';
    tables[0].parentNode.appendChild(copy);
    var td = copy.querySelector('tbody td');
    out.plain = getComputedStyle(td).textAlign;
    copy.remove();
}
return out;
"""

# Every CPU plot under `root`: an <img> whose source is an SVG. Reports
# whether it loaded, its drawn size, the SVG source, and the colour of its
# top-left pixel (the plot's own background, whatever the theme).
PLOTS_JS = r"""
var imgs = Array.prototype.slice.call(document.querySelectorAll(arguments[0] + ' ' + arguments[1]));
return imgs.map(function (img) {
    var r = img.getBoundingClientRect();
    var pixel = null;
    if (img.complete && img.naturalWidth > 0) {
        var c = document.createElement('canvas');
        c.width = img.naturalWidth; c.height = img.naturalHeight;
        var g = c.getContext('2d');
        g.drawImage(img, 0, 0);
        try { pixel = Array.prototype.slice.call(g.getImageData(2, 2, 1, 1).data); }
        catch (e) { pixel = String(e); }
    }
    var holder = img.closest('[data-mime-type]');
    return {src: img.getAttribute('src'), loaded: img.complete && img.naturalWidth > 0,
            width: r.width, height: r.height, pixel: pixel,
            mime: holder ? holder.getAttribute('data-mime-type') : null};
});
"""

SVG_PREFIX = "data:image/svg+xml;base64,"  # how threadlab's text/html carries a plot
SVG_URI_PREFIX = "data:image/svg+xml,"     # how JupyterLab's SVG renderer does


def tables(driver, root):
    return driver.execute_script(TABLES_JS, root)


def plots(driver, root, img="img.threadlab-cpu"):
    found = driver.execute_script(PLOTS_JS, root, img)
    for p in found:
        src = p["src"] or ""
        if src.startswith(SVG_PREFIX):
            p["svg"] = base64.b64decode(src[len(SVG_PREFIX):]).decode()
        elif src.startswith(SVG_URI_PREFIX):
            p["svg"] = urllib.parse.unquote(src[len(SVG_URI_PREFIX):])
        else:
            p["svg"] = None
    return found


def assert_tables_readable(test, report, where):
    """The shared table assertions: at least one table with events, every cell left-aligned,
    no event broken over two lines, and the front end's own rule shown to
    right-align a plain copy (so the check can fail)."""
    test.assertGreater(report["tables"], 0, "no threadlab table in " + where)
    test.assertGreater(report["events"], 0, "no thread's event in the tables of " + where)
    test.assertEqual(report["misaligned"], [], "cells not left-aligned in " + where)
    test.assertEqual(report["wrapped"], [], "events wrapped over two lines in " + where)
    test.assertEqual(report["plain"], "right",
                     "the front end no longer right-aligns a plain table (is its stylesheet loaded?)")


def assert_plots_render(test, found, where, at_least=1):
    """Each plot is an <img> holding an SVG that loaded, with lines in it and an
    opaque background of its own."""
    test.assertGreaterEqual(len(found), at_least, "CPU plots (img.threadlab-cpu) in " + where)
    for p in found:
        test.assertTrue(p["svg"], "a CPU plot's img does not hold an SVG: %.80s" % p["src"])
        test.assertTrue(p["loaded"], "a CPU plot did not load in " + where)
        test.assertGreater(p["height"], 100, "a CPU plot is drawn too small in " + where)
        test.assertIn("<polyline", p["svg"], "a CPU plot has no lines in " + where)
        test.assertIsInstance(p["pixel"], list, "could not read a plot's pixels: %s" % p["pixel"])
        test.assertEqual(p["pixel"][3], 255, "a CPU plot's background is not opaque in " + where)
