import { Text, useCursor } from 'ink';
import { displayWidth, graphemes } from '../../text/width.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { fieldWindow, type EditState } from '../text-edit.js';

/** Puts the terminal's real cursor at a point of the frame: a Chinese input method shows its
 *  composition window there, not in a corner of the screen. */
function CursorAt({ x, y }: { x: number; y: number }) {
  const { setCursorPosition } = useCursor();
  setCursorPosition({ x, y });
  return null;
}

/** One line of editable text, scrolled so the cursor stays in view; the cursor is drawn inverse,
 *  and a selected text (the first key replaces it) is drawn inverse as a whole.
 *  `origin` is where the field starts in the frame (column, row), for the real cursor. */
export function TextField({ state, width, focused, placeholder, origin }: {
  state: EditState; width: number; focused: boolean; placeholder?: string; origin?: { x: number; y: number };
}) {
  const g = graphemes(sanitizeLine(state.text));
  if (!focused) {
    const shown = g.length ? g.join('') : placeholder ?? '';
    return <Text dimColor={!g.length} wrap="truncate">{shown}</Text>;
  }
  const cursor = Math.min(state.cursor, g.length);
  const { start, end } = fieldWindow(g, cursor, width);
  const before = g.slice(start, cursor).join('');
  const at = g[cursor] ?? ' ';
  const after = g.slice(cursor + 1, end).join('');
  return (
    <>
      {origin ? <CursorAt x={origin.x + displayWidth(before)} y={origin.y} /> : null}
      {state.selected ? (
        <Text wrap="truncate">
          <Text inverse>{before}</Text>
          {at}
        </Text>
      ) : (
        <Text wrap="truncate">
          {before}
          <Text inverse>{at}</Text>
          {after}
        </Text>
      )}
    </>
  );
}
