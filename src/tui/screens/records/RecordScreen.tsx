// A record screen: list with filter-as-you-type and sort, detail view, create/edit form and
// delete with confirmation. Customers and contacts are configurations of it.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { useCommands } from '../../hooks/use-keys.js';
import { ENTITIES, entityFields, type EntityName } from '../../../domain/entities.js';
import type { EntityRecord } from '../../../domain/workspace.js';
import type { Repo } from '../../../services/repo.js';
import { entityLabel, errorText, type T } from '../../../i18n/index.js';
import { cellText } from '../../../presentation/cells.js';
import { useApp } from '../../context.js';
import { useSyncedState } from '../../hooks/use-synced-state.js';
import { Table, type Column } from '../../components/Table.js';
import { Form } from '../../components/Form.js';
import { Picker, type PickItem } from '../../components/Picker.js';
import { TextField } from '../../components/TextField.js';
import { CONFIRM_COMMANDS, DETAIL_COMMANDS, FILTER_COMMANDS, LIST_COMMANDS, type RecordCommand, type RecordCtx } from './commands.js';
import { applyEditKey, atEnd, type EditState } from '../../text-edit.js';
import { filterRecords, SearchIndex, sortRecords, warmSearch } from './list-model.js';
import { displayWidth } from '../../../text/width.js';
import { ConfirmLine, Detail } from './Detail.js';

export type Mode =
  | { kind: 'list' }
  | { kind: 'detail'; id: string }
  | { kind: 'form'; entity: EntityName; id?: string; preset?: Record<string, unknown>; fields?: string[]; back: Mode }
  | { kind: 'confirm'; entity: EntityName; id: string; back: Mode }
  | { kind: 'pick'; title: string; items: PickItem[]; current?: string; onPick: (v: string) => void; back: Mode };

interface ScreenState {
  mode: Mode;
  filter: EditState;
  filtering: boolean;
  sel: number;
  sort: { i: number; dir: 1 | -1 };
  detailScroll: number;
}

export interface Section {
  title: string;
  lines: string[];
}

export interface ScreenConfig {
  entity: EntityName;
  columns: (width: number, t: T) => Column[];
  /** fields the filter searches */
  searchFields: string[];
  /** field whose pinyin initials the filter also matches */
  nameField?: string;
  sortFields: string[];
  formFields?: (entity: EntityName) => string[] | undefined;
  /** narrows a choice field's options in the form */
  formChoices?: (entity: EntityName, field: string, record?: EntityRecord) => string[] | undefined;
  related?: (rec: EntityRecord, repo: Repo, t: T) => Section[];
  /** the order of the first sort (a desk: overdue first), instead of by the first sort field */
  deskOrder?: (recs: EntityRecord[]) => EntityRecord[];
  /** a line of figures beside the count (a desk: overdue 2 · today 1) */
  summary?: (repo: Repo, t: T) => string;
  /** the screen's own commands (customers: t stage, c contact, a anniversary) */
  commands?: RecordCommand[];
}

export function RecordScreen({ config, active, height, width }: { config: ScreenConfig; active: boolean; height: number; width: number }) {
  const app = useApp();
  const { repo, t, theme } = app;
  const { entity } = config;
  const [st, stRef, set] = useSyncedState<ScreenState>({
    mode: { kind: 'list' }, filter: atEnd(''), filtering: false, sel: 0, sort: { i: 0, dir: 1 }, detailScroll: 0,
  });
  const { mode, filter, filtering, sel, sort, detailScroll } = st;
  const selectId = useRef<string | undefined>(undefined);
  // the pinyin table is loaded on the first filter, not at start
  const [initials, setInitials] = useState<((s: string) => string) | undefined>();
  const loadInitials = () => {
    if (config.nameField && !initials) void import('../../../text/pinyin.js').then((m) => setInitials(() => m.pinyinKey));
  };
  const prebuilt = useRef<{ repo: unknown; version: number; initials: unknown; index: SearchIndex } | undefined>(undefined);
  // once the records are checked, prepare the filter's caches in the background (large workspaces)
  useEffect(() => {
    let stop = false;
    void app.whenValidated().then(async () => {
      if (stop || repo.count(entity) < 5000) return;
      repo.get(entity, ''); // builds the id index now, not on the first edit
      const m = config.nameField ? await import('../../../text/pinyin.js') : undefined;
      if (m) setInitials(() => m.pinyinKey);
      await warmSearch(repo.all(entity), config.searchFields, config.nameField, m?.pinyinKey, () => stop);
      if (!stop) prebuilt.current = { repo, version: repo.version, initials: m?.pinyinKey, index: new SearchIndex(repo.all(entity), config.searchFields, config.nameField, m?.pinyinKey) };
    }).catch(() => {
      // an invalid record: the app's banner says so and the session turns read-only
    });
    return () => {
      stop = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [repo, entity]);
  const update = set;
  const setMode = (m: Mode) => update({ mode: m });
  const setSel = (f: number | ((n: number) => number)) => update((x) => ({ sel: typeof f === 'function' ? f(x.sel) : f }));
  const setFilter = (e: EditState) => update({ filter: e });
  const setFiltering = (on: boolean) => update({ filtering: on });
  const setDetailScroll = (f: number | ((n: number) => number)) => update((x) => ({ detailScroll: typeof f === 'function' ? f(x.detailScroll) : f }));
  const fieldsByName = useMemo(() => new Map(entityFields(entity).map((f) => [f.name, f])), [entity]);

  const version = repo.version;
  // results of the queries typed since the last change: Backspace finds its answer here
  const filterCache = useRef<{ key: unknown[]; results: Map<string, EntityRecord[]>; index?: SearchIndex }>({ key: [], results: new Map() });
  const rows = useMemo(() => {
    const q = filter.text.trim().toLowerCase();
    const cacheKey = [repo, version, initials, entity];
    const old = filterCache.current.key;
    if (old.length !== cacheKey.length || old.some((k, i) => k !== cacheKey[i])) filterCache.current = { key: cacheKey, results: new Map() };
    const results = filterCache.current.results;
    let filtered = results.get(q);
    if (!filtered) {
      const all = repo.all(entity);
      if (!q) filtered = all;
      else if (all.length < 2000) filtered = filterRecords(all, q, config.searchFields, { initials, nameField: config.nameField });
      else {
        // a large list: one index per version of the records (built in the background after start)
        const pre = prebuilt.current;
        filterCache.current.index ??=
          pre && pre.repo === repo && pre.version === version && pre.initials === initials
            ? pre.index
            : new SearchIndex(all, config.searchFields, config.nameField, initials);
        filtered = filterCache.current.index.find(q);
      }
      if (results.size > 64) results.clear();
      results.set(q, filtered);
    }
    const sf = config.sortFields[sort.i];
    if (sort.i === 0 && sort.dir === 1 && config.deskOrder) return config.deskOrder(filtered);
    if (sf === 'id' && sort.dir === 1) return filtered === repo.all(entity) ? [...filtered] : filtered;
    const fi = fieldsByName.get(sf)!;
    return sortRecords(filtered, (r) => (fi.kind === 'enum' || fi.kind === 'ref' ? cellText(repo, t, fi, r) : String(r[sf] ?? '')), sort.dir);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [repo, version, filter.text, sort, entity, t, initials]);

  // keep the selection on the record it was on (or on one just created)
  const lastRows = useRef(rows);
  if (lastRows.current !== rows) {
    const want = selectId.current ?? lastRows.current[sel]?.id;
    selectId.current = undefined;
    lastRows.current = rows;
    const idx = want ? rows.findIndex((r) => r.id === want) : -1;
    const next = idx >= 0 ? idx : Math.min(sel, Math.max(0, rows.length - 1));
    if (next !== sel) {
      stRef.current = { ...stRef.current, sel: next };
      st.sel = next;
    }
  }
  const selectedNow = () => rows[Math.min(stRef.current.sel, rows.length - 1)];

  // requests from the palette or another screen: open a record, start a new one
  const req = app.request;
  const lastReq = useRef(req?.seq);
  useEffect(() => {
    if (!req || req.seq === lastReq.current) return;
    lastReq.current = req.seq;
    if (req.action === 'new' && app.canWrite()) setMode({ kind: 'form', entity, back: { kind: 'list' } });
    if (req.focusId) {
      selectId.current = req.focusId;
      setFilter(atEnd(''));
      setMode({ kind: 'detail', id: req.focusId });
    }
  }, [req, app, entity]);

  // a refused action says which permission is missing before anything is asked
  const refusedNow = (action: 'create' | 'edit' | 'delete', rec?: EntityRecord) => {
    const denied = repo.refused(action, entity, rec);
    if (denied) app.notify(errorText(t, entity, denied), 'error');
    return !!denied;
  };

  const startDelete = (rec: EntityRecord, back: Mode) => {
    if (refusedNow('delete', rec)) return;
    const plan = repo.deletePlan(entity, rec.id);
    if (plan.blockers.length) {
      const msg = plan.blockers.map((b) => errorText(t, entity, { field: '', code: 'referenced', params: { entity: b.entity, count: b.count } })).join('; ');
      app.notify(`${rec.id}: ${msg}`, 'error');
      return;
    }
    setMode({ kind: 'confirm', entity, id: rec.id, back });
  };

  const confirmDelete = () => {
    const mode = stRef.current.mode;
    if (mode.kind !== 'confirm') return;
    const res = repo.delete(mode.entity, mode.id);
    if (res.ok) {
      app.changed(t('deleted', { id: mode.id }));
      setMode(mode.entity === entity ? { kind: 'list' } : mode.back);
    } else {
      app.notify(res.errors.map((e) => errorText(t, mode.entity, e)).join('; '), 'error');
      setMode(mode.back);
    }
  };
  const cancelDelete = () => {
    const mode = stRef.current.mode;
    if (mode.kind === 'confirm') setMode(mode.back);
  };

  const moveBy = (n: number) => setSel((s) => Math.max(0, Math.min(rows.length - 1, s + n)));
  const page = Math.max(1, height - 4);

  // what the keys act on: the row selected or the record shown, as drawn now
  const shown = mode.kind === 'detail' ? repo.get(entity, mode.id) : undefined;
  const inDetail = mode.kind === 'detail' && !!shown;
  const record = inDetail ? shown : mode.kind === 'list' ? selectedNow() : undefined;
  const back: Mode = inDetail ? { kind: 'detail', id: shown!.id } : { kind: 'list' };
  const ctx: RecordCtx = {
    app,
    config,
    // read when a key runs: a move earlier in the same burst has changed the selection
    get record() {
      return stRef.current.mode.kind === 'list' ? selectedNow() : record;
    },
    back,
    setMode,
    moveBy: inDetail ? (n) => setDetailScroll((s) => Math.max(0, s + n)) : moveBy,
    moveToEnd: (end) => setSel(end === 'first' ? 0 : Math.max(0, rows.length - 1)),
    page,
    startFilter: () => {
      loadInitials();
      setFiltering(true);
    },
    keepFilter: () => setFiltering(false),
    clearFilter: () => {
      if (stRef.current.filter.text) setFilter(atEnd(''));
      setFiltering(false);
    },
    open: () => {
      const rec = ctx.record;
      if (!rec) return;
      setDetailScroll(0);
      setMode({ kind: 'detail', id: rec.id });
    },
    sort: (reverse) => update((x) => ({ sort: reverse ? { ...x.sort, dir: x.sort.dir === 1 ? -1 : 1 } : { i: (x.sort.i + 1) % config.sortFields.length, dir: 1 } })),
    startDelete: () => ctx.record && startDelete(ctx.record, { kind: 'list' }),
    confirmDelete,
    cancelDelete,
    form: (id) => !refusedNow(id ? 'edit' : 'create', id ? repo.get(entity, id) : undefined) && setMode({ kind: 'form', entity, id, back: id ? back : { kind: 'list' }, fields: config.formFields?.(entity) }),
  };
  const own = (where: 'list' | 'detail') => (config.commands ?? []).filter((c) => (c.in ?? ['list', 'detail']).includes(where));
  const commands =
    mode.kind === 'confirm' ? CONFIRM_COMMANDS
    : filtering ? FILTER_COMMANDS
    : inDetail ? [...DETAIL_COMMANDS, ...own('detail')]
    : [...LIST_COMMANDS, ...own('list')];
  useCommands('screen', commands, ctx, {
    active: active && mode.kind !== 'form' && mode.kind !== 'pick',
    // the delete question and a filter being typed take every key (Ctrl+C aside)
    modal: mode.kind === 'confirm' || filtering,
    // a filter takes text; the delete question takes any other key as No
    other: (input, key) => {
      if (stRef.current.mode.kind === 'confirm') {
        cancelDelete();
        return true;
      }
      if (!stRef.current.filtering) return false;
      const next = applyEditKey(stRef.current.filter, input, key);
      if (next) update({ filter: next, sel: 0 });
      return true;
    },
  });

  // a record shown that is gone (deleted elsewhere): back to the list
  useEffect(() => {
    if (mode.kind === 'detail' && !shown) setMode({ kind: 'list' });
  });

  if (mode.kind === 'form') {
    const rec = mode.id ? repo.get(mode.entity, mode.id) : undefined;
    return (
      <Form
        key={`${mode.entity}:${mode.id ?? 'new'}`}
        entity={mode.entity}
        record={rec}
        preset={mode.preset}
        fields={mode.fields ?? config.formFields?.(mode.entity)}
        choices={(field, rec) => config.formChoices?.(mode.entity, field, rec)}
        width={width}
        height={height}
        onDone={(saved) => {
          if (saved && mode.entity === entity) {
            selectId.current = saved.id;
            if (!mode.id) setFilter(atEnd(''));
          }
          setMode(mode.back);
        }}
      />
    );
  }
  if (mode.kind === 'pick') {
    return (
      <Picker
        title={mode.title}
        items={mode.items}
        current={mode.current}
        height={height}
        width={width}
        onCancel={() => setMode(mode.back)}
        onPick={(v) => {
          if (v !== undefined) mode.onPick(v);
          setMode(mode.back);
        }}
      />
    );
  }

  if (mode.kind === 'detail' || (mode.kind === 'confirm' && mode.back.kind === 'detail')) {
    const id = mode.kind === 'detail' ? mode.id : (mode.back as { id: string }).id;
    const rec = repo.get(entity, id);
    if (rec) {
      return (
        <Detail
          rec={rec}
          config={config}
          width={width}
          height={height}
          scroll={detailScroll}
          footer={mode.kind === 'confirm' ? <ConfirmLine entity={mode.entity} id={mode.id} /> : undefined}
        />
      );
    }
  }

  // the code column grows with the counter: C100000 must not be cut
  const idWidth = Math.max(5, ENTITIES[entity].prefix.length + Math.max(4, String(repo.ws.counters[entity] ?? 0).length));
  const columns = config.columns(width, t).map((c) => (c.key === 'id' ? { ...c, width: idWidth } : c));
  const empty = rows.length === 0;
  const total = repo.count(entity);
  const sf = config.sortFields[sort.i];
  const sortLabel = t('list.sorted', { field: sf === 'id' ? 'ID' : t.l(fieldsByName.get(sf)!.label), dir: sort.dir === 1 ? '' : ' (desc)' });
  const headLeft = `${entityLabel(t, entity)} `;
  const headMid = `${t('list.count', { shown: rows.length, total })}  ${config.summary ? `${config.summary(repo, t)}  ` : ''}${sortLabel}  `;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Box>
        <Text bold>{headLeft}</Text>
        <Text color={theme.muted}>{headMid}</Text>
        {filtering || filter.text ? (
          <Box>
            <Text color={theme.accent}>{'/'}</Text>
            <TextField state={filter} width={Math.max(10, width - displayWidth(headLeft + headMid) - 2)} focused={filtering} origin={{ x: displayWidth(headLeft + headMid) + 1, y: app.bodyTop }} />
          </Box>
        ) : null}
      </Box>
      {empty ? (
        <Box flexDirection="column" height={height - 2}>
          <Text color={theme.muted}>{filter.text ? t('list.noMatch', { filter: filter.text }) : t('list.empty')}</Text>
          {total === 0 && entity === 'customers' && repo.unscoped(entity).length === 0 ? (
            <>
              <Text> </Text>
              <Text bold>{t('app.welcome')}</Text>
              <Text>{t('app.welcomeHint')}</Text>
            </>
          ) : null}
        </Box>
      ) : (
        <Table
          columns={columns}
          rowCount={rows.length}
          selected={Math.min(st.sel, rows.length - 1)}
          height={height - 2}
          width={width}
          focused={active}
          cell={(r, key) => {
            const rec = rows[r];
            const fi = fieldsByName.get(key);
            return fi ? cellText(repo, t, fi, rec) : '';
          }}
        />
      )}
      {mode.kind === 'confirm' ? <ConfirmLine entity={mode.entity} id={mode.id} /> : <Text> </Text>}
    </Box>
  );
}

