// The frame protocol between a Worker and its child process.

package layout

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
)

// Frame protocol between a Worker and its child, over the child's stdin and
// stdout. Every frame is the 4-byte magic, a kind byte, a big-endian uint32
// payload length and the payload.
//
//	child → parent  'H' hello, once, when ready: memory (uint64)
//	parent → child  'L' layout request: DOT text
//	child → parent  'J' result: memory (uint64) + Graphviz json
//	child → parent  'E' failure: memory (uint64) + error text
//
// memory is the child's resident set size in bytes (Go's MemStats.Sys where
// /proc is not available).
const (
	frameMagic  = "PLW1"
	frameHello  = 'H'
	frameLayout = 'L'
	frameJSON   = 'J'
	frameError  = 'E'
	frameHeader = len(frameMagic) + 1 + 4
	maxFrame    = 1 << 30
)

var errBadFrame = errors.New("render: layout worker protocol: bad frame")

func writeFrame(w *bufio.Writer, kind byte, parts ...[]byte) error {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	if n > maxFrame {
		return fmt.Errorf("render: layout worker protocol: frame of %d bytes is too large", n)
	}
	var hdr [frameHeader]byte
	copy(hdr[:], frameMagic)
	hdr[len(frameMagic)] = kind
	binary.BigEndian.PutUint32(hdr[len(frameMagic)+1:], uint32(n))
	if _, err := w.Write(hdr[:]); err != nil {
		return err
	}
	for _, p := range parts {
		if _, err := w.Write(p); err != nil {
			return err
		}
	}
	return w.Flush()
}

// readFrame reads one frame. A clean end of input before a frame is io.EOF.
func readFrame(r io.Reader) (kind byte, payload []byte, err error) {
	var hdr [frameHeader]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		if err == io.ErrUnexpectedEOF {
			return 0, nil, fmt.Errorf("render: layout worker protocol: truncated frame header: %w", err)
		}
		return 0, nil, err
	}
	if string(hdr[:len(frameMagic)]) != frameMagic {
		return 0, nil, fmt.Errorf("%w (starts %q)", errBadFrame, hdr[:])
	}
	n := binary.BigEndian.Uint32(hdr[len(frameMagic)+1:])
	if n > maxFrame {
		return 0, nil, fmt.Errorf("%w (length %d)", errBadFrame, n)
	}
	payload = make([]byte, n)
	if _, err := io.ReadFull(r, payload); err != nil {
		return 0, nil, fmt.Errorf("render: layout worker protocol: truncated frame: %w", err)
	}
	return hdr[len(frameMagic)], payload, nil
}

func u64(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }

// processMemory is this process's resident set size, or Go's MemStats.Sys
// where /proc/self/statm cannot be read.
func processMemory() uint64 {
	if b, err := os.ReadFile("/proc/self/statm"); err == nil {
		if f := strings.Fields(string(b)); len(f) >= 2 {
			if pages, err := strconv.ParseUint(f[1], 10, 64); err == nil {
				return pages * uint64(os.Getpagesize())
			}
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.Sys
}
