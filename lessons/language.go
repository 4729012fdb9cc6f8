package lessons

import "threadlab/lessons/python"

// HelpLink is one entry of kernel_info_reply's help_links.
type HelpLink struct{ Text, URL string }

// LanguageInfo describes the cell language for kernel_info_reply.
type LanguageInfo struct {
	Name, Version, Mimetype, FileExtension, PygmentsLexer string
	// CodemirrorMode is what ipykernel sends: a mode name with options.
	CodemirrorMode map[string]any
	Banner         string
	HelpLinks      []HelpLink
}

// Language is the cell language as Jupyter sees it: Python 3, as
// ipykernel describes it, so that frontends highlight and indent cells
// as they do for ipykernel.
var Language = LanguageInfo{
	Name:           "python",
	Version:        python.Version,
	Mimetype:       "text/x-python",
	FileExtension:  ".py",
	PygmentsLexer:  "ipython3",
	CodemirrorMode: map[string]any{"name": "ipython", "version": 3},
	Banner: "threadlab: a Jupyter kernel for learning concurrency: threads, locks, conditions,\n" +
		"queues, pools and the GIL. Cells are Python " + python.Version + ", run by threadlab's own interpreter,\n" +
		"whose every interleaving can be traced, replayed from a seed and explored.\n" +
		"The module lab is imported: lab.gil, lab.seed, lab.trace, lab.explore, lab.cpu, lab.stop.",
	HelpLinks: []HelpLink{
		{Text: "Python threading", URL: "https://docs.python.org/3.11/library/threading.html"},
		{Text: "Python concurrent.futures", URL: "https://docs.python.org/3.11/library/concurrent.futures.html"},
		{Text: "Python queue", URL: "https://docs.python.org/3.11/library/queue.html"},
	},
}
