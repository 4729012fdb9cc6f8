package lessons

import (
	"fmt"
	"strings"
	"testing"

	"go.starlark.net/starlark"
)

// The namespace's cache is keyed by where a name's bytes live; names that
// share bytes or land in the same cache entry must still find their own
// slots.
func TestNamespaceCacheNeverConfusesNames(t *testing.T) {
	ns := newNamespace(nil)
	backing := strings.Repeat("n", 4*nsCacheSize)
	var names []string
	for i := 1; i <= len(backing); i++ {
		names = append(names, backing[:i]) // every name starts at the same address
	}
	for i := 0; i < 3*nsCacheSize; i++ {
		names = append(names, fmt.Sprintf("v%d", i)) // more names than cache entries
	}
	for round := 0; round < 3; round++ {
		for i, name := range names {
			ns.Set(name, starlark.MakeInt(i*10+round))
		}
		for i, name := range names {
			for _, ask := range []string{name, strings.Clone(name)} {
				v, err := ns.Attr(ask)
				if err != nil || v.String() != fmt.Sprint(i*10+round) {
					t.Fatalf("round %d: %.12s… = %v, %v; want %d", round, ask, v, err, i*10+round)
				}
			}
		}
	}
	if _, err := ns.Attr(backing + "x"); err == nil {
		t.Error("an unbound name was found")
	}
}
