// Semantic colours; with NO_COLOR every colour is dropped (inverse and bold stay).
export interface Theme {
  accent?: string;
  muted?: string;
  error?: string;
  ok?: string;
  warn?: string;
}

export function makeTheme(env: NodeJS.ProcessEnv = process.env): Theme {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return {};
  return { accent: 'cyan', muted: 'gray', error: 'red', ok: 'green', warn: 'yellow' };
}
