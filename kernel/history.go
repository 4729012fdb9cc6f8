package kernel

import (
	"regexp"
	"strings"
)

// historySession is the session number of this kernel's history. Only
// the running session is kept (in memory); in a history_request,
// session 0 (IPython's "current") and 1 both mean it.
const historySession = 1

// history holds the inputs (and text/plain results) of the cells that
// stored history, in execution order. The Kernel's mu guards it.
type history struct {
	entries []historyEntry
}

type historyEntry struct {
	line   int
	input  string
	output any // string or nil
}

func (h *history) add(line int, input string, output any) {
	h.entries = append(h.entries, historyEntry{line, input, output})
}

// historyRequest is the content of history_request.
type historyRequest struct {
	Output         bool   `json:"output"`
	Raw            bool   `json:"raw"`
	HistAccessType string `json:"hist_access_type"`
	Session        int    `json:"session"`
	Start          int    `json:"start"`
	Stop           *int   `json:"stop"`
	N              *int   `json:"n"`
	Pattern        string `json:"pattern"`
	Unique         bool   `json:"unique"`
}

// query returns the entries a request selects, as the protocol's
// [session, line, input] or [session, line, [input, output]] triples.
//
//   - tail: the last n entries (n defaults to 10).
//   - range: lines start <= line < stop (no stop: to the end) of the
//     session; other sessions have no history.
//   - search: entries whose whole input matches the glob pattern (*, ?,
//     [...], as IPython's sqlite GLOB); unique keeps the latest of equal
//     inputs; n keeps the last n matches.
func (h *history) query(r historyRequest) [][]any {
	var sel []historyEntry
	switch r.HistAccessType {
	case "tail":
		n := 10
		if r.N != nil {
			n = *r.N
		}
		sel = lastN(h.entries, n)
	case "range":
		if r.Session != 0 && r.Session != historySession {
			break
		}
		for _, e := range h.entries {
			if e.line >= r.Start && (r.Stop == nil || e.line < *r.Stop) {
				sel = append(sel, e)
			}
		}
	case "search":
		pattern := r.Pattern
		if pattern == "" {
			pattern = "*"
		}
		re := globRegexp(pattern)
		seen := map[string]bool{}
		for i := len(h.entries) - 1; i >= 0; i-- { // newest first, for unique
			e := h.entries[i]
			if !re.MatchString(e.input) || (r.Unique && seen[e.input]) {
				continue
			}
			seen[e.input] = true
			sel = append(sel, e)
		}
		for i, j := 0, len(sel)-1; i < j; i, j = i+1, j-1 {
			sel[i], sel[j] = sel[j], sel[i]
		}
		if r.N != nil {
			sel = lastN(sel, *r.N)
		}
	}
	out := make([][]any, 0, len(sel))
	for _, e := range sel {
		var item any = e.input
		if r.Output {
			item = []any{e.input, e.output}
		}
		out = append(out, []any{historySession, e.line, item})
	}
	return out
}

func lastN(e []historyEntry, n int) []historyEntry {
	if n < 0 {
		n = 0
	}
	if n < len(e) {
		return e[len(e)-n:]
	}
	return e
}

// globRegexp compiles a glob (* any run, ? one character, [abc], [a-z],
// [!abc] or [^abc] a class) into a regexp matching whole strings.
func globRegexp(glob string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString(`(?s)\A`)
	rs := []rune(glob)
	for i := 0; i < len(rs); i++ {
		switch c := rs[i]; c {
		case '*':
			b.WriteString(`.*`)
		case '?':
			b.WriteString(`.`)
		case '[':
			j := i + 1
			if j < len(rs) && (rs[j] == '!' || rs[j] == '^') {
				j++
			}
			if j < len(rs) && rs[j] == ']' {
				j++
			}
			for j < len(rs) && rs[j] != ']' {
				j++
			}
			if j >= len(rs) { // no closing bracket: a literal [
				b.WriteString(`\[`)
				continue
			}
			class := rs[i+1 : j]
			b.WriteByte('[')
			if len(class) > 0 && (class[0] == '!' || class[0] == '^') {
				b.WriteByte('^')
				class = class[1:]
			}
			for _, r := range class {
				if r == '\\' || r == '[' || r == ']' || r == '^' {
					b.WriteByte('\\')
				}
				b.WriteRune(r)
			}
			b.WriteByte(']')
			i = j
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString(`\z`)
	re, err := regexp.Compile(b.String())
	if err != nil { // cannot happen for the classes built above; match nothing
		return regexp.MustCompile(`[^\s\S]`)
	}
	return re
}

// handleHistory answers history_request.
func (k *Kernel) handleHistory(ch channel, m *Message) {
	var req historyRequest
	if err := m.DecodeContent(&req); err != nil {
		k.badRequest(ch, m, "history_reply", err)
		return
	}
	k.mu.Lock()
	h := k.history.query(req)
	k.mu.Unlock()
	k.reply(ch, m, "history_reply", map[string]any{"status": "ok", "history": h})
}
