"""The course in Simplified Chinese: prose only, the code comes from the
English lesson modules, so the two languages always run the same cells.

A translated lesson (a module in LESSONS) gives:
- SOURCE: the English notebook it translates;
- ENGLISH: a fingerprint of the English markdown it was translated from;
- MARKDOWN: the Chinese markdown cells, one per English markdown cell, in
  order, with the same {{placeholders}} (numbers come from the English
  VALUES and CLAIMS, so the tests check them against the same output);
- COMMENTS: the Chinese text of each English code comment.

When the English lesson's prose changes (its fingerprint no longer matches)
or a code comment has no translation, the lesson counts as untranslated
until someone updates it: the Chinese index then links to the English
notebook with a note, instead of showing stale text. Links in the prose
are written to the Chinese notebooks; a link to an untranslated lesson is
pointed at the English one, with the same note.
"""
import hashlib
import io
import json
import re
import sys
import tokenize

import zh_classics as classics
import zh_coordination as coordination
import zh_deadlock as deadlock
import zh_free_threading as free_threading
import zh_gil as gil
import zh_index as index
import zh_locks as locks
import zh_queues as queues
import zh_races as races
import zh_results as results
import zh_threads as threads

LESSONS = [threads, races, locks, deadlock, gil, coordination, queues, results, free_threading,
           classics]

# A link from one lesson to another, as the prose writes it.
LESSON_LINK = re.compile(r"\]\((\d\d-[\w-]+\.ipynb)\)")

def fingerprint(cells):
    """A short hash of a lesson's English markdown cells."""
    texts = [text for kind, text, _ in cells if kind == "markdown"]
    return hashlib.sha256(json.dumps(texts, ensure_ascii=False).encode()).hexdigest()[:16]


def comment_spans(source):
    """(start, end, text) of every comment in a code cell, by character offset."""
    lines = source.splitlines(True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    spans = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            (row, col), (erow, ecol) = token.start, token.end
            spans.append((starts[row - 1] + col, starts[erow - 1] + ecol, token.string))
    return spans


def translate_code(source, comments):
    """The cell with its comments in Chinese; None when one has no translation."""
    out, at = [], 0
    for start, end, text in comment_spans(source):
        if text not in comments:
            return None
        out.append(source[at:start])
        out.append(comments[text])
        at = end
    out.append(source[at:])
    return "".join(out)


def translate(module, cells):
    """The Chinese cells of one lesson, or None when the translation is stale."""
    if fingerprint(cells) != module.ENGLISH:
        print("zh: %s left out: its English prose changed since %s translated it (fingerprint %s)"
              % (module.SOURCE, module.__name__, fingerprint(cells)), file=sys.stderr)
        return None
    markdown = iter(module.MARKDOWN)
    out = []
    for kind, text, options in cells:
        if kind == "markdown":
            text = next(markdown, None)
            if text is None:
                print("zh: %s left out: %s has fewer markdown cells than the English lesson"
                      % (module.SOURCE, module.__name__), file=sys.stderr)
                return None
            out.append((kind, text, options))
        else:
            code = translate_code(text, module.COMMENTS)
            if code is None:
                print("zh: %s left out: a code comment has no translation in %s"
                      % (module.SOURCE, module.__name__), file=sys.stderr)
                return None
            out.append((kind, code, options))
    if next(markdown, None) is not None:
        print("zh: %s left out: %s has more markdown cells than the English lesson"
              % (module.SOURCE, module.__name__), file=sys.stderr)
        return None
    return out


def lessons(english):
    """(filename, cells, claims, values) of every Chinese notebook.

    english: {filename: (cells, claims, values)} of the English lessons, in
    course order."""
    done = {}
    for module in LESSONS:
        cells, claims, values = english[module.SOURCE]
        translated = translate(module, cells)
        if translated is not None:
            done[module.SOURCE] = (translated, claims, values)
    index_name = next(iter(english))
    cells, claims, values = english[index_name]
    yield index_name, index.cells(cells, list(english)[1:], done), claims, values
    for name, (cells, claims, values) in done.items():
        yield name, [link_to_english(cell, done) for cell in cells], claims, values


def link_to_english(cell, done):
    """The cell with its links to untranslated lessons sent to the English ones."""
    kind, text, options = cell
    if kind != "markdown":
        return cell

    def target(match):
        name = match.group(1)
        if name in done or name == "00-index.ipynb":
            return match.group(0)
        return "](../%s)%s" % (name, index.UNTRANSLATED)
    return (kind, LESSON_LINK.sub(target, text), options)


def with_switch(cells):
    """The English index with a link to the Chinese course under its title."""
    kind, text, options = cells[0]
    return [(kind, text + "\n\n" + index.SWITCH_TO_ZH, options)] + list(cells[1:])
