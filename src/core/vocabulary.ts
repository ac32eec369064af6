/**
 * Words people type into cells that the add-on must understand and write back: roles, kinds of
 * contact, schedule statuses. Each key has the word the add-on writes in each language and the
 * variants it accepts when reading (either language, any case, spaces ignored).
 */
import type { Lang } from './locale';
import type { ContactKind, RowStatus, Role } from './model';

interface Entry {
  zh: string;
  en: string;
  /** More ways people write it; the zh and en words are always accepted too. */
  also: readonly string[];
}

type Vocabulary<K extends string> = Record<K, Entry>;

export const ROLE_WORDS: Vocabulary<Role> = {
  rep: { zh: '销售员', en: 'Sales rep', also: ['业务员', '销售代表', '对口销售员', '客户经理', 'salesperson', 'sales representative', 'rep', 'sales'] },
  manager: { zh: '销售经理', en: 'Sales manager', also: ['经理', '区域经理', 'manager', 'area manager'] },
  director: { zh: '营销总监', en: 'Marketing director', also: ['总监', '市场总监', '销售总监', 'director', 'sales director'] },
  gm: { zh: '总经理', en: 'General manager', also: ['副总', '副总经理', '总裁', '老板', 'vp', 'gm', 'vice president', 'ceo'] },
};

export const KIND_WORDS: Vocabulary<Exclude<ContactKind, 'other'>> = {
  visit: { zh: '拜访', en: 'Visit', also: ['走访', '上门', '面谈', '访问', 'meeting'] },
  call: { zh: '电话', en: 'Call', also: ['致电', '电话回访', '回访', '通话', 'phone', 'phone call'] },
  complaint: { zh: '投诉', en: 'Complaint', also: ['客诉', '抱怨', 'complain'] },
};

export const STATUS_WORDS: Vocabulary<RowStatus> = {
  planned: { zh: '计划', en: 'Planned', also: ['已计划', '待办', '待拜访', 'plan', 'to-do', 'to do'] },
  done: { zh: '完成', en: 'Done', also: ['已完成', '已拜访', '已联系', 'completed', 'complete', 'ok'] },
  moved: { zh: '改期', en: 'Moved', also: ['已改期', '推迟', 'rescheduled', 'postponed'] },
  cancelled: { zh: '取消', en: 'Cancelled', also: ['已取消', 'canceled', 'cancel'] },
  unscheduled: { zh: '未排期', en: 'Unscheduled', also: ['待排期', 'not scheduled'] },
};

/** Lower case, no white space, no trailing colon: how typed words are compared. */
export function normalizeWord(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\u3000]+/g, '').replace(/[:：]$/, '');
}

const indexes = new WeakMap<object, Map<string, string>>();

function indexOf<K extends string>(vocabulary: Vocabulary<K>): Map<string, K> {
  let index = indexes.get(vocabulary) as Map<string, K> | undefined;
  if (!index) {
    index = new Map();
    for (const key of Object.keys(vocabulary) as K[]) {
      const e = vocabulary[key];
      for (const w of [e.zh, e.en, ...e.also]) index.set(normalizeWord(w), key);
    }
    indexes.set(vocabulary, index);
  }
  return index;
}

/** The key a typed word stands for, or null when it is none of them. */
export function parseWord<K extends string>(vocabulary: Vocabulary<K>, text: unknown): K | null {
  if (typeof text !== 'string') return null;
  return indexOf(vocabulary).get(normalizeWord(text)) ?? null;
}

/** The word the add-on writes for a key. */
export function wordFor<K extends string>(vocabulary: Vocabulary<K>, key: K, lang: Lang): string {
  return vocabulary[key][lang];
}
