package main

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestManPageMatchesHelp: the man page that the .deb and the .tar.xz
// install (packaging/linux/parley.1) names every command `parley help`
// lists, in SYNOPSIS and in COMMANDS, and documents under each command
// exactly the flags that command's own usage (`parley CMD -h`) lists.
func TestManPageMatchesHelp(t *testing.T) {
	src, err := os.ReadFile("packaging/linux/parley.1")
	if err != nil {
		t.Fatal(err)
	}
	man := manPage(string(src))

	code, overview, _ := parley(t, "help")
	if code != exitOK {
		t.Fatalf("parley help: exit %d", code)
	}
	var names []string
	for _, m := range regexp.MustCompile(`(?m)^  parley ([a-z][a-z-]*)`).FindAllStringSubmatch(overview, -1) {
		names = append(names, m[1])
	}
	if len(names) < 9 {
		t.Fatalf("parley help lists only %v", names)
	}
	for _, name := range names {
		if !slices.Contains(man.synopsis, name) {
			t.Errorf("man page SYNOPSIS lacks parley %s", name)
		}
		documented, ok := man.flags[name]
		if !ok {
			t.Errorf("man page COMMANDS lacks %s", name)
			continue
		}
		code, usage, _ := parley(t, name, "-h")
		if code != exitOK {
			t.Errorf("parley %s -h: exit %d", name, code)
			continue
		}
		var listed []string
		for _, m := range regexp.MustCompile(`(?m)^  (-[a-z][a-z-]*)\b`).FindAllStringSubmatch(usage, -1) {
			listed = append(listed, m[1])
		}
		for _, f := range listed {
			if !slices.Contains(documented, f) {
				t.Errorf("man page: %s %s (in parley %s -h) is not documented", name, f, name)
			}
		}
		for _, f := range documented {
			if !slices.Contains(listed, f) {
				t.Errorf("man page: %s %s is documented but parley %s -h does not list it", name, f, name)
			}
		}
	}
	for name := range man.flags {
		if !slices.Contains(names, name) {
			t.Errorf("man page documents a command %q that parley help does not list", name)
		}
	}
	for _, section := range []string{"FLAGS", "OUTPUT FILES", "EXIT STATUS", "ENVIRONMENT", "EXAMPLES"} {
		if !strings.Contains(string(src), "\n.SH "+section+"\n") && !strings.Contains(string(src), "\n.SH \""+section+"\"\n") {
			t.Errorf("man page has no %s section", section)
		}
	}
}

// manPageInfo is what TestManPageMatchesHelp reads from the man page.
type manPageInfo struct {
	synopsis []string            // the commands in SYNOPSIS
	flags    map[string][]string // each command's flags in COMMANDS
}

// manPage reads the man(7) source: the SYNOPSIS lines ".B parley CMD", and
// in COMMANDS each top-level ".TP" entry whose tag starts with a command
// name, with the ".TP" tags starting with a flag in its indented (.RS) list.
func manPage(src string) manPageInfo {
	info := manPageInfo{flags: map[string][]string{}}
	lines := strings.Split(strings.ReplaceAll(src, `\-`, "-"), "\n")
	section, depth, cmd := "", 0, ""
	firstWord := func(l string) string {
		f := strings.Fields(strings.NewReplacer(`"`, " ", `\fR`, " ", `\fP`, " ", `\fI`, " ", `\fB`, " ").Replace(l))
		if len(f) < 2 || (f[0] != ".B" && f[0] != ".BI" && f[0] != ".BR") {
			return ""
		}
		return f[1]
	}
	for i, l := range lines {
		switch {
		case strings.HasPrefix(l, ".SH "):
			section = strings.Trim(strings.TrimPrefix(l, ".SH "), `"`)
			depth = 0
		case l == ".RS":
			depth++
		case l == ".RE":
			depth--
		case section == "SYNOPSIS" && strings.HasPrefix(l, ".B parley"):
			if f := strings.Fields(l); len(f) >= 3 {
				info.synopsis = append(info.synopsis, f[2])
			}
		case section == "COMMANDS" && l == ".TP" && i+1 < len(lines):
			w := firstWord(lines[i+1])
			switch {
			case depth == 0 && w != "":
				cmd = w
				if _, ok := info.flags[cmd]; !ok {
					info.flags[cmd] = []string{}
				}
			case depth == 1 && cmd != "" && strings.HasPrefix(w, "-"):
				info.flags[cmd] = append(info.flags[cmd], w)
			}
		}
	}
	return info
}
