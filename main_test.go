package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestMain lets a test start this test binary as the parley command
// (PARLEY_TEST_MAIN=1), to check what a real process prints and exits with.
func TestMain(m *testing.M) {
	if os.Getenv("PARLEY_TEST_MAIN") == "1" {
		main()
		return
	}
	code := m.Run()
	for _, f := range afterTests {
		f()
	}
	os.Exit(code)
}

// afterTests run once all tests have (to remove what tests share).
var afterTests []func()

// TestProcessOutputIsClean: in a C locale (servers, CI) the command line
// prints exactly its problems, with no start-up noise from Fyne, and exits
// with the documented codes.
func TestProcessOutputIsClean(t *testing.T) {
	bad := writeFile(t, "bad.toml", invalidScenario)
	for _, lang := range []string{"C", "C.UTF-8", "POSIX", ""} {
		cmd := exec.Command(os.Args[0], "validate", bad)
		cmd.Env = append(os.Environ(), "PARLEY_TEST_MAIN=1", "LANG="+lang, "LC_ALL=", "LC_MESSAGES=")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		code := cmd.ProcessState.ExitCode()
		if code != exitInvalid {
			t.Errorf("LANG=%q: exit %d (%v), want %d", lang, code, err, exitInvalid)
		}
		for _, line := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
			if !strings.HasPrefix(line, bad+":") {
				t.Errorf("LANG=%q: stray line on stderr: %q", lang, line)
			}
		}
	}
}
