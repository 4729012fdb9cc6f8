package python

import "testing"

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
