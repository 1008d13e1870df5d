// The full-screen shell: screen bar, the current screen, status bar with key hints, the help
// overlay and the command palette. Records change through the Repo; the app then saves.
import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { storeErrorText } from '../presentation/store-errors.js';
import { Box, Text, useApp as useInk } from 'ink';
import { KeysRoot, useKeys } from './hooks/use-keys.js';
import type { WorkspaceStore } from '../services/ports.js';
import { Repo } from '../services/repo.js';
import { makeT, type Lang, type MessageKey } from '../i18n/index.js';
import { AppContext, type AppServices, type Notice } from './context.js';
import type { Theme } from './theme.js';
import { RecordScreen } from './screens/records/RecordScreen.js';
import { customersConfig } from './screens/customers.js';
import { contactsConfig } from './screens/contacts.js';
import { GLOBAL_BINDINGS, LIST_BINDINGS, FORM_BINDINGS } from './keys.js';
import { displayWidth, fit } from '../text/width.js';
import { sanitizeLine } from '../text/sanitize.js';
import { Picker } from './components/Picker.js';
import { ImportDialog } from './components/ImportDialog.js';
import type { EntityName } from '../domain/entities.js';
import { useSyncedState } from './hooks/use-synced-state.js';

export interface AppProps {
  store: WorkspaceStore;
  lang: Lang;
  theme: Theme;
  ascii: boolean;
  size: { cols: number; rows: number };
  /** the demo workspace, loaded on request (D) into an empty workspace */
  loadDemo?: () => WorkspaceStore['data'];
  /** how a save is scheduled after a change (tests pass a synchronous one) */
  schedule?: (fn: () => void) => void;
  onQuit?: () => void;
  /** filled with a function that writes pending changes now (on SIGHUP / SIGTERM) */
  flush?: { current: () => Promise<void> };
  /** the login the session acts as (default: the administrator) */
  user?: string;
}

/** A screen appears here only once it works. */
const SCREENS = [
  { name: 'customers', key: '1', title: 'screen.customers' as MessageKey, config: customersConfig },
  { name: 'contacts', key: '2', title: 'screen.contacts' as MessageKey, config: contactsConfig },
];

type Overlay = null | 'help' | 'palette' | { import: EntityName };

/** The app inside its key root: every key handler below registers with it. */
export function App(props: AppProps) {
  return (
    <KeysRoot>
      <AppBody {...props} />
    </KeysRoot>
  );
}

function AppBody({ store, lang: initialLang, theme, ascii, size, loadDemo, schedule, onQuit, flush, user: actorLogin }: AppProps) {
  const ink = useInk();
  const [repo, setRepo] = useState(() => new Repo(store.data, { actor: actorLogin }));
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = useMemo(() => makeT(lang), [lang]);
  const [nav, navRef, setNav] = useSyncedState<{ screen: number; overlay: Overlay }>({ screen: 0, overlay: null });
  const { screen, overlay } = nav;
  const setScreen = (f: number | ((n: number) => number)) => setNav((x) => ({ screen: typeof f === 'function' ? f(x.screen) : f }));
  const setOverlay = (o: Overlay) => setNav({ overlay: o });
  const [notice, setNotice] = useState<Notice | null>(null);
  const [, setTick] = useState(0);
  const [request, setRequest] = useState<AppServices['request']>();
  const capture = useRef(false);
  const [capturing, setCapturing] = useState(false);
  const saveTimer = useRef(false);
  const readOnly = store.readOnlyBecause;

  const repoRef = useRef(repo);
  repoRef.current = repo;
  const [invalid, setInvalid] = useState<string | null>(null);
  // what to say once the pending changes are on disk
  const savedText = useRef<string | undefined>(undefined);
  const save = useCallback(() => {
    saveTimer.current = false;
    const done = savedText.current;
    savedText.current = undefined;
    const batch = repoRef.current.drainBatch();
    if (!batch.changes.length) return Promise.resolve();
    return store
      .commit(batch)
      .then(() => {
        if (done) setNotice({ text: done, kind: 'ok' });
      })
      .catch((e: Error) => setNotice({ text: t('app.saveFailed', { reason: storeErrorText(t, e) ?? e.message }), kind: 'error' }));
  }, [store, t]);
  if (flush) flush.current = async () => void (await save());
  // the records are checked after the first frame is drawn; a bad one makes the session read-only
  useEffect(() => {
    store.validate().catch((e: unknown) => setInvalid(storeErrorText(t, e) ?? String(e)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);

  const changed = useCallback((done?: string) => {
    setTick((n) => n + 1);
    if (done) {
      savedText.current = done;
      setNotice({ text: t('app.saving'), kind: 'info' });
    }
    if (saveTimer.current) return;
    saveTimer.current = true;
    // save after this keypress's frame is drawn, and once for a burst of changes
    (schedule ?? ((fn) => setTimeout(fn, 10)))(save);
  }, [save, schedule, t]);

  const quit = useCallback(() => {
    if (saveTimer.current) void save();
    onQuit?.();
    ink.exit();
  }, [ink, onQuit, save]);

  const services: AppServices = useMemo(
    () => ({
      repo,
      t,
      theme,
      ascii,
      readOnly,
      size,
      bodyTop: 1 + (readOnly ? 1 : 0) + (invalid ? 1 : 0),
      changed,
      notify: (text, kind = 'info') => setNotice({ text, kind }),
      setCapture: (on) => {
        capture.current = on;
        // the footer changes with it; a state update only when it flips
        setCapturing((was) => (was === on ? was : on));
      },
      canWrite: () => {
        if (readOnly || invalid) setNotice({ text: invalid ?? t('err.readOnly'), kind: 'error' });
        return !readOnly && !invalid;
      },
      whenValidated: () => store.validate(),
      openScreen: (name, args) => {
        const i = SCREENS.findIndex((s) => s.name === name);
        if (i >= 0) setScreen(i);
        if (args) setRequest({ ...args, seq: Date.now() + Math.random() });
      },
      request,
    }),
    [repo, t, theme, ascii, readOnly, size, changed, request, invalid],
  );

  const loadDemoNow = () => {
    if (!loadDemo || !services.canWrite()) return;
    if (repo.count('customers') > 0) return setNotice({ text: t('app.demoRefused'), kind: 'error' });
    const ws = loadDemo();
    if (store.data.settings.lang) ws.settings.lang = store.data.settings.lang;
    store.replace(ws);
    setRepo(new Repo(store.data, { actor: actorLogin }));
    setNotice({ text: t('app.demoLoaded', { count: ws.customers.length }), kind: 'ok' });
    store.save().catch((e: Error) => setNotice({ text: t('app.saveFailed', { reason: e.message }), kind: 'error' }));
  };

  const toggleLang = () => {
    const next: Lang = lang === 'en' ? 'zh-CN' : 'en';
    setLang(next);
    if (!readOnly && !invalid) {
      repo.setSettings({ lang: next });
      changed();
    }
    setNotice({ text: makeT(next)('app.langSet'), kind: 'info' });
  };

  useKeys((input, key) => {
    if (key.ctrl && input === 'c') return quit();
    if (navRef.current.overlay) return;
    if (capture.current) return;
    if (notice && !key.ctrl) setNotice(null);
    if (input === 'q') return quit();
    if (input === '?') return setOverlay('help');
    if (input === ':') return setOverlay('palette');
    if (key.tab) return setScreen((s) => (s + (key.shift ? SCREENS.length - 1 : 1)) % SCREENS.length);
    const n = SCREENS.findIndex((s) => s.key === input);
    if (n >= 0) return setScreen(n);
    if (input === 'D' && repo.count('customers') === 0) loadDemoNow();
  });

  const { cols, rows } = size;
  if (cols < 60 || rows < 16) {
    return <Text>{t('app.tooSmall', { cols, rows })}</Text>;
  }
  // one line less than the terminal: a frame as tall as the screen makes Ink clear it on every update
  const frameH = rows - 1;
  const bannerH = (readOnly ? 1 : 0) + (invalid ? 1 : 0);
  const bodyH = frameH - 1 - 2 - bannerH;
  const current = SCREENS[screen];
  const org = sanitizeLine(lang === 'en' ? store.data.organisation.nameEn || store.data.organisation.name : store.data.organisation.name);

  // while a form, filter or dialog takes the keys, the list keys do not apply
  const hints: [string, MessageKey][] = capturing || overlay ? [['Esc', 'hint.back'], ['Ctrl+C', 'hint.quit']] : [
    ['j/k', 'hint.move'], ['Enter', 'hint.open'], ['/', 'hint.filter'], ['n', 'hint.new'], ['e', 'hint.edit'], ['d', 'hint.delete'],
    ...(current.name === 'customers' ? ([['t', 'hint.stage']] as [string, MessageKey][]) : []),
    ['?', 'hint.help'], [':', 'hint.palette'], ['q', 'hint.quit'],
  ];
  // the hints that fit: the least needed go first, help and quit always stay
  const shown = [...hints];
  const text = () => shown.map(([k, d]) => `${k} ${t(d)}`).join('  ');
  for (const drop of ['hint.palette', 'hint.stage', 'hint.open', 'hint.move'] as MessageKey[]) {
    if (displayWidth(text()) <= cols) break;
    const i = shown.findIndex(([, d]) => d === drop);
    if (i >= 0) shown.splice(i, 1);
  }
  const hintText = text();
  const user = actorLogin ?? store.data.settings.adminLogin;
  const statusLeft = `${t('status.workspace')}: ${store.file}  ${t('status.user')}: ${user}  ${t('status.lang')}`;

  return (
    <AppContext.Provider value={services}>
      <Box flexDirection="column" width={cols} height={frameH}>
        <Box>
          <Text bold color={theme.accent}>{'hotel-crm '}</Text>
          {SCREENS.map((s, i) => (
            <Text key={s.name} inverse={i === screen} bold={i === screen}>{` ${s.key} ${t(s.title)} `}</Text>
          ))}
          <Box flexGrow={1} />
          <Text color={theme.muted} wrap="truncate">{org}</Text>
        </Box>
        {invalid ? (
          <Text color={theme.error} inverse wrap="truncate">{fit(invalid, cols)}</Text>
        ) : null}
        {readOnly ? (
          <Text color={theme.warn} inverse wrap="truncate">
            {fit(t('app.readOnly', { user: readOnly.user, pid: readOnly.pid, since: readOnly.since }), cols)}
          </Text>
        ) : null}
        <Box height={bodyH} flexDirection="column">
          {overlay === 'help' ? (
            <Help screenTitle={t(current.title)} height={bodyH} width={cols} onClose={() => setOverlay(null)} customers={current.name === 'customers'} />
          ) : overlay && typeof overlay === 'object' ? (
            <ImportDialog entity={overlay.import} width={cols} height={bodyH} onClose={() => setOverlay(null)} />
          ) : overlay === 'palette' ? (
            <Picker
              title={t('palette.title')}
              height={bodyH}
              width={cols}
              items={paletteItems(t, repo.count('customers') === 0 && !!loadDemo)}
              onCancel={() => setOverlay(null)}
              onPick={(v) => {
                setOverlay(null);
                if (v?.startsWith('go:')) setScreen(Number(v.slice(3)));
                else if (v === 'new:customers') services.openScreen('customers', { action: 'new' });
                else if (v === 'new:contacts') services.openScreen('contacts', { action: 'new' });
                else if (v === 'demo') loadDemoNow();
                else if (v?.startsWith('import:')) {
                  if (services.canWrite()) setOverlay({ import: v.slice(7) as EntityName });
                }
                else if (v === 'lang') toggleLang();
                else if (v === 'help') setOverlay('help');
                else if (v === 'quit') quit();
              }}
            />
          ) : (
            <RecordScreen key={current.name} config={current.config} active={overlay === null} height={bodyH} width={cols} />
          )}
        </Box>
        <Text color={notice?.kind === 'error' ? theme.error : notice?.kind === 'ok' ? theme.ok : theme.muted} wrap="truncate">
          {fit(notice ? sanitizeLine(notice.text) : statusLeft, cols)}
        </Text>
        <Text color={theme.muted} wrap="truncate">{fit(hintText, cols)}</Text>
      </Box>
    </AppContext.Provider>
  );
}

function paletteItems(t: ReturnType<typeof makeT>, canDemo: boolean) {
  return [
    ...SCREENS.map((s, i) => ({ value: `go:${i}`, label: `${s.key}  ${t('palette.goto', { screen: t(s.title) })}` })),
    { value: 'new:customers', label: `n  ${t('palette.newCustomer')}` },
    { value: 'new:contacts', label: `n  ${t('palette.newContact')}` },
    ...(canDemo ? [{ value: 'demo', label: `D  ${t('palette.loadDemo')}` }] : []),
    { value: 'import:customers', label: `   ${t('palette.import', { entity: t('screen.customers') })}` },
    { value: 'import:contacts', label: `   ${t('palette.import', { entity: t('screen.contacts') })}` },
    { value: 'lang', label: `   ${t('palette.language')}` },
    { value: 'help', label: `?  ${t('palette.help')}` },
    { value: 'quit', label: `q  ${t('palette.quit')}` },
  ];
}

function Help({ screenTitle, height, width, onClose, customers }: { screenTitle: string; height: number; width: number; onClose: () => void; customers: boolean }) {
  const { t, theme } = React.useContext(AppContext)!;
  const [scroll, setScroll] = useState(0);
  const row = (k: string, d: string) => `${fit(k, 16)} ${d}`;
  const lines: { text: string; head?: boolean }[] = [
    { text: t('help.title', { screen: screenTitle }), head: true },
    ...Object.values(LIST_BINDINGS).map((b) => ({ text: row(b.keys, t(b.does)) })),
    ...(customers
      ? [{ text: row('t', t('help.stage')) }, { text: row('c', t('help.addContact')) }, { text: row('a', t('help.addAnniversary')) }]
      : [{ text: row('a', t('help.addAnniversary')) }]),
    { text: row('', t('help.filterKeys')) },
    { text: row('', t('help.detailScroll')) },
    { text: t('help.global'), head: true },
    ...GLOBAL_BINDINGS.map((b) => ({ text: row(b.keys, t(b.does)) })),
    { text: t('form.new', { entity: '' }).trim() + ' / ' + t('hint.edit'), head: true },
    ...FORM_BINDINGS.map((b) => ({ text: row(b.keys, t(b.does)) })),
  ];
  const bodyH = height - 1;
  // two columns where they fit whole; else one column that scrolls
  const twoCols = width >= 120 && lines.length > bodyH;
  const colW = twoCols ? Math.floor(width / 2) - 1 : width;
  const maxScroll = twoCols ? 0 : Math.max(0, lines.length - bodyH);
  useKeys((input, key) => {
    if (key.downArrow || input === 'j') return setScroll((x) => Math.min(maxScroll, x + 1));
    if (key.upArrow || input === 'k') return setScroll((x) => Math.max(0, x - 1));
    if (key.pageDown) return setScroll((x) => Math.min(maxScroll, x + bodyH));
    if (key.pageUp) return setScroll((x) => Math.max(0, x - bodyH));
    if (key.escape || input === '?' || input === 'q' || key.return) onClose();
  });
  const perCol = Math.ceil(lines.length / 2);
  const cols = twoCols ? [lines.slice(0, perCol), lines.slice(perCol)] : [lines.slice(scroll, scroll + bodyH)];
  return (
    <Box flexDirection="column" height={height} width={width}>
      <Box>
        {cols.map((c, i) => (
          <Box key={i} flexDirection="column" width={colW} marginRight={1}>
            {c.map((l, j) => (
              <Text key={j} bold={l.head} color={l.head ? theme.accent : undefined}>{fit(l.text, colW)}</Text>
            ))}
          </Box>
        ))}
      </Box>
      <Box flexGrow={1} />
      <Text color={theme.muted}>{fit(`${t('help.close')}${maxScroll ? `  Up/Down ${scroll + 1}-${Math.min(lines.length, scroll + bodyH)}/${lines.length}` : ''}`, width)}</Text>
    </Box>
  );
}
