package scenario

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestStressScratch(t *testing.T) {
	head := "format = 1\n[scenario]\ntitle = \"x\"\n[[actors]]\nid = \"a\"\nname = \"A\"\nkind = \"state\"\n[[tracks]]\nid = \"t\"\nname = \"T\"\nkind = \"talks\"\n"
	var b strings.Builder
	b.WriteString(head)
	for i := 0; b.Len() < 2<<20; i++ {
		b.WriteString("[[seats]]\ntrack = \"t\"\nactor = \"a\"\nrole = \"host\"\n")
	}
	t0 := time.Now()
	_, err := Load("s.toml", strings.NewReader(b.String()))
	fmt.Println("same seats:", time.Since(t0), len(err.Error()))

	b.Reset()
	b.WriteString(head)
	for i := 0; b.Len() < 1<<20; i++ {
		fmt.Fprintf(&b, "[[actors]]\nid = \"actor-%06d\"\nname = \"A\"\nkind = \"state\"\n", i)
	}
	for i := 0; i < 2000; i++ {
		fmt.Fprintf(&b, "[[seats]]\ntrack = \"t\"\nactor = \"nobody-%06d\"\nrole = \"host\"\n", i)
	}
	t0 = time.Now()
	_, err = Load("s.toml", strings.NewReader(b.String()))
	fmt.Println("dangling:", time.Since(t0), len(err.Error()))
}
