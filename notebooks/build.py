#!/usr/bin/env python3
"""Write the lesson notebooks (00-index.ipynb, 01-threads.ipynb, ...).

The text of lessons 0 to 5 lives in notebooks/lessons_text.py, each later
lesson's in a module of its own (MODULES); this script only
turns it into nbformat 4 JSON, stored without outputs, with stable cell ids so
that rebuilding gives the same bytes.

    python3 notebooks/build.py          # rewrite the notebooks
    python3 notebooks/build.py --check  # exit 1 when a notebook is stale

Numbers quoted in prose are written as {{name}} in lessons_text.py and filled
from VALUES there. Each such markdown cell records, in its metadata, where the
number comes from (the tag of the code cell whose seeded output shows it, and
a pattern that finds it there); notebooks/tests/test_notebooks.py checks the
executed output against the prose.

The Chinese course (zh/) is written from the same cells: zh_text.py swaps in
the Chinese prose and code comments of each translated lesson and builds
its index; its claims are the English ones, checked the same way by
tests/test_notebooks_zh.py.
"""
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import lessons_text  # noqa: E402
import lessons_classics  # noqa: E402
import lessons_coordination  # noqa: E402
import lessons_free_threading  # noqa: E402
import lessons_queues  # noqa: E402
import lessons_results  # noqa: E402
import zh_text  # noqa: E402

# Lessons with a module of their own (FILENAME, CELLS, CLAIMS, VALUES), in order.
MODULES = [lessons_coordination, lessons_queues, lessons_results, lessons_free_threading,
           lessons_classics]

PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


def english_lessons():
    """(filename, cells, claims, values) of every English notebook, in order."""
    for filename, cells in lessons_text.LESSONS:
        yield filename, cells, lessons_text.CLAIMS, lessons_text.VALUES
    for module in MODULES:
        yield module.FILENAME, module.CELLS, module.CLAIMS, module.VALUES


def lessons():
    """(path, cell id prefix, cells, claims, values) of every notebook: the
    English ones, the index with a link to the Chinese course, then the
    Chinese ones (zh/, the same code cells; see zh_text.py)."""
    english = {}
    for filename, cells, claims, values in english_lessons():
        english[filename] = (cells, claims, values)
        if filename == "00-index.ipynb":
            cells = zh_text.with_switch(cells)
        yield filename, filename.split("-")[0], cells, claims, values
    for filename, cells, claims, values in zh_text.lessons(english):
        yield "zh/" + filename, "zh-" + filename.split("-")[0], cells, claims, values


def render(lesson_id, cells, claims_of=lessons_text.CLAIMS, values=lessons_text.VALUES):
    out = []
    for index, cell in enumerate(cells):
        kind, text, options = cell
        cell_id = "%s-%02d" % (lesson_id, index)
        source = text.strip("\n") + ("" if text.endswith("\n\n") else "")
        meta = {}
        if kind == "markdown":
            claims = []
            for name in PLACEHOLDER.findall(source):
                if name not in values:
                    raise SystemExit("%s: no value for {{%s}}" % (cell_id, name))
                spec = dict(claims_of[name])
                spec["name"] = name
                spec["value"] = str(values[name])
                claims.append(spec)
            source = PLACEHOLDER.sub(lambda m: str(values[m.group(1)]), source)
            if claims:
                meta.setdefault("threadlab", {})["claims"] = claims
            rows = [{"tag": t, "step": n, "thread": who, "text": what}
                    for t, n, who, what in options.get("rows", ())]
            if rows:
                meta.setdefault("threadlab", {})["rows"] = rows
            out.append({"cell_type": "markdown", "id": cell_id,
                        "metadata": meta, "source": source})
        else:
            tags = list(options.get("tags", ()))
            if tags:
                meta["tags"] = tags
            out.append({"cell_type": "code", "id": cell_id, "metadata": meta,
                        "execution_count": None, "outputs": [],
                        "source": source})
    for cell in out:  # nbformat stores source as a list of lines
        lines = cell["source"].splitlines(True)
        cell["source"] = lines
    return {
        "cells": out,
        "metadata": {
            "kernelspec": {"name": "threadlab", "display_name": "threadlab (Python 3.11)",
                           "language": "python"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def main(argv):
    check = "--check" in argv
    stale = []
    for filename, lesson_id, cells, claims, values in lessons():
        nb = render(lesson_id, cells, claims, values)
        text = json.dumps(nb, indent=1, ensure_ascii=False) + "\n"
        path = HERE / filename
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(filename)
        else:
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print("wrote", path.relative_to(HERE.parent))
    if stale:
        print("stale (run python3 notebooks/build.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
