package compile

import (
	"testing"

	"threadlab/lessons/python/resolve"
	"threadlab/lessons/python/syntax"
)

var seeds = []string{
	"x = 1\nprint(x + 2)\n",
	"def f(a, b=1, *c, d, e=2, **g):\n    return a\n",
	"class A(B):\n    def m(self):\n        return super().m()\n",
	"try:\n    pass\nexcept E as e:\n    raise\nelse:\n    pass\nfinally:\n    return_ = 1\n",
	"with a as b, c:\n    for i in x:\n        if i: break\n        else: continue\n",
	"def g():\n    x = yield 1\n    yield from h()\n    return [y for y in x if y]\n",
	"def outer():\n    v = 0\n    def inner():\n        nonlocal v\n        v += 1\n    return inner\n",
	"a, *b, c = d\n(e := 5)\nf'{a!r:>{w}}'\nlambda x, /, y=1: x\n",
	"global q\nimport m as n\nfrom m import p, q as r\ndel a[1:2], b.c\nassert x, y\n",
	"while True:\n    try:\n        continue\n    finally:\n        break\n",
	"class C:\n    x: int = 1\n    def f(self):\n        return __class__\n",
	"{**a, 'b': 1}\n[*a, *b]\nf(*a, **b, c=1)\n{x: y for x, y in z}\n{s for s in t}\n(g for g in h)\n",
	"from __future__ import annotations\nx: y = 1\ndef f(a: [i for i in b]) -> (lambda: c): pass\n",
}

// FuzzCompile checks that the compiler never panics on a program the
// parser and the resolver accept: it returns code or a SyntaxError.
func FuzzCompile(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		m, err := syntax.Parse("fuzz.py", []byte(src))
		if err != nil || resolve.File(m, []byte(src)) != nil {
			return
		}
		code, err := Module(m, false)
		if err != nil {
			if _, ok := err.(*syntax.Error); !ok {
				t.Fatalf("error %T is not a *syntax.Error: %v", err, err)
			}
			return
		}
		if code == nil {
			t.Fatal("no code and no error")
		}
	})
}

func TestSeedsCompile(t *testing.T) {
	for _, s := range seeds {
		m, err := syntax.Parse("seed.py", []byte(s))
		if err != nil {
			t.Fatalf("seed does not parse: %v\n%s", err, s)
		}
		if err := resolve.File(m, []byte(s)); err != nil {
			t.Fatalf("seed does not resolve: %v\n%s", err, s)
		}
		if _, err := Module(m, false); err != nil {
			t.Errorf("seed does not compile: %v\n%s", err, s)
		}
	}
}
