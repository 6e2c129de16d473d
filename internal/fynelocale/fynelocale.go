// Package fynelocale stops Fyne from printing "Error parsing user locale C"
// at start-up on systems whose locale is C or POSIX (servers, containers,
// CI): Fyne parses the locale while its packages initialise, before main
// runs, and cannot parse "C". Imported blank by main; Go initialises it
// before Fyne's lang package because it needs nothing but os and sorts
// before golang.org/x/text, which that package waits for.
package fynelocale

import (
	"os"
	"strings"
)

func init() {
	if os.Getenv("LC_ALL") != "" || os.Getenv("LC_MESSAGES") != "" {
		return
	}
	if lang := os.Getenv("LANG"); lang == "" || lang == "C" || lang == "POSIX" || strings.HasPrefix(lang, "C.") {
		// LC_MESSAGES only sets the language of messages: English, which
		// is what Fyne falls back to for C anyway.
		os.Setenv("LC_MESSAGES", "en_US.UTF-8")
	}
}
