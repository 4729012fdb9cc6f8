package runtime

import (
	"bytes"
	goruntime "runtime"
	"strconv"
)

// goid returns the id of the calling goroutine. Go hides it on purpose; we
// need it only to tell which thread touches shared state when several run
// at once (GIL off, or processes), where no other clue exists because a
// Starlark attribute access does not say which thread made it.
func goid() uint64 {
	var buf [64]byte
	b := buf[:goruntime.Stack(buf[:], false)]
	b = bytes.TrimPrefix(b, []byte("goroutine "))
	if i := bytes.IndexByte(b, ' '); i > 0 {
		b = b[:i]
	}
	n, _ := strconv.ParseUint(string(b), 10, 64)
	return n
}
