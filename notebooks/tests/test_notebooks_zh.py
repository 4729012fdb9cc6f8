"""The Simplified Chinese course (notebooks/zh/), tested as the English one is.

Static checks: stored without outputs, valid nbformat, the code cells are the
English lesson's cells (only comments differ), the prose is Chinese, the
links (language switches included) resolve. Executed: every Chinese notebook
runs with nbconvert on the installed kernel, and every number and table row
its prose quotes matches the seeded output, with the same claims as the
English lesson.

    /usr/bin/python3 -m unittest -v notebooks/tests/test_notebooks_zh.py
"""
import io
import os
import re
import subprocess
import sys
import time
import tokenize
import unittest

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import nbtools  # noqa: E402
from nbtools import NOTEBOOKS, HTML_DIR, BUDGET  # noqa: E402

ZH = NOTEBOOKS / "zh"
ZH_HTML = HTML_DIR / "zh"
LINK = re.compile(r"\]\(([^)#:]+\.ipynb)\)")
HAN = re.compile(r"[\u4e00-\u9fff]")


def zh_lessons():
    """The Chinese notebooks, index first, as build.py writes them."""
    import build
    return [path[len("zh/"):] for path, *_ in build.lessons() if path.startswith("zh/")]


def without_comments(source):
    """The code's tokens, comments dropped: what the interpreter sees."""
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return [(t.type, t.string) for t in tokens
            if t.type not in (tokenize.COMMENT, tokenize.NL)]


def markdown(nb):
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def code_cells(nb):
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


class StoredChineseNotebooks(unittest.TestCase):

    def setUp(self):
        self.names = zh_lessons()

    def test_index_and_at_least_one_lesson(self):
        self.assertEqual(self.names[0], "00-index.ipynb")
        self.assertIn("01-threads.ipynb", self.names)
        for name in self.names:
            self.assertTrue((ZH / name).exists(), name)
        self.assertEqual(sorted(p.name for p in ZH.glob("*.ipynb")), sorted(self.names),
                         "notebooks/zh holds a notebook build.py no longer writes")

    def test_every_lesson_is_translated(self):
        # A stale translation is left out with a note on stderr; the course
        # as committed has none.
        import build
        english = [name for name, *_ in build.english_lessons()]
        self.assertEqual(self.names, english)

    def test_stored_without_outputs_and_valid(self):
        import nbformat
        for name in self.names:
            nb = nbtools.load(ZH / name)
            self.assertEqual(nb["metadata"]["kernelspec"]["name"], "threadlab", name)
            for cell in code_cells(nb):
                self.assertEqual(cell["outputs"], [], name)
                self.assertIsNone(cell["execution_count"], name)
            nbformat.validate(nbformat.read(str(ZH / name), as_version=4))

    def test_same_code_as_english(self):
        for name in self.names:
            zh, en = nbtools.load(ZH / name), nbtools.load(NOTEBOOKS / name)
            zh_code, en_code = code_cells(zh), code_cells(en)
            self.assertEqual(len(zh_code), len(en_code), name)
            for a, b in zip(zh_code, en_code):
                self.assertEqual(without_comments("".join(a["source"])),
                                 without_comments("".join(b["source"])), name)
                self.assertEqual(a["metadata"].get("tags"), b["metadata"].get("tags"), name)

    def test_prose_and_comments_are_chinese(self):
        for name in self.names:
            nb = nbtools.load(ZH / name)
            for cell in nb["cells"]:
                if cell["cell_type"] == "markdown":
                    self.assertRegex("".join(cell["source"]), HAN, "%s %s" % (name, cell["id"]))
                    continue
                for token in tokenize.generate_tokens(io.StringIO("".join(cell["source"])).readline):
                    if token.type == tokenize.COMMENT:
                        self.assertRegex(token.string, HAN, "%s %s: %s" % (name, cell["id"], token.string))

    def test_lessons_have_the_english_shape(self):
        # The same headings in the same order: the translation leaves out no section.
        for name in self.names[1:]:
            zh = re.findall(r"(?m)^(#+) ", markdown(nbtools.load(ZH / name)))
            en = re.findall(r"(?m)^(#+) ", markdown(nbtools.load(NOTEBOOKS / name)))
            self.assertEqual(zh, en, name)
            self.assertRegex(markdown(nbtools.load(ZH / name)), r"(?m)^# 第 \d+ 课：", name)

    def test_links_resolve(self):
        for directory, names in ((ZH, self.names), (NOTEBOOKS, ["00-index.ipynb"])):
            for name in names:
                for target in LINK.findall(markdown(nbtools.load(directory / name))):
                    self.assertTrue((directory / target).resolve().exists(),
                                    "%s links to %s" % (directory / name, target))

    def test_language_switch_both_ways(self):
        self.assertIn("](zh/00-index.ipynb)", markdown(nbtools.load(NOTEBOOKS / "00-index.ipynb")))
        self.assertIn("](../00-index.ipynb)", markdown(nbtools.load(ZH / "00-index.ipynb")))

    def test_index_links_translated_lessons_here_and_the_rest_to_english(self):
        index = markdown(nbtools.load(ZH / "00-index.ipynb"))
        for name in nbtools.LESSONS[1:]:
            if name in self.names:
                self.assertIn("](%s)" % name, index)
                self.assertNotIn("](../%s)" % name, index)
            else:
                self.assertRegex(index, r"\]\(\.\./%s\)（尚未翻译" % re.escape(name))


class StaleTranslations(unittest.TestCase):
    """A lesson whose English prose changed after it was translated is left
    out, and every link to it goes to the English notebook."""

    def english(self):
        import build
        return {name: (cells, claims, values) for name, cells, claims, values in build.english_lessons()}

    def test_changed_prose_sends_readers_to_english(self):
        import zh_text
        english = self.english()
        cells, claims, values = english["06-coordination.ipynb"]
        kind, text, options = cells[0]
        english["06-coordination.ipynb"] = ([(kind, text + " (edited)", options)] + cells[1:], claims, values)
        built = {name: cells for name, cells, _, _ in zh_text.lessons(english)}
        self.assertNotIn("06-coordination.ipynb", built)
        self.assertIn("07-producer-consumer.ipynb", built)
        index = "\n".join(text for kind, text, _ in built["00-index.ipynb"] if kind == "markdown")
        self.assertIn("](../06-coordination.ipynb)（尚未翻译", index)
        self.assertIn("](07-producer-consumer.ipynb)", index)
        prereq = "\n".join(text for kind, text, _ in built["07-producer-consumer.ipynb"] if kind == "markdown")
        self.assertIn("](../06-coordination.ipynb)（尚未翻译", prereq)

    def test_untranslated_comment_leaves_the_lesson_out(self):
        import zh_text
        english = self.english()
        cells, claims, values = english["02-race-conditions.ipynb"]
        at = next(i for i, c in enumerate(cells) if c[0] == "code")
        kind, text, options = cells[at]
        changed = cells[:at] + [(kind, text + "\nbalance  # a new comment", options)] + cells[at + 1:]
        english["02-race-conditions.ipynb"] = (changed, claims, values)
        self.assertNotIn("02-race-conditions.ipynb", [name for name, *_ in zh_text.lessons(english)])

    def test_comments_are_swapped_and_code_kept(self):
        import zh_text
        source = 'x = "# not a comment"  # set x\n# alone\ny = 1\n'
        got = zh_text.translate_code(source, {"# set x": "# 设置 x", "# alone": "# 单独一行"})
        self.assertEqual(got, 'x = "# not a comment"  # 设置 x\n# 单独一行\ny = 1\n')
        self.assertIsNone(zh_text.translate_code(source, {"# set x": "# 设置 x"}))


@unittest.skipUnless(nbtools.kernelspec_installed("threadlab"),
                     "threadlab kernelspec not installed (make install)")
class ExecutedChineseNotebooks(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        ZH_HTML.mkdir(parents=True, exist_ok=True)
        cls.names, cls.runs, cls.pages = zh_lessons(), {}, {}
        print("\nexecuting the Chinese notebooks with nbconvert:", file=sys.stderr)
        for name in cls.names:
            began = time.time()
            proc = subprocess.run(
                ["/usr/bin/python3", "-m", "nbconvert", "--execute", "--to", "html",
                 "--ExecutePreprocessor.timeout=300", "--output-dir", str(ZH_HTML), str(ZH / name)],
                capture_output=True, text=True, env=nbtools.jupyter_env())
            cls.runs[name] = (time.time() - began, proc)
            print("  zh/%-23s %6.1f s  (budget %3d s)%s" % (name, cls.runs[name][0], BUDGET[name],
                  "" if proc.returncode == 0 else "  FAILED"), file=sys.stderr)

    def page(self, name):
        took, proc = self.runs[name]
        self.assertEqual(proc.returncode, 0, "zh/%s did not execute:\n%s" % (name, proc.stderr[-6000:]))
        if name not in self.pages:
            self.pages[name] = nbtools.soup(ZH_HTML / name.replace(".ipynb", ".html"))
        return self.pages[name]

    def text(self, name, tag):
        cells = nbtools.cell_by_tag(self.page(name), tag)
        self.assertTrue(cells, "zh/%s: no cell tagged %s" % (name, tag))
        return nbtools.output_text(cells[0])

    def test_every_notebook_executes_in_budget(self):
        for name in self.names:
            self.page(name)
            self.assertLessEqual(self.runs[name][0], BUDGET[name], name)

    def test_exercise_checks_say_right_and_wrong(self):
        for name in self.names[1:]:
            self.assertIn("Not yet", self.text(name, "exercise-check"), name)
            self.assertIn("Right", self.text(name, "exercise-solution"), name)

    def test_claims_are_the_english_ones_and_match_output(self):
        checked = 0
        for name in self.names:
            zh_claims = [c for cell in nbtools.load(ZH / name)["cells"]
                         for c in cell["metadata"].get("threadlab", {}).get("claims", [])]
            en_claims = [c for cell in nbtools.load(NOTEBOOKS / name)["cells"]
                         for c in cell["metadata"].get("threadlab", {}).get("claims", [])]
            self.assertEqual(sorted(c["name"] for c in zh_claims),
                             sorted(c["name"] for c in en_claims), name)
            for claim in zh_claims:
                found = re.search(claim["pattern"], self.text(name, claim["tag"]))
                self.assertTrue(found, "zh/%s: %r not in %s" % (name, claim["pattern"], claim["tag"]))
                self.assertEqual(found.group(1), claim["value"], "zh/%s: %s" % (name, claim["name"]))
                checked += 1
        self.assertGreater(checked, 0, "no Chinese lesson quotes a seeded number")

    def test_table_rows_in_prose_match_output(self):
        checked = 0
        for name in self.names:
            for cell in nbtools.load(ZH / name)["cells"]:
                source = "".join(cell["source"])
                for row in cell["metadata"].get("threadlab", {}).get("rows", []):
                    self.assertIn("`%s`" % row["thread"], source)
                    self.assertIn("第 %d 步" % row["step"], source)
                    tables = nbtools.cell_by_tag(self.page(name), row["tag"])[0].select("table.threadlab-trace")
                    self.assertTrue(tables, "zh/%s: no table in %s" % (name, row["tag"]))
                    got = nbtools.table_cell(tables[0], row["step"], row["thread"])
                    self.assertIsNotNone(got)
                    self.assertIn(row["text"], got, "zh/%s step %d" % (name, row["step"]))
                    checked += 1
        self.assertGreater(checked, 0, "no Chinese lesson walks through a table")


if __name__ == "__main__":
    unittest.main(verbosity=2)
