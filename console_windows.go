//go:build windows

package main

import (
	"os"
	"strings"
	"syscall"
)

// Parley's Windows release is a GUI program (linked with -H=windowsgui, see
// packaging/build-windows.sh), so that starting it from the Start menu or by
// opening a .toml file shows no console window. Such a program gets no
// console of its own, so without this file `parley version`, `parley
// validate` and `parley render` typed in a terminal would print nothing.
//
// For those command-line uses, init attaches the process to the console of
// the terminal that started it and points os.Stdout and os.Stderr at it,
// unless they are already redirected to a file or a pipe (those are kept).
// The desktop window (no arguments, or one FILE) does not attach: closing
// the terminal must not close the window.
//
// Known limit of GUI programs: cmd.exe and PowerShell do not wait for them,
// so the prompt may come back before the output, and %ERRORLEVEL% is not the
// exit code. `start /wait parley validate f.toml` (cmd) or
// `parley validate f.toml | Out-Host` (PowerShell) wait; redirected output
// (`parley render -o - f.toml > f.svg`) always works.
func init() {
	if !commandLineUse(os.Args[1:]) {
		return
	}
	stdoutOK, stderrOK := usable(syscall.Stdout), usable(syscall.Stderr)
	if stdoutOK && stderrOK {
		return // both redirected: nothing to do
	}
	attachConsole := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	if r, _, _ := attachConsole.Call(attachParentProcess); r == 0 {
		return // not started from a terminal
	}
	if !stdoutOK {
		if f := openConsole("/dev/stdout"); f != nil {
			os.Stdout = f
		}
	}
	if !stderrOK {
		if f := openConsole("/dev/stderr"); f != nil {
			os.Stderr = f
		}
	}
}

// commandLineUse reports whether args ask for a command-line command rather
// than the desktop window (see run in cli.go).
func commandLineUse(args []string) bool {
	if len(args) == 0 {
		return false // the window on the bundled example
	}
	switch args[0] {
	case "validate", "render", "example", "version", "help":
		return true
	}
	// One argument that is not a flag is a file to open in the window (or
	// the render worker's hidden argument, whose streams are pipes anyway).
	return len(args) > 1 || strings.HasPrefix(args[0], "-")
}

// usable reports whether h is an open stream (a file, pipe or console).
func usable(h syscall.Handle) bool {
	if h == 0 || h == syscall.InvalidHandle {
		return false
	}
	t, err := syscall.GetFileType(h)
	return err == nil && t != syscall.FILE_TYPE_UNKNOWN
}

func openConsole(name string) *os.File {
	h, err := syscall.Open("CONOUT$", syscall.O_RDWR, 0)
	if err != nil {
		return nil
	}
	return os.NewFile(uintptr(h), name)
}
