/**
 * Customers for the sidebar's browser test, and a fake of the server side of the card (the
 * public globals of src/shared/api.ts) that answers from them the way the real one is specified
 * in src/shared/: the card is rebuilt from the row's cells on every answer, an edit is checked by
 * the shared field rules and refused when the cell no longer holds the text the card showed, a
 * secret is masked until revealed, the customer list is encoded as the server encodes it. It
 * checks its input as a public global must and throws the server's sentence.
 */
import type { ServerResult } from '../src/shared/api';
import { encodeCustomerList, type ListedCustomer } from '../src/shared/customerList';
import { checkValue, problemText } from '../src/shared/fields';
import type {
  CardContact, CardRequest, CustomerCard, EditFieldRequest, FieldKind, Lang, LogContactRequest, OpenCardResult,
  ProfileField, RevealRequest, SaveResult, SearchResponse,
} from '../src/shared/types';

export const TODAY = '2026-11-20';

/** The 24 months up to TODAY's, oldest first. */
function months(amounts: number[]): CustomerCard['monthly'] {
  return amounts.map((amount, i) => {
    const index = 2026 * 12 + 10 - 23 + i;
    const month = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
    return { month, amount, orders: amount > 0 ? Math.max(1, Math.round(amount / 26_000)) : 0 };
  });
}

/** A concave Pareto curve and a customer's point on it. */
function pareto(rank: number, customers: number): NonNullable<CustomerCard['pareto']> {
  const share = (x: number): number => 1 - (1 - x) ** 5;
  const curve: [number, number][] = [];
  for (let i = 1; i <= 40; i++) curve.push([i / 40, Math.round(share(i / 40) * 1e4) / 1e4]);
  return { rank, customers, share: Math.round(share(rank / customers) * 1e4) / 1e4, curve };
}

interface FieldSpec {
  field: string;
  label: string;
  kind: FieldKind;
  editable?: boolean;
  secret?: boolean;
}

const ZH_FIELDS: FieldSpec[] = [
  { field: 'id', label: '客户代码', kind: 'text', editable: false },
  { field: 'name', label: '名称', kind: 'text', editable: false },
  { field: 'contact', label: '联系人', kind: 'text' },
  { field: 'phone', label: '电话号码', kind: 'phone' },
  { field: 'email', label: '邮箱', kind: 'email' },
  { field: 'address', label: '地址', kind: 'text' },
  { field: 'birthday', label: '生日', kind: 'date' },
  { field: 'creditLimit', label: '销售限额', kind: 'amount' },
  { field: 'bankAccount', label: '银行账号', kind: 'text', secret: true, editable: false },
  { field: 'notes', label: '备注', kind: 'text' },
];

const EN_FIELDS: FieldSpec[] = [
  { field: 'id', label: 'Customer ID', kind: 'text', editable: false },
  { field: 'name', label: 'Name', kind: 'text', editable: false },
  { field: 'contact', label: 'Contact', kind: 'text' },
  { field: 'phone', label: 'Phone', kind: 'phone' },
  { field: 'email', label: 'E-mail', kind: 'email' },
  { field: 'address', label: 'Address', kind: 'text' },
  { field: 'birthday', label: 'Birthday', kind: 'date' },
  { field: 'creditLimit', label: 'Credit limit', kind: 'amount' },
  { field: 'bankAccount', label: 'Bank account', kind: 'text', secret: true, editable: false },
  { field: 'notes', label: 'Notes', kind: 'text' },
];

/** One customer row: its cells, and what the classification said about it. */
export interface FakeCustomer {
  row: number;
  cells: Record<string, string>;
  card: Omit<CustomerCard, 'id' | 'row' | 'name' | 'notes' | 'version' | 'profile'>;
  /** What a classification adds to the card (a customer not classified yet). */
  afterClassify?: Partial<FakeCustomer['card']>;
}

function blankCard(): FakeCustomer['card'] {
  return {
    rep: null, scores: null, tier: '', previousTier: '', movement: '', quadrant: '', pAlive: null, pAliveWords: '', figuresFrom: 'classification', waiting: [],
    orders: { count: 0, revenue: 0, average: null, lastOrder: null, recencyDays: null, creditLimit: null, outstanding: null, creditUsed: null },
    completeness: { filled: 0, known: 0, missing: [] }, status: '', flags: [], nextVisits: [], lastContacts: [], complaints: [],
    pareto: null, monthly: months(new Array(24).fill(0)), classifiedAt: null,
  };
}

export const PAYLOAD = {
  name: '<img src=x onerror="window.__pwned=1">',
  notes: '<script>window.__pwned=2</script>\n<svg onload="window.__pwned=3"></svg> "><iframe src="javascript:window.__pwned=4"></iframe>',
  contact: '<b onmouseover="window.__pwned=5">hover</b>',
  flag: '<img src=y onerror="window.__pwned=6"> no order for 412 days',
  segment: '<style>body{display:none}</style>',
};

export function zhCustomers(): FakeCustomer[] {
  const hualian: FakeCustomer = {
    row: 2,
    cells: {
      id: 'C001', name: '上海华联贸易有限公司', contact: '王建国', phone: '021-6234 5678', email: 'wang@hualian.cn',
      address: '上海市浦东新区张杨路 1200 号 8 楼', birthday: '1975-03-12', creditLimit: '500000', bankAccount: '6222 0202 0011 2233 445',
      notes: '每月初订货；王经理喜欢上午联系。\n付款周期 30 天，年底有促销需求。',
    },
    card: {
      ...blankCard(),
      rep: { name: '李娜', code: 'S01', email: 'lina@example.cn' },
      scores: { r: 5, f: 4, m: 5, code: '545', segment: '重要价值客户' },
      tier: 'A', previousTier: 'B', movement: 'up', quadrant: 'A（高周转·高利润）', pAlive: 0.93, pAliveWords: '很可能仍在购买',
      orders: { count: 48, revenue: 1286400, average: 26800, lastOrder: '2026-11-12', recencyDays: 8, creditLimit: 500000, outstanding: 120000, creditUsed: 0.24 },
      completeness: { filled: 14, known: 16, missing: ['微信', '邮政编码'] },
      status: 'amber',
      flags: [{ key: 'birthday', severity: 'amber', text: '生日在 7 天内：3 月 12 日' }],
      nextVisits: [
        { date: '2026-11-23', time: '10:30', kind: 'visit', person: '李娜', status: '计划' },
        { date: '2026-11-27', time: '14:30', kind: 'call', person: '李娜', status: '计划' },
      ],
      lastContacts: [
        { date: '2026-11-12', kind: 'visit', kindText: '拜访', person: '李娜', note: '确认年底促销订单，客户希望提前发货。' },
        { date: '2026-11-03', kind: 'call', kindText: '电话', person: '李娜', note: '催收十月货款。' },
      ],
      pareto: pareto(12, 300),
      monthly: months([18000, 22000, 0, 31000, 26000, 24000, 52000, 38000, 27000, 0, 45000, 61000, 33000, 29000, 41000, 36000, 0, 52000, 48000, 57000, 44000, 69000, 73000, 58000]),
      classifiedAt: '2026-11-20T06:12:00+08:00',
    },
  };
  const beifang: FakeCustomer = {
    row: 5,
    cells: { id: 'C004', name: '北方建材集团', contact: '', phone: '', email: 'buy@beifang.com.cn', address: '', birthday: '', creditLimit: '200000', bankAccount: '', notes: '' },
    card: {
      ...blankCard(),
      rep: null,
      scores: { r: 1, f: 3, m: 4, code: '134', segment: '重要挽留客户' },
      tier: 'C', previousTier: 'B', movement: 'down', quadrant: 'D（低周转·高利润）', pAlive: 0.12,
      orders: { count: 17, revenue: 402000, average: 23647.06, lastOrder: '2025-09-24', recencyDays: 422, creditLimit: 200000, outstanding: 236000, creditUsed: 1.18 },
      completeness: { filled: 6, known: 16, missing: ['电话号码', '地址', '对口销售员'] },
      status: 'red',
      flags: [
        { key: 'lapsed', severity: 'red', text: '已有 422 天没有订单（超过 365 天）' },
        { key: 'probablyLapsing', severity: 'red', text: '存活概率 12%，低于 30%' },
        { key: 'overCredit', severity: 'red', text: '欠款 236,000 超过销售限额 200,000' },
        { key: 'openComplaint', severity: 'red', text: '投诉已过答复期限（11 月 15 日）' },
        { key: 'missing', severity: 'amber', text: '缺少电话号码、地址、对口销售员' },
        { key: 'notReviewed', severity: 'amber', text: '已有 210 天没有复核档案' },
        { key: 'tierChanged', severity: 'amber', text: '由 B 级降为 C 级' },
      ],
      complaints: [
        { date: '2026-11-10', note: '第三批货到货延误两周，工地停工。', owner: '张伟', deadline: '2026-11-15', overdue: true },
        { date: '2026-11-18', note: '发票抬头错误，需要重开。', owner: '', deadline: '2026-11-25', overdue: false },
        { date: '2026-11-19', note: '要求补偿运费。', owner: '刘洋', deadline: null, overdue: false },
      ],
      lastContacts: [{ date: '2026-11-19', kind: 'complaint', kindText: '投诉', person: '刘洋', note: '要求补偿运费。' }],
      pareto: pareto(140, 300),
      monthly: months([52000, 61000, 48000, 0, 57000, 39000, 44000, 0, 31000, 0, 12000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
      classifiedAt: '2026-11-20T06:12:00+08:00',
    },
  };
  const changing: FakeCustomer = {
    row: 6,
    cells: { id: 'C005', name: '广州南方食品', contact: '陈静', phone: '020-8888 1234', email: 'chen@nanfang.cn', address: '广州市天河区体育西路 88 号', birthday: '1980-07-01', creditLimit: '80000', bankAccount: '', notes: '新客户，试单阶段。' },
    card: { ...blankCard(), tier: 'B', movement: 'new', status: 'green', completeness: { filled: 15, known: 16, missing: [] } },
  };
  const payload: FakeCustomer = {
    row: 7,
    cells: { id: 'C666', name: PAYLOAD.name, contact: PAYLOAD.contact, phone: '010-1234 5678', email: '', address: '<a href="javascript:window.__pwned=7">点我</a>', birthday: '', creditLimit: '', bankAccount: '', notes: PAYLOAD.notes },
    card: {
      ...blankCard(),
      rep: { name: '<u onclick="window.__pwned=8">rep</u>', code: 'S9', email: '' },
      scores: { r: 3, f: 3, m: 3, code: '333', segment: PAYLOAD.segment },
      status: 'red',
      flags: [{ key: 'lapsed', severity: 'red', text: PAYLOAD.flag }],
      lastContacts: [{ date: '2026-10-01', kind: 'other', kindText: '<marquee>其他</marquee>', person: '<i>x</i>', note: '<img src=z onerror="window.__pwned=9">' }],
      complaints: [{ date: '2026-10-02', note: '<script>window.__pwned=10</script>', owner: '<b>owner</b>', deadline: '2026-10-09', overdue: true }],
    },
  };
  // Before any classification: the order figures read from the orders, the rest waiting.
  const fresh: FakeCustomer = {
    row: 8,
    cells: { id: 'C009', name: '杭州新开超市', contact: '赵敏', phone: '0571-8765 4321', email: '', address: '杭州市西湖区文三路 9 号', birthday: '', creditLimit: '50000', bankAccount: '', notes: '' },
    card: {
      ...blankCard(),
      figuresFrom: 'orders',
      waiting: ['scores', 'tier', 'quadrant', 'pAlive', 'flags', 'pareto'],
      completeness: { filled: 6, known: 10, missing: ['邮箱'] },
      orders: { count: 11, revenue: 86300, average: 7845.45, lastOrder: '2026-11-06', recencyDays: 14, creditLimit: 50000, outstanding: null, creditUsed: null },
      monthly: months([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 6200, 7100, 9800, 0, 8800, 12000, 9400, 10800, 11200, 11000]),
    },
    afterClassify: {
      figuresFrom: 'classification', waiting: [], tier: 'B', movement: 'new', status: 'amber',
      scores: { r: 5, f: 3, m: 3, code: '533', segment: '一般发展客户' }, pAlive: 0.97, pAliveWords: '很可能仍在购买',
      flags: [{ key: 'overdue', severity: 'amber', text: '还没有拜访或电话记录' }], pareto: pareto(60, 300), classifiedAt: '2026-11-20T10:05:00+08:00',
    },
  };
  const many: FakeCustomer[] = [];
  for (let i = 1; i <= 30; i++) {
    const n = String(i).padStart(2, '0');
    many.push({ row: 10 + i, cells: { id: `T${n}`, name: `测试客户 ${n} 号`, contact: '', phone: `0755-8000 00${n}`, email: '', address: '', birthday: '', creditLimit: '', bankAccount: '', notes: '' }, card: blankCard() });
  }
  return [hualian, beifang, changing, payload, fresh, ...many];
}

export function enCustomers(): FakeCustomer[] {
  const acme: FakeCustomer = {
    row: 2,
    cells: {
      id: 'A-1001', name: 'Acme Trading Ltd', contact: 'Jane Miller', phone: '+44 20 7946 0958', email: 'jane.miller@acme.example',
      address: '221B Baker Street, London NW1 6XE', birthday: '1982-09-30', creditLimit: '250000', bankAccount: 'GB29 NWBK 6016 1331 9268 19',
      notes: 'Orders at the start of each month. Prefers calls before 10 am.\nAsked about the winter range.',
    },
    card: {
      ...blankCard(),
      rep: { name: 'Tom Baker', code: 'R07', email: 'tom.baker@example.com' },
      scores: { r: 4, f: 5, m: 4, code: '454', segment: 'Loyal customers' },
      tier: 'A', previousTier: 'A', movement: '', quadrant: 'A (high turnover, high margin)', pAlive: 0.88, pAliveWords: 'likely still buying',
      orders: { count: 36, revenue: 912345.5, average: 25342.93, lastOrder: '2026-11-02', recencyDays: 18, creditLimit: 250000, outstanding: 190000, creditUsed: 0.76 },
      completeness: { filled: 15, known: 16, missing: ['WeChat'] },
      status: 'amber',
      flags: [{ key: 'overdue', severity: 'amber', text: 'no visit for 41 days (tier A: every 10 days)' }],
      nextVisits: [{ date: '2026-11-24', time: '09:00', kind: 'visit', person: 'Tom Baker', status: 'Planned' }],
      lastContacts: [{ date: '2026-10-10', kind: 'visit', kindText: 'Visit', person: 'Tom Baker', note: 'Quarterly review; happy with delivery times.' }],
      pareto: pareto(5, 120),
      monthly: months([21000, 25000, 30000, 28000, 0, 35000, 31000, 26000, 40000, 38000, 42000, 39000, 45000, 0, 47000, 51000, 38000, 44000, 49000, 53000, 50000, 47000, 56000, 38000]),
      classifiedAt: '2026-11-20T06:12:00+00:00',
    },
  };
  return [acme];
}

export interface FakeServerOptions {
  lang: Lang;
  locale: string;
  customers: FakeCustomer[];
  /** The row selected when the card opens: a customer id, or why there is none. */
  selection: { id: string } | { reason: NonNullable<OpenCardResult['reason']> };
  user?: string;
  /** More customers in the list the page searches (no card behind them). */
  listed?: ListedCustomer[];
}

export interface Call {
  name: string;
  arg: unknown;
}

function fail(message: string): never {
  throw new Error(message);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Mask all but the last four characters that are letters or digits. */
function mask(text: string): string {
  const chars = text.replace(/[^0-9A-Za-z]/g, '');
  return chars.length <= 4 ? text : `•••• ${chars.slice(-4)}`;
}

export class FakeServer {
  readonly calls: Call[] = [];
  /** Milliseconds to wait before answering, per call (to show loading states and to reorder answers). */
  delay: (name: string, arg: unknown) => number = () => 0;
  /** A sentence to throw instead of answering, per call. */
  failWith: (name: string, arg: unknown) => string | null = () => null;
  /** Answer a Date inside the result, as a careless server would (Apps Script hands the page null). */
  dateInResult = false;
  private readonly byId = new Map<string, FakeCustomer>();
  private readonly fields: FieldSpec[];

  constructor(readonly options: FakeServerOptions) {
    for (const c of options.customers) this.byId.set(c.cells.id, c);
    this.fields = options.lang === 'zh' ? ZH_FIELDS : EN_FIELDS;
  }

  customer(id: string): FakeCustomer {
    return this.byId.get(id) ?? fail(`no fixture customer ${id}`);
  }

  /** Another person types into a cell after the card read it. */
  changeCell(id: string, field: string, value: string): void {
    this.customer(id).cells[field] = value;
  }

  callsOf(name: string): Call[] {
    return this.calls.filter((c) => c.name === name);
  }

  cardOf(c: FakeCustomer): CustomerCard {
    const profile: ProfileField[] = this.fields.map((f) => {
      const text = c.cells[f.field] ?? '';
      return { field: f.field, label: f.label, text: f.secret ? mask(text) : text, kind: f.kind, editable: f.editable ?? true, secret: f.secret ?? false };
    });
    const version = JSON.stringify(c.cells).length.toString(36);
    return structuredClone({ ...c.card, id: c.cells.id, row: c.row, name: c.cells.name, notes: c.cells.notes, version, profile });
  }

  private open(request: unknown): OpenCardResult {
    const base = { lang: this.options.lang, locale: this.options.locale, timeZone: this.options.lang === 'zh' ? 'Asia/Shanghai' : 'Europe/London', today: TODAY, user: this.options.user ?? '' };
    if (!isPlainObject(request)) fail(this.say('kehuOpenCard needs a request object.', 'kehuOpenCard 需要一个请求对象。'));
    const r = request as CardRequest;
    let id: string;
    if (r.mode === 'selection') {
      const s = this.options.selection;
      if ('reason' in s) return { ...base, card: null, reason: s.reason };
      id = s.id;
    } else if (r.mode === 'id' && typeof r.id === 'string') {
      id = r.id;
    } else {
      fail(this.say(`kehuOpenCard: unknown request ${JSON.stringify(request)}.`, `kehuOpenCard：无法识别的请求 ${JSON.stringify(request)}。`));
    }
    const c = this.byId.get(id);
    return c ? { ...base, card: this.cardOf(c) } : { ...base, card: null, reason: 'notFound' };
  }

  /** A customer renamed in the sheet after the list was sent (found after the page reads the list again). */
  rename(id: string, name: string): void {
    this.customer(id).cells.name = name;
  }

  private list(request: unknown): ServerResult<'kehuCustomerList'> {
    if (!isPlainObject(request)) fail(this.say('kehuCustomerList needs a request object.', 'kehuCustomerList 需要一个请求对象。'));
    const listed: ListedCustomer[] = [...this.byId.values()].map((c) => ({ id: c.cells.id, name: c.cells.name, phone: c.cells.phone, city: c.cells.city ?? '', row: c.row }));
    listed.push(...(this.options.listed ?? []));
    listed.sort((a, b) => a.row - b.row);
    return { list: encodeCustomerList(listed), count: listed.length, user: this.options.user ?? '' };
  }

  private classify(request: unknown): ServerResult<'kehuClassifyNow'> {
    if (!isPlainObject(request)) fail(this.say('kehuClassifyNow needs a request object.', 'kehuClassifyNow 需要一个请求对象。'));
    for (const c of this.byId.values()) if (c.afterClassify) c.card = { ...c.card, ...c.afterClassify };
    const message = this.say(`Classified ${this.byId.size} customers.`, `已分类 ${this.byId.size} 位客户。`);
    return { ok: true, message, result: this.open(request) };
  }

  private search(query: unknown): SearchResponse {
    if (typeof query !== 'string') fail(this.say('kehuSearch needs the text to find.', 'kehuSearch 需要查找的文字。'));
    const q = query.trim().toLowerCase();
    const digits = q.replace(/\D/g, '');
    const hits = [...this.byId.values()].filter((c) =>
      c.cells.name.toLowerCase().includes(q) || c.cells.id.toLowerCase().startsWith(q) || (digits.length >= 3 && c.cells.phone.replace(/\D/g, '').includes(digits)));
    return { query, total: hits.length, results: hits.slice(0, 8).map((c) => ({ id: c.cells.id, name: c.cells.name, phone: c.cells.phone, city: '', row: c.row })) };
  }

  private log(request: unknown): SaveResult {
    if (!isPlainObject(request)) fail(this.say('kehuLogContact needs a request object.', 'kehuLogContact 需要一个请求对象。'));
    const r = request as unknown as LogContactRequest;
    const c = this.byId.get(String(r.id));
    if (!c) return { ok: false, reason: 'notFound', message: this.say(`No customer ${r.id}.`, `没有客户 ${r.id}。`) };
    if (!['visit', 'call', 'complaint'].includes(r.kind) || typeof r.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(r.date) || typeof r.note !== 'string') {
      return { ok: false, reason: 'invalid', message: this.say('The contact needs a kind, an ISO date and a note.', '联系记录需要方式、ISO 日期和内容。') };
    }
    const kindText = { zh: { visit: '拜访', call: '电话', complaint: '投诉' }, en: { visit: 'Visit', call: 'Call', complaint: 'Complaint' } }[this.options.lang][r.kind];
    const person = r.person ?? this.options.user ?? '';
    const contact: CardContact = { date: r.date, kind: r.kind, kindText, person, note: r.note };
    c.card.lastContacts = [contact, ...c.card.lastContacts].slice(0, 5);
    if (r.kind === 'complaint') c.card.complaints = [...c.card.complaints, { date: r.date, note: r.note, owner: person, deadline: r.deadline ?? null, overdue: (r.deadline ?? TODAY) < TODAY }];
    return { ok: true, card: this.cardOf(c) };
  }

  private edit(request: unknown): SaveResult {
    if (!isPlainObject(request)) fail(this.say('kehuEditField needs a request object.', 'kehuEditField 需要一个请求对象。'));
    const r = request as unknown as EditFieldRequest;
    const c = this.byId.get(String(r.id));
    if (!c) return { ok: false, reason: 'notFound', message: this.say(`No customer ${r.id}.`, `没有客户 ${r.id}。`) };
    const spec = this.fields.find((f) => f.field === r.field);
    if (!spec || spec.editable === false || typeof r.value !== 'string' || typeof r.expected !== 'string') {
      return { ok: false, reason: 'invalid', message: this.say(`${r.field} cannot be edited from the card.`, `不能在客户卡中修改 ${r.field}。`) };
    }
    const current = c.cells[spec.field] ?? '';
    if (current !== r.expected) {
      return { ok: false, reason: 'conflict', current, message: this.say(`${spec.label} changed in the sheet since the card read it.`, `${spec.label}在客户卡读取之后已被修改。`) };
    }
    // The server checks with the rules the page uses (src/shared/fields.ts).
    const checked = checkValue(spec.kind, r.value);
    if (!checked.ok) return { ok: false, reason: 'invalid', message: problemText(checked.problem, this.options.lang) };
    c.cells[spec.field] = checked.value;
    return { ok: true, card: this.cardOf(c) };
  }

  private reveal(request: unknown): { value: string } {
    if (!isPlainObject(request)) fail(this.say('kehuRevealField needs a request object.', 'kehuRevealField 需要一个请求对象。'));
    const r = request as unknown as RevealRequest;
    const c = this.byId.get(String(r.id)) ?? fail(this.say(`No customer ${r.id}.`, `没有客户 ${r.id}。`));
    const spec = this.fields.find((f) => f.field === r.field && f.secret) ?? fail(this.say(`${r.field} is not a secret field.`, `${r.field} 不是保密字段。`));
    return { value: c.cells[spec.field] ?? '' };
  }

  private say(en: string, zh: string): string {
    return this.options.lang === 'zh' ? zh : en;
  }

  /** One google.script.run call, as the bridge hands it over: the function's name and its argument. */
  async handle(name: string, arg: unknown): Promise<unknown> {
    this.calls.push({ name, arg });
    const wait = this.delay(name, arg);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const sentence = this.failWith(name, arg);
    if (sentence !== null) throw new Error(sentence);
    let result: unknown;
    switch (name) {
      case 'kehuOpenCard': result = this.open(arg); break;
      case 'kehuSearch': result = this.search(arg); break;
      case 'kehuCustomerList': result = this.list(arg); break;
      case 'kehuClassifyNow': result = this.classify(arg); break;
      case 'kehuLogContact': result = this.log(arg); break;
      case 'kehuEditField': result = this.edit(arg); break;
      case 'kehuRevealField': result = this.reveal(arg); break;
      default: fail(`Script function not found: ${name}`);
    }
    if (this.dateInResult && isPlainObject(result)) (result as Record<string, unknown>).today = new Date();
    return result;
  }
}
