"""Shared helpers for the notebook tests (run them with Debian's /usr/bin/python3)."""
import json
import os
import pathlib
import re
import socket

from bs4 import BeautifulSoup

REPO = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
BUILD = REPO / "build"
HTML_DIR = BUILD / "html"
SCREENSHOTS = BUILD / "screenshots"

LESSONS = [
    "00-index.ipynb",
    "01-threads.ipynb",
    "02-race-conditions.ipynb",
    "03-locks.ipynb",
    "04-deadlock.ipynb",
    "05-gil-and-cores.ipynb",
    "06-coordination.ipynb",
    "07-producer-consumer.ipynb",
    "08-parallel-results.ipynb",
    "09-free-threading.ipynb",
    "10-classic-problems.ipynb",
]

# Wall-time budget in seconds for executing each notebook with nbconvert
# (kernel start-up included). Seeded cells use the virtual clock; lesson 5
# measures real CPU use for three 2-second runs plus a real 0.5 s wait.
BUDGET = {
    "00-index.ipynb": 20,
    "01-threads.ipynb": 20,
    "02-race-conditions.ipynb": 40,
    "03-locks.ipynb": 40,
    "04-deadlock.ipynb": 30,
    "05-gil-and-cores.ipynb": 40,
    "06-coordination.ipynb": 60,
    "07-producer-consumer.ipynb": 60,
    "08-parallel-results.ipynb": 60,
    "09-free-threading.ipynb": 60,
    "10-classic-problems.ipynb": 60,
}

# A clean environment for Jupyter: Debian's Python first on PATH (a pyenv
# python3 earlier on PATH has no Jupyter), and ipykernel's debugger quiet.
def jupyter_env():
    env = dict(os.environ)
    env["PATH"] = "/usr/bin:/bin:" + env.get("PATH", "")
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    return env


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def kernelspec_installed(name):
    from jupyter_client.kernelspec import KernelSpecManager
    return name in KernelSpecManager().find_kernel_specs()


def soup(path):
    with open(path, encoding="utf-8") as f:
        return BeautifulSoup(f.read(), "html.parser")


def cell_by_tag(page, tag):
    """The div of the code cell carrying a notebook tag (nbconvert's lab
    template writes tags as celltag_<tag> classes)."""
    cells = page.select("div.jp-Cell.celltag_" + tag)
    return cells


def output_text(cell):
    """Visible text of a cell's outputs (not its input)."""
    parts = [o.get_text("\n") for o in cell.select(".jp-OutputArea-output")]
    return "\n".join(parts)


def squash(text):
    return re.sub(r"\s+", " ", text).strip()


def table_cell(table, step, column):
    """Text of the cell in the row whose first column is `step`, under the
    header `column`; None when there is no such row or column."""
    headers = [th.get_text(strip=True) for th in table.select("thead th")]
    if column not in headers:
        return None
    at = headers.index(column)
    for tr in table.select("tbody tr"):
        tds = tr.find_all("td")
        if tds and tds[0].get_text(strip=True) == str(step) and len(tds) > at:
            return squash(tds[at].get_text(" "))
    return None
