"""The Binder/repo2docker Dockerfile's invariants, checked by parsing it
(no container engine runs here).

    /usr/bin/python3 -m unittest -v notebooks/tests/test_dockerfile.py
"""
import json
import os
import re
import shlex
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import nbtools  # noqa: E402

REPO = nbtools.REPO


def instructions(text):
    """[(KEYWORD, arguments)] with comments dropped and continuations joined."""
    out, pending = [], ""
    for line in text.splitlines():
        if not pending and line.lstrip().startswith("#"):
            continue
        if pending and line.lstrip().startswith("#"):
            continue  # a comment inside a continued instruction
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        line = pending + line
        pending = ""
        if line.strip():
            keyword, _, rest = line.strip().partition(" ")
            out.append((keyword.upper(), rest.strip()))
    return out


def stages(instrs):
    """Split into stages: [{'from': ..., 'name': ..., 'body': [...]}]."""
    result = []
    for keyword, rest in instrs:
        if keyword == "FROM":
            words = rest.split()
            name = words[2] if len(words) >= 3 and words[1].upper() == "AS" else None
            result.append({"from": words[0], "name": name, "body": []})
        elif result:
            result[-1]["body"].append((keyword, rest))
    return result


class DockerfileTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(REPO / "Dockerfile") as f:
            cls.instrs = instructions(f.read())
        cls.stages = stages(cls.instrs)
        cls.build = cls.stages[0]
        cls.final = cls.stages[-1]

    def args(self, stage):
        found = {}
        for keyword, rest in stage["body"]:
            if keyword == "ARG" and "=" in rest:
                key, _, value = rest.partition("=")
                found[key] = value.strip('"')
        return found

    def env(self, stage):
        found = {}
        for keyword, rest in stage["body"]:
            if keyword == "ENV":
                for part in shlex.split(rest):
                    if "=" in part:
                        key, _, value = part.partition("=")
                        found[key] = value
        return found

    def runs(self, stage):
        return " && ".join(rest for keyword, rest in stage["body"] if keyword == "RUN")

    def test_two_stages(self):
        self.assertGreaterEqual(len(self.stages), 2)
        self.assertTrue(self.build["from"].startswith("golang:"), self.build["from"])
        self.assertNotIn("golang", self.final["from"])

    def test_go_version_matches_go_mod(self):
        with open(REPO / "go.mod") as f:
            mod = f.read()
        want = re.search(r"(?m)^go (\S+)", mod).group(1)
        toolchain = re.search(r"(?m)^toolchain go(\S+)", mod)
        if toolchain:
            want = toolchain.group(1)
        tag = self.build["from"].split(":", 1)[1]
        self.assertEqual(tag.split("-")[0], want,
                         "the Go build stage %s must pin go.mod's Go %s" % (self.build["from"], want))

    def test_build_stage_copies_every_go_package(self):
        copied = set()
        for keyword, rest in self.build["body"]:
            if keyword == "COPY" and "--from" not in rest:
                for src in shlex.split(rest)[:-1]:
                    copied.add(src.rstrip("/"))
        if "." in copied:
            return
        needed = {"go.mod", "go.sum"}
        for entry in os.listdir(REPO):
            path = REPO / entry
            if entry.endswith(".go") and not entry.endswith("_test.go"):
                needed.add(entry)
            elif path.is_dir() and entry not in ("build", "notebooks") and not entry.startswith("."):
                if any(f.endswith(".go") for _, _, files in os.walk(path) for f in files):
                    needed.add(entry)
        for go_file in (REPO).glob("*.go"):
            for embedded in re.findall(r"//go:embed (\S+)", go_file.read_text()):
                needed.add(embedded)
        self.assertEqual(needed - copied, set(), "the Go build stage does not copy these")
        self.assertIn("go build", self.runs(self.build))

    def test_binder_user(self):
        args = self.args(self.final)
        self.assertEqual(args.get("NB_USER"), "jovyan")
        self.assertEqual(args.get("NB_UID"), "1000")
        env = self.env(self.final)
        self.assertEqual(env.get("HOME"), "/home/${NB_USER}")
        self.assertEqual(env.get("NB_UID"), "${NB_UID}")
        self.assertRegex(self.runs(self.final), r"(adduser|useradd) .*--uid \$\{NB_UID\}")
        users = [rest for keyword, rest in self.final["body"] if keyword == "USER"]
        self.assertTrue(users, "the final stage never switches to the user")
        self.assertIn(users[-1], ("${NB_USER}", "jovyan", "${NB_UID}", "1000"))

    def test_jupyter_installed(self):
        runs = self.runs(self.final)
        self.assertRegex(runs, r"pip install .*jupyterlab")
        self.assertRegex(runs, r"pip install .*notebook", "Binder launches the Notebook server")

    def test_kernel_installed_where_jupyter_looks(self):
        body = self.final["body"]
        copies = [rest for keyword, rest in body if keyword == "COPY" and "--from=build" in rest]
        self.assertTrue(any(c.endswith("/usr/local/bin/threadlab") for c in copies), copies)
        runs = self.runs(self.final)
        self.assertRegex(runs, r"threadlab install (--sys-prefix|--prefix /usr/local)\b")
        # python:*-slim has sys.prefix /usr/local, so the spec lands in
        # /usr/local/share/jupyter/kernels, which Jupyter searches.
        self.assertTrue(self.final["from"].startswith("python:"), self.final["from"])
        self.assertIn("/usr/local/share/jupyter/kernels/threadlab/kernel.json", runs)
        self.assertIn("jupyter kernelspec list", runs)
        # the template the binary installs
        with open(REPO / "kernel.json") as f:
            self.assertEqual(json.load(f)["argv"][0], "threadlab")
        # install happens as root, before USER
        keywords = [k for k, _ in body]
        install_at = next(i for i, (k, r) in enumerate(body) if k == "RUN" and "threadlab install" in r)
        self.assertLess(install_at, len(keywords) - 1 - keywords[::-1].index("USER"))

    def test_notebooks_copied_to_home_owned_by_user(self):
        copies = [rest for keyword, rest in self.final["body"] if keyword == "COPY"]
        lessons = [c for c in copies if "notebooks/" in c]
        self.assertTrue(lessons, "the lessons are not copied into the image")
        words = shlex.split(lessons[0])
        self.assertIn(words[0], ("--chown=${NB_USER}:${NB_USER}", "--chown=${NB_UID}:${NB_UID}",
                                 "--chown=${NB_USER}", "--chown=${NB_UID}"))
        self.assertIn(words[-1].rstrip("/"), ("${HOME}", "/home/${NB_USER}"))
        import glob
        matched = {os.path.basename(p) for src in words[1:-1] for p in glob.glob(str(REPO / src))}
        self.assertTrue(set(nbtools.LESSONS) <= matched, matched)

    def test_default_command_is_jupyter_lab(self):
        cmds = [rest for keyword, rest in self.final["body"] if keyword == "CMD"]
        self.assertTrue(cmds)
        cmd = json.loads(cmds[-1])
        self.assertEqual(cmd[:2], ["jupyter", "lab"])
        self.assertIn("--ip=0.0.0.0", cmd)

    def test_binder_badge_snippet(self):
        with open(nbtools.NOTEBOOKS / "README-snippet.md") as f:
            snippet = f.read()
        found = re.search(r"\[!\[[^\]]*\]\(https://mybinder.org/badge_logo.svg\)\]"
                          r"\((https://mybinder.org/v2/gh/[^/]+/[^/]+/[^?)]+)\?urlpath=lab/tree/([^)]+)\)", snippet)
        self.assertTrue(found, snippet)
        self.assertTrue((nbtools.NOTEBOOKS / found.group(2)).exists(), found.group(2))
        index = "".join("".join(c["source"]) for c in nbtools.load(nbtools.NOTEBOOKS / "00-index.ipynb")["cells"])
        self.assertIn(snippet.strip(), index, "the index notebook and the README badge differ")


if __name__ == "__main__":
    unittest.main(verbosity=2)
