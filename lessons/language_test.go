package lessons

import "testing"

// language_info gives the version of Python the interpreter follows, the
// one cells see in sys.version_info.
func TestLanguageVersion(t *testing.T) {
	s := New()
	defer s.Shutdown()
	c := execute(s, "import sys\n'%d.%d.%d' % sys.version_info[:3]")
	if c.err != nil || c.result != "'"+Language.Version+"'" {
		t.Errorf("sys.version_info is %s (%v); language_info says %s", c.result, c.err, Language.Version)
	}
}
