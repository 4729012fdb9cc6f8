#!/usr/bin/python3
"""Regenerate the expected output of every language test program.

Each testdata/NAME.py is run by /usr/bin/python3 (never another Python) in
this directory, with NAME.in as its stdin when that file exists, and what it
did is written to NAME.out:

    the program's stdout, byte for byte
    #! exit N          only when the exit status is not 0 or stderr is not empty
    #! LINE            the last line of stderr when N != 0 (the exception line
                       of a traceback); every stderr line when N == 0

script_test.go reads this format back. A program must end its stdout with a
newline when it writes a trailer, and no stdout line may start with "#! ".

Each program runs twice, under two string-hash seeds; a program whose output
depends on the seed (the order of a set of strings, say) is reported and no
.out is written for it.

Run:  /usr/bin/python3 lessons/python/testdata/regen.py [NAME.py ...]
"""

import glob
import os
import subprocess
import sys

PYTHON = "/usr/bin/python3"
HERE = os.path.dirname(os.path.abspath(__file__))


def run(name, seed):
    stdin_path = os.path.join(HERE, name[:-3] + ".in")
    stdin = open(stdin_path, "rb").read() if os.path.exists(stdin_path) else b""
    env = {"PATH": "/usr/bin:/bin", "PYTHONHASHSEED": str(seed),
           "PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8", "LC_ALL": "C.UTF-8"}
    p = subprocess.run([PYTHON, name], cwd=HERE, input=stdin, env=env,
                       capture_output=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


def expected(name):
    code, out, err = run(name, 0)
    again = run(name, 4242)
    if again != (code, out, err):
        raise ValueError("output depends on the string-hash seed")
    text = out.decode("utf-8")
    if any(line.startswith("#! ") for line in text.splitlines()):
        raise ValueError('a stdout line starts with "#! "')
    lines = err.decode("utf-8").splitlines()
    if any("Warning: " in l for l in lines):
        raise ValueError("CPython warns (a warning is CPython's own, not the language's): " + lines[0])
    if code == 0 and not lines:
        return text
    if text and not text.endswith("\n"):
        raise ValueError("stdout must end in a newline when there is a trailer")
    kept = lines if code == 0 else lines[-1:]
    return text + f"#! exit {code}\n" + "".join(f"#! {l}\n" for l in kept)


def main():
    names = sys.argv[1:] or sorted(os.path.basename(p) for p in glob.glob(os.path.join(HERE, "*.py")))
    names = [os.path.basename(n) for n in names if os.path.basename(n) != "regen.py"]
    bad = 0
    for name in names:
        try:
            result = expected(name)
        except (ValueError, subprocess.TimeoutExpired) as e:
            print(f"{name}: {e}", file=sys.stderr)
            bad += 1
            continue
        with open(os.path.join(HERE, name[:-3] + ".out"), "w", encoding="utf-8", newline="") as f:
            f.write(result)
    print(f"regen: {len(names) - bad} of {len(names)} programs written", file=sys.stderr)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
