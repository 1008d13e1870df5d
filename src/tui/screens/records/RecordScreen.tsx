// A record screen: list with filter-as-you-type and sort, detail view, create/edit form and
// delete with confirmation. Customers and contacts are configurations of it.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { useCommands } from '../../hooks/use-keys.js';
import { ENTITIES, entityFields, type EntityName } from '../../../domain/entities.js';
import type { EntityRecord } from '../../../domain/workspace.js';
import type { Repo } from '../../../services/repo.js';
import { entityLabel, errorText, type MessageKey, type T } from '../../../i18n/index.js';
import { cellText } from '../../../presentation/cells.js';
import { useApp } from '../../context.js';
import { useSyncedState } from '../../hooks/use-synced-state.js';
import { Table, type Column } from '../../components/Table.js';
import { Form } from '../../components/Form.js';
import { Picker, type PickItem } from '../../components/Picker.js';
import { TextField } from '../../components/TextField.js';
import { CONFIRM_COMMANDS, DETAIL_COMMANDS, FILTER_COMMANDS, LIST_COMMANDS, type RecordCommand, type RecordCtx } from './commands.js';
import { applyEditKey, atEnd, type EditState } from '../../text-edit.js';
import { loadNamePinyin, type NamePinyin } from './name-pinyin.js';
import { findRecords, SearchIndex, searchSpec, sortRecords, splitQuery, warmSearch } from './list-model.js';
import { DEFAULT_VALUE_LISTS } from '../../../domain/values.js';
import { displayWidth, fit } from '../../../text/width.js';
import { sanitizeLine } from '../../../text/sanitize.js';
import { ConfirmLine, Detail, detailOffset } from './Detail.js';
import { buildDetail, type DetailModel, type DetailTarget } from './detail-model.js';
import { NestedEditor } from '../../components/NestedEditor.js';

export type Mode =
  | { kind: 'list' }
  /** a record's detail: of this screen's entity, or of a related record opened from one (back) */
  | { kind: 'detail'; id: string; entity?: EntityName; back?: Mode; cursor?: number; scroll?: number }
  | { kind: 'form'; entity: EntityName; id?: string; preset?: Record<string, unknown>; fields?: string[]; back: Mode; title?: string; onValues?: (values: Record<string, unknown>) => void }
  /** a yes/no question about something other than a delete (y does it, any other key does not) */
  | { kind: 'ask'; text: string; onYes: () => void; back: Mode }
  /** the delete question; `after`: where a done delete goes (default: back) */
  | { kind: 'confirm'; entity: EntityName; id: string; back: Mode; after?: Mode }
  /** the editor of a record's nested list (an order's items, a ticket's steps) */
  | { kind: 'nested'; entity: EntityName; id: string; field: string; index?: number; back: Mode }
  | { kind: 'pick'; title: string; items: PickItem[]; current?: string; onPick: (v: string) => void; back: Mode };

interface ScreenState {
  mode: Mode;
  filter: EditState;
  filtering: boolean;
  sel: number;
  sort: { i: number; dir: 1 | -1 };
  /** the list's view (config.views), by index */
  view: number;
}

/** A named view of a list (a desk: by SLA, mine, by category): which records, in which order
 *  (the first sort), with lines of its own above the list and columns of its own if it likes. */
export interface ListView {
  id: string;
  label: MessageKey;
  rows: (recs: EntityRecord[], repo: Repo) => EntityRecord[];
  banner?: (repo: Repo, t: T, width: number, rows: EntityRecord[]) => string[];
  columns?: (width: number, t: T) => Column[];
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
  /** said under "no records" when the workspace has none of them (the first start) */
  emptyHint?: MessageKey[];
  /** the order of the first sort (a desk: overdue first), instead of by the first sort field */
  deskOrder?: (recs: EntityRecord[], repo: Repo) => EntityRecord[];
  /** a line of figures beside the count (a desk: overdue 2 · today 1) */
  summary?: (repo: Repo, t: T) => string;
  /** a few figures beside the screen's title in the screen bar (the desk: the acting employee's late and today's tasks) */
  badge?: (repo: Repo, t: T) => string;
  /** the screen's own commands (customers: t stage, c contact, a anniversary) */
  commands?: RecordCommand[];
  /** lines drawn above the list (the funnel's chart), each at most `width` columns */
  banner?: (repo: Repo, t: T, width: number, height: number) => string[];
  /** a few words beside a record's title in its detail (a ticket's SLA) */
  detailNote?: (rec: EntityRecord, t: T) => string | undefined;
  /** views of the list, switched by a command of the screen that calls nextView */
  views?: ListView[];
  /** a cell's text when not the field's usual one (amounts with ¥ and separators) */
  cell?: (key: string, rec: EntityRecord, repo: Repo, t: T) => string | undefined;
  /** a list shown inside another screen (analytics: a segment's customers): Esc on the list,
   *  with no filter, goes back there */
  leave?: () => void;
  /** a record shown at once (analytics: a mover or a churn warning opened from its row); Esc
   *  from it goes to the list */
  startId?: string;
}

export function RecordScreen({ config, active, height, width }: { config: ScreenConfig; active: boolean; height: number; width: number }) {
  const app = useApp();
  const { repo, t, theme } = app;
  const { entity } = config;
  const [st, stRef, set] = useSyncedState<ScreenState>({
    mode: config.startId ? { kind: 'detail', id: config.startId } : { kind: 'list' }, filter: atEnd(''), filtering: false, sel: 0, sort: { i: 0, dir: 1 }, view: 0,
  });
  const { mode, filter, filtering, sel, sort } = st;
  const selectId = useRef<string | undefined>(config.startId);
  // the pinyin table is loaded on the first filter, not at start
  const [namePinyin, setNamePinyin] = useState<NamePinyin | undefined>();
  const initials = namePinyin?.initials;
  const loadInitials = () => {
    if (config.nameField && !namePinyin) void loadNamePinyin(entity).then(setNamePinyin);
  };
  const prebuilt = useRef<{ repo: unknown; version: number; initials: unknown; index: SearchIndex } | undefined>(undefined);
  // once the records are checked, prepare the filter's caches in the background (large workspaces)
  useEffect(() => {
    let stop = false;
    void app.whenValidated().then(async () => {
      if (stop || repo.count(entity) < 5000) return;
      repo.get(entity, ''); // builds the id index now, not on the first edit
      const np = config.nameField ? await loadNamePinyin(entity) : undefined;
      if (np) setNamePinyin(np);
      const spec = searchSpec(entity, config.searchFields, repo.ws.valueLists, { nameField: config.nameField, initials: np?.initials });
      await warmSearch(repo.all(entity), spec, () => stop);
      if (!stop) prebuilt.current = { repo, version: repo.version, initials: np?.initials, index: new SearchIndex(repo.all(entity), spec) };
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
  const fieldsByName = useMemo(() => new Map(entityFields(entity).map((f) => [f.name, f])), [entity]);

  const version = repo.version;
  const refName = (e: string, id: string) => {
    const r = repo.get(e as EntityName, id);
    return r ? String(r[ENTITIES[e as EntityName].display] ?? '') : undefined;
  };
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
      const spec = searchSpec(entity, config.searchFields, repo.ws.valueLists, { nameField: config.nameField, initials });
      // a large list: one index per version of the records (built in the background after start)
      const index = () => {
        const pre = prebuilt.current;
        return (filterCache.current.index ??=
          pre && pre.repo === repo && pre.version === version && pre.initials === initials ? pre.index : new SearchIndex(all, spec));
      };
      filtered = !q ? all : findRecords(all, q, spec, repo.ws.valueLists, { index: all.length < 2000 ? undefined : index, refName });
      if (results.size > 64) results.clear();
      results.set(q, filtered);
    }
    const sf = config.sortFields[sort.i];
    const lv = config.views?.[st.view];
    // a view picks its records and gives the first sort its order
    if (lv) filtered = lv.rows(filtered, repo);
    if (sort.i === 0 && sort.dir === 1 && (lv || config.deskOrder)) return lv ? filtered : config.deskOrder!(filtered, repo);
    if (sf === 'id' && sort.dir === 1) return filtered === repo.all(entity) ? [...filtered] : filtered;
    const fi = fieldsByName.get(sf)!;
    // names by their reading (曾小明 under z), once the pinyin table is in
    const byReading = sf === config.nameField ? namePinyin?.sortKey : undefined;
    return sortRecords(filtered, (r) => (byReading ? byReading(String(r[sf] ?? ''), r) : fi.kind === 'enum' || fi.kind === 'ref' ? cellText(repo, t, fi, r) : String(r[sf] ?? '')), sort.dir);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [repo, version, filter.text, sort, entity, t, namePinyin, st.view]);
  // sorting by name reads the names: load the pinyin table for it
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (config.sortFields[sort.i] === config.nameField) loadInitials();
  }, [sort.i]);

  // keep the selection on the record it was on (or on one just created)
  const lastRows = useRef(rows);
  const lastRepo = useRef(repo);
  // the selected record deleted by someone else: said once the frame is drawn
  const goneSaid = useRef<string | undefined>(undefined);
  if (lastRows.current !== rows) {
    const want = selectId.current ?? lastRows.current[sel]?.id;
    // others' saves arrive as a new Repo; this session's own come on the same one
    // (gone from the workspace, not only out of sight: another acting employee sees less)
    const gone = () => lastRepo.current.actorLogin === repo.actorLogin && !repo.unscoped(entity).some((r) => r.id === want);
    if (!selectId.current && want && lastRepo.current !== repo && !repo.get(entity, want) && lastRepo.current.get(entity, want) && gone()) goneSaid.current = want;
    selectId.current = undefined;
    lastRows.current = rows;
    lastRepo.current = repo;
    const idx = want ? rows.findIndex((r) => r.id === want) : -1;
    const next = idx >= 0 ? idx : Math.min(sel, Math.max(0, rows.length - 1));
    if (next !== sel) {
      stRef.current = { ...stRef.current, sel: next };
      st.sel = next;
    }
  }
  const selectedNow = () => rows[Math.min(stRef.current.sel, rows.length - 1)];
  useEffect(() => {
    const gone = goneSaid.current;
    if (!gone) return;
    goneSaid.current = undefined;
    if (stRef.current.mode.kind === 'list') app.notify(t('list.goneMoved', { id: gone }), 'info');
  });

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
  const refusedNow = (action: 'create' | 'edit' | 'delete', of: EntityName, rec?: EntityRecord) => {
    const denied = repo.refused(action, of, rec);
    if (denied) app.notify(errorText(t, of, denied), 'error');
    return !!denied;
  };

  const startDelete = (of: EntityName, id: string, back: Mode, after: Mode) => {
    if (refusedNow('delete', of, repo.get(of, id))) return;
    const plan = repo.deletePlan(of, id);
    if (plan.blockers.length) {
      const msg = plan.blockers.map((b) => errorText(t, of, { field: '', code: 'referenced', params: { entity: b.entity, count: b.count } })).join('; ');
      app.notify(`${id}: ${msg}`, 'error');
      return;
    }
    setMode({ kind: 'confirm', entity: of, id, back, after });
  };

  const confirmDelete = () => {
    const mode = stRef.current.mode;
    if (mode.kind === 'ask') {
      setMode(mode.back);
      return mode.onYes();
    }
    if (mode.kind !== 'confirm') return;
    const res = repo.delete(mode.entity, mode.id);
    if (res.ok) {
      app.changed(t('deleted', { id: mode.id }));
      setMode(mode.after ?? mode.back);
    } else {
      app.notify(res.errors.map((e) => errorText(t, mode.entity, e)).join('; '), 'error');
      setMode(mode.back);
    }
  };
  const cancelDelete = () => {
    const mode = stRef.current.mode;
    if (mode.kind === 'confirm' || mode.kind === 'ask') setMode(mode.back);
  };

  const moveBy = (n: number) => setSel((s) => Math.max(0, Math.min(rows.length - 1, s + n)));
  const page = Math.max(1, height - 4);

  // a detail as the user sees it now (moves in one burst read the latest state, not this render's)
  const detailBodyH = Math.max(1, height - 2);
  const modelCache = useRef<{ key: unknown[]; model: DetailModel } | undefined>(undefined);
  const detailNow = (m: Mode = stRef.current.mode) => {
    const dm = m.kind === 'detail' ? m : m.kind === 'confirm' && m.back.kind === 'detail' ? m.back : undefined;
    if (!dm) return undefined;
    const of = dm.entity ?? entity;
    const rec = repo.get(of, dm.id);
    if (!rec) return undefined;
    const key = [rec, repo, repo.version, t, width, of];
    const c = modelCache.current;
    if (!c || c.key.length !== key.length || c.key.some((k, i) => k !== key[i])) modelCache.current = { key, model: buildDetail(repo, t, of, rec, width) };
    const model = modelCache.current!.model;
    const cursor = Math.max(0, Math.min(dm.cursor ?? 0, model.items.length));
    const off = detailOffset(model, cursor, dm.scroll ?? 0, detailBodyH);
    const target: DetailTarget = cursor > 0 ? model.items[cursor - 1].target : { kind: 'record', entity: of, id: rec.id };
    return { dm, of, rec, model, cursor, off, target };
  };
  const moveDetail = (n: number) => {
    const v = detailNow();
    if (!v) return;
    const { dm, model, cursor, off } = v;
    const items = model.items;
    const lastOff = Math.max(0, model.lines.length - detailBodyH);
    let next = cursor;
    let scroll = off;
    if (n > 0 && cursor === 0 && !(items[0] && items[0].line < off + detailBodyH)) scroll = Math.min(lastOff, off + n);
    else if (n < 0 && cursor === 0) scroll = Math.max(0, off + n);
    else next = Math.max(0, Math.min(items.length, cursor + n));
    setMode({ ...dm, cursor: next, scroll: next > 0 ? detailOffset(model, next, scroll, detailBodyH) : scroll });
  };
  const sectionDetail = (by: 1 | -1) => {
    const v = detailNow();
    if (!v) return;
    const { dm, model, cursor, off } = v;
    const starts = model.sectionStarts;
    const cur = cursor > 0 ? model.items[cursor - 1].section : 0;
    const next =
      by > 0 ? (starts.find((i) => model.items[i - 1].section > cur) ?? 0)
      : cursor === 0 ? (starts.at(-1) ?? 0)
      : ([...starts].reverse().find((i) => model.items[i - 1].section < cur) ?? 0);
    setMode({ ...dm, cursor: next, scroll: next > 0 ? detailOffset(model, next, off, detailBodyH) : 0 });
  };
  // where a form, a picker or a question opened now returns to: this detail as it is
  const here = (): Mode => {
    const v = detailNow();
    return v && stRef.current.mode.kind === 'detail' ? { ...v.dm, cursor: v.cursor, scroll: v.off } : { kind: 'list' };
  };

  const view = detailNow(mode);
  const shown = view?.rec;
  const inDetail = mode.kind === 'detail' && !!shown;
  // the screen's own commands (t, c, a) act on a record of its own entity only
  const ownDetail = inDetail && view!.of === entity;
  const record = ownDetail ? shown : mode.kind === 'list' ? selectedNow() : undefined;
  const back: Mode = inDetail ? here() : { kind: 'list' };
  const ctx: RecordCtx = {
    app,
    config,
    // read when a key runs: a move earlier in the same burst has changed the selection
    get record() {
      return stRef.current.mode.kind === 'list' ? selectedNow() : record;
    },
    get target(): DetailTarget | undefined {
      if (stRef.current.mode.kind === 'list') {
        const r = selectedNow();
        return r ? { kind: 'record', entity, id: r.id } : undefined;
      }
      return detailNow()?.target;
    },
    get rowSelected() {
      return (detailNow()?.cursor ?? 0) > 0;
    },
    get rows() {
      return rows;
    },
    back,
    setMode,
    moveBy: inDetail ? moveDetail : moveBy,
    section: sectionDetail,
    edit: () => {
      const tg = ctx.target;
      if (!tg) return;
      if (tg.kind === 'nested') return ctx.open();
      if (refusedNow('edit', tg.entity, repo.get(tg.entity, tg.id))) return;
      setMode({ kind: 'form', entity: tg.entity, id: tg.id, back: here(), fields: config.formFields?.(tg.entity) });
    },
    moveToEnd: (end) => setSel(end === 'first' ? 0 : Math.max(0, rows.length - 1)),
    page,
    startFilter: () => {
      loadInitials();
      setFiltering(true);
    },
    keepFilter: () => setFiltering(false),
    clearFilter: () => {
      const { filter: f, filtering: typing } = stRef.current;
      if (!f.text && !typing && config.leave) return config.leave();
      if (f.text) setFilter(atEnd(''));
      setFiltering(false);
    },
    open: () => {
      const v = detailNow();
      if (!v) {
        const rec = ctx.record;
        if (rec) setMode({ kind: 'detail', id: rec.id });
        return;
      }
      const tg = v.target;
      if (v.cursor === 0) return;
      if (tg.kind === 'record') setMode({ kind: 'detail', entity: tg.entity, id: tg.id, back: here() });
      else setMode({ kind: 'nested', entity: v.of, id: v.rec.id, field: tg.field, index: tg.index, back: here() });
    },
    goBack: () => {
      const v = detailNow();
      setMode(v?.dm.back ?? { kind: 'list' });
    },
    sort: (reverse) => update((x) => ({ sort: reverse ? { ...x.sort, dir: x.sort.dir === 1 ? -1 : 1 } : { i: (x.sort.i + 1) % config.sortFields.length, dir: 1 } })),
    startDelete: () => {
      const tg = ctx.target;
      if (!tg || tg.kind !== 'record') return;
      const v = detailNow();
      if (!v) return startDelete(tg.entity, tg.id, { kind: 'list' }, { kind: 'list' });
      // the record shown goes back to where it was opened from; a row of it stays in the detail
      const isShown = v.cursor === 0;
      startDelete(tg.entity, tg.id, here(), isShown ? (v.dm.back ?? { kind: 'list' }) : here());
    },
    confirmDelete,
    cancelDelete,
    nextView: () => update((x) => ({ view: (x.view + 1) % Math.max(1, config.views?.length ?? 1) })),
    form: (id) => !refusedNow(id ? 'edit' : 'create', entity, id ? repo.get(entity, id) : undefined) && setMode({ kind: 'form', entity, id, back: id ? back : { kind: 'list' }, fields: config.formFields?.(entity) }),
  };
  const own = (where: 'list' | 'detail') => (config.commands ?? []).filter((c) => (c.in ?? ['list', 'detail']).includes(where));
  const commands =
    mode.kind === 'confirm' || mode.kind === 'ask' ? CONFIRM_COMMANDS
    : filtering ? FILTER_COMMANDS
    : inDetail ? (ownDetail ? [...DETAIL_COMMANDS, ...own('detail')] : DETAIL_COMMANDS)
    : [...LIST_COMMANDS, ...own('list')];
  useCommands('screen', commands, ctx, {
    active: active && mode.kind !== 'form' && mode.kind !== 'pick' && mode.kind !== 'nested',
    // the delete question and a filter being typed take every key (Ctrl+C aside)
    modal: mode.kind === 'confirm' || mode.kind === 'ask' || filtering,
    // a filter takes text; the delete question takes any other key as No
    other: (input, key) => {
      if (stRef.current.mode.kind === 'confirm' || stRef.current.mode.kind === 'ask') {
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
    if (mode.kind === 'detail' && !shown) setMode(mode.back ?? { kind: 'list' });
  });

  // a record shown (its detail or its form) that others' saves changed: say who, until it is left
  const shownKey = mode.kind === 'form' && mode.id ? `${mode.entity}:${mode.id}` : view ? `${view.of}:${view.rec.id}` : undefined;
  const shownRec = mode.kind === 'form' && mode.id ? repo.get(mode.entity, mode.id) : view?.rec;
  const seen = useRef<{ key?: string; rec?: unknown; repo?: unknown; note?: string }>({});
  if (seen.current.key !== shownKey) seen.current = { key: shownKey, rec: shownRec, repo };
  else if (shownRec && seen.current.rec !== shownRec) {
    const [of, ...idParts] = shownKey!.split(':');
    const by = seen.current.repo !== repo ? app.changedBy?.(of, idParts.join(':')) : undefined;
    seen.current = { key: shownKey, rec: shownRec, repo, note: by ? t('detail.changedBy', { by: sanitizeLine(by) }) : seen.current.note };
  }
  const changedNote = seen.current.note;

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
        title={mode.title}
        note={changedNote}
        onValues={mode.onValues}
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
          // a pick that goes somewhere itself (a contract's or a customer's detail) stays there
          if (stRef.current.mode === mode) setMode(mode.back);
        }}
      />
    );
  }

  if (mode.kind === 'nested') {
    const rec = repo.get(mode.entity, mode.id);
    const fi = entityFields(mode.entity).find((f) => f.name === mode.field);
    if (rec && fi) {
      return (
        <NestedEditor
          title={`${entityLabel(t, mode.entity)} ${rec.id} - ${t.l(fi.label)}`}
          schema={ENTITIES[mode.entity].schema.shape[mode.field]}
          value={rec[mode.field]}
          start={mode.index}
          readOnly={fi.system || !!app.cannotWrite()}
          width={width}
          height={height}
          onCancel={() => setMode(mode.back)}
          onSave={(value) => {
            const res = repo.update(mode.entity, mode.id, { [mode.field]: value });
            if (!res.ok) return res.errors.map((e) => errorText(t, mode.entity, e, repo.ws.valueLists)).join('; ');
            if (res.changed) app.changed(t('form.updated', { id: mode.id }));
            setMode(mode.back);
            return undefined;
          }}
        />
      );
    }
  }

  if (view) {
    return (
      <Detail
        rec={view.rec}
        entity={view.of}
        model={view.model}
        cursor={view.cursor}
        offset={view.off}
        width={width}
        height={height}
        commands={view.of === entity ? own('detail') : []}
        note={[view.of === entity ? config.detailNote?.(view.rec, t) : undefined, changedNote].filter(Boolean).join('  ') || undefined}
        footer={mode.kind === 'confirm' ? <ConfirmLine entity={mode.entity} id={mode.id} /> : undefined}
      />
    );
  }

  // the code column grows with the counter: C100000 must not be cut
  const idWidth = Math.max(5, ENTITIES[entity].prefix.length + Math.max(4, String(repo.ws.counters[entity] ?? 0).length));
  const listView = config.views?.[st.view];
  const columns = (listView?.columns ?? config.columns)(width, t).map((c) => (c.key === 'id' ? { ...c, width: idWidth } : c));
  const empty = rows.length === 0;
  // a field filter with a value the field does not have (stage:xyz): say which it has
  const bad = empty && filter.text ? splitQuery(filter.text, searchSpec(entity, config.searchFields, repo.ws.valueLists), repo.ws.valueLists).badList : undefined;
  const filterValues = bad
    ? t('list.filterValues', { field: t.l(bad.field.label), choices: (repo.ws.valueLists[bad.list] ?? DEFAULT_VALUE_LISTS[bad.list] ?? []).map((v) => (t.lang === 'en' ? v.en : v.zh)).join(t.lang === 'en' ? ', ' : '、') })
    : undefined;
  const total = repo.count(entity);
  const sf = config.sortFields[sort.i];
  // a view's own order (the first sort) is named by the view, not by a field
  const viewOrder = !!config.views?.length && sort.i === 0 && sort.dir === 1;
  const sortLabel = viewOrder ? '' : t('list.sorted', { field: sf === 'id' ? 'ID' : t.l(fieldsByName.get(sf)!.label), dir: sort.dir === 1 ? '' : ' (desc)' });
  const headLeft = `${entityLabel(t, entity)}${listView ? ` [${t(listView.label)}]` : ''} `;
  const banner = [...(config.banner?.(repo, t, width, height) ?? []), ...(listView?.banner?.(repo, t, width, rows) ?? [])];
  const listH = height - banner.length;
  const headMid = `${t('list.count', { shown: rows.length, total })}  ${config.summary ? `${config.summary(repo, t)}  ` : ''}${sortLabel ? `${sortLabel}  ` : ''}`;
  return (
    <Box flexDirection="column" width={width} height={height}>
      {banner.map((l, i) => (
        <Text key={`b${i}`} bold={i === 0} color={i === 0 ? theme.accent : undefined} wrap="truncate">
          {l || ' '}
        </Text>
      ))}
      <Box>
        {/* one line at any width: the figures are cut, the title keeps its space */}
        <Box flexShrink={0}>
          <Text bold>{headLeft}</Text>
        </Box>
        <Text color={theme.muted} wrap="truncate">
          {displayWidth(headLeft + headMid) > width ? fit(headMid, Math.max(0, width - displayWidth(headLeft))) : headMid}
        </Text>
        {filtering || filter.text ? (
          <Box>
            <Text color={theme.accent}>{'/'}</Text>
            <TextField state={filter} width={Math.max(10, width - displayWidth(headLeft + headMid) - 2)} focused={filtering} origin={{ x: displayWidth(headLeft + headMid) + 1, y: app.bodyTop }} />
          </Box>
        ) : null}
      </Box>
      {empty ? (
        <Box flexDirection="column" height={listH - 2}>
          <Text color={theme.muted}>{filter.text ? t('list.noMatch', { filter: filter.text }) : t('list.empty')}</Text>
          {filterValues ? <Text color={theme.muted}>{filterValues}</Text> : null}
          {total === 0 && config.emptyHint?.length && repo.unscoped(entity).length === 0 ? (
            <>
              <Text> </Text>
              {config.emptyHint.map((k, i) => (
                <Text key={k} bold={i === 0}>{t(k)}</Text>
              ))}
            </>
          ) : null}
        </Box>
      ) : (
        <Table
          columns={columns}
          rowCount={rows.length}
          selected={Math.min(st.sel, rows.length - 1)}
          height={listH - 2}
          width={width}
          focused={active}
          rowKey={(r) => rows[r]?.id}
          cell={(r, key) => {
            const rec = rows[r];
            const own = config.cell?.(key, rec, repo, t);
            if (own !== undefined) return own;
            const fi = fieldsByName.get(key);
            return fi ? cellText(repo, t, fi, rec) : '';
          }}
        />
      )}
      {mode.kind === 'confirm' ? (
        <ConfirmLine entity={mode.entity} id={mode.id} />
      ) : mode.kind === 'ask' ? (
        <Text color={theme.warn} bold wrap="truncate">{fit(mode.text, width)}</Text>
      ) : (
        <Text> </Text>
      )}
    </Box>
  );
}

