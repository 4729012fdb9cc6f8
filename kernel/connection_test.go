package kernel

import (
	"strings"
	"testing"
)

func TestParseConnectionInfo(t *testing.T) {
	tests := []struct {
		name, json string
		err        string
		endpoint   string // of the shell port
	}{
		{"tcp", `{"transport":"tcp","ip":"127.0.0.1","shell_port":5001,"iopub_port":5002,"stdin_port":5003,"control_port":5004,"hb_port":5005,"signature_scheme":"hmac-sha256","key":"k","kernel_name":"threadlab"}`,
			"", "tcp://127.0.0.1:5001"},
		{"defaults", `{"shell_port":1,"iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":5}`, "", "tcp://127.0.0.1:1"},
		{"ipv6", `{"ip":"::1","shell_port":7}`, "", "tcp://[::1]:7"},
		{"wildcard", `{"ip":"*","shell_port":7}`, "", "tcp://*:7"},
		{"ipc", `{"transport":"ipc","ip":"/tmp/kernel-abc","shell_port":1,"iopub_port":2,"stdin_port":3,"control_port":4,"hb_port":5}`,
			"", "ipc:///tmp/kernel-abc-1"},
		{"ipc missing port", `{"transport":"ipc","ip":"/tmp/k","shell_port":1}`, "missing", ""},
		{"bad json", `{"shell_port":`, "invalid JSON", ""},
		{"bad transport", `{"transport":"udp"}`, "unsupported transport", ""},
		{"bad port", `{"shell_port":70000}`, "out of range", ""},
		{"bad scheme", `{"signature_scheme":"hmac-md5","key":"k"}`, "signature_scheme", ""},
	}
	for _, tt := range tests {
		ci, err := ParseConnectionInfo([]byte(tt.json))
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: err = %v, want %q", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got := ci.Endpoint(ci.ShellPort); got != tt.endpoint {
			t.Errorf("%s: endpoint %s, want %s", tt.name, got, tt.endpoint)
		}
	}
}

func TestReadConnectionFileMissing(t *testing.T) {
	if _, err := ReadConnectionFile(t.TempDir() + "/nope.json"); err == nil {
		t.Error("no error for a missing file")
	}
}
