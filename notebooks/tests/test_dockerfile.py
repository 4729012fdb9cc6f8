"""The Binder/repo2docker Dockerfile's invariants, checked by parsing it
(no container engine runs here), and the build steps that need no
container run for real: the Go stage's commands on a tree holding only
what the stage copies, and the kernelspec install into a prefix. Also the
Launch-on-Binder badge (notebooks/binder_badge.py).

    /usr/bin/python3 -m unittest -v notebooks/tests/test_dockerfile.py
"""
import glob
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import nbtools  # noqa: E402

sys.path.insert(0, str(nbtools.NOTEBOOKS))
import binder_badge  # noqa: E402

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
        self.assertRegex(runs, r"pip install .*notebook", "Binder launches the Notebook server")
        # The JupyterLab the image runs is the one the browser test renders with.
        pinned = re.search(r'pip install .*"jupyterlab==([0-9.]+)"', runs)
        self.assertTrue(pinned, "JupyterLab is not pinned in the image: " + runs)
        with open(nbtools.NOTEBOOKS / "jupyterlab" / "package.json") as f:
            page = json.load(f)["dependencies"]
        self.assertEqual(pinned.group(1), page["@jupyterlab/notebook"])
        self.assertTrue(pinned.group(1).startswith("4."), pinned.group(1))

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
        opens = [a.split("=", 1)[1] for a in cmd if a.startswith("--ServerApp.default_url=")]
        self.assertEqual(opens, ["/lab/tree/00-index.ipynb"], "the image does not open the lessons")
        self.assertIn("00-index.ipynb", nbtools.LESSONS)

    def test_build_steps_without_a_container(self):
        """The Go stage's RUN commands on a tree holding only what the stage
        COPYs, then the final stage's kernelspec install, into a prefix."""
        tmp = tempfile.mkdtemp(prefix="threadlab-docker-")
        self.addCleanup(shutil.rmtree, tmp, True)
        src, out, prefix = (os.path.join(tmp, d) for d in ("src", "out", "prefix"))
        os.makedirs(src)
        for keyword, rest in self.build["body"]:
            if keyword == "COPY":
                words = shlex.split(rest)
                for pattern in words[:-1]:
                    for path in glob.glob(str(REPO / pattern)):
                        dest = os.path.join(src, os.path.relpath(path, REPO))
                        if os.path.isdir(path):
                            shutil.copytree(path, dest)
                        else:
                            shutil.copy(path, dest)
            elif keyword == "RUN":
                command = rest.replace("/out/", out + "/")
                os.makedirs(out, exist_ok=True)
                proc = subprocess.run(["bash", "-c", command], cwd=src, capture_output=True, text=True,
                                      env=dict(os.environ, PATH="/usr/local/go/bin:" + os.environ["PATH"]))
                self.assertEqual(proc.returncode, 0, "RUN %s\n%s%s" % (command, proc.stdout, proc.stderr))
        binary = os.path.join(out, "threadlab")
        self.assertTrue(os.access(binary, os.X_OK), "the Go stage built no /out/threadlab")

        install = next(r for k, r in self.final["body"] if k == "RUN" and "threadlab install" in r)
        kernels = os.path.join(prefix, "share", "jupyter")
        command = (install.replace("threadlab install --sys-prefix", binary + " install --prefix " + prefix)
                   .replace("/usr/local/share/jupyter", kernels)
                   .replace("jupyter kernelspec", "/usr/bin/jupyter kernelspec"))
        self.assertNotIn("/usr/local", command, "an install step this test cannot redirect")
        empty = os.path.join(tmp, "empty")
        os.makedirs(empty)
        # Only the prefix may supply the kernelspec the final grep looks for.
        env = dict(nbtools.jupyter_env(), JUPYTER_PATH=kernels, JUPYTER_DATA_DIR=empty)
        proc = subprocess.run(["bash", "-c", command], capture_output=True, text=True, env=env)
        self.assertEqual(proc.returncode, 0, "RUN %s\n%s%s" % (command, proc.stdout, proc.stderr))
        with open(os.path.join(kernels, "kernels", "threadlab", "kernel.json")) as f:
            argv = json.load(f)["argv"]
        # The spec names the binary that installed it (/usr/local/bin/threadlab in the image).
        self.assertEqual(argv[0], binary)
        self.assertIn("{connection_file}", argv)
        listed = subprocess.run(["/usr/bin/jupyter", "kernelspec", "list"], capture_output=True, text=True,
                                env=dict(env, JUPYTER_PATH=os.path.join(tmp, "nowhere")))
        self.assertNotIn(os.path.join(kernels, "kernels", "threadlab"), listed.stdout)


class BinderBadgeTest(unittest.TestCase):
    """The badge comes from one place: the clone's GitHub remote origin, or
    BINDER_REPO=owner/name (make badge)."""

    def test_github_remotes(self):
        cases = [
            ("git@github.com:ada/threadlab.git", "ada/threadlab"),
            ("https://github.com/ada/threadlab", "ada/threadlab"),
            ("https://github.com/ada/threadlab.git\n", "ada/threadlab"),
            ("ssh://git@github.com/ada-l/thread.lab.git", "ada-l/thread.lab"),
            ("https://gitlab.com/ada/threadlab.git", None),
            ("/srv/git/threadlab", None),
            ("https://github.com/ada", None),
        ]
        for url, want in cases:
            with self.subTest(url=url):
                if want is None:
                    with self.assertRaises(binder_badge.BadgeError):
                        binder_badge.github_repo(url)
                else:
                    self.assertEqual(binder_badge.github_repo(url), want)

    def test_badge_in_readme_snippet_and_index_agree(self):
        with open(nbtools.NOTEBOOKS / "README-snippet.md") as f:
            snippet = f.read().strip()
        with open(REPO / "README.md") as f:
            readme = f.read()
        inside = readme.split(binder_badge.BEGIN, 1)[1].split(binder_badge.END, 1)[0].strip()
        self.assertEqual(inside, snippet, "README.md's badge is not the snippet")
        index = "".join("".join(c["source"]) for c in nbtools.load(nbtools.NOTEBOOKS / "00-index.ipynb")["cells"])
        self.assertIn(snippet, index, "the index notebook and the README badge differ")
        for text in (readme, snippet, index, (nbtools.NOTEBOOKS / "lessons_text.py").read_text()):
            self.assertNotIn("OWNER", text)
        remote = subprocess.run(["git", "-C", str(REPO), "remote", "get-url", "origin"],
                                capture_output=True, text=True)
        try:
            want = binder_badge.badge(binder_badge.github_repo(remote.stdout)) if remote.returncode == 0 else None
        except binder_badge.BadgeError:
            want = None
        if want:
            self.assertEqual(snippet, want, "the badge is not the one for the remote: run make badge")
        else:  # no GitHub remote: the README says how to get the badge
            self.assertEqual(snippet, binder_badge.UNSET)

    def test_make_badge_writes_every_place(self):
        tmp = tempfile.mkdtemp(prefix="threadlab-badge-")
        self.addCleanup(shutil.rmtree, tmp, True)
        shutil.copy(REPO / "README.md", tmp)
        os.mkdir(os.path.join(tmp, "notebooks"))
        for pattern in ("*.py", "*.md", "*.ipynb"):
            for path in glob.glob(str(nbtools.NOTEBOOKS / pattern)):
                shutil.copy(path, os.path.join(tmp, "notebooks"))
        script = str(nbtools.NOTEBOOKS / "binder_badge.py")
        subprocess.run(["git", "init", "-q", tmp], check=True)
        subprocess.run(["git", "-C", tmp, "remote", "add", "origin", "git@github.com:someone/fork.git"], check=True)
        for args, repo in ((["--from-git"], "someone/fork"), (["example-org/threadlab-lessons"], "example-org/threadlab-lessons")):
            with self.subTest(args=args):
                proc = subprocess.run([sys.executable, script, "--root", tmp] + args, capture_output=True, text=True)
                self.assertEqual(proc.returncode, 0, proc.stderr)
                url = "https://mybinder.org/v2/gh/%s/HEAD?urlpath=lab/tree/00-index.ipynb" % repo
                with open(os.path.join(tmp, "README.md")) as f:
                    self.assertIn(url, f.read())
                with open(os.path.join(tmp, "notebooks", "README-snippet.md")) as f:
                    self.assertEqual(f.read().strip(), binder_badge.badge(repo))
                with open(os.path.join(tmp, "notebooks", "00-index.ipynb")) as f:
                    self.assertIn(url, f.read())
                check = subprocess.run([sys.executable, os.path.join(tmp, "notebooks", "build.py"), "--check"],
                                       capture_output=True, text=True)
                self.assertEqual(check.returncode, 0, check.stdout)
        bad = subprocess.run([sys.executable, script, "--root", tmp, "not a repo"], capture_output=True, text=True)
        self.assertEqual(bad.returncode, 2)
        self.assertIn("is not OWNER/NAME", bad.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
