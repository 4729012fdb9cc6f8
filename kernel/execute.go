package kernel

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sort"
	"strings"
	"time"
)

// errInterrupted is the cancellation cause of a cell stopped by
// interrupt_request or SIGINT; errCellDone that of a cell that finished.
var (
	errInterrupted = errors.New("interrupted")
	errCellDone    = errors.New("cell finished")
)

// executeRequest is the content of execute_request, with the protocol's
// defaults for absent fields.
type executeRequest struct {
	Code            string            `json:"code"`
	Silent          bool              `json:"silent"`
	StoreHistory    bool              `json:"store_history"`
	UserExpressions map[string]string `json:"user_expressions"`
	AllowStdin      bool              `json:"allow_stdin"`
	StopOnError     bool              `json:"stop_on_error"`
}

// handleExecute runs one cell. Order on iopub (inside the busy/idle that
// dispatch adds): execute_input, the cell's output as it happens, then
// execute_result or error; the execute_reply follows on shell.
//
// silent suppresses execute_input, execute_result and error and implies
// store_history false; the execution count grows only for cells that
// store history. user_expressions are evaluated after a successful cell.
// A failed (non-silent) cell with stop_on_error makes the shell goroutine
// abort the execute_requests the client sent before it saw the error
// (holdQueued, shouldAbort).
func (k *Kernel) handleExecute(ch channel, m *Message) {
	req := executeRequest{StoreHistory: true, AllowStdin: true, StopOnError: true}
	if err := m.DecodeContent(&req); err != nil {
		k.badRequest(ch, m, "execute_reply", err)
		return
	}
	if req.Silent {
		req.StoreHistory = false
	}
	k.mu.Lock()
	if req.StoreHistory {
		k.execCount++
	}
	count := k.execCount
	k.mu.Unlock()
	started := time.Now().UTC().Format(time.RFC3339Nano)

	if !req.Silent {
		k.publish(m, "execute_input", map[string]any{"code": req.Code, "execution_count": count})
	}

	ctx, cancel := context.WithCancelCause(k.ctx)
	defer cancel(errCellDone)
	k.setRunning(cancel)
	out := k.newCellOutput(ctx, m, req.AllowStdin)
	data, err := k.execute(ctx, req.Code, out)
	var userExpr map[string]any
	if err == nil {
		userExpr = k.userExpressions(ctx, req.UserExpressions)
	}
	k.setRunning(nil)
	out.finish()

	if req.StoreHistory {
		k.mu.Lock()
		k.history.add(count, req.Code, textPlain(data))
		k.mu.Unlock()
	}

	metadata := map[string]any{"started": started, "dependencies_met": true, "engine": k.session}
	var content map[string]any
	var pr PayloadReply
	if errors.As(err, &pr) {
		content = map[string]any{
			"status": "ok", "execution_count": count, "user_expressions": map[string]any{},
			"payload": []any{pr.Payload()},
		}
		err = nil
	} else if err != nil {
		ename, evalue, tb := errorInfo(ctx, err)
		if !req.Silent {
			k.publish(m, "error", map[string]any{"ename": ename, "evalue": evalue, "traceback": tb})
		}
		content = map[string]any{
			"status": "error", "execution_count": count,
			"ename": ename, "evalue": evalue, "traceback": tb,
			"user_expressions": map[string]any{}, "payload": []any{},
		}
	} else {
		if data != nil && !req.Silent {
			k.publish(m, "execute_result", map[string]any{
				"execution_count": count, "data": data, "metadata": map[string]any{},
			})
		}
		content = map[string]any{
			"status": "ok", "execution_count": count,
			"user_expressions": userExpr, "payload": []any{},
		}
	}
	metadata["status"] = content["status"]
	abort := err != nil && req.StopOnError && !req.Silent && ch == shellChannel
	if abort {
		k.holdQueued()
	}
	// replied is no later than the reply's header date, so no earlier than
	// the moment the client can see it: a request sent after that is
	// never dated before it.
	replied := time.Now()
	r := newMessage("execute_reply", k.session, m, m.Identities, content)
	r.Metadata = metadata
	k.send(ch, r)
	if abort {
		k.startAborting(replied)
	}
}

// setRunning records (or clears, with nil) the cancel function of the
// executing cell, which interrupt calls.
func (k *Kernel) setRunning(cancel context.CancelCauseFunc) {
	k.mu.Lock()
	k.running = cancel
	k.mu.Unlock()
}

// interrupt cancels the executing cell with cause errInterrupted; with no
// cell running, or for a later interrupt of the same cell, it calls the
// Interpreter's Interrupt (the stop button must stop everything, not only
// a cell, even one that catches the first interrupt).
func (k *Kernel) interrupt() {
	k.mu.Lock()
	cancel := k.running
	if cancel != nil {
		cancel(errInterrupted)
		k.running = nil
	}
	k.mu.Unlock()
	if cancel == nil {
		k.interp.Interrupt()
	}
}

// execute calls Interpreter.Execute, turning a panic into an error so
// that one bad cell cannot bring the kernel down.
func (k *Kernel) execute(ctx context.Context, code string, out Output) (data map[string]any, err error) {
	defer func() {
		if r := recover(); r != nil {
			logf("interpreter panic: %v\n%s", r, debug.Stack())
			data, err = nil, fmt.Errorf("internal error (interpreter panic): %v", r)
		}
	}()
	return k.interp.Execute(ctx, code, out)
}

// userExpressions evaluates each expression with Interpreter.Execute and
// no visible output, in name order, giving {status, data, metadata} or
// an error dict per name.
func (k *Kernel) userExpressions(ctx context.Context, exprs map[string]string) map[string]any {
	res := make(map[string]any, len(exprs))
	names := make([]string, 0, len(exprs))
	for name := range exprs {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		data, err := k.execute(ctx, exprs[name], discardOutput{})
		if err != nil {
			ename, evalue, tb := errorInfo(ctx, err)
			res[name] = map[string]any{"status": "error", "ename": ename, "evalue": evalue, "traceback": tb}
			continue
		}
		if data == nil {
			data = map[string]any{}
		}
		res[name] = map[string]any{"status": "ok", "data": data, "metadata": map[string]any{}}
	}
	return res
}

// errorInfo turns an execution error into ename, evalue and traceback.
// An ErrorDetail speaks for itself (evalue comes from an optional
// ErrorValue() string method, else from Error() without a leading
// "ename: "); otherwise a cell cancelled by an
// interrupt reports KeyboardInterrupt and anything else "Error".
func errorInfo(ctx context.Context, err error) (ename, evalue string, tb []string) {
	var d ErrorDetail
	if errors.As(err, &d) {
		ename, evalue, tb = d.ErrorName(), d.Error(), d.Traceback()
		var v interface{ ErrorValue() string }
		if errors.As(err, &v) {
			evalue = v.ErrorValue()
		} else {
			evalue = strings.TrimPrefix(evalue, ename+": ")
		}
	} else if errors.Is(context.Cause(ctx), errInterrupted) {
		ename, evalue = "KeyboardInterrupt", err.Error()
		if errors.Is(err, context.Canceled) {
			evalue = "interrupted"
		}
	} else {
		ename, evalue = "Error", err.Error()
	}
	if ename == "" {
		ename = "Error"
	}
	if len(tb) == 0 {
		tb = []string{ename + ": " + evalue}
	}
	return ename, evalue, tb
}

// textPlain is the text/plain part of a result bundle (nil when none),
// kept as the history's output.
func textPlain(data map[string]any) any {
	if s, ok := data["text/plain"].(string); ok {
		return s
	}
	return nil
}
