// Package editor is a code editor widget for Fyne made for TOML scenario
// files of any length: it draws only the lines in view (a canvas.Text per
// run of one colour, from pools reused on every refresh), over a Buffer of
// lines, so that typing costs the same at 100 lines and at 100,000.
//
// What it does:
//   - TOML highlighting by an incremental per-line lexer: keys (bare,
//     quoted, dotted), table and array-of-tables headers, the four kinds of
//     string (multi-line ones across lines), escapes, numbers, booleans,
//     dates and times, comments, punctuation and values that are none of
//     these. The lexer's state at each line start is kept; an edit re-lexes
//     from its line until that state is as before, and never further than
//     the view (the rest is done when scrolled to). Colours are the Fyne
//     theme's, brought to WCAG contrast 4.5 against the background.
//   - Line numbers, the current line, problem markers in the gutter with
//     their messages on hover, and each problem's range tinted and
//     underlined (SetProblems).
//   - Keys: typing; Enter keeps the indentation; Backspace, Delete (with
//     Ctrl: a word); arrows, with Shift to select; Ctrl+Left/Right by words
//     (Alt on macOS); Home goes to the first non-blank character, then to
//     the line start; End; Ctrl+Home/End; PageUp/PageDown by a page; Ctrl+A;
//     copy, cut, paste; Tab indents (a selection: every line), Shift+Tab
//     outdents; Ctrl+/ comments lines out and in; Ctrl+Z undoes, Ctrl+Y and
//     Ctrl+Shift+Z redo (Cmd on macOS: fyne.KeyModifierShortcutDefault);
//     Ctrl+F finds, Ctrl+H replaces, F3 and Shift+F3 go to the next and the
//     previous match, Ctrl+G or Ctrl+L go to a line; Ctrl+Space completes.
//     Tab does not trap the focus: Ctrl+Tab and Ctrl+Shift+Tab move it to
//     the next and previous widget, and so does Tab just after Escape (as
//     in web code editors).
//   - Mouse: a click places the cursor, a drag selects, a double click
//     selects a word and a triple click a line (dragging then extends by
//     words or lines), Shift+click extends; a click in the gutter selects
//     lines; the wheel scrolls (with Shift: sideways); scroll bars.
//   - Completion: in a string value, Completions is asked for candidates
//     with the Context (the table, the key, the key holding it, what is
//     typed); the list shows "id — name", filtered as one types, with Up,
//     Down, Enter or Tab, Escape and the mouse.
//   - Undo: the editor keeps its own history, or, with OnUndo and OnRedo
//     set, leaves undo to the app: OnChanged reports each Edit (range, old
//     and new text, and whether it continues the typing before it), Apply
//     makes an edit from outside and Edit.Inverse takes one back; SetText
//     changes only the part of the text that differs, so an app whose
//     history keeps whole texts can put them back cheaply.
//
// Characters. The text is a grid of monospace cells. Each character is a
// grapheme cluster (a letter with its combining marks, an emoji sequence:
// go-text's segmenter) and the cursor, selection, Backspace and Delete move
// over whole clusters. A cluster takes one cell, or two when it is East
// Asian wide or fullwidth (CJK ideographs, kana, Hangul, fullwidth forms,
// wide emoji: golang.org/x/text/width), so columns stay aligned. Latin,
// Greek and Cyrillic letters are drawn in runs with the monospace font;
// every other cluster is drawn on its own, centred in its cells (and made
// smaller if the fallback font draws it wider than them). Right-to-left
// text (Hebrew, Arabic) is shown in logical order, left to right, one
// letter per cell without joining, and the cursor moves in logical order,
// as in a terminal and in most code editors; the text itself is never
// reordered or changed. Control characters and invisible format
// characters (zero-width spaces, bidi overrides) are shown as visible
// stand-ins, so nothing in the file is hidden. Bytes that are not UTF-8
// are kept as they are and shown as �. A file whose lines all end in CRLF
// keeps its CRLF line ends.
package editor
