package kernel

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

//go:generate sh -c "cd logo && go run gen.go"

//go:embed logo/logo-32x32.png logo/logo-64x64.png logo/logo-svg.svg
var logos embed.FS

// SpecName is the kernelspec directory name (the kernel name clients use).
const SpecName = "threadlab"

// KernelsDir returns the "kernels" directory a kernelspec goes to:
//
//   - user: Jupyter's user data dir — $JUPYTER_DATA_DIR, else
//     $XDG_DATA_HOME/jupyter, else ~/.local/share/jupyter
//     (~/Library/Jupyter on macOS) — plus /kernels.
//   - sysPrefix: the active environment ($CONDA_PREFIX or $VIRTUAL_ENV),
//     else /usr/local, plus /share/jupyter/kernels (a path Debian's
//     Jupyter searches).
//   - prefix (non-empty): prefix/share/jupyter/kernels.
func KernelsDir(user, sysPrefix bool, prefix string) (string, error) {
	switch {
	case prefix != "":
		return filepath.Join(prefix, "share", "jupyter", "kernels"), nil
	case sysPrefix:
		p := "/usr/local"
		for _, env := range []string{"CONDA_PREFIX", "VIRTUAL_ENV"} {
			if v := os.Getenv(env); v != "" {
				p = v
				break
			}
		}
		return filepath.Join(p, "share", "jupyter", "kernels"), nil
	}
	if d := os.Getenv("JUPYTER_DATA_DIR"); d != "" {
		return filepath.Join(d, "kernels"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	if runtime.GOOS == "darwin" {
		return filepath.Join(home, "Library", "Jupyter", "kernels"), nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "jupyter", "kernels"), nil
	}
	return filepath.Join(home, ".local", "share", "jupyter", "kernels"), nil
}

// RenderSpec fills the kernel.json template: argv[0] becomes binary (an
// absolute path), the rest of the template is kept.
func RenderSpec(template []byte, binary string) ([]byte, error) {
	var spec map[string]any
	if err := json.Unmarshal(template, &spec); err != nil {
		return nil, fmt.Errorf("kernel.json template: %w", err)
	}
	argv, ok := spec["argv"].([]any)
	if !ok || len(argv) == 0 {
		return nil, errors.New("kernel.json template: argv missing")
	}
	abs, err := filepath.Abs(binary)
	if err != nil {
		return nil, err
	}
	argv[0] = abs
	out, err := json.MarshalIndent(spec, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

// InstallSpec writes the kernelspec directory kernelsDir/threadlab:
// kernel.json rendered from template with argv[0] = binary, and the
// logos. It returns the directory written.
func InstallSpec(kernelsDir string, template []byte, binary string) (string, error) {
	spec, err := RenderSpec(template, binary)
	if err != nil {
		return "", err
	}
	dir := filepath.Join(kernelsDir, SpecName)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, "kernel.json"), spec, 0o644); err != nil {
		return "", err
	}
	for _, name := range []string{"logo-32x32.png", "logo-64x64.png", "logo-svg.svg"} {
		data, err := logos.ReadFile("logo/" + name)
		if err != nil {
			return "", err
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return "", err
		}
	}
	return dir, nil
}
