// Command mkico packs PNG images into one Windows icon (.ico) file.
//
//	go run ./tools/mkico -o assets/icon/parley.ico assets/icon/parley-16.png ...
//
// Every image is stored PNG-compressed, which Windows Vista and later read at
// any size. The output depends only on the inputs, so it is reproducible.
package main

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"image/png"
	"os"
	"sort"
)

type entry struct {
	w, h int
	data []byte
}

func main() {
	out := flag.String("o", "", "output .ico file")
	flag.Parse()
	if *out == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: mkico -o OUT.ico IMAGE.png...")
		os.Exit(2)
	}
	var entries []entry
	for _, path := range flag.Args() {
		data, err := os.ReadFile(path)
		if err != nil {
			fail(err)
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			fail(fmt.Errorf("%s: %w", path, err))
		}
		if cfg.Width != cfg.Height || cfg.Width > 256 {
			fail(fmt.Errorf("%s: %dx%d: icon images must be square and at most 256 px", path, cfg.Width, cfg.Height))
		}
		entries = append(entries, entry{cfg.Width, cfg.Height, data})
	}
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].w < entries[j].w })

	var buf bytes.Buffer
	le := binary.LittleEndian
	// ICONDIR: reserved, type 1 (icon), count
	binary.Write(&buf, le, [3]uint16{0, 1, uint16(len(entries))})
	offset := 6 + 16*len(entries)
	for _, e := range entries {
		dim := func(n int) uint8 { // 256 is stored as 0
			if n >= 256 {
				return 0
			}
			return uint8(n)
		}
		// ICONDIRENTRY: width, height, colours, reserved, planes, bit count, size, offset
		buf.Write([]byte{dim(e.w), dim(e.h), 0, 0})
		binary.Write(&buf, le, [2]uint16{1, 32})
		binary.Write(&buf, le, [2]uint32{uint32(len(e.data)), uint32(offset)})
		offset += len(e.data)
	}
	for _, e := range entries {
		buf.Write(e.data)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "mkico:", err)
	os.Exit(1)
}
