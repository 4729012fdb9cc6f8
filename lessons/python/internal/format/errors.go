package format

import "threadlab/lessons/python/internal/pyerr"

// Short names for the exception kinds this package raises.
const (
	ValueError    = pyerr.ValueError
	TypeError     = pyerr.TypeError
	OverflowError = pyerr.OverflowError
	KeyError      = pyerr.KeyError
	MemoryError   = pyerr.MemoryError
)

func errorf(k pyerr.Kind, msg string) *pyerr.Error { return pyerr.New(k, msg) }
