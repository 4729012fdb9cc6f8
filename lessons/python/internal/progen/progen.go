// Package progen generates random, deterministic Python programs for the
// differential test that runs each one on threadlab and on CPython and
// compares what they print.
//
// A program is a list of top-level statements (Program.Stmts) so that a
// mismatch can be shrunk by dropping statements. The generator knows the
// type of every variable it has made and an upper bound on its size (bits of
// an int, length of a str or container), so programs stay small and fast:
// nothing grows without bound, loops are short, and operations that would
// raise are written so that they cannot (a divisor is abs(x)+1, an index is
// taken modulo the length) — except for the few statements the Errors
// feature adds on purpose.
//
// Features selects which parts of the language a program may use, so the
// test can leave out what the interpreter does not do yet.
package progen

import (
	"fmt"
	"math/rand"
	"strconv"
	"strings"
)

// Features is a set of language areas a generated program may use.
type Features uint32

const (
	Ints    Features = 1 << iota // int arithmetic, big ints, divmod-style operators
	Floats                       // float arithmetic and repr
	Strings                      // str literals, concatenation, methods
	Lists                        // list literals, comprehensions, methods
	Dicts                        // dict literals, lookups, methods
	Sets                         // sets of small ints and set algebra
	Compare                      // comparisons, chained comparisons, in, and/or/not
	Slicing                      // slices with steps on str and list
	If                           // if/elif/else
	While                        // while loops with break and continue
	For                          // for loops over ranges, lists, strs and dicts
	Funcs                        // def and calls
	Format                       // f-strings with specs, % formatting, format()
	Errors                       // statements that raise ZeroDivisionError, IndexError, KeyError, TypeError, ValueError, NameError, AttributeError
)

// All is every feature.
const All = Ints | Floats | Strings | Lists | Dicts | Sets | Compare | Slicing | If | While | For | Funcs | Format | Errors

var featureNames = []struct {
	name string
	f    Features
}{
	{"ints", Ints}, {"floats", Floats}, {"strings", Strings}, {"lists", Lists},
	{"dicts", Dicts}, {"sets", Sets}, {"compare", Compare}, {"slicing", Slicing},
	{"if", If}, {"while", While}, {"for", For}, {"funcs", Funcs},
	{"format", Format}, {"errors", Errors},
}

// ParseFeatures reads a comma-separated list of feature names ("ints,lists"),
// or "all".
func ParseFeatures(s string) (Features, error) {
	var f Features
	for _, word := range strings.Split(s, ",") {
		word = strings.TrimSpace(word)
		if word == "" {
			continue
		}
		if word == "all" {
			f |= All
			continue
		}
		found := false
		for _, n := range featureNames {
			if n.name == word {
				f |= n.f
				found = true
			}
		}
		if !found {
			return 0, fmt.Errorf("progen: unknown feature %q (known: all, %s)", word, All)
		}
	}
	return f, nil
}

// String lists the features by name, comma-separated.
func (f Features) String() string {
	var names []string
	for _, n := range featureNames {
		if f&n.f != 0 {
			names = append(names, n.name)
		}
	}
	return strings.Join(names, ",")
}

// Program is a generated program as top-level statements, each one or
// more complete lines.
type Program struct {
	Stmts []string
}

// Source is the program's text.
func (p Program) Source() string {
	return strings.Join(p.Stmts, "")
}

// Without returns the program with statement i removed.
func (p Program) Without(i int) Program {
	s := make([]string, 0, len(p.Stmts)-1)
	s = append(s, p.Stmts[:i]...)
	return Program{Stmts: append(s, p.Stmts[i+1:]...)}
}

// kind is the static type of a generated expression or variable.
type kind int

const (
	kInt kind = iota
	kFloat
	kStr
	kList // list of ints
	kDict // dict of str -> int
	kSet  // set of small ints
	kBool
	nKinds
)

// Size bounds: an int's bits, a string's or container's length.
const (
	maxBits = 256
	maxLen  = 60
)

type variable struct {
	name string
	k    kind
	size int  // upper bound: bits for ints and floats' integer part, length otherwise
	loop bool // a loop counter, which a loop body must not change
}

type function struct {
	name   string
	params []kind
	result kind
	size   int
}

// gen holds the state of one program being generated.
type gen struct {
	r      *rand.Rand
	f      Features
	vars   []variable
	funcs  []function
	nvar   int
	inLoop bool
	depth  int      // nesting of blocks
	mult   int      // how many times the current block can run: the product of the enclosing loops' counts
	heads  []string // the heads of the enclosing for loops
	inF    bool     // inside an f-string, where 3.11 allows no f-string with the same quotes
}

// Generate makes one program using only the features in f. Ints are
// always available (loop counters and lengths need them).
func Generate(r *rand.Rand, f Features) Program {
	g := &gen{r: r, f: f | Ints, mult: 1}
	n := 4 + r.Intn(10)
	var p Program
	for i := 0; i < n; i++ {
		p.Stmts = append(p.Stmts, g.topStmt())
	}
	p.Stmts = append(p.Stmts, g.printAll())
	return p
}

func (g *gen) has(f Features) bool { return g.f&f != 0 }

func (g *gen) chance(pct int) bool { return g.r.Intn(100) < pct }

// kinds the features allow.
func (g *gen) kinds() []kind {
	ks := []kind{kInt}
	for _, c := range []struct {
		f Features
		k kind
	}{{Floats, kFloat}, {Strings, kStr}, {Lists, kList}, {Dicts, kDict}, {Sets, kSet}, {Compare, kBool}} {
		if g.has(c.f) {
			ks = append(ks, c.k)
		}
	}
	return ks
}

func (g *gen) anyKind() kind {
	ks := g.kinds()
	return ks[g.r.Intn(len(ks))]
}

func (g *gen) newName() string {
	g.nvar++
	return "v" + strconv.Itoa(g.nvar)
}

func (g *gen) varsOf(k kind, maxSize int) []variable {
	var vs []variable
	for _, v := range g.vars {
		if v.k == k && v.size <= maxSize {
			vs = append(vs, v)
		}
	}
	return vs
}

func indent(depth int, line string) string {
	return strings.Repeat("    ", depth) + line + "\n"
}

// topStmt is one top-level statement.
func (g *gen) topStmt() string {
	for {
		switch g.r.Intn(10) {
		case 0, 1, 2, 3:
			return g.assign(0)
		case 4:
			return g.printStmt(0)
		case 5:
			if g.has(If) {
				return g.ifStmt(0)
			}
		case 6:
			if g.has(For) {
				return g.forStmt(0)
			}
		case 7:
			if g.has(While) {
				return g.whileStmt(0)
			}
		case 8:
			if g.has(Funcs) && len(g.funcs) < 4 {
				return g.defStmt()
			}
		case 9:
			if g.has(Errors) && g.chance(20) {
				return g.errorStmt(0)
			}
		}
	}
}

// assign binds a new variable, or at depth 0 sometimes rebinds an old one
// of the same kind.
func (g *gen) assign(depth int) string {
	k := g.anyKind()
	code, size := g.expr(k, 3)
	name := g.newName()
	if depth == 0 && len(g.vars) > 0 && g.chance(25) {
		if olds := g.varsOf(k, 1<<30); len(olds) > 0 {
			old := olds[g.r.Intn(len(olds))]
			name = old.name
			for i := range g.vars {
				if g.vars[i].name == name {
					g.vars[i].size = size
				}
			}
			return indent(depth, name+" = "+code)
		}
	}
	if depth == 0 {
		g.vars = append(g.vars, variable{name: name, k: k, size: size})
	}
	return indent(depth, name+" = "+code)
}

func (g *gen) printStmt(depth int) string {
	n := 1 + g.r.Intn(3)
	args := make([]string, n)
	for i := range args {
		k := g.anyKind()
		args[i], _ = g.expr(k, 2)
		if k == kSet {
			// A set's printed order is CPython's hash-table layout, which
			// the language does not define.
			args[i] = "sorted(" + args[i] + ")"
		}
	}
	tail := ""
	if g.chance(15) {
		tail = ", sep=" + strconv.Quote([]string{"", ",", " | "}[g.r.Intn(3)])
	}
	return indent(depth, "print("+strings.Join(args, ", ")+tail+")")
}

// block is the body of an if, loop or function: prints, augmented
// assignments to existing ints and lists (which stay bounded because loops
// are short and the sizes are bumped), and nested control flow.
func (g *gen) block(depth int) string {
	var b strings.Builder
	n := 1 + g.r.Intn(3)
	for i := 0; i < n; i++ {
		switch c := g.r.Intn(6); {
		case c <= 1:
			b.WriteString(g.printStmt(depth))
		case c == 2:
			b.WriteString(g.mutate(depth))
		case c == 3 && g.depth < 2 && g.has(If):
			g.depth++
			b.WriteString(g.ifStmt(depth))
			g.depth--
		case c == 4 && g.depth < 2 && g.has(For):
			g.depth++
			b.WriteString(g.forStmt(depth))
			g.depth--
		case c == 5 && g.inLoop && g.has(Compare):
			cond, _ := g.expr(kBool, 2)
			word := "break"
			if g.chance(50) {
				word = "continue"
			}
			b.WriteString(indent(depth, "if "+cond+":"))
			b.WriteString(indent(depth+1, word))
		default:
			b.WriteString(g.printStmt(depth))
		}
	}
	return b.String()
}

// mutate changes an existing int, list or string by a bounded step.
func (g *gen) mutate(depth int) string {
	iterations := g.mult
	for range g.vars {
		v := &g.vars[g.r.Intn(len(g.vars))]
		if v.loop {
			continue
		}
		switch v.k {
		case kInt:
			if v.size+iterations+8 > maxBits*2 {
				continue
			}
			op := []string{"+=", "-=", "*="}[g.r.Intn(3)]
			lit := 1 + g.r.Intn(9)
			v.size += iterations*4 + 4
			return indent(depth, fmt.Sprintf("%s %s %d", v.name, op, lit))
		case kList:
			// Another name or a function's result may alias the list a
			// loop iterates over, so no list grows inside a for loop
			// over a list.
			if v.size+iterations > maxLen*2 || g.overList() {
				continue
			}
			e, _ := g.expr(kInt, 1)
			v.size += iterations
			return indent(depth, v.name+".append("+e+")")
		case kStr:
			// As for lists: a loop over this string (or one built from
			// it) would run longer each time an outer loop comes round.
			if v.size+iterations*2 > maxLen*2 || g.overList() {
				continue
			}
			v.size += iterations * 2
			return indent(depth, v.name+" += "+g.strLit())
		}
	}
	return g.printStmt(depth)
}

func (g *gen) ifStmt(depth int) string {
	cond := g.cond()
	var b strings.Builder
	b.WriteString(indent(depth, "if "+cond+":"))
	b.WriteString(g.block(depth + 1))
	if g.chance(40) {
		b.WriteString(indent(depth, "elif "+g.cond()+":"))
		b.WriteString(g.block(depth + 1))
	}
	if g.chance(50) {
		b.WriteString(indent(depth, "else:"))
		b.WriteString(g.block(depth + 1))
	}
	return b.String()
}

// cond is a condition: a comparison when allowed, else an int's truth.
func (g *gen) cond() string {
	if g.has(Compare) {
		c, _ := g.expr(kBool, 2)
		return c
	}
	c, _ := g.expr(kInt, 2)
	return c
}

func (g *gen) loopVar() string {
	g.nvar++
	return "i" + strconv.Itoa(g.nvar)
}

func (g *gen) forStmt(depth int) string {
	n := 1 + g.r.Intn(4)
	iv := g.loopVar()
	var head string
	k := kInt
	switch g.r.Intn(4) {
	case 0:
		head = fmt.Sprintf("for %s in range(%d):", iv, n)
	case 1:
		head = fmt.Sprintf("for %s in range(%d, %d, %d):", iv, g.r.Intn(5)-2, 10, 1+g.r.Intn(4))
		n = 12
	case 2:
		if g.has(Lists) {
			e, size := g.expr(kList, 2)
			head, n = "for "+iv+" in "+e+":", size
			break
		}
		head = fmt.Sprintf("for %s in range(%d):", iv, n)
	case 3:
		if g.has(Strings) {
			e, size := g.expr(kStr, 1)
			head, n, k = "for "+iv+" in "+e+":", size, kStr
			break
		}
		head = fmt.Sprintf("for %s in reversed(range(%d)):", iv, n)
	}
	if n > 12 {
		return g.printStmt(depth)
	}
	size := 8
	if k == kStr {
		size = 1
	}
	g.heads = append(g.heads, head)
	body := g.loopBody(depth+1, variable{name: iv, k: k, size: size, loop: true}, n)
	g.heads = g.heads[:len(g.heads)-1]
	out := indent(depth, head) + body
	if g.chance(20) {
		out += indent(depth, "else:") + g.block(depth+1)
	}
	return out
}

// overList tells whether an enclosing for loop iterates over something
// other than a range: a list or a string.
func (g *gen) overList() bool {
	for _, h := range g.heads {
		if !strings.Contains(h, " in range(") && !strings.Contains(h, " in reversed(range(") {
			return true
		}
	}
	return false
}

// loopBody is the block of a loop that runs n times with counter iv.
func (g *gen) loopBody(depth int, iv variable, n int) string {
	g.vars = append(g.vars, iv)
	savedLoop, savedMult := g.inLoop, g.mult
	g.inLoop, g.mult = true, g.mult*n
	body := g.block(depth)
	g.inLoop, g.mult = savedLoop, savedMult
	for i := range g.vars {
		if g.vars[i].name == iv.name {
			g.vars = append(g.vars[:i], g.vars[i+1:]...)
			break
		}
	}
	return body
}

func (g *gen) whileStmt(depth int) string {
	iv := g.loopVar()
	n := 1 + g.r.Intn(5)
	body := g.loopBody(depth+1, variable{name: iv, k: kInt, size: 8, loop: true}, n)
	// The counter moves first so that continue cannot loop forever.
	return indent(depth, iv+" = 0") +
		indent(depth, fmt.Sprintf("while %s < %d:", iv, n)) +
		indent(depth+1, iv+" += 1") + body
}

// defStmt defines a function of one to three parameters; its body sees
// only its parameters (and globals read by the expressions).
func (g *gen) defStmt() string {
	name := fmt.Sprintf("f%d", len(g.funcs))
	np := 1 + g.r.Intn(3)
	params := make([]kind, np)
	saved := g.vars
	g.vars = nil
	names := make([]string, np)
	for i := range params {
		params[i] = g.anyKind()
		names[i] = fmt.Sprintf("p%d", i)
		g.vars = append(g.vars, variable{name: names[i], k: params[i], size: paramSize(params[i])})
	}
	var b strings.Builder
	b.WriteString("def " + name + "(" + strings.Join(names, ", ") + "):\n")
	local := g.newName()
	lk := g.anyKind()
	le, ls := g.expr(lk, 2)
	b.WriteString(indent(1, local+" = "+le))
	g.vars = append(g.vars, variable{name: local, k: lk, size: ls})
	if g.has(If) && g.chance(50) {
		b.WriteString(indent(1, "if "+g.cond()+":"))
		re, _ := g.expr(lk, 2)
		b.WriteString(indent(2, "return "+re))
	}
	result, size := g.expr(lk, 2)
	b.WriteString(indent(1, "return "+result))
	g.vars = saved
	g.funcs = append(g.funcs, function{name, params, lk, size})
	return b.String()
}

// paramSize is what a function assumes its arguments can be; calls pass
// only values within it.
func paramSize(k kind) int {
	if k == kInt || k == kFloat {
		return 64
	}
	return 12
}

// errorStmt raises one of the common errors, caught and printed half of
// the time; uncaught, it ends the program.
func (g *gen) errorStmt(depth int) string {
	var e string
	switch g.r.Intn(9) {
	case 6:
		e = "undefined_name + 1"
	case 7:
		a, _ := g.expr(kInt, 1)
		e = "(" + a + ").nope"
	case 8:
		a, _ := g.expr(kInt, 1)
		e = "len(" + a + ")"
	case 0:
		a, _ := g.expr(kInt, 1)
		e = a + " // 0"
	case 1:
		a, _ := g.expr(kInt, 1)
		e = a + " % (3 - 3)"
	case 2:
		if g.has(Lists) {
			l, size := g.expr(kList, 1)
			e = fmt.Sprintf("%s[%d]", l, size+g.r.Intn(3))
			break
		}
		e = "[][0]"
	case 3:
		if g.has(Dicts) {
			d, _ := g.expr(kDict, 1)
			e = d + "['zz']"
			break
		}
		e = "{}['zz']"
	case 4:
		a, _ := g.expr(kInt, 1)
		e = a + " + " + g.strLit()
	case 5:
		e = "int(" + g.strLit() + ")"
	}
	if g.chance(50) {
		return indent(depth, "try:") + indent(depth+1, "print("+e+")") +
			indent(depth, "except Exception as exc:") +
			indent(depth+1, "print(type(exc).__name__, exc)")
	}
	return indent(depth, "print("+e+")")
}

// printAll prints every variable at the end.
func (g *gen) printAll() string {
	if len(g.vars) == 0 {
		return "print('no variables')\n"
	}
	names := make([]string, len(g.vars))
	for i, v := range g.vars {
		names[i] = v.name
		if v.k == kSet {
			names[i] = "sorted(" + v.name + ")"
		}
	}
	return "print(" + strings.Join(names, ", ") + ")\n"
}

var words = []string{"a", "b", "ab", "xyz", "Thread", "lock", "", "race", "q", "GIL", "x y", "10"}

func (g *gen) strLit() string {
	return "'" + words[g.r.Intn(len(words))] + "'"
}

// intLitOnly is a small int literal.
func (g *gen) intLitOnly() string { return strconv.Itoa(g.r.Intn(20)) }

func (g *gen) intLit() (string, int) {
	switch g.r.Intn(10) {
	case 0:
		v := g.r.Int63()
		return strconv.FormatInt(v, 10), 64
	case 1:
		return strconv.Itoa(-g.r.Intn(50)), 6
	default:
		return strconv.Itoa(g.r.Intn(20)), 5
	}
}

var floatLits = []string{"0.5", "1.25", "3.0", "0.1", "2.5", "-1.5", "1e10", "0.3", "7.0", "1e-3", "100.0", "-0.0", "123.456"}

// expr makes an expression of kind k no deeper than depth. It returns the
// code and an upper bound on the value's size.
func (g *gen) expr(k kind, depth int) (string, int) {
	if depth <= 0 || g.chance(25) {
		return g.leaf(k)
	}
	if len(g.funcs) > 0 && g.chance(8) {
		if c, s, ok := g.call(k, depth); ok {
			return c, s
		}
	}
	switch k {
	case kInt:
		return g.intExpr(depth)
	case kFloat:
		return g.floatExpr(depth)
	case kStr:
		return g.strExpr(depth)
	case kList:
		return g.listExpr(depth)
	case kDict:
		return g.dictExpr(depth)
	case kSet:
		return g.setExpr(depth)
	default:
		return g.boolExpr(depth)
	}
}

// leaf is a variable of kind k, or a literal.
func (g *gen) leaf(k kind) (string, int) {
	limit := maxLen
	if k == kInt || k == kFloat {
		limit = maxBits
	}
	if vs := g.varsOf(k, limit); len(vs) > 0 && g.chance(60) {
		v := vs[g.r.Intn(len(vs))]
		return v.name, v.size
	}
	switch k {
	case kInt:
		return g.intLit()
	case kFloat:
		return floatLits[g.r.Intn(len(floatLits))], 34
	case kStr:
		s := g.strLit()
		return s, len(s)
	case kList:
		n := g.r.Intn(5)
		items := make([]string, n)
		for i := range items {
			items[i] = strconv.Itoa(g.r.Intn(30) - 5)
		}
		return "[" + strings.Join(items, ", ") + "]", n
	case kDict:
		n := g.r.Intn(4)
		items := make([]string, n)
		for i := range items {
			items[i] = fmt.Sprintf("'%s': %d", words[g.r.Intn(len(words))], g.r.Intn(100))
		}
		return "{" + strings.Join(items, ", ") + "}", n
	case kSet:
		n := 1 + g.r.Intn(5)
		items := make([]string, n)
		for i := range items {
			items[i] = strconv.Itoa(g.r.Intn(12))
		}
		return "{" + strings.Join(items, ", ") + "}", n
	default:
		return []string{"True", "False"}[g.r.Intn(2)], 1
	}
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

func (g *gen) intExpr(depth int) (string, int) {
	a, as := g.expr(kInt, depth-1)
	switch g.r.Intn(18) {
	case 14:
		b, bs := g.expr(kInt, depth-1)
		return []string{"min", "max"}[g.r.Intn(2)] + "(" + a + ", " + b + ")", maxInt(as, bs)
	case 15:
		k := g.r.Intn(5) - 2
		return fmt.Sprintf("(lambda x: x * %d + %s)(%s)", k, g.intLitOnly(), a), as + 3
	case 16:
		if g.has(Strings) {
			s, _ := g.expr(kStr, depth-1)
			return s + "." + []string{"find", "rfind", "count"}[g.r.Intn(3)] + "(" + g.strLit() + ")", 8
		}
	case 17:
		if g.has(Lists) {
			l, _ := g.expr(kList, depth-1)
			return "(" + l + ".index(" + a + ") if " + a + " in " + l + " else -1)", 8
		}
	case 0, 1:
		b, bs := g.expr(kInt, depth-1)
		return "(" + a + " + " + b + ")", maxInt(as, bs) + 1
	case 2:
		b, bs := g.expr(kInt, depth-1)
		return "(" + a + " - " + b + ")", maxInt(as, bs) + 1
	case 3:
		lit := g.r.Intn(1000) - 100
		if as+10 > maxBits {
			return a, as
		}
		return fmt.Sprintf("(%s * %d)", a, lit), as + 10
	case 4:
		b, _ := g.expr(kInt, depth-1)
		return "(" + a + " // (abs(" + b + ") + 1))", as
	case 5:
		b, bs := g.expr(kInt, depth-1)
		return "(" + a + " % (abs(" + b + ") + 1))", bs
	case 6:
		return fmt.Sprintf("(%d ** %d)", g.r.Intn(7)-3, g.r.Intn(40)), 120
	case 7:
		return "(-" + a + ")", as
	case 8:
		return "abs(" + a + ")", as
	case 9:
		ops := []string{"&", "|", "^"}
		b, bs := g.expr(kInt, depth-1)
		return "(" + a + " " + ops[g.r.Intn(3)] + " " + b + ")", maxInt(as, bs) + 1
	case 10:
		if g.has(Strings) {
			s, _ := g.expr(kStr, depth-1)
			if g.chance(30) {
				return s + ".count(" + g.strLit() + ")", 8
			}
			return "len(" + s + ")", 8
		}
	case 11:
		if g.has(Lists) {
			l, _ := g.expr(kList, depth-1)
			switch g.r.Intn(4) {
			case 0:
				return "sum(" + l + ")", 16
			case 1:
				return "max(" + l + ", default=-1)", 8
			case 2:
				return "(" + l + "[" + a + " % len(" + l + ")] if " + l + " else 0)", 8
			default:
				return "len(" + l + ")", 8
			}
		}
	case 12:
		if g.has(Dicts) {
			d, _ := g.expr(kDict, depth-1)
			if g.chance(50) {
				return d + ".get(" + g.strLit() + ", " + strconv.Itoa(g.r.Intn(9)) + ")", 8
			}
			return "len(" + d + ")", 8
		}
	case 13:
		if g.has(Floats) {
			f, fs := g.expr(kFloat, depth-1)
			return "round(" + f + ")", fs
		}
		if len(g.funcs) > 0 {
			if c, s, ok := g.call(kInt, depth); ok {
				return c, s
			}
		}
	}
	if len(g.funcs) > 0 && g.chance(30) {
		if c, s, ok := g.call(kInt, depth); ok {
			return c, s
		}
	}
	return a, as
}

// call calls a function whose result has kind k, with arguments within
// its parameter sizes.
func (g *gen) call(k kind, depth int) (string, int, bool) {
	start := g.r.Intn(len(g.funcs))
	for j := range g.funcs {
		fn := g.funcs[(start+j)%len(g.funcs)]
		if fn.result != k {
			continue
		}
		args := make([]string, len(fn.params))
		for i, pk := range fn.params {
			a, s := g.expr(pk, depth-1)
			if s > paramSize(pk) {
				a, _ = g.leafLit(pk)
			}
			args[i] = a
		}
		return fn.name + "(" + strings.Join(args, ", ") + ")", fn.size, true
	}
	return "", 0, false
}

// leafLit is a literal of kind k (never a variable), which fits any
// parameter.
func (g *gen) leafLit(k kind) (string, int) {
	saved := g.vars
	g.vars = nil
	defer func() { g.vars = saved }()
	return g.leaf(k)
}

func (g *gen) floatExpr(depth int) (string, int) {
	a, as := g.expr(kFloat, depth-1)
	switch g.r.Intn(8) {
	case 0, 1:
		b, bs := g.expr(kFloat, depth-1)
		return "(" + a + " + " + b + ")", maxInt(as, bs) + 1
	case 2:
		b, bs := g.expr(kFloat, depth-1)
		return "(" + a + " - " + b + ")", maxInt(as, bs) + 1
	case 3:
		b, bs := g.expr(kFloat, depth-1)
		if as+bs > 900 {
			return a, as
		}
		return "(" + a + " * " + b + ")", as + bs
	case 4:
		i, is := g.expr(kInt, depth-1)
		j, _ := g.expr(kInt, depth-1)
		return "(" + i + " / (abs(" + j + ") + 1))", is
	case 5:
		i, is := g.expr(kInt, depth-1)
		if is > 900 {
			return a, as
		}
		return "float(" + i + ")", is
	case 6:
		return fmt.Sprintf("round(%s, %d)", a, g.r.Intn(4)), as
	default:
		i, is := g.expr(kInt, depth-1)
		return "(" + a + " + " + i + ")", maxInt(as, is) + 1
	}
}

func (g *gen) strExpr(depth int) (string, int) {
	a, as := g.expr(kStr, depth-1)
	switch g.r.Intn(13) {
	case 0, 1:
		b, bs := g.expr(kStr, depth-1)
		if as+bs > maxLen {
			return a, as
		}
		return "(" + a + " + " + b + ")", as + bs
	case 2:
		n := g.r.Intn(4)
		if as*n > maxLen {
			return a, as
		}
		return fmt.Sprintf("(%s * %d)", a, n), as * n
	case 3:
		m := []string{".upper()", ".lower()", ".strip()", ".title()", ".swapcase()"}
		return a + m[g.r.Intn(len(m))], as
	case 4:
		i, _ := g.expr(kInt, depth-1)
		return "str(" + i + ")", 160
	case 5:
		if g.has(Slicing) {
			return a + g.slice(), as
		}
	case 6:
		if g.has(Lists) {
			l, ls := g.expr(kList, depth-1)
			if ls > 12 {
				return a, as
			}
			return "repr(" + l + ")", ls*22 + 2
		}
	case 7:
		if g.has(Format) && !g.inF {
			g.inF = true
			defer func() { g.inF = false }()
			return g.format(depth)
		}
	case 8:
		return a + ".replace(" + g.strLit() + ", " + g.strLit() + ")", as*7 + 7
	case 9:
		if g.has(Floats) {
			f, _ := g.expr(kFloat, depth-1)
			return "str(" + f + ")", 24
		}
	case 10:
		if as*2 > maxLen {
			return a, as
		}
		return g.strLit() + ".join(" + a + ")", as * 7
	case 11:
		return "' '.join(" + a + ".split())", as
	case 12:
		if g.has(Lists) {
			l, ls := g.expr(kList, depth-1)
			if ls > 12 {
				return a, as
			}
			return "','.join(map(str, " + l + "))", ls * 21
		}
	}
	return a, as
}

// format is an f-string, a % format or a format() call.
func (g *gen) format(depth int) (string, int) {
	i, _ := g.expr(kInt, depth-1)
	s, ss := g.expr(kStr, depth-1)
	switch g.r.Intn(5) {
	case 0:
		spec := []string{"", ":>6", ":<5", ":^7", ":05d", ":+d", ":x", ":#b", ":,"}[g.r.Intn(9)]
		return "f\"[{(" + i + ")" + spec + "}]\"", 90
	case 1:
		if g.has(Floats) {
			f, _ := g.expr(kFloat, depth-1)
			spec := []string{":.2f", ":10.3f", ":e", ":.1%", ":g", ""}[g.r.Intn(6)]
			return "f\"{(" + f + ")" + spec + "}\"", 330
		}
		return "f\"{(" + s + ")!r}\"", ss*2 + 2
	case 2:
		return "('%s=%d' % (" + s + ", " + i + "))", ss + 90
	case 3:
		return "format(" + i + ", " + strconv.Quote([]string{"d", "b", "o", ">8", "_"}[g.r.Intn(5)]) + ")", 260
	default:
		return "f\"{(" + s + "):>8}|{(" + s + ")!r}\"", ss*3 + 10
	}
}

func (g *gen) slice() string {
	lit := func() string {
		if g.chance(30) {
			return ""
		}
		return strconv.Itoa(g.r.Intn(9) - 4)
	}
	if g.chance(40) {
		step := g.r.Intn(5) - 2
		if step == 0 {
			step = -1
		}
		return "[" + lit() + ":" + lit() + ":" + strconv.Itoa(step) + "]"
	}
	return "[" + lit() + ":" + lit() + "]"
}

func (g *gen) listExpr(depth int) (string, int) {
	a, as := g.expr(kList, depth-1)
	switch g.r.Intn(12) {
	case 9:
		if g.has(Dicts) {
			d, ds := g.expr(kDict, depth-1)
			return "list(" + d + ".values())", ds
		}
	case 10:
		return "sorted(" + a + ", reverse=True)", as
	case 11:
		i, _ := g.expr(kInt, depth-1)
		return "[*" + a + ", " + i + "]", as + 1
	case 0, 1:
		b, bs := g.expr(kList, depth-1)
		if as+bs > maxLen {
			return a, as
		}
		return "(" + a + " + " + b + ")", as + bs
	case 2:
		return "sorted(" + a + ")", as
	case 3:
		if g.has(Slicing) {
			return a + g.slice(), as
		}
	case 4:
		v := g.loopVar()
		k := g.r.Intn(5) - 2
		return fmt.Sprintf("[%s * %d for %s in %s if %s %% 2 == %d]", v, k, v, a, v, g.r.Intn(2)), as
	case 5:
		return fmt.Sprintf("list(range(%d, %d))", g.r.Intn(5)-2, g.r.Intn(10)), 12
	case 6:
		if g.has(Strings) {
			s, ss := g.expr(kStr, depth-1)
			v := g.loopVar()
			return fmt.Sprintf("[ord(%s) for %s in %s]", v, v, s), ss
		}
	case 7:
		if g.has(Sets) {
			s, ss := g.expr(kSet, depth-1)
			return "sorted(" + s + ")", ss
		}
	case 8:
		return "list(reversed(" + a + "))", as
	}
	return a, as
}

func (g *gen) dictExpr(depth int) (string, int) {
	a, as := g.expr(kDict, depth-1)
	switch g.r.Intn(4) {
	case 0:
		b, bs := g.expr(kDict, depth-1)
		return "{**" + a + ", **" + b + "}", as + bs
	case 1:
		if g.has(Strings) {
			s, ss := g.expr(kStr, depth-1)
			v := g.loopVar()
			return fmt.Sprintf("{%s: ord(%s) for %s in %s}", v, v, v, s), ss
		}
	case 2:
		v, w := g.loopVar(), g.loopVar()
		return fmt.Sprintf("{%s: %s + 1 for %s, %s in %s.items()}", v, w, v, w, a), as
	case 3:
		i, _ := g.expr(kInt, depth-1)
		return "dict(" + a + ", extra=" + i + ")", as + 1
	}
	return a, as
}

func (g *gen) setExpr(depth int) (string, int) {
	a, as := g.expr(kSet, depth-1)
	b, bs := g.expr(kSet, depth-1)
	switch g.r.Intn(5) {
	case 0:
		return "(" + a + " | " + b + ")", as + bs
	case 1:
		return "(" + a + " & " + b + ")", as
	case 2:
		return "(" + a + " - " + b + ")", as
	case 3:
		return "(" + a + " ^ " + b + ")", as + bs
	default:
		if g.has(Lists) {
			l, ls := g.expr(kList, depth-1)
			v := g.loopVar()
			return fmt.Sprintf("{%s %% 12 for %s in %s}", v, v, l), ls
		}
		return a, as
	}
}

func (g *gen) boolExpr(depth int) (string, int) {
	ops := []string{"<", "<=", ">", ">=", "==", "!="}
	op := func() string { return ops[g.r.Intn(len(ops))] }
	switch g.r.Intn(9) {
	case 0, 1:
		a, _ := g.expr(kInt, depth-1)
		b, _ := g.expr(kInt, depth-1)
		return "(" + a + " " + op() + " " + b + ")", 1
	case 2:
		a, _ := g.expr(kInt, depth-1)
		b, _ := g.expr(kInt, depth-1)
		c, _ := g.expr(kInt, depth-1)
		return "(" + a + " " + op() + " " + b + " " + op() + " " + c + ")", 1
	case 3:
		if g.has(Floats) {
			a, _ := g.expr(kFloat, depth-1)
			b, _ := g.expr(kInt, depth-1)
			return "(" + a + " " + op() + " " + b + ")", 1
		}
	case 4:
		if g.has(Strings) {
			a, _ := g.expr(kStr, depth-1)
			b, _ := g.expr(kStr, depth-1)
			if g.chance(40) {
				return "(" + a + " in " + b + ")", 1
			}
			return "(" + a + " " + op() + " " + b + ")", 1
		}
	case 5:
		if g.has(Lists) {
			a, _ := g.expr(kList, depth-1)
			b, _ := g.expr(kList, depth-1)
			if g.chance(50) {
				i, _ := g.expr(kInt, depth-1)
				return "(" + i + " in " + a + ")", 1
			}
			return "(" + a + " " + op() + " " + b + ")", 1
		}
	case 6:
		a, _ := g.expr(kBool, depth-1)
		b, _ := g.expr(kBool, depth-1)
		return "(" + a + []string{" and ", " or "}[g.r.Intn(2)] + b + ")", 1
	case 7:
		a, _ := g.expr(kBool, depth-1)
		return "(not " + a + ")", 1
	case 8:
		if g.has(Dicts) {
			d, _ := g.expr(kDict, depth-1)
			return "(" + g.strLit() + " in " + d + ")", 1
		}
		if g.has(Sets) {
			s, _ := g.expr(kSet, depth-1)
			i, _ := g.expr(kInt, depth-1)
			return "(" + i + " in " + s + ")", 1
		}
	}
	return g.leaf(kBool)
}
