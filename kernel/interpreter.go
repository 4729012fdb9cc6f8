package kernel

import "context"

// Interpreter is everything the kernel needs from a language. The kernel
// calls Execute, Complete, Inspect and IsComplete from a single goroutine,
// one request at a time, in the order the shell socket received them.
// Interrupts arrive by cancelling the ctx given to Execute.
//
// Cursor positions (cursor, start, end) count Unicode code points, as the
// Jupyter protocol (5.2 and later) does.
type Interpreter interface {
	// Info describes the language for kernel_info_reply.
	Info() LanguageInfo

	// Execute runs one cell. Output goes to out while the cell runs; out
	// stays usable after Execute returns, because threads the cell started
	// may keep printing into it. The result is the MIME bundle of a final
	// expression statement (nil when there is none). A returned error that
	// also implements ErrorDetail supplies ename and traceback.
	Execute(ctx context.Context, code string, out Output) (map[string]any, error)

	// Complete returns the candidates for the text ending at cursor and
	// the range [start, end) of code that a chosen candidate replaces.
	Complete(code string, cursor int) (matches []string, start, end int)

	// Inspect returns help for the name at cursor as a MIME bundle;
	// found is false when there is nothing to say.
	Inspect(code string, cursor, detail int) (data map[string]any, found bool)

	// IsComplete reports "complete", "incomplete" (with the indent to
	// use on the next line) or "invalid".
	IsComplete(code string) (status, indent string)

	// Interrupt is called on an interrupt (interrupt_request or SIGINT)
	// that arrives while no cell runs, or after the first while the same
	// cell still runs (the first cancels Execute's context). It stops
	// whatever earlier cells left running (threads, processes), and a
	// cell that is still running. It may be called from any
	// goroutine, also while Execute, Complete or Inspect run.
	Interrupt()

	// Shutdown stops everything the interpreter started.
	Shutdown()
}

// UsageReporter is implemented by an Interpreter that can say what the
// kernel and its machine use, for usage_request (the jupyter-resource-usage
// extension polls it). It may be called from any goroutine.
type UsageReporter interface {
	Usage() (Usage, error)
}

// Usage is the content of usage_reply, with the fields ipykernel gives.
type Usage struct {
	Status            string  `json:"status"` // "ok"; set by the kernel
	Hostname          string  `json:"hostname"`
	PID               int     `json:"pid"`
	KernelCPU         float64 `json:"kernel_cpu"`       // percent of one core, since the last request
	KernelMemory      uint64  `json:"kernel_memory"`    // resident bytes of the kernel and its children
	HostCPUPercent    float64 `json:"host_cpu_percent"` // percent of the whole machine
	CPUCount          int     `json:"cpu_count"`
	HostVirtualMemory any     `json:"host_virtual_memory"` // psutil.virtual_memory() as a dict
}

// Output is where a running cell sends what it produces. Every method is
// safe to call from any goroutine, during and after Execute.
type Output interface {
	// Stream writes text to "stdout" or "stderr".
	Stream(name, text string)
	// Display sends display_data, or update_display_data when update is
	// true. displayID may be empty for a display that is never updated.
	Display(data, metadata map[string]any, displayID string, update bool)
	// ClearOutput clears the cell's output (at once, or on the next
	// output when wait is true).
	ClearOutput(wait bool)
	// Input asks the frontend for a line over the stdin channel. It
	// fails when the request did not allow stdin.
	Input(prompt string, password bool) (string, error)
}

// ErrorDetail is implemented by execution errors that know their Python
// style name (ename) and a traceback, one line per element. The evalue
// sent to the frontend comes from an optional ErrorValue() string method,
// else from Error() without a leading "ename: ". An error without
// ErrorDetail is reported as ename "Error", or "KeyboardInterrupt" when
// the cell was interrupted.
type ErrorDetail interface {
	error
	ErrorName() string
	Traceback() []string
}

// LanguageInfo is the language_info part of kernel_info_reply plus the
// banner and help links.
type LanguageInfo struct {
	Name           string
	Version        string
	Mimetype       string
	FileExtension  string
	PygmentsLexer  string
	CodemirrorMode any // a mode name, or a mode with options as ipykernel sends it
	Banner         string
	HelpLinks      []HelpLink
}

// HelpLink is one entry of kernel_info_reply's help_links.
type HelpLink struct {
	Text string `json:"text"`
	URL  string `json:"url"`
}

// PayloadReply is implemented by an error that Execute returns when the
// cell asks the frontend to act rather than produce output: close
// (IPython's exit and quit) or show help in the pager (name?). The reply
// succeeds and carries the payload, e.g. {"source": "ask_exit"} or
// {"source": "page", "data": {...}, "start": 0}.
type PayloadReply interface {
	error
	Payload() map[string]any
}
