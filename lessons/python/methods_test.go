package python

import "testing"

func TestStrMethods(t *testing.T) {
	checkCases(t, "", []string{
		"s = '  Hello, World  '\nprint(s.strip(), s.lstrip(), s.rstrip(), 'xxhixx'.strip('x'), s.strip(None))",
		"print('a,b,,c'.split(','), 'a b  c'.split(), 'a b c'.split(None, 1), 'a,b,c'.rsplit(',', 1), ' a b '.rsplit())",
		"print('abc'.split(''))",
		"print('line1\\nline2\\r\\nline3'.splitlines(), 'a\\nb\\n'.splitlines(True), ''.splitlines())",
		"print('-'.join(['a', 'b', 'c']), ''.join(map(str, range(3))), ', '.join([]))",
		"print('-'.join([1, 2]))",
		"print('hello'.replace('l', 'L'), 'hello'.replace('l', 'L', 1), 'aaa'.replace('', '-'), 'abc'.replace('x', 'y'))",
		"s = 'hello world'\nprint(s.find('o'), s.rfind('o'), s.find('o', 5), s.find('z'), s.index('w'), s.count('o'), s.count(''), s.find('', 20))",
		"print('héllo wörld'.find('w'), 'héllo wörld'.rfind('ö'), 'héllo'.count('l', 2), 'abc'.find('c', -1), 'abc'.find('a', -10, -2))",
		"print('hello'.index('z'))",
		"print('hello'.startswith('he'), 'hello'.endswith(('x', 'lo')), 'hello'.startswith('l', 2), 'hello'.endswith('l', 0, 4))",
		"print('hello'.startswith(1))",
		"print('hello world'.upper(), 'HeLLo'.lower(), 'hello world'.title(), 'hELLO'.capitalize(), 'HeLLo'.swapcase(), 'straße'.upper())",
		"print('123'.isdigit(), 'abc'.isalpha(), '  '.isspace(), 'a1'.isalnum(), 'ABC'.isupper(), 'abc'.islower(), ''.isdigit(), 'Ab Cd'.istitle())",
		"print('x1'.isidentifier(), '1x'.isidentifier(), '²'.isdigit(), '²'.isdecimal(), 'abc'.isascii(), 'é'.isascii())",
		"print('abc'.center(9), 'abc'.center(8, '*'), 'abc'.ljust(6, '.'), 'abc'.rjust(6), '42'.zfill(5), '-42'.zfill(6), 'abc'.center(2))",
		"print('abc'.center(5, 'ab'))",
		"print('a=b=c'.partition('='), 'a=b=c'.rpartition('='), 'abc'.partition('x'), 'abc'.rpartition('x'))",
		"print('a\\tb\\tc'.expandtabs(), 'ab\\tc'.expandtabs(4), 'TestCase'.removeprefix('Test'), 'file.py'.removesuffix('.py'))",
		"print('héllo'.encode(), 'abc'.encode('ascii'), b'h\\xc3\\xa9'.decode(), 'é'.encode('latin-1'), b'abc'.decode('ascii'))",
		"print('é'.encode('ascii'))",
		"print(b'\\xff'.decode())",
		"print('{} is {}'.format('x', 1), '{name}!'.format(name='n'), '{0:>5}|{1:<5}|'.format('a', 'b'))",
		"print('%-6s|%6.2f|%+d' % ('ab', 2.5, 3))",
		"print('abc'.upper(1))",
	})
}

func TestBytesMethods(t *testing.T) {
	checkCases(t, "", []string{
		"b = b'hello'\nprint(len(b), b[0], b[1:3], list(b)[:2], b.find(b'l'), b.count(b'l'), b.index(b'o'), b.upper(), b.hex())",
		"print(b'abc'.startswith(b'a'), b'abc'.endswith(b'bc'), b'abc'.decode('utf-8'), b'a' in b'abc')",
		"print(b'abc'.index(b'z'))",
		"ba = bytearray(b'hello')\nba[0] = ord('J')\nba.append(33)\nba.extend(b'!?')\nprint(ba, bytes(ba), len(ba), ba.decode(), ba.pop(), ba == b'Jello!!', list(ba[1:3]), bytearray(3), b'l' in ba)",
		"bytearray(b'a').append(256)",
		"print(b'%d-%s|%5.1f|%r' % (5, b'x', 2.25, 'é'), b'ab'.center(6, b'*'), b'ab'.rjust(4), (1024).to_bytes(2, 'little'), int.from_bytes(b'\\xff\\xfe', 'big', signed=True))",
		"print(b'%s' % 'x')",
	})
}

func TestListMethods(t *testing.T) {
	checkCases(t, "", []string{
		"a = [1, 2]\na.append(3)\na.extend([4, 5])\na.extend(range(2))\na.insert(0, 'x')\na.insert(-1, 'y')\na.insert(100, 'z')\nprint(a)",
		"a = [1, 2, 3, 2]\nprint(a.pop(), a.pop(0), a, a.index(2), a.count(2))\na.remove(2)\nprint(a)",
		"[].pop()",
		"[1].pop(5)",
		"[1].remove(2)",
		"[1, 2].index(3)",
		"print([1, 2, 3, 2].index(2, 2), [1, 2, 3].index(3, -1))",
		"a = [3, 1, 2]\na.sort()\nprint(a)\na.sort(reverse=True)\nprint(a)\na.sort(key=lambda x: -x)\nprint(a)",
		"a = [(1, 'b'), (0, 'a'), (1, 'a'), (0, 'b')]\na.sort(key=lambda p: p[0])\nprint(a)\na.sort(key=lambda p: p[0], reverse=True)\nprint(a)",
		"a = ['b', 'A', 'c']\na.sort(key=str.lower)\nprint(a)",
		"[1, 'a'].sort()",
		"[1].sort(1)",
		"[].append()",
		"a = [1, 2, 3]\na.reverse()\nb = a.copy()\na.clear()\nprint(a, b)",
	})
}

func TestDictMethods(t *testing.T) {
	checkCases(t, "", []string{
		"d = {'a': 1, 'b': 2}\nprint(d.get('a'), d.get('z'), d.get('z', 0), d.keys(), d.values(), d.items())",
		"d = {'a': 1}\nprint(d.setdefault('a', 5), d.setdefault('b', 7), d)",
		"d = {'a': 1, 'b': 2}\nprint(d.pop('a'), d.pop('z', None), d.popitem(), d)",
		"{}.pop('x')",
		"{}.popitem()",
		"d = {}\nd.update({'a': 1}, b=2)\nd.update([('c', 3)])\nd.update(a=0)\nprint(d)",
		"{}.update([1])",
		"{}.update([(1, 2, 3)])",
		"d = {'a': 1}\ne = d.copy()\nd.clear()\nprint(d, e, dict.fromkeys('ab'), dict.fromkeys([1, 2], 0))",
		"d = {'a': 1, 'b': 2}\nk = d.keys()\nd['c'] = 3\nprint(len(k), 'a' in k, list(k), ('a', 1) in d.items(), 2 in d.values())",
		"print({'a': 1, 'b': 2}.keys() & {'a'}, sorted({'a': 1}.keys() | {'z'}), {'a': 1, 'b': 2}.keys() - {'a'})",
		"for k, v in {'x': 1, 'y': 2}.items():\n    print(k, v)",
	})
}

func TestSetMethods(t *testing.T) {
	checkCases(t, "", []string{
		"s = {1, 2}\ns.add(3)\ns.discard(9)\ns.remove(1)\nprint(s, len(s))",
		"set().remove(1)",
		"set().pop()",
		"s = {1, 2, 3}\nprint(s.union([4]), s.intersection([2, 3, 5]), s.difference({1}), s.symmetric_difference({3, 4}))",
		"s = {1, 2, 3}\nprint(s.issubset({1, 2, 3, 4}), s.issuperset([1]), s.isdisjoint({7}), s.union(), s.union({9}, [10]))",
		"s = {1, 2}\ns.update([3], {4})\ns.intersection_update({1, 2, 3})\ns.difference_update([1])\ns.symmetric_difference_update({3, 5})\nprint(s)",
		"f = frozenset([1, 2])\nprint(f.union({3}), f.copy() is f, type(f.union({3})).__name__)",
		"frozenset().add(1)",
		"s = {3, 1, 2}\nc = s.copy()\ns.clear()\nprint(s, c)",
	})
}

func TestStrTranslateAndTuple(t *testing.T) {
	checkCases(t, "", []string{
		"print('abc'.translate(str.maketrans('ab', 'xy')), 'hello'.translate(str.maketrans('', '', 'l')), 'abc'.translate({97: 'AA', 98: None}))",
		"print(str.maketrans({'a': 'b'}), 'aaa'.translate(str.maketrans({'a': 1})))",
		"str.maketrans('ab', 'c')",
		"t = (1, 2, 2, 3)\nprint(t.count(2), t.index(3), t.index(2, 2))",
		"(1,).index(5)",
		"x = 1\ndef f(a):\n    b = 2\n    return sorted(locals()), dir()\nprint(f(0), 'x' in globals())",
	})
}

// TestMethodsAcrossGoroutines runs the mutating methods of list, dict,
// set, deque and the shared random generator from several goroutines at
// once: each call is atomic, so no item is lost and -race stays quiet.
func TestMethodsAcrossGoroutines(t *testing.T) {
	src := `import random
from collections import deque, Counter, defaultdict
lst = []
d = {}
s = set()
dq = deque()
dd = defaultdict(list)
import itertools
ids = itertools.count()
pairs = enumerate(zip(range(10**6), itertools.repeat('x')))
got = []
def worker(id, n):
    for i in range(n):
        lst.append(i)
        lst.extend([i])
        lst.insert(0, i)
        lst.pop()
        d.setdefault((id, i), i)
        d.update({(id, i, 0): i})
        d.pop((id, i, 0))
        s.add((id, i))
        s.discard((id, -1))
        dq.append(i)
        dq.appendleft(i)
        dq.pop()
        dd[id].append(i)
        random.random()
        random.randint(1, 6)
        sorted(lst[:5])
        ",".join(["a", str(i)])
        got.append((next(ids), next(pairs)[0]))
`
	in, m := load(t, src, Options{})
	worker := m.Globals().GetStr("worker")
	const goroutines, n = 4, 300
	inGoroutines(t, in, goroutines, func(th *Thread, g int) error {
		_, err := Call(th, worker, Int(g), Int(n))
		return err
	})
	get := func(name string) Value { return m.Globals().GetStr(name) }
	if l := get("lst").(*List).Len(); l != 2*goroutines*n {
		t.Errorf("len(lst) = %d, want %d", l, 2*goroutines*n)
	}
	if l := get("d").(*Dict).Len(); l != goroutines*n {
		t.Errorf("len(d) = %d, want %d", l, goroutines*n)
	}
	if l := get("s").(*Set).Len(); l != goroutines*n {
		t.Errorf("len(s) = %d, want %d", l, goroutines*n)
	}
	if l := get("dq").(*deque).Len(); l != goroutines*n {
		t.Errorf("len(dq) = %d, want %d", l, goroutines*n)
	}
	if l := get("dd").(*dictSub).Len(); l != goroutines {
		t.Errorf("len(dd) = %d, want %d", l, goroutines)
	}
	// Shared iterators hand out each item once.
	seenID, seenPair := map[Value]bool{}, map[Value]bool{}
	for _, v := range get("got").(*List).Snapshot() {
		p := v.(Tuple)
		seenID[p[0]], seenPair[p[1]] = true, true
	}
	if len(seenID) != goroutines*n || len(seenPair) != goroutines*n {
		t.Errorf("shared count() gave %d distinct ids and enumerate %d distinct indexes, want %d each", len(seenID), len(seenPair), goroutines*n)
	}
}
