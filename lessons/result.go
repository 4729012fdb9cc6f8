package lessons

import (
	"threadlab/lessons/python"
)

// MIMEBundler is implemented by values with a rich display (a Go value
// that is also a python.Value). A cell's final expression, or display(x),
// whose value implements it shows this bundle.
type MIMEBundler interface {
	MIMEBundle() map[string]any
}

// richReprs are the IPython display methods a Python object may define,
// each giving the text of one MIME type.
var richReprs = []struct{ method, mime string }{
	{"_repr_html_", "text/html"},
	{"_repr_markdown_", "text/markdown"},
	{"_repr_svg_", "image/svg+xml"},
	{"_repr_latex_", "text/latex"},
}

// bundle returns the MIME bundle that shows v: its own when v is a
// MIMEBundler, plus what IPython's _repr_*_ methods give, and always
// text/plain with Python's repr. An error in a _repr_*_ method leaves
// that type out, as IPython does; an error in repr is the cell's.
func (s *Session) bundle(t *python.Thread, v python.Value) (map[string]any, error) {
	b := map[string]any{}
	if mb, ok := v.(MIMEBundler); ok {
		for k, x := range mb.MIMEBundle() {
			b[k] = x
		}
	}
	if _, ok := v.(*python.Instance); ok {
		for _, r := range richReprs {
			if _, have := b[r.mime]; have {
				continue
			}
			m, err := python.GetAttr(t, v, r.method)
			if err != nil {
				continue
			}
			x, err := t.CallSafe(m)
			if str, ok := x.(python.Str); ok && err == nil {
				b[r.mime] = string(str)
			}
		}
	}
	if _, ok := b["text/plain"]; !ok {
		text, err := python.Repr(t, v)
		if err != nil {
			return nil, err
		}
		b["text/plain"] = text
	}
	return b, nil
}

// display is IPython's display(*objs): each object is shown in the cell
// as a final expression is.
func (s *Session) display(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
	if err := python.NoKwargs("display", kw); err != nil {
		return nil, err
	}
	out := s.outputOf(t)
	for _, v := range args {
		b, err := s.bundle(t, v)
		if err != nil {
			return nil, err
		}
		if out != nil {
			out.Display(b, map[string]any{}, "", false)
		}
	}
	return python.None, nil
}
