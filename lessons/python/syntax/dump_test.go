package syntax

import (
	"encoding/hex"
	"fmt"
	"math"
	"strings"
)

// canon prints a tree in the canonical form of testdata/canon.py, which
// prints CPython's ast the same way.
func canon(n Node) string {
	var d dumper
	d.node(n)
	return d.String()
}

type dumper struct {
	strings.Builder
	inFString int
}

func (d *dumper) open(name string, n Node) {
	d.WriteString(name)
	if n != nil && d.inFString == 0 {
		s, e := n.Span()
		fmt.Fprintf(d, "@%d:%d-%d:%d", s.Line, s.Col, e.Line, e.Col)
	}
	d.WriteByte('(')
}

// fields writes name=value pairs; values are Nodes, node lists, strings
// (written as is) or ints.
func (d *dumper) fields(kv ...any) {
	for i := 0; i < len(kv); i += 2 {
		if i > 0 {
			d.WriteString(", ")
		}
		d.WriteString(kv[i].(string))
		d.WriteByte('=')
		d.value(kv[i+1])
	}
	d.WriteByte(')')
}

func (d *dumper) value(v any) {
	switch v := v.(type) {
	case nil:
		d.WriteString("None")
	case string:
		d.WriteString(v)
	case int:
		fmt.Fprint(d, v)
	case bool:
		if v {
			d.WriteString("1")
		} else {
			d.WriteString("0")
		}
	case Ctx:
		d.WriteString(v.String() + "()")
	case []Stmt:
		d.list(len(v), func(i int) { d.node(v[i]) })
	case []Expr:
		d.list(len(v), func(i int) { d.node(v[i]) })
	case []*Arg:
		d.list(len(v), func(i int) { d.node(v[i]) })
	case []*Keyword:
		d.list(len(v), func(i int) { d.node(v[i]) })
	case []*Alias:
		d.list(len(v), func(i int) { d.node(v[i]) })
	case []*WithItem:
		d.list(len(v), func(i int) { d.node(v[i]) })
	case []*ExceptHandler:
		d.list(len(v), func(i int) { d.node(v[i]) })
	case []*Comprehension:
		d.list(len(v), func(i int) { d.node(v[i]) })
	case []*Ident:
		d.list(len(v), func(i int) { d.WriteString(v[i].Name) })
	case Node:
		d.node(v)
	default:
		panic(fmt.Sprintf("canon: %T", v))
	}
}

func (d *dumper) list(n int, f func(int)) {
	d.WriteByte('[')
	for i := 0; i < n; i++ {
		if i > 0 {
			d.WriteString(", ")
		}
		f(i)
	}
	d.WriteByte(']')
}

func (d *dumper) op(name string) { d.WriteString(name + "()") }

func optName(id *Ident) any {
	if id == nil {
		return nil
	}
	return id.Name
}

func optStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func (d *dumper) constant(n Node, v string) {
	d.open("Constant", n)
	d.fields("value", v)
}

func floatHex(f float64) string { return fmt.Sprintf("%016x", math.Float64bits(f)) }

func (d *dumper) node(n Node) {
	// Typed nil pointers in optional fields print as None.
	switch x := n.(type) {
	case nil:
		d.WriteString("None")
	case *Module:
		d.open("Module", nil)
		d.fields("body", x.Body, "type_ignores", "[]")
	case *FunctionDef:
		d.open("FunctionDef", x)
		d.fields("name", x.Name.Name, "args", x.Params, "body", x.Body, "decorator_list", x.Decorators,
			"returns", x.Returns, "type_comment", nil)
	case *Arguments:
		d.open("arguments", nil)
		var vararg, kwarg any
		if x.Vararg != nil {
			vararg = x.Vararg
		}
		if x.Kwarg != nil {
			kwarg = x.Kwarg
		}
		d.fields("posonlyargs", x.PosOnly, "args", x.Args, "vararg", vararg, "kwonlyargs", x.KwOnly,
			"kw_defaults", x.KwDefaults, "kwarg", kwarg, "defaults", x.Defaults)
	case *Arg:
		d.open("arg", x)
		d.fields("arg", x.Name.Name, "annotation", x.Annotation, "type_comment", nil)
	case *ClassDef:
		d.open("ClassDef", x)
		d.fields("name", x.Name.Name, "bases", x.Bases, "keywords", x.Keywords, "body", x.Body, "decorator_list", x.Decorators)
	case *Return:
		d.open("Return", x)
		d.fields("value", x.Value)
	case *Delete:
		d.open("Delete", x)
		d.fields("targets", x.Targets)
	case *Assign:
		d.open("Assign", x)
		d.fields("targets", x.Targets, "value", x.Value, "type_comment", nil)
	case *AugAssign:
		d.open("AugAssign", x)
		d.fields("target", x.Target, "op", x.Op.String()+"()", "value", x.Value)
	case *AnnAssign:
		d.open("AnnAssign", x)
		d.fields("target", x.Target, "annotation", x.Annotation, "value", x.Value, "simple", x.Simple)
	case *For:
		d.open("For", x)
		d.fields("target", x.Target, "iter", x.Iter, "body", x.Body, "orelse", x.Else, "type_comment", nil)
	case *While:
		d.open("While", x)
		d.fields("test", x.Test, "body", x.Body, "orelse", x.Else)
	case *If:
		d.open("If", x)
		d.fields("test", x.Test, "body", x.Body, "orelse", x.Else)
	case *With:
		d.open("With", x)
		d.fields("items", x.Items, "body", x.Body, "type_comment", nil)
	case *WithItem:
		d.open("withitem", nil)
		d.fields("context_expr", x.Context, "optional_vars", x.Vars)
	case *Raise:
		d.open("Raise", x)
		d.fields("exc", x.Exc, "cause", x.Cause)
	case *Try:
		d.open("Try", x)
		d.fields("body", x.Body, "handlers", x.Handlers, "orelse", x.Else, "finalbody", x.Finally)
	case *ExceptHandler:
		d.open("ExceptHandler", x)
		d.fields("type", x.Type, "name", optName(x.Name), "body", x.Body)
	case *Assert:
		d.open("Assert", x)
		d.fields("test", x.Test, "msg", x.Msg)
	case *Import:
		d.open("Import", x)
		d.fields("names", x.Names)
	case *ImportFrom:
		d.open("ImportFrom", x)
		d.fields("module", optStr(x.Module), "names", x.Names, "level", x.Level)
	case *Alias:
		d.open("alias", x)
		d.fields("name", x.Name, "asname", optStr(x.AsName))
	case *Global:
		d.open("Global", x)
		d.fields("names", x.Names)
	case *Nonlocal:
		d.open("Nonlocal", x)
		d.fields("names", x.Names)
	case *ExprStmt:
		d.open("Expr", x)
		d.fields("value", x.X)
	case *Pass:
		d.open("Pass", x)
		d.fields()
	case *Break:
		d.open("Break", x)
		d.fields()
	case *Continue:
		d.open("Continue", x)
		d.fields()

	case *BoolOpExpr:
		d.open("BoolOp", x)
		d.fields("op", x.Op.String()+"()", "values", x.Values)
	case *NamedExpr:
		d.open("NamedExpr", x)
		d.fields("target", x.Target, "value", x.Value)
	case *BinOpExpr:
		d.open("BinOp", x)
		d.fields("left", x.X, "op", x.Op.String()+"()", "right", x.Y)
	case *UnaryOpExpr:
		d.open("UnaryOp", x)
		d.fields("op", x.Op.String()+"()", "operand", x.X)
	case *Lambda:
		d.open("Lambda", x)
		d.fields("args", x.Params, "body", x.Body)
	case *IfExp:
		d.open("IfExp", x)
		d.fields("test", x.Test, "body", x.Body, "orelse", x.Else)
	case *DictExpr:
		d.open("Dict", x)
		d.fields("keys", x.Keys, "values", x.Values)
	case *SetExpr:
		d.open("Set", x)
		d.fields("elts", x.Elts)
	case *ListComp:
		d.open("ListComp", x)
		d.fields("elt", x.Elt, "generators", x.Generators)
	case *SetComp:
		d.open("SetComp", x)
		d.fields("elt", x.Elt, "generators", x.Generators)
	case *DictComp:
		d.open("DictComp", x)
		d.fields("key", x.Key, "value", x.Value, "generators", x.Generators)
	case *GeneratorExp:
		d.open("GeneratorExp", x)
		d.fields("elt", x.Elt, "generators", x.Generators)
	case *Comprehension:
		d.open("comprehension", nil)
		d.fields("target", x.Target, "iter", x.Iter, "ifs", x.Ifs, "is_async", 0)
	case *Yield:
		d.open("Yield", x)
		d.fields("value", x.Value)
	case *YieldFrom:
		d.open("YieldFrom", x)
		d.fields("value", x.Value)
	case *Compare:
		d.open("Compare", x)
		ops := make([]string, len(x.Ops))
		for i, op := range x.Ops {
			ops[i] = op.String() + "()"
		}
		d.fields("left", x.Left, "ops", "["+strings.Join(ops, ", ")+"]", "comparators", x.Comparators)
	case *Call:
		d.open("Call", x)
		d.fields("func", x.Func, "args", x.Args, "keywords", x.Keywords)
	case *Keyword:
		d.open("keyword", x)
		d.fields("arg", optName(x.Arg), "value", x.Value)
	case *FormattedValue:
		d.open("FormattedValue", x)
		conv := -1
		if x.Conversion != 0 {
			conv = int(x.Conversion)
		}
		var spec any
		if x.FormatSpec != nil {
			spec = x.FormatSpec
		}
		d.fields("value", x.Value, "conversion", conv, "format_spec", spec)
	case *JoinedStr:
		d.open("JoinedStr", x)
		d.inFString++
		d.fields("values", x.Values)
		d.inFString--
	case *IntLit:
		if x.Big != nil {
			d.constant(x, "int:"+x.Big.Text(16))
		} else {
			d.constant(x, fmt.Sprintf("int:%x", x.Small))
		}
	case *FloatLit:
		d.constant(x, "float:"+floatHex(x.Value))
	case *ImagLit:
		d.constant(x, "complex:"+floatHex(x.Value))
	case *StrLit:
		d.constant(x, "str:"+hex.EncodeToString([]byte(x.Value)))
	case *BytesLit:
		d.constant(x, "bytes:"+hex.EncodeToString([]byte(x.Value)))
	case *NameConst:
		d.constant(x, x.Value.String())
	case *Attribute:
		d.open("Attribute", x)
		d.fields("value", x.X, "attr", x.Name, "ctx", x.Ctx)
	case *Subscript:
		d.open("Subscript", x)
		d.fields("value", x.X, "slice", x.Index, "ctx", x.Ctx)
	case *Starred:
		d.open("Starred", x)
		d.fields("value", x.Value, "ctx", x.Ctx)
	case *Ident:
		d.open("Name", x)
		d.fields("id", x.Name, "ctx", x.Ctx)
	case *ListExpr:
		d.open("List", x)
		d.fields("elts", x.Elts, "ctx", x.Ctx)
	case *TupleExpr:
		d.open("Tuple", x)
		d.fields("elts", x.Elts, "ctx", x.Ctx)
	case *Slice:
		d.open("Slice", x)
		d.fields("lower", x.Lower, "upper", x.Upper, "step", x.Step)
	default:
		panic(fmt.Sprintf("canon: unknown node %T", n))
	}
}
