// The full-screen shell: screen bar, the current screen, status bar with key hints, the help
// overlay and the command palette. Records change through the Repo; the app then saves.
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { storeErrorText, lockBannerText } from '../presentation/store-errors.js';
import { Box, Text, useApp as useInk } from 'ink';
import { KeysRoot, useCommands, useKeysRoot, runCommand } from './hooks/use-keys.js';
import type { WorkspaceStore } from '../services/ports.js';
import { withIdsRenamed } from '../presentation/renamed-ids.js';
import { Repo } from '../services/repo.js';
import { generateCareTasks } from '../services/care.js';
import { recheckTiers } from '../services/loyalty.js';
import { makeT, type Lang } from '../i18n/index.js';
import { AppContext, type AppServices, type Notice } from './context.js';
import type { Theme } from './theme.js';
import { displayWidth, fit } from '../text/width.js';
import { sanitizeLine } from '../text/sanitize.js';
import { nameInLanguage } from '../presentation/cells.js';
import { Picker } from './components/Picker.js';
import { ImportDialog } from './components/ImportDialog.js';
import { SCREENS, type ScreenDef } from './screens.js';
import { whyText, type AnyCommand } from './keys.js';
import { SYSTEM_COMMANDS, globalCommands, type AppCtx, type Overlay } from './app-commands.js';
import { Help } from './Help.js';
import { Footer } from './Footer.js';
import { paletteEntries, paletteItems, type PaletteEntry } from './palette.js';
import { useSyncedState } from './hooks/use-synced-state.js';
import { LabPanel } from './components/LabPanel.js';
import { useTeamCredits } from './hooks/use-team-credits.js';
import { findLab } from '../services/labs.js';
import { evaluateLab } from '../domain/labs/check.js';
import type { Lab } from '../domain/labs/lab-schema.js';
import { GradingPortsContext, useGradingPorts, type GradingPorts } from './screens/grading/ports.js';
import { useSharedRefresh } from './hooks/use-shared-refresh.js';
import { sharedLogin } from '../services/session.js';
import { useConflict } from './hooks/use-conflict.js';
import { ConflictDialog, clashMarks } from './components/ConflictDialog.js';
import { Form } from './components/Form.js';
import { entityLabel } from '../i18n/index.js';

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
  /** make the care tasks due today once the records are checked (the app's start; tests opt in) */
  careOnStart?: boolean;
  /** the screens, in the order of their keys (default: the app's screens) */
  screens?: readonly ScreenDef[];
  /** the lab whose panel the app shows (default: the shipped lab the workspace was started for) */
  lab?: Lab;
  /** what screen 8 (grading) needs from outside; without it the screen says grading is not available */
  grading?: GradingPorts;
  /** the screen shown first, by name (--grade DIR opens grading) */
  startScreen?: string;
}

const ScreensContext = createContext<readonly ScreenDef[]>(SCREENS);
const commandsOf = new WeakMap<readonly ScreenDef[], ReturnType<typeof globalCommands>>();

/** The app inside its key root: every key handler below registers with it. */
export function App(props: AppProps) {
  // Ink draws each commit. The footer's hints come from the layers, which register in layout
  // effects, one commit after the screen is built: a first commit with the screen would be
  // drawn without hints and the whole frame drawn again once Ink's throttle lets it (~100 ms
  // later while the app starts). A first commit of nothing draws nothing; the first frame a
  // user sees is then the whole one.
  const [mounted, setMounted] = useState(false);
  useLayoutEffect(() => setMounted(true), []);
  if (!mounted) return null;
  return (
    <KeysRoot>
      <ScreensContext.Provider value={props.screens ?? SCREENS}>
        <GradingPortsContext.Provider value={props.grading}>
          <AppBody {...props} />
        </GradingPortsContext.Provider>
      </ScreensContext.Provider>
    </KeysRoot>
  );
}

function AppBody({ store, lang: initialLang, theme, ascii, size, loadDemo, schedule, onQuit, flush, user: actorLogin, careOnStart, lab: labProp, startScreen }: AppProps) {
  const ink = useInk();
  const SCREENS = useContext(ScreensContext);
  // who acts: --user, else the administrator; the switch-user command changes it
  const [actor, setActor] = useState(() => actorLogin ?? store.data.settings.adminLogin);
  const [repo, setRepo] = useState(() => new Repo(store.data, { actor }));
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = useMemo(() => makeT(lang), [lang]);
  const [nav, , setNav] = useSyncedState<{ screen: number; overlay: Overlay }>({ screen: Math.max(0, SCREENS.findIndex((s) => s.name === startScreen)), overlay: null });
  const { screen, overlay } = nav;
  const setScreen = (f: number | ((n: number) => number)) => setNav((x) => ({ screen: typeof f === 'function' ? f(x.screen) : f }));
  const setOverlay = (o: Overlay) => setNav({ overlay: o });
  const [notice, setNotice] = useState<Notice | null>(null);
  const noticeRef = useRef(notice);
  noticeRef.current = notice;
  const [, setTick] = useState(0);
  const [request, setRequest] = useState<AppServices['request']>();
  // the palette's commands, with the layers that declared them, as they were when it opened
  const palette = useRef<PaletteEntry[]>([]);
  const helpNow = useRef<readonly AnyCommand[]>([]);
  const keys = useKeysRoot();
  const saveTimer = useRef(false);
  const readOnly = store.readOnlyBecause;

  const repoRef = useRef(repo);
  repoRef.current = repo;
  // a shared hotel: others' saves appear (the new Repo counts on from the old one's version)
  useSharedRefresh(store, saveTimer, () => {
    const next = new Repo(store.data, { actor: repoRef.current.actorLogin });
    next.version = repoRef.current.version + 1;
    setRepo(next);
  });
  // a lab's workspace opens with its panel shown
  const labId = store.data.settings.lab;
  const lab = useMemo(() => labProp ?? (labId ? findLab(labId) : undefined), [labProp, labId]);
  const [labShown, setLabShown] = useState(true);
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
      .then((r) => {
        // "Created C0201" says the id saved, when a shared hotel gave the record the next free one
        if (done) setNotice({ text: r?.renamed ? withIdsRenamed(done, r.renamed) : done, kind: 'ok' });
      })
      .catch(async (e: Error) => {
        // someone else saved the same record first: the person chooses (a dialog), else it is said
        if (await conflictRef.current(e, batch)) return setNotice(null);
        setNotice({ text: t('app.saveFailed', { reason: storeErrorText(t, e) ?? e.message }), kind: 'error' });
      });
  }, [store, t]);
  if (flush) flush.current = async () => void (await save());
  const conflict = useConflict(store, repoRef, setRepo, (done) => changed(done), (n) => setNotice(n), t);
  const conflictRef = useRef(conflict.open);
  conflictRef.current = conflict.open;
  // the records are checked after the first frame is drawn; a bad one makes the session read-only
  useEffect(() => {
    store
      .validate()
      .then(() => {
        // the day's care tasks (客户关怀), as `tasks generate-care` makes them: each occurrence once
        if (!careOnStart || readOnly) return;
        const run = generateCareTasks(repoRef.current, { now: new Date() });
        // tiers whose points have aged out of the 12 months move today, not at the next order
        const tiers = recheckTiers(repoRef.current);
        const said = [
          run.created.length ? t('tasks.careMadeApp', { count: run.created.length }) : '',
          tiers.moved.length ? t('points.recheckedApp', { count: tiers.moved.length }) : '',
        ].filter(Boolean).join(' · ');
        // said only when nothing else is: a person's own "Created C0201" is not replaced by it
        if (said) changed(savedText.current || noticeRef.current ? undefined : said);
      })
      .catch((e: unknown) => setInvalid(storeErrorText(t, e) ?? String(e)));
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
      canWrite: () => {
        if (readOnly || invalid) setNotice({ text: invalid ?? t('err.readOnly'), kind: 'error' });
        return !readOnly && !invalid;
      },
      cannotWrite: () => (invalid ? 'keys.invalid' : readOnly ? 'err.readOnly' : undefined),
      whenValidated: () => store.validate(),
      openScreen: (name, args) => {
        const i = SCREENS.findIndex((s) => s.name === name);
        if (i >= 0) setScreen(i);
        if (args) setRequest({ ...args, seq: Date.now() + Math.random() });
      },
      request,
      changedBy: store.changedBy ? (e, id) => store.changedBy!(e, id) : undefined,
    }),
    [repo, t, theme, ascii, readOnly, size, changed, request, invalid],
  );

  const loadDemoNow = () => {
    if (!loadDemo || !services.canWrite()) return;
    if (repo.unscoped('customers').length > 0 || !repo.whoActs().root) return setNotice({ text: t('app.demoRefused'), kind: 'error' });
    const ws = loadDemo();
    if (store.data.settings.lang) ws.settings.lang = store.data.settings.lang;
    store.replace(ws);
    setRepo(new Repo(store.data, { actor }));
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

  const appCtx: AppCtx = {
    goTo: (i) => setScreen(i),
    step: (by) => setScreen((s) => (s + by + SCREENS.length) % SCREENS.length),
    open: (o) => {
      if (o === 'palette') palette.current = paletteEntries(keys.layers());
      // the help starts with the keys of what the screen shows now (a record's detail, a form)
      if (o === 'help') helpNow.current = keys.layers().filter((e) => e.layer === 'screen' || e.layer === 'form').flatMap((e) => e.state.current.commands);
      setOverlay(o);
    },
    quit,
    loadDemo: loadDemoNow,
    demoRefused: () => services.cannotWrite() ?? (!loadDemo || repo.unscoped('customers').length > 0 || !repo.whoActs().root ? 'app.demoRefused' : undefined),
    toggleLang,
    cannotWrite: services.cannotWrite,
    toggleLab: () => setLabShown((v) => !v),
    labRefused: () => (lab ? undefined : 'lab.panel.none'),
  };
  useCommands('system', SYSTEM_COMMANDS, appCtx);
  if (!commandsOf.has(SCREENS)) commandsOf.set(SCREENS, globalCommands(SCREENS));
  useCommands('global', commandsOf.get(SCREENS)!, appCtx);
  // a notice stays until the next key; a command refused says why there
  keys.hooks.before = (_input, key) => {
    if (notice && !key.ctrl) setNotice(null);
  };
  keys.hooks.refused = (why) => setNotice({ text: whyText(t, why), kind: 'error' });

  // judged again after every change (the repo's version) and when the lab or language changes
  const labResults = useMemo(() => (lab && labShown ? evaluateLab(lab, store.data) : undefined), [lab, labShown, store.data, repo, repo.version]);
  // a team lab on a shared hotel: who did each done task
  const labBy = useTeamCredits(useGradingPorts(), lab, labShown, repo.version);
  const { cols, rows } = size;
  if (cols < 60 || rows < 16) {
    return <Text>{t('app.tooSmall', { cols, rows })}</Text>;
  }
  // one line less than the terminal: a frame as tall as the screen makes Ink clear it on every update
  const frameH = rows - 1;
  const bannerH = (readOnly ? 1 : 0) + (invalid ? 1 : 0);
  const fullH = frameH - 1 - 2 - bannerH;
  // the lab panel: beside the screen when there is room for both, else below it (a line a task)
  const panel = lab && labShown ? (cols >= 110 ? 'side' : 'below') : undefined;
  const panelW = panel === 'side' ? Math.min(48, Math.floor(cols * 0.36)) : cols;
  const panelH = panel === 'below' ? Math.min(lab!.tasks.length + 1, Math.max(2, Math.floor(fullH / 3))) : fullH;
  const bodyH = panel === 'below' ? fullH - panelH : fullH;
  const bodyW = panel === 'side' ? cols - panelW - 1 : cols;
  const current = SCREENS[screen];
  const org = sanitizeLine(lang === 'en' ? store.data.organisation.nameEn || store.data.organisation.name : store.data.organisation.name);

  const bar = screenBar(SCREENS.map((s) => ({ key: s.key, title: t(s.title), badge: s.badge?.(repo, t) })), screen, org, cols);
  const acting = repo.whoActs();
  const user = sanitizeLine(`${actor}${acting.role?.name ? ` (${nameInLanguage(t, String(acting.role.name))})` : ''}`);
  const statusLeft = `${t('status.user')}: ${user}  ${t('status.workspace')}: ${store.file}  ${t('status.lang')}`;
  const switchTo = (login: string) => {
    // a shared hotel: only an administrator may act as someone else
    try {
      sharedLogin(store, login);
    } catch (e) {
      return setNotice({ text: storeErrorText(t, e) ?? String(e), kind: 'error' });
    }
    // what the last actor changed is saved under their name before the next one acts
    if (saveTimer.current) void save();
    setActor(login);
    setRepo(new Repo(store.data, { actor: login }));
    setNotice({ text: t('app.switchedUser', { user: sanitizeLine(login) }), kind: 'info' });
  };

  return (
    <AppContext.Provider value={services}>
      <Box flexDirection="column" width={cols} height={frameH}>
        <Box>
          {bar.brand ? <Text bold color={theme.accent}>{'hotel-crm '}</Text> : null}
          {bar.tabs.map((label, i) => (
            <Text key={SCREENS[i].name} inverse={i === screen} bold={i === screen}>{label}</Text>
          ))}
          <Box flexGrow={1} />
          {bar.org ? <Text color={theme.muted}>{bar.org}</Text> : null}
        </Box>
        {invalid ? (
          <Text color={theme.error} inverse wrap="truncate">{fit(invalid, cols)}</Text>
        ) : null}
        {readOnly ? (
          <Text color={theme.warn} inverse wrap="truncate">
            {fit(lockBannerText(t, readOnly), cols)}
          </Text>
        ) : null}
        {overlay === 'help' ? (
          <Help screen={current} screens={SCREENS} now={helpNow.current} height={bodyH} width={cols} onClose={() => setOverlay(null)} />
        ) : overlay && typeof overlay === 'object' ? (
          <ImportDialog entity={overlay.import} width={cols} height={bodyH} onClose={() => setOverlay(null)} />
        ) : overlay === 'switchUser' ? (
          <Picker
            key="switchUser"
            title={t('app.switchUserTitle')}
            height={bodyH}
            width={cols}
            current={actor}
            items={repo.unscoped('employees').filter((e) => e.active !== false).map((e) => ({
              value: String(e.login),
              label: `${String(e.login)}  ${String(e.name)}  ${String(repo.unscoped('roles').find((r) => r.id === e.roleId)?.name ?? '')}`,
            }))}
            onCancel={() => setOverlay(null)}
            onPick={(login) => {
              setOverlay(null);
              if (login) switchTo(login);
            }}
          />
        ) : conflict.state?.form ? (
          <Form
            key="conflictForm"
            entity={conflict.state.form.entity}
            record={repo.get(conflict.state.form.entity, conflict.state.form.id)}
            preset={conflict.state.form.preset}
            marks={clashMarks(repo, t, conflict.state.settling, conflict.state.form.clashes)}
            title={t('conflict.editTitle', { entity: entityLabel(t, conflict.state.form.entity), id: conflict.state.form.id, count: conflict.state.form.clashes.length })}
            width={cols}
            height={bodyH}
            onDone={() => conflict.close()}
          />
        ) : conflict.state ? (
          <ConflictDialog settling={conflict.state.settling} ctx={conflict.ctx} error={conflict.state.error} width={cols} height={bodyH} />
        ) : overlay === 'palette' ? (
          <Picker
            title={t('palette.title')}
            height={bodyH}
            width={cols}
            items={paletteItems(palette.current, t)}
            onCancel={() => setOverlay(null)}
            onPick={(id) => {
              setOverlay(null);
              const picked = palette.current.find((p) => p.cmd.id === id);
              if (picked) runCommand(keys, picked.cmd, picked.from.state.current.ctx);
            }}
          />
        ) : null}
        {/* under a dialog the screen stays, hidden, with its selection and filter */}
        <Box height={bodyH} flexDirection="row" display={overlay || conflict.state ? 'none' : 'flex'}>
          <Box height={bodyH} width={bodyW} flexDirection="column">
            <current.component key={current.name} active={overlay === null && !conflict.state} height={bodyH} width={bodyW} />
          </Box>
          {panel === 'side' ? (
            <Box marginLeft={1}>
              <LabPanel lab={lab!} results={labResults!} t={t} theme={theme} width={panelW} height={fullH} mode="side" by={labBy} />
            </Box>
          ) : null}
        </Box>
        {panel === 'below' ? <LabPanel lab={lab!} results={labResults!} t={t} theme={theme} width={cols} height={panelH} mode="below" by={labBy} /> : null}
        <Text color={notice?.kind === 'error' ? theme.error : notice?.kind === 'ok' ? theme.ok : theme.muted} wrap="truncate">
          {fit(notice ? sanitizeLine(notice.text) : statusLeft, cols)}
        </Text>
        <Footer cols={cols} />
      </Box>
    </AppContext.Provider>
  );
}

/** The screen bar within `cols`: the other screens shrink to their key, then the name of the
 *  program goes, and the organisation takes what is left (cut with ~, never wider). */
export function screenBar(tabs: { key: string; title: string; badge?: string }[], current: number, org: string, cols: number): { brand: boolean; tabs: string[]; org: string } {
  // the current screen's figures (the desk's late and today's tasks) go with its title, and go last
  const full = tabs.map((s, i) => ` ${s.key} ${s.title}${i === current && s.badge ? ` ${s.badge}` : ''} `);
  const bare = tabs.map((s) => ` ${s.key} ${s.title} `);
  const short = tabs.map((s, i) => (i === current ? full[i] : ` ${s.key} `));
  const shortBare = tabs.map((s, i) => (i === current ? bare[i] : ` ${s.key} `));
  const width = (l: string[]) => l.reduce((a, x) => a + displayWidth(x), 0);
  // the tab titles come first, then the hotel's name, then the brand: a layout that leaves room
  // for the name is taken, else the titles without it, else short tabs
  const layouts: [boolean, string[], number][] = [[true, full, 6], [false, full, 6], [true, full, 0], [false, full, 0], [true, short, 0], [false, short, 0], [false, shortBare, 0]];
  for (const [brand, labels, need] of layouts) {
    const used = (brand ? 10 : 0) + width(labels);
    const room = cols - used - 1;
    if (used <= cols && (room >= need || !org)) {
      return { brand, tabs: [...labels], org: room >= 6 && org ? ' ' + fit(org, Math.min(room, displayWidth(org)), 'right') : '' };
    }
  }
  return { brand: false, tabs: short.map((l) => fit(l, Math.max(0, Math.floor(cols / tabs.length)))), org: '' };
}
