package pyhost

import (
	"sync"

	"threadlab/lessons/python/syntax"
)

// A lock is named after the variable or attribute the program keeps it
// in, so that a deadlock report says "waits for fork_a, held by t1"
// rather than "Lock-3". The names come from the source: each assignment
// whose value is a call of Lock or RLock notes its target at the line of
// the call:
//
//	guard = threading.Lock()        guard
//	self.lock = threading.RLock()   self.lock
//	lock = Lock()                   lock
//
// Locks made anywhere else keep their numbers.
type lockNames struct {
	mu    sync.Mutex
	sites map[lockSite]string
	// objects are the targets of every assignment of a call, for the
	// locks the host's own modules make inside the objects the program
	// makes there (q = queue.Queue(): "q's lock").
	objects map[lockSite]string
}

type lockSite struct {
	file string
	line int
}

// NameLocks notes the lock names of a program or cell about to run (Run
// does it for its program).
func (h *Host) NameLocks(filename string, src []byte) {
	mod, err := syntax.Parse(filename, src)
	if err != nil {
		return // the compiler reports the error
	}
	n := &h.lockNames
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.sites == nil {
		n.sites, n.objects = map[lockSite]string{}, map[lockSite]string{}
	}
	syntax.Walk(mod, func(node syntax.Node) bool {
		a, ok := node.(*syntax.Assign)
		if !ok || len(a.Targets) != 1 {
			return true
		}
		if c, ok := a.Value.(*syntax.Call); ok {
			if name := targetName(a.Targets[0]); name != "" {
				site := lockSite{filename, int(c.Pos.Line)}
				n.objects[site] = name
				if isLockCall(c) {
					n.sites[site] = name
				}
			}
		}
		return true
	})
}

// name returns the name noted for a lock made at file:line, or "".
func (n *lockNames) name(file string, line int) string {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.sites[lockSite{file, line}]
}

// object returns the target of the call assigned at file:line, or "".
func (n *lockNames) object(file string, line int) string {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.objects[lockSite{file, line}]
}

// isLockCall reports whether c calls Lock or RLock, by name or as an
// attribute (threading.Lock).
func isLockCall(c *syntax.Call) bool {
	var name string
	switch f := c.Func.(type) {
	case *syntax.Ident:
		name = f.Name
	case *syntax.Attribute:
		name = f.Name
	}
	return name == "Lock" || name == "RLock"
}

// targetName spells an assignment target made of names and attributes.
func targetName(e syntax.Expr) string {
	switch x := e.(type) {
	case *syntax.Ident:
		return x.Name
	case *syntax.Attribute:
		if base := targetName(x.X); base != "" {
			return base + "." + x.Name
		}
	}
	return ""
}
