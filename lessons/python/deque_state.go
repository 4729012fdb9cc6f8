package python

// Snapshot returns a copy of the deque's items, oldest first.
func (d *deque) Snapshot() []Value { return d.snapshot() }

// Update replaces the deque's items with f's result, under its mutex:
// the host uses it to give a deque back the items it had.
func (d *deque) Update(f func(items []Value) []Value) {
	d.mu.Lock()
	d.items = f(d.items)
	d.mu.Unlock()
}
