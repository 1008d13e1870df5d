// The footer's key hints: what the user can do now, made from the commands of the layers that
// see keys. A command that cannot run now (d in a read-only session) is left out.
import { Text } from 'ink';
import { useApp } from './context.js';
import { useActiveLayers } from './hooks/use-keys.js';
import { fitHints, footerItems } from './key-doc.js';
import { fit } from '../text/width.js';

export function Footer({ cols }: { cols: number }) {
  const { t, theme } = useApp();
  const layers = useActiveLayers();
  return <Text color={theme.muted} wrap="truncate">{fit(fitHints(footerItems(layers), t, cols), cols)}</Text>;
}
