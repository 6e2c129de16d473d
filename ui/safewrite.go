package ui

import (
	"errors"
	"fmt"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"
)

// Save As without truncating: Fyne's save dialog opens the chosen file for
// writing (which empties an existing file) before it hands the writer over,
// so a Save As over an existing file would leave it empty should the save
// then fail. Parley wraps the file:// repository so that a writer opens its
// file only when first written to; Save As takes just the path from the
// writer, discards it unopened and saves with writeAtomic like Save (by
// internal/safefile's rules).

// lazyFileRepo is the file:// repository with writers that open their file
// on the first Write (or on a Close with nothing written, as a plain writer
// would), unless discarded first. Everything else goes to the wrapped
// repository.
type lazyFileRepo struct {
	inner repository.Repository
}

var installMu sync.Mutex

// installLazyFileRepo wraps the registered file:// repository (once: a
// wrapped one is left alone). The drivers register theirs when the app
// starts, so this runs after fyne's app is made.
func installLazyFileRepo() {
	installMu.Lock()
	defer installMu.Unlock()
	r, err := repository.ForScheme("file")
	if err != nil {
		return
	}
	if _, ok := r.(*lazyFileRepo); ok {
		return
	}
	if _, ok := r.(repository.WritableRepository); !ok {
		return
	}
	repository.Register("file", &lazyFileRepo{inner: r})
}

// Exists delegates.
func (r *lazyFileRepo) Exists(u fyne.URI) (bool, error) { return r.inner.Exists(u) }

// Reader delegates.
func (r *lazyFileRepo) Reader(u fyne.URI) (fyne.URIReadCloser, error) { return r.inner.Reader(u) }

// CanRead delegates.
func (r *lazyFileRepo) CanRead(u fyne.URI) (bool, error) { return r.inner.CanRead(u) }

// Destroy does nothing: the wrapped repository lives on.
func (r *lazyFileRepo) Destroy(string) {}

var errNotSupported = errors.New("ui: not supported by the file repository")

// Writer returns a writer that opens (and truncates) the file only when it
// is first written to or closed; a discarded one never touches it.
func (r *lazyFileRepo) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	w, ok := r.inner.(repository.WritableRepository)
	if !ok {
		return nil, errNotSupported
	}
	return &deferredWriter{uri: u, open: func() (fyne.URIWriteCloser, error) { return w.Writer(u) }}, nil
}

// CanWrite delegates.
func (r *lazyFileRepo) CanWrite(u fyne.URI) (bool, error) {
	if w, ok := r.inner.(repository.WritableRepository); ok {
		return w.CanWrite(u)
	}
	return false, nil
}

// Delete delegates.
func (r *lazyFileRepo) Delete(u fyne.URI) error {
	if w, ok := r.inner.(repository.WritableRepository); ok {
		return w.Delete(u)
	}
	return errNotSupported
}

// Appender delegates.
func (r *lazyFileRepo) Appender(u fyne.URI) (fyne.URIWriteCloser, error) {
	if a, ok := r.inner.(repository.AppendableRepository); ok {
		return a.Appender(u)
	}
	return nil, errNotSupported
}

// CanList delegates.
func (r *lazyFileRepo) CanList(u fyne.URI) (bool, error) {
	if l, ok := r.inner.(repository.ListableRepository); ok {
		return l.CanList(u)
	}
	return false, nil
}

// List delegates.
func (r *lazyFileRepo) List(u fyne.URI) ([]fyne.URI, error) {
	if l, ok := r.inner.(repository.ListableRepository); ok {
		return l.List(u)
	}
	return nil, errNotSupported
}

// CreateListable delegates.
func (r *lazyFileRepo) CreateListable(u fyne.URI) error {
	if l, ok := r.inner.(repository.ListableRepository); ok {
		return l.CreateListable(u)
	}
	return errNotSupported
}

// Parent delegates (or uses the generic implementation).
func (r *lazyFileRepo) Parent(u fyne.URI) (fyne.URI, error) {
	if h, ok := r.inner.(repository.HierarchicalRepository); ok {
		return h.Parent(u)
	}
	return repository.GenericParent(u)
}

// Child delegates (or uses the generic implementation).
func (r *lazyFileRepo) Child(u fyne.URI, name string) (fyne.URI, error) {
	if h, ok := r.inner.(repository.HierarchicalRepository); ok {
		return h.Child(u, name)
	}
	return repository.GenericChild(u, name)
}

// DeleteAll delegates.
func (r *lazyFileRepo) DeleteAll(u fyne.URI) error {
	if d, ok := r.inner.(repository.DeleteAllRepository); ok {
		return d.DeleteAll(u)
	}
	return errNotSupported
}

// Copy delegates.
func (r *lazyFileRepo) Copy(src, dst fyne.URI) error {
	if c, ok := r.inner.(repository.CopyableRepository); ok {
		return c.Copy(src, dst)
	}
	return repository.GenericCopy(src, dst)
}

// Move delegates.
func (r *lazyFileRepo) Move(src, dst fyne.URI) error {
	if m, ok := r.inner.(repository.MovableRepository); ok {
		return m.Move(src, dst)
	}
	return repository.GenericMove(src, dst)
}

// deferredWriter is a file writer that opens its file on first use.
type deferredWriter struct {
	uri       fyne.URI
	open      func() (fyne.URIWriteCloser, error)
	w         fyne.URIWriteCloser
	err       error
	discarded bool
	closed    bool
}

// URI is the file's URI.
func (d *deferredWriter) URI() fyne.URI { return d.uri }

func (d *deferredWriter) ensure() error {
	if d.w == nil && d.err == nil {
		d.w, d.err = d.open()
	}
	return d.err
}

// Write opens the file (the first time) and writes to it.
func (d *deferredWriter) Write(b []byte) (int, error) {
	if d.closed || d.discarded {
		return 0, fmt.Errorf("ui: write %s: the writer is closed", d.uri.Name())
	}
	if err := d.ensure(); err != nil {
		return 0, err
	}
	return d.w.Write(b)
}

// Close closes the file; one never written to is created empty, as a
// plain writer would leave it, unless the writer was discarded.
func (d *deferredWriter) Close() error {
	if d.closed {
		return nil
	}
	d.closed = true
	if d.w == nil {
		if d.discarded {
			return nil
		}
		if err := d.ensure(); err != nil {
			return err
		}
	}
	return d.w.Close()
}

// discard makes Close leave the file alone when nothing was written.
func (d *deferredWriter) discard() { d.discarded = true }

// pathOfSaveWriter takes the chosen file's path from a save dialog's writer
// and closes the writer, leaving the file as it was when the writer is a
// deferred one; truncated reports that the writer had already emptied or
// created the file (some other repository made it).
func pathOfSaveWriter(w fyne.URIWriteCloser) (path string, truncated bool) {
	path = w.URI().Path()
	if d, ok := w.(*deferredWriter); ok {
		d.discard()
		d.Close()
		return path, d.w != nil
	}
	w.Close()
	return path, true
}
