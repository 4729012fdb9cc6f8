// Package complete answers a Jupyter kernel's complete, inspect and
// is_complete requests for cells of threadlab's Python, on the real
// tokenizer and parser (package threadlab/lessons/python/syntax) and the
// learner's live __main__ module.
//
// Complete and Inspect never run the learner's code: names are read
// from __main__ and the builtins, attributes from module, class and
// instance dictionaries, so that no property, __getattr__ or traced read
// of a shared object runs on a keystroke, and no call is evaluated.
// Cursors and ranges count code points, as Jupyter sends them.
//
// # Map of the package
//
//	complete.go    Complete: names, attributes, modules, module members, keyword arguments
//	cellnames.go   the names a cell binds before the cursor (module, enclosing functions), from its tokens
//	inspect.go     Inspect: which name the cursor asks about (as IPython picks it) and its help
//	signature.go   signatures from code objects and from the docs table
//	docs.go        threadlab's own one-line help and signatures for builtins without docstrings
//	iscomplete.go  IsComplete, IPython's rules on threadlab's tokenizer and parser
//	source.go      tokens with byte offsets, cursor conversions, dotted names before a token
//	values.go      looking names up and listing attributes without running code; safe repr
package complete
