"""Print the tokens Python's tokenize module finds in each file named on
the command line, in the form token_test.go prints threadlab's: one
"KIND LINE:COL TEXT" line per NAME, NUMBER, STRING and OP token and
"NEWLINE LINE" per logical line end, after a "== NAME" line per file.
Columns count characters."""

import sys
import tokenize

KINDS = {tokenize.NAME: "NAME", tokenize.NUMBER: "NUMBER", tokenize.STRING: "STRING", tokenize.OP: "OP"}

for name in sys.argv[1:]:
    print("==", name)
    with open(name, "rb") as f:
        for tok in tokenize.tokenize(f.readline):
            if tok.type in KINDS:
                print("%s %d:%d %s" % (KINDS[tok.type], tok.start[0], tok.start[1], tok.string.replace("\r", "").replace("\n", "\\n")))
            elif tok.type == tokenize.NEWLINE:
                print("NEWLINE %d" % tok.start[0])
