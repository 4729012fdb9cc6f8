"""Conformance: Debian's jupyter_kernel_test.KernelTests against the installed
kernelspec, with a sample for every feature it checks.

Run:  cd kernel/clienttest && /usr/bin/python3 -m unittest -v test_conformance
THREADLAB_KERNEL=python3 runs the same suite against Debian's ipykernel with
IPython samples, which proves the harness.

A feature whose sample is empty is skipped by KernelTests; the test
`test_every_feature_has_a_sample` turns such a gap into a failure.
"""

import unittest

import jupyter_kernel_test

from kernelutil import IS_IPYKERNEL, KERNEL_NAME

# Both kernels accept these: plain Python.
COMMON = dict(
    language_name="python",
    code_hello_world='print("hello, world")',
    completion_samples=[
        {"text": "pri", "matches": {"print"}},
        {"text": "threading.current_th"},
        {"text": "zz_no_such_prefix_", "matches": set()},
    ],
    complete_code_samples=["1", 'print("hello, world")', "def f(x):\n    return x\n\n",
                           "x = [1,\n     2]"],
    incomplete_code_samples=["def f(x):", "for i in range(3):", "x = [1,",
                             "def f(x):\n    if x:"],
    invalid_code_samples=["x = )", "1 +* 2", "x = = 1"],
    code_generate_error="1 // 0",
    code_execute_result=[
        {"code": "1+1", "result": "2"},
        {"code": '"thread" + "lab"', "result": "'threadlab'"},
        {"code": "[1, 2] + [3]", "result": "[1, 2, 3]"},
        {"code": "len(range(10))", "result": "10"},
    ],
    # glob matching only "1+1" among the samples above
    code_history_pattern="1?1",
    supported_history_operations=("tail", "range", "search"),
    code_inspect_sample="print",
)

# stderr: a thread that dies with an error reports it on stderr, as CPython's
# threading does ("Exception in thread Thread-1 ...").
THREAD_ERROR = (
    "import threading\n"
    "def fail():\n"
    "    return 1 // 0\n"
    "t = threading.Thread(target=fail)\n"
    "t.start()\n"
    "t.join()\n"
)

THREADLAB = dict(
    COMMON,
    code_stderr=THREAD_ERROR,
    # display(obj) and clear_output(wait=False) under IPython's names.
    code_display_data=[
        {"code": 'display("threadlab")', "mime": "text/plain"},
        {"code": "class Bold:\n    def _repr_html_(self):\n        return '<b>x</b>'\n"
                 "display(Bold())", "mime": "text/html"},
    ],
    code_clear_output='print("soon gone")\nclear_output()',
    code_page_something="print?",
)

IPYKERNEL = dict(
    COMMON,
    file_extension=".py",
    code_stderr=THREAD_ERROR,
    code_display_data=[
        {"code": 'display("threadlab")', "mime": "text/plain"},
        {"code": "from IPython.display import HTML\ndisplay(HTML('<b>x</b>'))",
         "mime": "text/html"},
    ],
    code_clear_output="from IPython.display import clear_output\nclear_output()",
    code_page_something="print?",
    # IPython answers a range request for the current session with session 0,
    # which KernelTests rejects; threadlab must echo the session it reported.
    supported_history_operations=("tail", "search"),
)

SAMPLES = IPYKERNEL if IS_IPYKERNEL else THREADLAB

# Features the issue requires; the pager is optional (threadlab has none).
REQUIRED = [
    "code_hello_world", "code_stderr", "completion_samples", "complete_code_samples",
    "incomplete_code_samples", "invalid_code_samples", "code_generate_error",
    "code_execute_result", "code_display_data", "code_history_pattern",
    "supported_history_operations", "code_inspect_sample", "code_clear_output",
]


class ThreadlabKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = KERNEL_NAME

    def test_every_feature_has_a_sample(self):
        missing = [name for name in REQUIRED if not getattr(self, name)]
        self.assertEqual(missing, [], "KernelTests would skip these features")


for _name, _value in SAMPLES.items():
    setattr(ThreadlabKernelTests, _name, _value)

if __name__ == "__main__":
    unittest.main(verbosity=2)
