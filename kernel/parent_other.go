//go:build !unix

package kernel

import (
	"context"
	"time"
)

const parentPollInterval = 500 * time.Millisecond

// watchParent is not implemented off Unix: the kernel relies on the
// client's shutdown_request there.
func watchParent(ctx context.Context, interval time.Duration, onDeath func()) {}
