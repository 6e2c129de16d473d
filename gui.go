package main

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"log"
	"os"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/parleyhq/parley/assets"
	"github.com/parleyhq/parley/ui"
)

// appID must match FyneApp.toml's Details.ID: preferences and storage live
// under it.
const appID = "org.parleyhq.parley"

// formatReference is docs/format.md, shown by Help → Format reference.
//
//go:embed docs/format.md
var formatReference string

// noWindowHint ends every message about a window that cannot open.
const noWindowHint = "the command line works without one: parley render FILE.toml (parley help lists the commands)"

// window opens the desktop window on path, or on the bundled example. The
// file is read and checked first and the display looked for next, so that
// what is wrong is said on the terminal, in words, before any window is
// tried: a file that cannot be read ends here; one with problems opens,
// with its problems also printed.
//
// When the file cannot be read and nobody may be watching stderr (Parley
// was started by a file manager, or is the Windows GUI program, whose
// stderr goes nowhere), the window opens anyway and says so there.
func (c *cli) window(path string) int {
	readable := true
	if path != "" {
		_, readable = c.loadFile(path)
	}
	problem := displayProblem()
	if !readable && (problem != "" || onTerminal(c.stderr)) {
		return exitInvalid
	}
	if problem != "" {
		fmt.Fprintf(c.stderr, "parley: %s; %s\n", problem, noWindowHint)
		return exitInvalid
	}
	return runGUI(path, c.stderr)
}

// onTerminal reports whether w is a terminal (a character device), where
// a message is seen.
func onTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// runGUI opens the desktop window on path, or on the bundled example. Should
// the window system still fail to start (GLFW panics when it cannot
// initialise), that is reported in one line, with what GLFW said, and exit
// status 1.
func runGUI(path string, stderr io.Writer) (code int) {
	start := &startLog{}
	log.SetOutput(start) // GLFW's and Fyne's start-up messages, until the window is up
	defer func() {
		if r := recover(); r != nil {
			log.SetOutput(os.Stderr)
			fmt.Fprintf(stderr, "parley: cannot open a window: %s; %s\n", start.reason(r), noWindowHint)
			code = exitInvalid
		}
	}()
	a := app.NewWithID(appID)
	a.SetIcon(fyne.NewStaticResource("parley.png", assets.Icon))
	w := a.NewWindow("Parley")
	start.release(os.Stderr)
	ui.Version = version()
	ui.FormatReference = formatReference
	u := ui.New(a, w)
	if path == "" {
		u.OpenExample()
	} else {
		u.OpenFile(path) // says so in the window when it cannot
	}
	w.ShowAndRun()
	return exitOK
}

// startLog holds log output while the window system starts: it becomes
// part of the message when the start fails, else goes on to stderr.
type startLog struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	dest io.Writer // once released
}

func (l *startLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.dest != nil {
		return l.dest.Write(p)
	}
	return l.buf.Write(p)
}

// release sends what was held, and all later output, to w.
func (l *startLog) release(w io.Writer) {
	l.mu.Lock()
	l.dest = w
	w.Write(l.buf.Bytes())
	l.buf.Reset()
	l.mu.Unlock()
	log.SetOutput(w)
}

// reason is one line saying why the start failed: GLFW's own messages
// (without log time stamps), then what it panicked with.
func (l *startLog) reason(panicked any) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var parts []string
	for _, line := range strings.Split(l.buf.String(), "\n") {
		line = strings.TrimSpace(line)
		// "2006/01/02 15:04:05 PlatformError: X11: …"
		if len(line) > 20 && line[4] == '/' && line[19] == ' ' {
			line = line[20:]
		}
		if line != "" && !strings.HasPrefix(line, "At:") {
			parts = append(parts, line)
		}
	}
	parts = append(parts, fmt.Sprint(panicked))
	return strings.Join(parts, "; ")
}
