package kernel

import (
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

func TestInstallSpec(t *testing.T) {
	template, err := os.ReadFile("../kernel.json") // the top-level template main embeds
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	spec, err := InstallSpec(filepath.Join(dir, "kernels"), template, "bin/threadlab")
	if err != nil {
		t.Fatal(err)
	}
	if spec != filepath.Join(dir, "kernels", "threadlab") {
		t.Errorf("installed in %s", spec)
	}
	data, err := os.ReadFile(filepath.Join(spec, "kernel.json"))
	if err != nil {
		t.Fatal(err)
	}
	var ks struct {
		Argv          []string       `json:"argv"`
		DisplayName   string         `json:"display_name"`
		Language      string         `json:"language"`
		InterruptMode string         `json:"interrupt_mode"`
		Metadata      map[string]any `json:"metadata"`
	}
	if err := json.Unmarshal(data, &ks); err != nil {
		t.Fatal(err)
	}
	wd, _ := os.Getwd()
	want := []string{filepath.Join(wd, "bin/threadlab"), "kernel", "-f", "{connection_file}"}
	if len(ks.Argv) != 4 || ks.Argv[0] != want[0] || ks.Argv[1] != want[1] || ks.Argv[2] != want[2] || ks.Argv[3] != want[3] {
		t.Errorf("argv = %q, want %q", ks.Argv, want)
	}
	if ks.InterruptMode != "message" || ks.Language != "python" || ks.DisplayName == "" || ks.Metadata == nil {
		t.Errorf("kernel.json = %s", data)
	}
	for name, size := range map[string]int{"logo-32x32.png": 32, "logo-64x64.png": 64} {
		b, err := os.ReadFile(filepath.Join(spec, name))
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if r := img.Bounds(); r.Dx() != size || r.Dy() != size {
			t.Errorf("%s is %v", name, r)
		}
	}
	svg, err := os.ReadFile(filepath.Join(spec, "logo-svg.svg"))
	if err != nil || !bytes.HasPrefix(svg, []byte("<svg")) {
		t.Errorf("logo-svg.svg: %v %.20q", err, svg)
	}
}

func TestRenderSpecErrors(t *testing.T) {
	for _, tpl := range []string{`{`, `{"argv":[]}`, `{"display_name":"x"}`} {
		if _, err := RenderSpec([]byte(tpl), "/bin/x"); err == nil {
			t.Errorf("RenderSpec(%s) succeeded", tpl)
		}
	}
}

func TestKernelsDir(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("JUPYTER_DATA_DIR", "")
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("CONDA_PREFIX", "")
	t.Setenv("VIRTUAL_ENV", "")
	check := func(name string, user, sys bool, prefix, want string) {
		t.Helper()
		got, err := KernelsDir(user, sys, prefix)
		if err != nil || got != want {
			t.Errorf("%s: %s, %v; want %s", name, got, err, want)
		}
	}
	check("default", false, false, "", filepath.Join(home, ".local/share/jupyter/kernels"))
	check("user", true, false, "", filepath.Join(home, ".local/share/jupyter/kernels"))
	check("prefix", false, false, "/opt/x", "/opt/x/share/jupyter/kernels")
	check("sys-prefix", false, true, "", "/usr/local/share/jupyter/kernels")
	t.Setenv("VIRTUAL_ENV", "/venv")
	check("sys-prefix in a venv", false, true, "", "/venv/share/jupyter/kernels")
	t.Setenv("XDG_DATA_HOME", "/xdg")
	check("XDG_DATA_HOME", true, false, "", "/xdg/jupyter/kernels")
	t.Setenv("JUPYTER_DATA_DIR", "/jd")
	check("JUPYTER_DATA_DIR", true, false, "", "/jd/kernels")
}
