package python

import (
	"fmt"
	"syscall"
	"testing"
)

func TestMathModule(t *testing.T) {
	checkCases(t, "import math", []string{
		"print(math.pi, math.e, math.tau, math.inf, math.nan)",
		"print(math.sqrt(2), math.sqrt(16), math.exp(1), math.log(100, 10), math.log(8, 2), math.log10(1000), math.log2(1024))",
		"print(math.sin(math.pi), math.cos(0), math.atan2(1, 1), math.hypot(3, 4), math.degrees(math.pi))",
		"print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(3), type(math.floor(2.0)).__name__)",
		"print(math.factorial(20), math.comb(10, 3), math.perm(5, 2), math.gcd(12, 18), math.lcm(4, 6), math.isqrt(99))",
		"print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.isclose(0.1 + 0.2, 0.3))",
		"print(math.pow(2, 10), math.pow(1.1, 10), math.fmod(7, 3), math.copysign(1, -0.0), math.fabs(-3))",
		"print(math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1e308), math.frexp(12.5), math.modf(-3.25), math.ldexp(1, 10))",
		"print(math.log(2 ** 10000), math.log10(10 ** 500), math.log2(2 ** 2000))",
		"math.sqrt(-1)",
		"math.log(0)",
		"math.exp(1000)",
		"math.factorial(-1)",
		"math.sqrt('a')",
		"math.sqrt()",
		"math.floor(math.inf)",
		"math.atan2(1)",
	})
}

func TestRandomModule(t *testing.T) {
	checkCases(t, "import random", []string{
		"random.seed(7)\nprint(random.random(), random.random())",
		"random.seed(42)\nprint([random.randint(1, 6) for _ in range(10)], random.randrange(100), random.randrange(0, 100, 5))",
		"random.seed(3)\nl = list(range(10))\nrandom.shuffle(l)\nprint(l, random.choice('abcdef'), random.sample(range(100), 5))",
		"random.seed('hello')\nprint(random.random(), random.getrandbits(70), random.uniform(1, 2))",
		"random.seed(1)\nprint(random.choices('abc', k=5), random.choices('abc', weights=[1, 0, 3], k=4), random.choices(range(3), cum_weights=[1, 1, 2], k=3))",
		"random.seed(5.0)\nprint(random.random())",
		"r = random.Random(99)\nprint(r.random(), r.randint(0, 10))",
		"random.seed(2)\nprint(random.sample(['a', 'b', 'c'], k=2, counts=[1, 2, 3]))",
		"random.choice([])",
		"random.randrange(0)",
		"random.randint(5, 2)",
		"random.sample({1, 2}, 1)",
		"random.seed([1])",
	})
}

func TestSysTimeStringModules(t *testing.T) {
	checkCases(t, "import sys, time, string", []string{
		"n = sys.stdout.write('hi\\n')\nprint(n, sys.maxsize, sys.getrecursionlimit(), type(sys.argv).__name__)",
		"sys.setrecursionlimit(2000)\nprint(sys.getrecursionlimit())\nsys.setrecursionlimit(1000)",
		"sys.setrecursionlimit(0)",
		"sys.stdout.write(5)",
		"t0 = time.time()\nm0 = time.monotonic()\ntime.sleep(0.01)\nprint(time.time() >= t0, time.monotonic() - m0 >= 0.01, type(time.perf_counter()).__name__, type(time.time_ns()).__name__)",
		"time.sleep(-1)",
		"time.sleep('a')",
		"print(string.ascii_letters, string.digits, string.punctuation, repr(string.whitespace), string.hexdigits, string.octdigits)",
		"print(string.capwords('hello   big world'), string.capwords('a-b-c', '-'))",
		"try:\n    sys.exit(3)\nexcept SystemExit as e:\n    print('exit', e.code)",
	})
}

func TestItertoolsModule(t *testing.T) {
	checkCases(t, "import itertools as it", []string{
		"c = it.count(5)\nprint(next(c), next(c), c, it.count(1, 0.5), list(it.islice(it.count(2, 3), 4)))",
		"print(list(it.islice(it.cycle('ab'), 5)), list(it.repeat('x', 3)), it.repeat(1, 2), list(it.islice(it.repeat(0), 2)))",
		"print(list(it.chain([1, 2], 'ab', ())), list(it.chain.from_iterable([[1], [2, 3]])))",
		"print(list(it.islice(range(10), 2, 8, 3)), list(it.islice('abcdef', None, 3)), list(it.islice('abc', 1, None)))",
		"print(list(it.product('ab', [1, 2])), list(it.product([0, 1], repeat=2)), list(it.product()), list(it.product([], [1])))",
		"print(list(it.permutations('abc')), list(it.permutations(range(3), 2)), list(it.permutations('ab', 3)))",
		"print(list(it.combinations('abcd', 2)), list(it.combinations(range(3), 0)), list(it.combinations('ab', 3)))",
		"print(list(it.combinations_with_replacement('abc', 2)))",
		"print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], lambda a, b: a * b)), list(it.accumulate([1], initial=10)))",
		"print(list(it.zip_longest('abc', [1])), list(it.zip_longest([1, 2], 'x', fillvalue='-')))",
		"print(list(it.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(it.dropwhile(lambda x: x < 3, [1, 2, 5, 1])))",
		"print(list(it.starmap(pow, [(2, 3), (3, 2)])), list(it.pairwise('abcd')), list(it.compress('abcdef', [1, 0, 1])), list(it.filterfalse(None, [0, 1, 0, 2])))",
		"print([(k, list(g)) for k, g in it.groupby('aaabccaa')], [(k, len(list(g))) for k, g in it.groupby([1, 3, 2, 4], key=lambda x: x % 2)])",
		"print([k for k, g in it.groupby('aabbc')])",
		"it.islice('a', -1)",
		"it.permutations('a', -1)",
	})
}

func TestCollectionsModule(t *testing.T) {
	checkCases(t, "from collections import namedtuple, deque, defaultdict, Counter, OrderedDict", []string{
		"P = namedtuple('P', 'x y')\np = P(1, y=2)\nprint(p, p.x, p[1], len(p), list(p), p._asdict(), p._replace(x=9), P._fields, isinstance(p, tuple))",
		"P = namedtuple('P', ['a', 'b'], defaults=[0])\nprint(P(1), P(1, 2), P._make([3, 4]), P(1, 2) == (1, 2))\nx, y = P(5, 6)\nprint(x, y)",
		"P = namedtuple('P', 'x y')\nP(1)",
		"P = namedtuple('P', 'x y')\nP(1, 2, 3)",
		"namedtuple('P', 'x x')",
		"namedtuple('P', '_x')",
		"namedtuple('P', 'class')",
		"d = deque([1, 2, 3])\nd.append(4)\nd.appendleft(0)\nprint(d, d.pop(), d.popleft(), d, len(d), d[0], d[-1], 2 in d)",
		"d = deque(range(5), maxlen=3)\nprint(d, d.maxlen)\nd.append(9)\nd.appendleft(7)\nprint(d)\nd.rotate(1)\nprint(d)\nd.rotate(-2)\nprint(d)",
		"d = deque()\nd.extend('ab')\nd.extendleft('cd')\nprint(d, d.count('a'), d.index('a'), list(d))\nd.remove('a')\nd.reverse()\nprint(d, deque() == deque(), bool(deque()))",
		"deque().pop()",
		"dd = defaultdict(list)\ndd['a'].append(1)\ndd['b']\nprint(dd, dict(dd), isinstance(dd, dict), dd.default_factory, 'a' in dd, len(dd))",
		"dd = defaultdict(int)\nfor c in 'abca':\n    dd[c] += 1\nprint(dd, sorted(dd.items()), dd.get('z'), list(dd.keys()))",
		"dd = defaultdict()\ndd['x']",
		"c = Counter('abracadabra')\nprint(c, c.most_common(2), c['a'], c['z'], sum(c.values()), c.total())",
		"c = Counter(a=2, b=1)\nc.update('aab')\nc.subtract({'b': 1})\nprint(c, sorted(c.elements()), Counter('ab') + Counter('b'), Counter('aab') - Counter('ab'))",
		"c = Counter([1, 2, 2])\nprint(c == {1: 1, 2: 2}, list(c), c.most_common())",
		"od = OrderedDict()\nod['b'] = 1\nod['a'] = 2\nod.move_to_end('b')\nprint(od, list(od), OrderedDict(), od.popitem())\nod.move_to_end('a', last=False)",
	})
}

func TestFunctoolsModule(t *testing.T) {
	checkCases(t, "import functools\nfrom functools import partial, reduce, wraps, lru_cache, cache, cmp_to_key, total_ordering", []string{
		"def f(a, b, c=3):\n    return a + b + c\np = partial(f, 1, c=5)\nprint(p.func.__name__, p.args, p.keywords, p(2), p(2, c=0), partial(p, 10)())",
		"partial(1)",
		"print(reduce(lambda a, b: a * b, [1, 2, 3, 4]), reduce(lambda a, b: a + b, [], 10), reduce(max, [3, 9, 2]))",
		"reduce(lambda a, b: a + b, [])",
		"def deco(fn):\n    @wraps(fn)\n    def inner(*a):\n        return fn(*a)\n    return inner\n@deco\ndef hello(x):\n    'doc'\n    return x\nprint(hello.__name__, hello(3), hello.__wrapped__.__name__)",
		"@lru_cache(maxsize=2)\ndef g(x):\n    return x * 2\ng(1); g(1); g(2); g(3); g(1)\nprint(g.cache_info(), g(3), g.__name__)\ng.cache_clear()\nprint(g.cache_info())",
		"@lru_cache\ndef fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nprint(fib(80), fib.cache_info().hits)",
		"@cache\ndef h(x):\n    return x\nh(1); h(1)\nprint(h.cache_info())",
		"def cmp(a, b):\n    return (a > b) - (a < b)\nprint(sorted([3, 1, 2], key=cmp_to_key(cmp)), sorted('bca', key=cmp_to_key(lambda a, b: -cmp(a, b))))",
		"@total_ordering\nclass V:\n    def __init__(self, v):\n        self.v = v\n    def __eq__(self, o):\n        return self.v == o.v\n    def __lt__(self, o):\n        return self.v < o.v\nprint(V(1) <= V(2), V(2) >= V(1), V(3) > V(1), V(1) > V(1), V(1) >= V(1))",
	})
}

func TestTypingDataclassesModules(t *testing.T) {
	checkCases(t, "from typing import List, Dict, Optional, Any, Callable, Tuple, Union, TypeVar, Generic, cast\nfrom dataclasses import dataclass, field, fields, asdict, astuple, replace, FrozenInstanceError", []string{
		"def f(x: List[int], y: Optional[Dict[str, int]] = None) -> Tuple[int, ...]:\n    return (len(x),)\nprint(f([1, 2]), List[int], Optional[int], Union[int, str], Dict[str, Any], cast(int, 'x'))",
		"T = TypeVar('T')\nclass Box(Generic[T]):\n    def __init__(self, v: T):\n        self.v = v\nprint(Box(3).v, T, Callable[[int], str])",
		"@dataclass\nclass P:\n    x: int\n    y: int = 0\n    tags: list = field(default_factory=list)\np = P(1)\np.tags.append('a')\nprint(p, P(1, 2) == P(1, 2), P(1) == P(2), P(3, y=4), [f.name for f in fields(p)], asdict(p), astuple(P(5, 6)))",
		"@dataclass\nclass P:\n    x: int\n    y: int = 0\nprint(replace(P(1, 2), y=9))\nP()",
		"@dataclass\nclass P:\n    x: int\nP(1, 2)",
		"@dataclass\nclass P:\n    x: int\nP(1, z=2)",
		"@dataclass(frozen=True)\nclass F:\n    a: int\nf = F(1)\nprint(f, hash(f) == hash(F(1)))\ntry:\n    f.a = 2\nexcept FrozenInstanceError as e:\n    print('frozen:', e)",
		"@dataclass(order=True)\nclass V:\n    a: int\n    b: str = 'x'\nprint(V(1) < V(2), V(2, 'a') > V(2, 'b'), sorted([V(3), V(1), V(2)]))",
		"@dataclass\nclass B:\n    a: int = 1\n    b: int",
		"@dataclass\nclass C:\n    a: list = []",
		"@dataclass\nclass P:\n    x: int\nhash(P(1))",
		"@dataclass\nclass Q:\n    x: int\n    y: int = field(default=5, repr=False)\n    def __post_init__(self):\n        self.z = self.x * 2\nq = Q(3)\nprint(q, q.z, q.y)",
		"@dataclass\nclass Base:\n    a: int\n@dataclass\nclass Child(Base):\n    b: int = 2\nprint(Child(1), Child(1, 3).b)",
	})
}

func TestTimeCalendar(t *testing.T) {
	checkCases(t, "import time", []string{
		"g = time.gmtime(1700000000)\nprint(g, g.tm_year, g[1], tuple(g))",
		"print(time.strftime('%Y-%m-%d %H:%M:%S %a %A %b %B %j %p %I %y %w %%', time.gmtime(1700000000)))",
		"print(time.strftime('%c|%x|%X', time.gmtime(86400 * 45)), time.asctime(time.gmtime(0)))",
		"lt = time.localtime(1234567890)\nprint(lt.tm_hour == time.localtime(1234567890).tm_hour, time.mktime(lt), time.ctime(1234567890))",
		"print(type(time.localtime()).__name__, len(time.strftime('%H:%M')))",
	})
}

func TestHeapqBisect(t *testing.T) {
	checkCases(t, "import heapq, bisect, random", []string{
		"random.seed(4)\nh = []\nfor x in [random.randint(0, 50) for _ in range(30)]:\n    heapq.heappush(h, x)\nprint(h)\nprint([heapq.heappop(h) for _ in range(10)], h)",
		"random.seed(5)\nl = [random.random() for _ in range(25)]\nheapq.heapify(l)\nprint(l)\nprint(heapq.heapreplace(l, 0.5), heapq.heappushpop(l, 0.01), l[:5])",
		"print(heapq.nlargest(3, [5, 1, 8, 3, 9]), heapq.nsmallest(2, 'hello'), heapq.nlargest(2, [(1, 'a'), (3, 'b'), (2, 'c')], key=lambda p: p[0]))",
		"h = [(2, 'b'), (1, 'a'), (3, 'c')]\nheapq.heapify(h)\nprint(heapq.heappop(h), h)",
		"heapq.heappop([])",
		"a = [1, 2, 2, 4, 7]\nprint(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 5), bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 9, 0, 3))\nbisect.insort(a, 3)\nbisect.insort_left(a, 2)\nprint(a)",
		"a = [('a', 1), ('c', 3)]\nbisect.insort(a, ('b', 2), key=lambda p: p[1])\nprint(a, bisect.bisect([1, 2], 1, key=None))",
	})
}

func TestCopyModule(t *testing.T) {
	checkCases(t, "import copy\nfrom collections import deque, defaultdict", []string{
		"a = [[1, 2], {'k': [3]}, (4, [5])]\nb = copy.copy(a)\nc = copy.deepcopy(a)\na[0].append(9)\na[1]['k'].append(8)\na[2][1].append(7)\nprint(b, c, b[0] is a[0], c[0] is a[0])",
		"x = [1]\nx.append(x)\ny = copy.deepcopy(x)\nprint(y[1] is y, y[0])",
		"class P:\n    def __init__(self):\n        self.items = [1]\np = P()\nq = copy.copy(p)\nr = copy.deepcopy(p)\np.items.append(2)\nprint(q.items, r.items, type(r).__name__)",
		"d = deque([1, [2]])\ne = copy.deepcopy(d)\nd[1].append(3)\nprint(e, copy.copy(defaultdict(int, a=1)))",
		"t = (1, 2)\nprint(copy.deepcopy(t) is t, copy.copy({1, 2}), copy.deepcopy(frozenset([1])))",
	})
}

func TestSubclassedLibraryTypes(t *testing.T) {
	checkCases(t, "from collections import namedtuple, deque, Counter, defaultdict", []string{
		"class V(namedtuple('V', 'a b')):\n    def total(self):\n        return self.a + self.b\nv = V(1, 2)\nprint(v, v.total(), v.a, v[1], isinstance(v, tuple))\ntry:\n    v.a = 5\nexcept AttributeError as e:\n    print('AttributeError:', e)",
		"class D(deque):\n    pass\nd = D([1, 2], maxlen=3)\nd.append(3)\nd.append(4)\nprint(list(d), d.maxlen, len(d))",
		"class C(Counter):\n    pass\nc = C('aab')\nprint(c['a'], c.most_common(1))",
		"class N(int):\n    pass\nprint(N(5).real, N(5).bit_length(), (3.5).real, (2).imag)",
	})
}

// time.process_time is the process's CPU time, as CPython's is: the value a
// program reads lies between the rusage taken just before and just after.
func TestProcessTimeIsCPUTime(t *testing.T) {
	cpu := func() float64 {
		var ru syscall.Rusage
		if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
			t.Fatal(err)
		}
		return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
	}
	before := cpu()
	got, stderr := runOurs("import time\nprint(repr(time.process_time()), time.process_time_ns())")
	after := cpu()
	var secs float64
	var ns int64
	if _, err := fmt.Sscan(got.stdout, &secs, &ns); err != nil {
		t.Fatalf("output %q (%s): %v", got.stdout, stderr, err)
	}
	for _, v := range []float64{secs, float64(ns) / 1e9} {
		if v < before-1e-3 || v > after+1e-3 {
			t.Errorf("process_time gave %v, but the process had used between %v and %v s of CPU", v, before, after)
		}
	}
}
