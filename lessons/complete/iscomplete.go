package complete

import (
	"strings"

	"threadlab/lessons/python/syntax"
)

// IsComplete tells a console whether code is ready to run: "complete";
// "incomplete", with the indentation for the next line, when more lines
// could finish it; or "invalid" when no text added after it could. It
// follows IPython's check_complete on top of threadlab's tokenizer and
// parser: code is incomplete inside an open bracket or triple-quoted
// string, after a backslash that continues the line, after a block
// header (indent one level deeper), and at the end of an indented block
// that no newline has ended yet.
func IsComplete(code string) (status, indent string) {
	if strings.TrimSpace(code) == "" {
		return "complete", ""
	}
	endsWithNewline := strings.TrimRight(code, " \t\f\v") != strings.TrimRight(code, " \t\f\v\r\n")
	code = dedent(code)
	lines := strings.Split(strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(code), "\n")
	if len(lines) > 1 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	lastIndent := indentOf(lines[len(lines)-1])

	raw, terr := syntax.Tokens(code)
	if terr != nil && (terr.Incomplete || openBrackets(raw) > 0) {
		// An open bracket or string, or a backslash at the end; IPython's
		// tokenizer also reads past a bad token inside a bracket.
		return "incomplete", lastIndent
	}
	if col, ok := blockHeader(raw); ok && terr == nil {
		return "incomplete", strings.Repeat(" ", col+4)
	}
	if _, err := syntax.Parse("<cell>", []byte(code)); err != nil {
		if se, ok := err.(*syntax.Error); ok && se.Incomplete {
			return "incomplete", lastIndent
		}
		return "invalid", ""
	}
	// The input ends inside an indented block when the tokenizer has to
	// close blocks at its end; like IPython, only a newline ends it.
	if insideBlock(raw) && !endsWithNewline {
		return "incomplete", lastIndent
	}
	return "complete", ""
}

// dedent removes the first line's indentation from every line that
// starts with it, as IPython does before it looks at a cell.
func dedent(code string) string {
	n := len(code) - len(strings.TrimLeft(code, " \t"))
	if n == 0 {
		return code
	}
	space := code[:n]
	lines := strings.SplitAfter(code, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, space)
	}
	return strings.Join(lines, "")
}

// openBrackets counts the brackets left open by the tokens.
func openBrackets(raw []syntax.Token) int {
	depth := 0
	for _, t := range raw {
		if t.Kind != syntax.TokenOp {
			continue
		}
		switch t.Text {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
		}
	}
	return depth
}

// blockHeader reports whether the input's last token is the ':' of a
// block header with no body yet, and the column where the header's
// logical line starts.
func blockHeader(raw []syntax.Token) (col int, ok bool) {
	i := len(raw) - 1
	for i >= 0 && (raw[i].Kind == syntax.TokenEOF || raw[i].Kind == syntax.TokenNewline || raw[i].Kind == syntax.TokenDedent) {
		i--
	}
	if i < 0 || raw[i].Kind != syntax.TokenOp || raw[i].Text != ":" {
		return 0, false
	}
	for i > 0 {
		switch raw[i-1].Kind {
		case syntax.TokenNewline, syntax.TokenIndent, syntax.TokenDedent:
			return int(raw[i].Pos.Col), true
		}
		i--
	}
	return int(raw[0].Pos.Col), true
}

// insideBlock reports whether the tokenizer closed indented blocks at
// the end of the input.
func insideBlock(raw []syntax.Token) bool {
	n := len(raw)
	return n >= 2 && raw[n-1].Kind == syntax.TokenEOF && raw[n-2].Kind == syntax.TokenDedent
}

// indentOf is a line's indentation in spaces, a tab counting four, as
// IPython counts it.
func indentOf(line string) string {
	n := 0
	for _, c := range line {
		switch c {
		case ' ':
			n++
		case '\t':
			n += 4
		default:
			return strings.Repeat(" ", n)
		}
	}
	return strings.Repeat(" ", n)
}
