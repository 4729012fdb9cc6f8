#!/usr/bin/env python3
"""Write the Launch-on-Binder badge for the repository threadlab lives in.

The repository comes from one place: the GitHub remote `origin` of the
clone (`git remote get-url origin`), unless given as OWNER/NAME (in make:
`make badge BINDER_REPO=owner/name`). The badge goes into
notebooks/README-snippet.md, which the index notebook's text reads
(lessons_text.BINDER_BADGE), then into README.md between its
binder-badge markers, and the notebooks are rebuilt.

    python3 notebooks/binder_badge.py --from-git
    python3 notebooks/binder_badge.py OWNER/NAME [--root DIR]
"""
import argparse
import re
import subprocess
import sys
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
SNIPPET = "notebooks/README-snippet.md"
BEGIN, END = "<!-- binder-badge -->", "<!-- /binder-badge -->"
LANDING = "00-index.ipynb"

# Where the badge is not written yet: what the snippet says instead.
UNSET = ("*Binder:* the launch badge is written by `make badge`, from the GitHub\n"
         "remote of your clone (`git remote get-url origin`), or by\n"
         "`make badge BINDER_REPO=owner/name`.")

GITHUB = re.compile(r"^(?:https://github\.com/|ssh://git@github\.com/|git@github\.com:)"
                    r"([A-Za-z0-9-]+)/([A-Za-z0-9._-]+?)(?:\.git)?/?$")
REPO = re.compile(r"^[A-Za-z0-9-]+/[A-Za-z0-9._-]+$")


class BadgeError(Exception):
    """The repository is unknown or not on GitHub."""


def github_repo(url):
    """OWNER/NAME of a GitHub remote URL; BadgeError for anything else."""
    found = GITHUB.match(url.strip())
    if not found:
        raise BadgeError("%r is not a GitHub repository; mybinder.org/v2/gh needs one "
                         "(set BINDER_REPO=owner/name)" % url.strip())
    return "%s/%s" % found.groups()


def repo_from_git(root):
    proc = subprocess.run(["git", "-C", str(root), "remote", "get-url", "origin"],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise BadgeError("this clone has no remote origin (git remote get-url origin: %s); "
                         "set BINDER_REPO=owner/name" % proc.stderr.strip())
    return github_repo(proc.stdout)


def badge(repo):
    if not REPO.match(repo):
        raise BadgeError("%r is not OWNER/NAME" % repo)
    return ("[![Launch on Binder](https://mybinder.org/badge_logo.svg)]"
            "(https://mybinder.org/v2/gh/%s/HEAD?urlpath=lab/tree/%s)" % (repo, LANDING))


def write(root, text):
    """Put text in the snippet and between README.md's markers, then rebuild
    the notebooks so the index carries it too."""
    root = pathlib.Path(root)
    (root / SNIPPET).write_text(text + "\n", encoding="utf-8")
    readme = root / "README.md"
    body = readme.read_text(encoding="utf-8")
    at, end = body.find(BEGIN), body.find(END)
    if at < 0 or end < at:
        raise BadgeError("README.md has no %s ... %s markers" % (BEGIN, END))
    readme.write_text(body[:at + len(BEGIN)] + "\n" + text + "\n" + body[end:], encoding="utf-8")
    subprocess.run([sys.executable, str(root / "notebooks" / "build.py")], check=True,
                   stdout=subprocess.DEVNULL)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("repo", nargs="?", help="OWNER/NAME on GitHub")
    ap.add_argument("--from-git", action="store_true", help="read it from git remote origin")
    ap.add_argument("--root", default=str(HERE.parent), help="the threadlab tree to write into")
    args = ap.parse_args(argv)
    try:
        if args.from_git == bool(args.repo):
            raise BadgeError("give either OWNER/NAME or --from-git")
        repo = repo_from_git(args.root) if args.from_git else args.repo
        write(args.root, badge(repo))
    except BadgeError as e:
        print("binder_badge:", e, file=sys.stderr)
        return 2
    print("binder_badge: the badge now launches", repo)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
