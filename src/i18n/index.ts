import { en, type MessageKey, type Messages } from './en.js';
import { zhCN } from './zh-CN.js';
import type { Label } from '../domain/fields.js';
import { DEFAULT_VALUE_LISTS, offeredValues, valueDescription, type ValueLists } from '../domain/values.js';
import type { FieldError } from '../domain/errors.js';
import { ENTITIES, entityFields, isEntityName } from '../domain/entities.js';

export type Lang = 'zh-CN' | 'en';
export type { MessageKey };
const TABLES: Record<Lang, Messages> = { en, 'zh-CN': zhCN };

export type Params = Record<string, string | number | undefined>;
export type T = ((key: MessageKey, params?: Params) => string) & { lang: Lang; l: (label: Label) => string };

export function makeT(lang: Lang): T {
  const table = TABLES[lang];
  const fn = ((key: MessageKey, params?: Params) => {
    const s = table[key] ?? en[key] ?? key;
    return params ? s.replace(/\{(\w+)\}/g, (m, k: string) => (params[k] === undefined ? m : String(params[k]))) : s;
  }) as T;
  fn.lang = lang;
  fn.l = (label: Label) => (lang === 'en' ? label.en : label.zh);
  return fn;
}

export const normaliseLang = (s: string | undefined): Lang | undefined => {
  if (!s) return undefined;
  const low = s.toLowerCase();
  if (low.startsWith('zh')) return 'zh-CN';
  if (low.startsWith('en')) return 'en';
  return undefined;
};

/** --lang, else $HOTEL_CRM_LANG, else the workspace setting, else the locale, else en. */
export function detectLang(flag: string | undefined, workspaceLang: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  for (const c of [flag, env.HOTEL_CRM_LANG, workspaceLang]) {
    const l = normaliseLang(c);
    if (l) return l;
  }
  const loc = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return loc && loc.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

const langKey = (t: T) => (t.lang === 'en' ? 'en' : 'zh') as 'en' | 'zh';

export function entityLabel(t: T, entity: string): string {
  return isEntityName(entity) ? t.l(ENTITIES[entity].label) : entity;
}

export function choicesText(t: T, lists: ValueLists, list: string): string {
  const items = lists[list] ?? DEFAULT_VALUE_LISTS[list] ?? [];
  return items.map((v) => `${v.code}=${v[langKey(t)]}`).join(', ');
}

/** As choicesText, with each value's meaning where the list gives one: "a=A (最高：…)". */
export function choicesHelp(t: T, lists: ValueLists, list: string): string {
  const items = lists[list] ?? DEFAULT_VALUE_LISTS[list] ?? [];
  const k = langKey(t);
  const [open, close] = k === 'en' ? [' (', ')'] : ['（', '）'];
  return items.map((v) => `${v.code}=${v[k]}${v.description ? `${open}${v.description[k]}${close}` : ''}`).join(', ');
}

/** One line on what a value means in the interface language ('' if the list says nothing). */
export function valueDescriptionT(t: T, lists: ValueLists, list: string, code: string | undefined): string {
  return valueDescription(lists, list, code, langKey(t));
}

/** One field error in words, without the field's name: "is not a phone number …" */
export function errorMessage(t: T, e: FieldError, lists: ValueLists = DEFAULT_VALUE_LISTS): string {
  const p: Params = { ...e.params };
  if (typeof p.entity === 'string') p.entity = entityLabel(t, p.entity);
  if (e.code === 'notInList' && typeof e.params?.list === 'string') p.choices = choicesText(t, lists, e.params.list);
  if (e.code === 'retiredValue' && typeof e.params?.list === 'string') {
    p.label = valueLabelT(t, lists, e.params.list, String(e.params.value));
    p.choices = offeredValues(lists, e.params.list).map((v) => `${v.code}=${v[langKey(t)]}`).join(', ');
  }
  if (e.code === 'transition') {
    const list = typeof e.params?.list === 'string' ? e.params.list : 'stage';
    const lab = (c: string) => valueLabelT(t, lists, list, c);
    p.from = lab(String(e.params?.from));
    p.to = lab(String(e.params?.to));
    p.allowed = String(e.params?.allowed ?? '').split(',').filter(Boolean).map(lab).join(t.lang === 'en' ? ', ' : '、');
  }
  if (e.code === 'permission' || e.code === 'permissionScope' || e.code === 'permEscalation') {
    const a = String(e.params?.action ?? '');
    p.action = a === 'admin' ? t('perm.admin') : t(`perm.action.${a}` as MessageKey);
    if (e.params?.scope) p.scope = t(`perm.scope.${String(e.params.scope)}` as MessageKey);
    p.role = e.params?.role ? nameInLanguage(t, String(e.params.role)) : t('perm.noRole');
  }
  const key = `err.${e.code}` as MessageKey;
  return key in en ? t(key, p) : e.code;
}

/** One field error in words: "Mobile: is not a phone number …" */
const TWO_NAMES = /^([^A-Za-z]*[\u3400-\u9fff][^A-Za-z]*?)\s+([A-Za-z][\x20-\x7e]*)$/;

/** "银卡 Silver" as 银卡 in Chinese and Silver in English; any other name as it is (the hotel's
 *  own catalogue, roles and departments are often named in both languages at once). */
export function nameInLanguage(t: Pick<T, 'lang'>, name: string): string {
  const m = TWO_NAMES.exec(name.trim());
  return m ? (t.lang === 'en' ? m[2] : m[1]).trim() : name;
}

export function errorText(t: T, entity: string, e: FieldError, lists: ValueLists = DEFAULT_VALUE_LISTS): string {
  const msg = errorMessage(t, e, lists);
  const fi = isEntityName(entity) ? entityFields(entity).find((x) => x.name === e.field) : undefined;
  return fi ? `${t.l(fi.label)}: ${msg}` : msg;
}

export function valueLabelT(t: T, lists: ValueLists, list: string, code: string | undefined): string {
  if (code === undefined || code === '') return '';
  const item = (lists[list] ?? DEFAULT_VALUE_LISTS[list])?.find((v) => v.code === code);
  return item ? item[langKey(t)] : code;
}
