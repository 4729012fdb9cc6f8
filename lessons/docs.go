package lessons

import (
	"sort"
	"strings"
	"sync"

	"go.starlark.net/starlark"
)

// Doc is the help for one function or value, keyed by its qualified name
// ("len", "threading.Thread", "lab.shared").
type Doc struct {
	Name      string // qualified name
	Signature string // e.g. "shared(**fields)"
	Help      string // plain-English help, may span lines
}

var (
	docsMu sync.RWMutex
	docs   = map[string]Doc{}
)

// AddDoc registers help for a qualified name such as "threading.Lock",
// "threading.Lock.acquire" or "len". A later call for the same name
// replaces the earlier one.
func AddDoc(name, signature, help string) {
	docsMu.Lock()
	docs[name] = Doc{Name: name, Signature: signature, Help: strings.TrimSpace(help)}
	docsMu.Unlock()
}

func addDoc(name, signature, help string) { AddDoc(name, signature, help) }

// LookupDoc returns the help registered for a qualified name.
func LookupDoc(name string) (Doc, bool) {
	docsMu.RLock()
	d, ok := docs[name]
	docsMu.RUnlock()
	return d, ok
}

// docNames returns all registered names with the given prefix, sorted.
func docNames(prefix string) []string {
	docsMu.RLock()
	defer docsMu.RUnlock()
	var out []string
	for k := range docs {
		if strings.HasPrefix(k, prefix) {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// Builtin makes a *starlark.Builtin called name and registers its help
// under module+"."+name (or just name when module is ""). The Starlark
// name of the builtin is the qualified name, so errors read
// "threading.Thread: ...".
func Builtin(module, name, signature, help string, fn func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)) *starlark.Builtin {
	q := name
	if module != "" {
		q = module + "." + name
	}
	AddDoc(q, signature, help)
	return starlark.NewBuiltin(q, fn)
}
