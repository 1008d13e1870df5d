import { Text, useCursor } from 'ink';
import { displayWidth, graphemes } from '../../text/width.js';
import { sanitizeLine } from '../../text/sanitize.js';
import type { EditState } from '../text-edit.js';

/** Puts the terminal's real cursor at a point of the frame: a Chinese input method shows its
 *  composition window there, not in a corner of the screen. */
function CursorAt({ x, y }: { x: number; y: number }) {
  const { setCursorPosition } = useCursor();
  setCursorPosition({ x, y });
  return null;
}

/** One line of editable text, scrolled so the cursor stays in view; the cursor is drawn inverse.
 *  `origin` is where the field starts in the frame (column, row), for the real cursor. */
export function TextField({ state, width, focused, placeholder, origin }: {
  state: EditState; width: number; focused: boolean; placeholder?: string; origin?: { x: number; y: number };
}) {
  const g = graphemes(sanitizeLine(state.text));
  if (!focused) {
    const shown = g.length ? g.join('') : placeholder ?? '';
    return <Text dimColor={!g.length} wrap="truncate">{shown}</Text>;
  }
  // find the first grapheme to show so that the cursor fits within width
  let start = 0;
  const widthBetween = (a: number, b: number) => displayWidth(g.slice(a, b).join(''));
  while (start < state.cursor && widthBetween(start, state.cursor) > width - 2) start++;
  let end = state.cursor;
  while (end < g.length && widthBetween(start, end + 1) <= width - 2) end++;
  const before = g.slice(start, state.cursor).join('');
  const at = g[state.cursor] ?? ' ';
  const after = g.slice(state.cursor + 1, end).join('');
  return (
    <>
      {origin ? <CursorAt x={origin.x + displayWidth(before)} y={origin.y} /> : null}
      <Text wrap="truncate">
        {before}
        <Text inverse>{at}</Text>
        {after}
      </Text>
    </>
  );
}
