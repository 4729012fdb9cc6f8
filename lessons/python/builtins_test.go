package python

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"threadlab/lessons/python/internal/pyref"
)

// checkCases runs every snippet under threadlab and under /usr/bin/python3
// in one program each, every snippet in its own function with its
// exception caught and printed, and compares the output snippet by
// snippet.
func checkCases(t *testing.T, prelude string, cases []string) {
	t.Helper()
	var src strings.Builder
	src.WriteString(prelude + "\n")
	for i, c := range cases {
		fmt.Fprintf(&src, "def case_%d():\n", i)
		for _, line := range strings.Split(strings.TrimSpace(c), "\n") {
			src.WriteString("    " + line + "\n")
		}
		fmt.Fprintf(&src, "try:\n    case_%d()\nexcept Exception as e:\n    print('!', type(e).__name__ + ':', e)\nprint('-----')\n", i)
	}
	var want, wantErr bytes.Buffer
	cmd := exec.Command(pyref.Python, "-c", src.String())
	cmd.Stdout, cmd.Stderr = &want, &wantErr
	if err := cmd.Run(); err != nil {
		t.Fatalf("python3: %v\n%s", err, wantErr.String())
	}
	var got, gotErr bytes.Buffer
	if rc := Run("<cases>", []byte(src.String()), Options{Stdout: &got, Stderr: &gotErr}); rc != 0 {
		t.Errorf("exit status %d: %s", rc, gotErr.String())
	}
	w := strings.Split(want.String(), "-----\n")
	g := strings.Split(got.String(), "-----\n")
	for i, c := range cases {
		if i >= len(g) {
			t.Errorf("threadlab stopped before case %d:\n%s", i, c)
			return
		}
		if g[i] != w[i] {
			t.Errorf("case %d:\n%s\n--- threadlab:\n%s--- CPython:\n%s", i, c, g[i], w[i])
		}
	}
}

func TestBuiltins(t *testing.T) {
	checkCases(t, "", []string{
		"print(list(enumerate('ab', 1)), list(enumerate([])), list(enumerate('x', start=-3)))",
		"print(list(zip([1, 2, 3], 'xy')), list(zip()), list(zip([1], [2], [3])))",
		"print(list(zip([1, 2], 'x', strict=True)))",
		"print(list(zip([1], 'xy', strict=True)))",
		"print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(str.upper, ['a'])))",
		"print(list(filter(None, [0, 1, '', 'a', None])), list(filter(lambda x: x % 2, range(7))))",
		"print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed(range(4))), list(reversed((1, 2))))",
		"reversed(5)",
		"it = iter([1, 2])\nprint(next(it), next(it), next(it, 'end'))\nnext(it)",
		"next(5)",
		"n = 0\ndef f():\n    global n\n    n += 1\n    return n\nprint(list(iter(f, 4)))",
		"print(sorted([3, 1, 2]), sorted('bca', reverse=True), sorted([(1, 'b'), (0, 'c'), (1, 'a')], key=lambda p: p[0]))",
		"print(sorted(['b', 'A', 'c'], key=str.lower), sorted([1, 'a']))",
		"print(sum([1, 2, 3]), sum([0.1] * 10), sum([[1], [2]], []), sum(range(5), 10))",
		"sum(['a', 'b'], '')",
		"print(min([3, 1, 2]), max(3, 1, 2), min('bca'), max([1, 5, 3], key=lambda x: -x), min([], default=None))",
		"max([])",
		"min()",
		"print(max(1, 2, default=0))",
		"print(any([]), all([]), any([0, '', 1]), all([1, 'a', 0]), any(x > 2 for x in range(5)))",
		"print(abs(-3), abs(2.5), abs(-2**70), abs(True), abs(-0.0))",
		"abs('a')",
		"print(round(2.5), round(3.5), round(-0.5), round(2.675, 2), round(1234, -2), round(1250, -2), round(0.125, 2), round(5, 2))",
		"print(round(1e300, -400), round(-2.5), type(round(2.0)), round(2.0, 0))",
		"round(float('inf'))",
		"round('a')",
		"print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(7.5, 2), divmod(-7.5, 2), divmod(2**70, 7))",
		"divmod(1, 0)",
		"divmod(1.0, 0)",
		"divmod('a', 1)",
		"print(pow(2, 10), pow(2, 10, 1000), pow(2, -1, 7), pow(3, 200, 10**9), pow(-3, 3, 7), pow(3, 3, -7), pow(2.0, 0.5))",
		"pow(2, -1, 4)",
		"pow(2, 3, 0)",
		"pow(2.0, 3, 5)",
		"print(hex(255), hex(-255), oct(8), bin(5), bin(-5), hex(2**70), bin(0))",
		"hex(1.5)",
		"print(chr(65), chr(0x1F600), ord('a'), ord('€'), ord(b'a'))",
		"chr(0x110000)",
		"ord('ab')",
		"ord(1)",
		"print(format(1234.5, ',.2f'), format(42, '08b'), format('x', '>5'), format(3.14159), format(10**20, ','), format(True))",
		"print(format(0.5, '%'), format(-0.0, 'z.1f'), format(1e16), format(123, 'x'), format(None))",
		"format(None, 'x')",
		"format(1, 'q')",
		"print(hash(1) == hash(1.0), hash('a') == hash('a'), callable(len), callable(1), callable(int))",
		"hash([])",
		"class A:\n    x = 1\na = A()\nsetattr(a, 'y', 2)\nprint(getattr(a, 'x'), getattr(a, 'y'), getattr(a, 'z', 'dflt'), hasattr(a, 'y'), hasattr(a, 'q'))\ndelattr(a, 'y')\nprint(hasattr(a, 'y'), vars(a))",
		"getattr(1, 'x')",
		"getattr(1, 2)",
		"vars(1)",
		"class B:\n    def m(self): pass\nprint([n for n in dir(B()) if not n.startswith('__')])",
		"print('%s|%r|%d|%5.1f|%-4s|%x|%o|%e|%%' % ('a', 'b', 42, 3.14159, 'z', 255, 8, 12345.678))",
		"print('%(a)s and %(b)03d' % {'a': 'x', 'b': 7}, '%s' % [1, 2], '%s %s' % ('a', 'b'))",
		"print('%d' % 'a')",
		"print('%s %s' % ('a',))",
		"print('{} {}'.format(1, 'a'), '{0}{1}{0}'.format('a', 'b'), '{x:>4}|{y!r}'.format(x=1, y='s'), '{:,}'.format(10**6))",
		"print('{0[1]} {0[a]}'.format({1: 'one', 'a': 'A'}), '{.real}'.format(3), '{:{w}.{p}f}'.format(3.14159, w=8, p=2))",
		"print('{'.format(1))",
		"print('{2}'.format(1))",
		"x = 3.5\nprint(f'{x:08.3f}|{x!r}|{x:^9}|{-x:+}|{10**3:_}')",
		"print(eval('1 + 2 * 3'), eval(' [i * i for i in range(4)]'), eval('len(\"abc\")'))",
		"g = {'a': 2}\nexec('b = a * 10', g)\nprint(g['b'], eval('a + b', g))",
		"try:\n    eval('x = 1')\nexcept SyntaxError as e:\n    print('SyntaxError', e.args[0])",
		"eval(5)",
		"print(ascii('héllo'), ascii([1, 'ü']))",
	})
}
