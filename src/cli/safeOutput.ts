/**
 * Text that reaches a terminal cannot act on it: control characters (C0 but tab and line
 * feed, DEL, C1 — CSI, OSC — and a carriage return that does not end a line) and the
 * bidirectional overrides that reorder what is shown are written as `\uXXXX`. Inside JSON
 * strings that is the same character, so JSON output stays exact.
 */
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

export function terminalSafe(s: string): string {
  return s.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
