package runtime

// The benchmark programs of the dynamic partial-order reduction
// literature, written against the runtime from their published
// descriptions (Flanagan and Godefroid, POPL 2005; Abdulla, Aronis,
// Jonsson and Sagonas, POPL 2014), in the form Nidhugg, Concuerror and
// GenMC run them. Each is a program for Explore: it makes its state,
// starts its threads, joins them and returns a result.

import "fmt"

// program builds the function Explore runs, for one runtime and its main
// thread.
type program func(rt *Runtime, main *Thread) func() (any, error)

// spawn starts one thread per body (each gets its own thread) and joins
// them all.
func spawn(rt *Runtime, main *Thread, bodies ...func(th *Thread) error) error {
	ths := make([]*Thread, len(bodies))
	for i, body := range bodies {
		th := rt.NewThread(main, "", false)
		ths[i] = th
		if err := th.Start(main, func() error { return body(th) }); err != nil {
			return err
		}
	}
	for _, th := range ths {
		if _, err := th.Join(main, -1); err != nil {
			return err
		}
		if err := th.Err(); err != nil {
			return err
		}
	}
	return nil
}

func fieldNames(prefix string, n int) ([]string, []any) {
	names, values := make([]string, n), make([]any, n)
	for i := range names {
		names[i], values[i] = fmt.Sprintf("%s%d", prefix, i), 0
	}
	return names, values
}

func getInt(th *Thread, s *Shared, field string) (int, error) {
	v, ok, err := s.Get(th, field)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, fmt.Errorf("%s has no field %s", s, field)
	}
	return v.(int), nil
}

// lastzero(n): an array of n+1 zeros; thread 0 looks for the last zero,
// scanning down from the end, while thread j (1..n) sets a[j] = a[j-1]+1.
// (n+3)·2^(n-2) traces.
func lastzero(n int) program {
	return func(rt *Runtime, main *Thread) func() (any, error) {
		return func() (any, error) {
			names, values := fieldNames("a", n+1)
			a := rt.NewShared(names, values, 1)
			found := -1
			bodies := []func(th *Thread) error{func(th *Thread) error {
				for i := n; i >= 0; i-- {
					v, err := getInt(th, a, names[i])
					if err != nil {
						return err
					}
					if v == 0 {
						found = i
						return nil
					}
				}
				return nil
			}}
			for j := 1; j <= n; j++ {
				bodies = append(bodies, func(th *Thread) error {
					v, err := getInt(th, a, names[j-1])
					if err != nil {
						return err
					}
					return a.Set(th, names[j], v+1)
				})
			}
			err := spawn(rt, main, bodies...)
			return found, err
		}
	}
}

// readers(n): one thread writes x, n threads read it. 2^n traces.
func readers(n int) program {
	return func(rt *Runtime, main *Thread) func() (any, error) {
		return func() (any, error) {
			x := rt.NewShared([]string{"x"}, []any{0}, 1)
			seen := make([]int, n)
			bodies := []func(th *Thread) error{func(th *Thread) error { return x.Set(th, "x", 1) }}
			for i := range n {
				bodies = append(bodies, func(th *Thread) error {
					v, err := getInt(th, x, "x")
					seen[i] = v
					return err
				})
			}
			err := spawn(rt, main, bodies...)
			return fmt.Sprint(seen), err
		}
	}
}

// inc(n): n threads each increment x once, as a read and a write; with
// locked, inside a lock (lockinc: n! traces).
func inc(n int, locked bool) program {
	return func(rt *Runtime, main *Thread) func() (any, error) {
		return func() (any, error) {
			x := rt.NewShared([]string{"x"}, []any{0}, 1)
			l := rt.NewLock(false, 1, "l")
			bodies := make([]func(th *Thread) error, n)
			for i := range bodies {
				bodies[i] = func(th *Thread) error {
					if locked {
						if _, err := l.Acquire(th, true, -1); err != nil {
							return err
						}
					}
					v, err := getInt(th, x, "x")
					if err != nil {
						return err
					}
					if err := x.Set(th, "x", v+1); err != nil {
						return err
					}
					if locked {
						return l.Release(th)
					}
					return nil
				}
			}
			if err := spawn(rt, main, bodies...); err != nil {
				return nil, err
			}
			return getInt(main, x, "x")
		}
	}
}

// indexer(n): n threads each insert 4 messages into a hash table of 128
// slots with compare-and-swap, probing linearly on a collision. The first
// collisions come with 12 threads: 1 trace up to 11, 8 for 12, 4096 for 15.
func indexer(n int) program {
	const size, perThread = 128, 4
	return func(rt *Runtime, main *Thread) func() (any, error) {
		return func() (any, error) {
			names, values := fieldNames("t", size)
			table := rt.NewShared(names, values, 1)
			bodies := make([]func(th *Thread) error, n)
			for tid := range bodies {
				bodies[tid] = func(th *Thread) error {
					for m := 1; m <= perThread; m++ {
						w := m*11 + tid
						for h := (w * 7) % size; ; h = (h + 1) % size {
							ok, err := table.CompareAndSwap(th, names[h], 0, w)
							if err != nil {
								return err
							}
							if ok {
								break
							}
						}
					}
					return nil
				}
			}
			if err := spawn(rt, main, bodies...); err != nil {
				return nil, err
			}
			_, vs := table.Snapshot()
			return fmt.Sprint(vs), nil
		}
	}
}

// filesystem(n): n threads each give an inode a free block, under one lock
// per inode and one per block (32 inodes, 26 blocks). Threads 13 and up
// compete with threads 0 and up for a block: 8 traces for 16, 64 for 19
// when only the order of critical sections counts.
func filesystem(n int) program {
	const inodes, blocks = 32, 26
	return func(rt *Runtime, main *Thread) func() (any, error) {
		return func() (any, error) {
			inodeNames, inodeValues := fieldNames("inode", inodes)
			blockNames, blockValues := fieldNames("busy", blocks)
			inode := rt.NewShared(inodeNames, inodeValues, 1)
			busy := rt.NewShared(blockNames, blockValues, 2)
			locki := make([]*Lock, inodes)
			for i := range locki {
				locki[i] = rt.NewLock(false, 3, fmt.Sprintf("locki[%d]", i))
			}
			lockb := make([]*Lock, blocks)
			for b := range lockb {
				lockb[b] = rt.NewLock(false, 4, fmt.Sprintf("lockb[%d]", b))
			}
			bodies := make([]func(th *Thread) error, n)
			for tid := range bodies {
				bodies[tid] = func(th *Thread) error {
					i := tid % inodes
					if _, err := locki[i].Acquire(th, true, -1); err != nil {
						return err
					}
					v, err := getInt(th, inode, inodeNames[i])
					if err != nil {
						return err
					}
					if v == 0 {
						for b := (i * 2) % blocks; ; b = (b + 1) % blocks {
							if _, err := lockb[b].Acquire(th, true, -1); err != nil {
								return err
							}
							taken, err := getInt(th, busy, blockNames[b])
							if err != nil {
								return err
							}
							if taken == 0 {
								if err := busy.Set(th, blockNames[b], 1); err != nil {
									return err
								}
								if err := inode.Set(th, inodeNames[i], b+1); err != nil {
									return err
								}
							}
							if err := lockb[b].Release(th); err != nil {
								return err
							}
							if taken == 0 {
								break
							}
						}
					}
					return locki[i].Release(th)
				}
			}
			if err := spawn(rt, main, bodies...); err != nil {
				return nil, err
			}
			_, vs := inode.Snapshot()
			return fmt.Sprint(vs), nil
		}
	}
}

// benchmark is a program of the literature with its published trace
// count.
type benchmark struct {
	name      string
	prog      program
	published int
}

func benchmarks(small bool) []benchmark {
	if small {
		return []benchmark{
			{"lastzero(5)", lastzero(5), 64},
			{"readers(3)", readers(3), 8},
			{"readers(6)", readers(6), 64},
			{"lockinc(4)", inc(4, true), 24},
			{"lockinc(5)", inc(5, true), 120},
			{"indexer(5)", indexer(5), 1},
			{"indexer(11)", indexer(11), 1},
			{"filesystem(16)", filesystem(16), 8},
		}
	}
	return []benchmark{
		{"lastzero(10)", lastzero(10), 3328},
		{"readers(10)", readers(10), 1024},
		{"lockinc(6)", inc(6, true), 720},
		{"indexer(12)", indexer(12), 8},
		{"indexer(15)", indexer(15), 4096},
		{"filesystem(19)", filesystem(19), 64},
	}
}
