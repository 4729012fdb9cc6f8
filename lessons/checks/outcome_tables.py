"""The checks of the lessons' outcome tables: for a small racy program,
the learner labels every outcome in a table "acceptable" (some schedule
ends that way) or "forbidden" (no schedule can), as in a jcstress test.

check(table, labels) takes the name of the table ("visits" in lesson 2,
"flags" in lesson 9) and a dict from each outcome to its label. It runs
its own copy of the lesson's program, with its own threads, under every
schedule (lab.explore), labels each outcome by what it found, and gives
the reason and a hint for every label that differs. "flags" is explored
with the GIL on and with it off: threadlab's model is sequentially
consistent either way, and the check says so only when both agree.
"""
import threading

import lab

LABELS = ("acceptable", "forbidden")


def _team(*workers):
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


def _two_visitors():
    """Lesson 2: ann and bob each add 1 to one counter, twice."""
    box = {"hits": 0}

    def visit():
        for i in range(2):
            box["hits"] = box["hits"] + 1
    _team(threading.Thread(target=visit, name="ann"), threading.Thread(target=visit, name="bob"))
    return box["hits"]


def _both_look():
    """Lesson 9: each raises its own flag, then looks at the other's."""
    flags = {"ann": 0, "bob": 0}
    saw = {}

    def look(me, other):
        flags[me] = 1
        saw[me] = flags[other]
    _team(threading.Thread(target=look, args=("ann", "bob"), name="ann"),
          threading.Thread(target=look, args=("bob", "ann"), name="bob"))
    return (saw["ann"], saw["bob"])


# For each table: its program, whether to explore it with the GIL off as
# well as on, and for each outcome in the table why it can or cannot
# happen, with a hint.
TABLES = {
    "visits": {
        "program": _two_visitors,
        "gil_off_too": False,
        "why": {
            0: ("every write stores a value that was read plus 1, so no write ever stores 0.",
                "What is the smallest number a write can store?"),
            1: ("each visitor's second read comes after its own first write, so it reads at "
                "least 1 and writes at least 2, and the last write of all is a second write.",
                "Follow the visitor who writes last: what can its second read see?"),
            2: ("ann reads 0 and pauses; bob makes both his visits (hits is 2); ann writes 1 "
                "over them and then visits once more: 2, two visits lost.",
                "Let one visitor pause between its first read and its first write while "
                "the other runs to the end."),
            3: ("both read 0 and both write 1, so one visit is lost; then each visits once "
                "more without overlapping: 3.",
                "Lose exactly one update: both read the same value once."),
            4: ("the visitors take turns, so no switch falls between a read and its write "
                "and nothing is lost.",
                "What happens when every read is followed at once by its write?"),
        },
    },
    "flags": {
        "program": _both_look,
        "gil_off_too": True,
        "why": {
            (0, 0): ("whoever looks last looks after the other has looked, and so after the "
                     "other raised a flag: the last to look always sees a 1.",
                     "Order the four steps any way that keeps each thread's two steps in "
                     "order: can both reads come before both writes?"),
            (0, 1): ("ann raises her flag and looks before bob raises his: she sees 0, "
                     "then bob sees her 1.",
                     "Let one thread run both its steps before the other starts."),
            (1, 0): ("bob raises his flag and looks before ann raises hers: he sees 0, "
                     "then ann sees his 1.",
                     "Let one thread run both its steps before the other starts."),
            (1, 1): ("both raise their flags first, then both look, and each sees the "
                     "other's 1.",
                     "Let both writes come before both reads."),
        },
    },
}


def check(table, labels=None):
    """Say whether labels gives every outcome of the named table the
    label that lab.explore's search of the program gives it."""
    print(_verdict(table, labels))


def _verdict(table, labels):
    if not isinstance(table, str) or table not in TABLES:
        return ("Not yet: pass your table's name first, one of %s, then your "
                "labels, not %r." % (", ".join(repr(t) for t in TABLES), table))
    spec = TABLES[table]
    outcomes = list(spec["why"])
    if not isinstance(labels, dict):
        return ("Not yet: pass your labels as a dictionary from each outcome to "
                "'acceptable' or 'forbidden', like my_labels, not %r." % (labels,))
    extra = [key for key in labels if key not in spec["why"]]
    if extra:
        return ("Not yet: %s %s not in this table; its outcomes are %s. Label "
                "just those." % (", ".join(repr(k) for k in extra),
                                 "is" if len(extra) == 1 else "are", _list(outcomes)))
    missing = [o for o in outcomes if o not in labels]
    if missing:
        return ("Not yet: label every outcome in the table; %s %s no label yet."
                % (_list(missing), "has" if len(missing) == 1 else "have"))
    found, note = _explore(spec)
    if found is None:
        return note
    lines, wrong = [], 0
    for outcome in outcomes:
        given = labels[outcome]
        said = given.strip().lower() if isinstance(given, str) else given
        truth = "acceptable" if outcome in found.outcomes else "forbidden"
        why, hint = spec["why"][outcome]
        if said not in LABELS:
            wrong += 1
            lines.append("  %r: you wrote %r; write 'acceptable' or 'forbidden'." % (outcome, given))
        elif said != truth:
            wrong += 1
            if truth == "acceptable":
                seen = "%d of the %d schedules end this way" % (found.outcomes[outcome], found.schedules)
            else:
                seen = "no schedule ends this way"
            lines.append("  %r: you said %s, but it is %s: %s - %s\n     Hint: %s"
                         % (outcome, said, truth, seen, why, hint))
        else:
            lines.append("  %r: %s, as you said: %s" % (outcome, truth, why))
    if wrong:
        head = "Not yet: %d of the %d outcomes %s another look." % (
            wrong, len(outcomes), "needs" if wrong == 1 else "need")
    else:
        head = "Right: every label matches what lab.explore found."
    return "\n".join([head] + lines + [note])


def _explore(spec):
    """The report of exploring the table's program, and a line on how many
    schedules it ran; (None, reason) if the GIL on and off disagree."""
    was_on = lab.gil()
    off = None
    try:
        lab.gil(True)
        on = lab.explore(spec["program"])
        if spec["gil_off_too"]:
            lab.gil(False)
            off = lab.explore(spec["program"])
    finally:
        lab.gil(was_on)
    if off is None:
        return on, "lab.explore ran %d schedules." % on.schedules
    if set(off.outcomes) != set(on.outcomes):
        return None, ("Not yet checked: the outcomes differ with the GIL on (%s) and off "
                      "(%s), so this table has no single answer." % (
                          _list(sorted(on.outcomes, key=repr)), _list(sorted(off.outcomes, key=repr))))
    return on, ("lab.explore ran %d schedules with the GIL on and %d with it off: "
                "the same outcomes either way." % (on.schedules, off.schedules))


def _list(items):
    return ", ".join(repr(i) for i in items)
