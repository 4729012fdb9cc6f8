package runtime

// reset empties a trace that nobody holds, for the next explored run:
// most runs of a search end up in no report, and making a fresh trace for
// each was a good part of a run's cost. Callers hold rt.sharedMu.
func (tr *Trace) reset() {
	tr.gen = tr.gens.Add(1) // threads cache what they were in the old one
	if st := tr.store; len(st.chunks) > 0 {
		st.chunks = append(st.chunks[:0], st.chunks[0][:0])
	}
	clear(tr.values)
	tr.values = tr.values[:0]
	tr.keys = tr.keys[:0]
	clear(tr.kindex)
	tr.n, tr.total = 0, 0
	tr.threads, tr.idents = tr.threads[:0], tr.idents[:0]
	clear(tr.tindex)
	clear(tr.objs)
	tr.names = tr.names[:0]
	tr.exported = false
}
