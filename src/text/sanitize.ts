// Stored text may hold anything (an imported CSV, a pasted string). Before it is drawn,
// terminal control sequences are removed so a record cannot move the cursor, retitle the
// window or hide text.
// eslint-disable-next-line no-control-regex
const ESCAPES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[PX^_][^\u001b]*(?:\u001b\\)?|\u001b[@-Z\\-_]?|\u009b[0-?]*[ -/]*[@-~]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text safe to draw on one line: escapes and controls removed, line breaks and tabs as spaces. */
export function sanitizeLine(s: string): string {
  return s.replace(ESCAPES, '').replace(/[\r\n\t]+/g, ' ').replace(CONTROLS, '');
}

/** Text safe to draw on several lines: keeps line breaks. */
export function sanitizeText(s: string): string {
  return s.replace(ESCAPES, '').replace(/\r\n?/g, '\n').replace(/\t/g, '  ').replace(CONTROLS, '');
}
