/**
 * A deterministic sample of the spreadsheet a Chinese sales team keeps: a customer file
 * (客户档案), an order log and a contact log, used by the local demo page and by tests.
 *
 * The data is shaped to exercise the add-on the way a real file would (see shared/domain.md,
 * sections 1, 5 and 6): Chinese headers in the team's own order plus one column the add-on does
 * not know, Pareto-shaped spend, town and country customers, a few records missing what a rep
 * needs to act, some not reviewed for over a year, about 6% lapsed, refunds as negative amounts,
 * a few customers owing more than their credit limit (应收余额 above 销售限额), and the team list
 * (销售团队) the visit schedule and its calendar invites go to.
 *
 * Same options → same workbook: the only randomness is a seeded PRNG, and the clock is never
 * read (`today` is an input). All people, phones, e-mails and bank accounts are invented.
 */
import {
  CALL_NOTES,
  COMPLAINT_NOTES,
  CUSTOMER_TYPES,
  GIVEN_NAMES,
  NAME_SUFFIXES,
  NOTES,
  PAYMENT_TERMS,
  PLACES,
  PRODUCTS,
  PRODUCT_PREFERENCES,
  REGIONS,
  STREETS,
  SURNAMES,
  TRADE_WORDS,
  VILLAGES,
  VISIT_NOTES,
  type City,
  type County,
  type CustomerType,
  type Region,
  type Syllable,
} from './names';
import { toEnglish } from './english';

// ---------------------------------------------------------------------------------------------
// Public API

/** One cell as it goes into a sheet. Empty cells are `null`; dates are 'YYYY-MM-DD' strings. */
export type Cell = string | number | boolean | null;
/** Rows of cells; row 0 holds the headers. */
export type SheetRows = Cell[][];

export interface SampleWorkbook {
  /** The analysis date, 'YYYY-MM-DD'; the data covers the two years before it. */
  today: string;
  sheets: { Customers: SheetRows; Orders: SheetRows; Contacts: SheetRows };
  /**
   * The team list the file keeps (a "销售团队" sheet: code, name, role, e-mail, region): the
   * reps of REPS, a sales manager per region, a marketing director and a general manager. Kept
   * apart from `sheets` so a file can be built with or without it.
   */
  team: SheetRows;
}

export interface SampleOptions {
  seed?: number;
  customers?: number;
  today?: string;
  /** 'en': the same file told in English (headers, names, addresses, products; see english.ts). Default 'zh'. */
  lang?: 'zh' | 'en';
}

export const DEFAULT_SEED = 1;
export const DEFAULT_CUSTOMERS = 300;
export const DEFAULT_TODAY = '2026-11-20';
/** Length of the covered period: two years of days before `today`. */
export const WINDOW_DAYS = 730;

/** Customer file headers, in the order a team tends to type them, not the add-on's order. */
export const CUSTOMER_HEADERS = [
  '客户代码', '名称', '客户类型', '区域', '城乡', '地址', '联系人', '电话号码', '微信号', '邮箱',
  '对口销售员码', '付款条款', '销售限额', '应收余额', '银行账号', '生日', '最近审核日期', '备注',
] as const;
export const ORDER_HEADERS = ['客户代码', '订单日期', '金额', '产品', '毛利'] as const;
export const CONTACT_HEADERS = ['日期', '客户代码', '类型', '销售员', '内容', '跟进期限'] as const;

/** Sales reps, each with a home region (a rep mostly serves one region). */
export const REPS: readonly { code: string; region: Region }[] = [
  { code: 'S01', region: '华东' },
  { code: 'S02', region: '华东' },
  { code: 'S03', region: '华南' },
  { code: 'S04', region: '华北' },
  { code: 'S05', region: '西南' },
  { code: 'S06', region: '华南' },
];

export const TEAM_HEADERS = ['代码', '姓名', '角色', '邮箱', '区域'] as const;

/**
 * The people of the sample team (invented names; e-mails on the reserved example.com domain,
 * so a demo invite can never reach a real inbox). One rep per code of REPS, in their regions.
 */
export const TEAM: readonly { code: string; name: string; role: '销售员' | '销售经理' | '营销总监' | '总经理'; email: string; region: Region | '' }[] = [
  { code: 'S01', name: '陈志明', role: '销售员', email: 'chen.zhiming@example.com', region: '华东' },
  { code: 'S02', name: '林晓东', role: '销售员', email: 'lin.xiaodong@example.com', region: '华东' },
  { code: 'S03', name: '黄丽华', role: '销售员', email: 'huang.lihua@example.com', region: '华南' },
  { code: 'S04', name: '赵国庆', role: '销售员', email: 'zhao.guoqing@example.com', region: '华北' },
  { code: 'S05', name: '周文斌', role: '销售员', email: 'zhou.wenbin@example.com', region: '西南' },
  { code: 'S06', name: '梁春梅', role: '销售员', email: 'liang.chunmei@example.com', region: '华南' },
  { code: 'M01', name: '徐建国', role: '销售经理', email: 'xu.jianguo@example.com', region: '华东' },
  { code: 'M02', name: '何海燕', role: '销售经理', email: 'he.haiyan@example.com', region: '华南' },
  { code: 'M03', name: '孙永刚', role: '销售经理', email: 'sun.yonggang@example.com', region: '华北' },
  { code: 'M04', name: '罗秀英', role: '销售经理', email: 'luo.xiuying@example.com', region: '西南' },
  { code: 'D01', name: '郑志强', role: '营销总监', email: 'zheng.zhiqiang@example.com', region: '' },
  { code: 'G01', name: '王建华', role: '总经理', email: 'wang.jianhua@example.com', region: '' },
];

export function teamRows(): SheetRows {
  return [[...TEAM_HEADERS], ...TEAM.map((p) => [p.code, p.name, p.role, p.email, p.region])];
}

export function generateSampleWorkbook(options: SampleOptions = {}): SampleWorkbook {
  const seed = options.seed ?? DEFAULT_SEED;
  const count = options.customers ?? DEFAULT_CUSTOMERS;
  const today = options.today ?? DEFAULT_TODAY;
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`customers must be a positive integer, got ${count}`);
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const window: Window = { end: parseDay(today), start: parseDay(today) - WINDOW_DAYS };

  // Each sheet draws from its own stream, so changing how contacts are made does not reshuffle
  // the customers or the orders that other tests and screenshots rely on.
  const plans = planCustomers(new Rng(seed, 'customers'), count, window);
  const balances = outstandingBalances(new Rng(seed, 'balances'), plans);
  const book: SampleWorkbook = {
    today,
    team: teamRows(),
    sheets: {
      Customers: [[...CUSTOMER_HEADERS], ...plans.map((c, i) => customerRow(c, balances[i]))],
      Orders: [[...ORDER_HEADERS], ...orderRows(new Rng(seed, 'orders'), plans, window)],
      Contacts: [[...CONTACT_HEADERS], ...contactRows(new Rng(seed, 'contacts'), plans, window)],
    },
  };
  return options.lang === 'en' ? toEnglish(book, seed) : book;
}

// ---------------------------------------------------------------------------------------------
// Random numbers

/** mulberry32: tiny, fast and good enough for sample data; seeded by the seed and a stream label. */
export class Rng {
  private state: number;

  constructor(seed: number, stream: string) {
    let h = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
    for (let i = 0; i < stream.length; i++) h = Math.imul(h ^ stream.charCodeAt(i), 0x01000193) >>> 0;
    this.state = h;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Pick by relative weight. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i];
      if (r < 0) return items[i];
    }
    return items[items.length - 1];
  }

  /** Standard normal (Box-Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** A new array in random order (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}

/**
 * Inverse of the standard normal CDF (Acklam's approximation, relative error < 1.2e-9).
 * Used to place customer sizes on exact lognormal quantiles rather than sampling them, so the
 * Pareto shape of spend holds for every seed instead of wobbling with one lucky whale.
 */
function probit(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number): number =>
    (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

// ---------------------------------------------------------------------------------------------
// Dates as day numbers (days since 1970-01-01, UTC), so arithmetic never meets time zones.

interface Window {
  /** First day of the covered period. */
  start: number;
  /** `today`, the last day of the covered period. */
  end: number;
}

const MS_PER_DAY = 86_400_000;

export function parseDay(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new RangeError(`expected a date as YYYY-MM-DD, got '${text}'`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const day = Math.round(ms / MS_PER_DAY);
  // Date.UTC rolls 2026-02-30 over into March; the round trip catches it.
  if (formatDay(day) !== text) throw new RangeError(`not a calendar date: '${text}'`);
  return day;
}

export function formatDay(day: number): string {
  const d = new Date(day * MS_PER_DAY);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

// ---------------------------------------------------------------------------------------------
// Customers

/** Everything decided about one customer; some of it (size, lapse) never appears in the sheet. */
interface CustomerPlan {
  code: string;
  name: string;
  type: CustomerType;
  region: Region;
  urban: boolean;
  address: string;
  contact: { surname: Syllable; given: Syllable };
  phone: string;
  wechat: string | null;
  email: string | null;
  /** The rep who actually serves the customer (and logs its contacts). */
  rep: string;
  /** Which field the file is missing, if this record is incomplete. */
  missing: 'phone' | 'address' | 'rep' | null;
  terms: string;
  creditLimit: number;
  bankAccount: string | null;
  birthday: string | null;
  reviewed: string;
  note: string | null;
  /** Expected spend per year in yuan. */
  annualSpend: number;
  ordersPerYear: number;
  /** Products this customer buys, its main line first. */
  products: readonly string[];
  /** First and last day the customer orders (inclusive). */
  firstDay: number;
  lastDay: number;
  lapsed: boolean;
}

/** Shares of the file, from domain.md section 6 and the brief. */
const URBAN_SHARE = 0.6;
const LAPSED_SHARE = 0.06;
const INCOMPLETE_SHARE = 0.05;
const NEW_SHARE = 0.04;
const STALE_REVIEW_SHARE = 0.12;

/**
 * Spread of customer size. With sizes exactly lognormal, the top 20% hold Φ(σ − 0.8416) of the
 * spend: σ = 1.6 gives ~78% before lapses and order noise, i.e. the classic 80/20.
 */
const SIZE_SIGMA = 1.6;
/** Yearly spend of the median customer, in yuan. */
const MEDIAN_SPEND = 24_000;

const REGION_WEIGHTS = [0.34, 0.26, 0.22, 0.18];
const TYPE_WEIGHTS = [0.2, 0.35, 0.3, 0.15];
/** Supermarkets sit in towns, wholesalers and corner shops are found everywhere. */
const TYPE_URBAN_BIAS: Readonly<Record<CustomerType, number>> = { 批发: 0, 零售: -0.3, 餐饮: 0.3, 商超: 1.2 };
/** Supermarkets and wholesalers buy more than a corner shop. */
const TYPE_SIZE_BIAS: Readonly<Record<CustomerType, number>> = { 批发: 0.8, 零售: -0.7, 餐饮: 0, 商超: 1.0 };
/** Restaurants restock often in small lots, wholesalers seldom in big ones. */
const TYPE_ORDER_RATE: Readonly<Record<CustomerType, number>> = { 批发: 0.8, 零售: 1.0, 餐饮: 1.5, 商超: 1.3 };

function planCustomers(rng: Rng, count: number, window: Window): CustomerPlan[] {
  const types = Array.from({ length: count }, () => rng.weighted(CUSTOMER_TYPES, TYPE_WEIGHTS));
  const regions = Array.from({ length: count }, () => rng.weighted(REGIONS, REGION_WEIGHTS));
  const urban = markTop(count, Math.round(count * URBAN_SHARE), (i) => TYPE_URBAN_BIAS[types[i]] + rng.normal());
  const sizes = assignSizes(rng, count, (i) => TYPE_SIZE_BIAS[types[i]] + (urban[i] ? 0.4 : -0.4) + rng.normal());
  const lapsed = pickLapsed(rng, sizes, Math.round(count * LAPSED_SHARE));
  const incomplete = new Set(rng.shuffle(range(count)).slice(0, Math.round(count * INCOMPLETE_SHARE)));
  const fresh = new Set(rng.shuffle(range(count).filter((i) => !lapsed.has(i))).slice(0, Math.round(count * NEW_SHARE)));

  const usedNames = new Set<string>();
  const codeWidth = Math.max(4, String(count).length);
  return range(count).map((i) => {
    const type = types[i];
    const region = regions[i];
    const period = activePeriod(rng, window, lapsed.has(i), fresh.has(i));
    const place = pickPlace(rng, region, urban[i]);
    const contact = { surname: pickSurname(rng), given: rng.pick(GIVEN_NAMES) };
    const annualSpend = MEDIAN_SPEND * sizes[i];
    const terms = rng.pick(PAYMENT_TERMS[type]);
    const missing = incomplete.has(i) ? rng.weighted(['phone', 'address', 'rep'] as const, [0.4, 0.3, 0.3]) : null;
    return {
      code: 'KH' + String(i + 1).padStart(codeWidth, '0'),
      name: uniqueName(rng, usedNames, type, place, contact.surname),
      type,
      region,
      urban: urban[i],
      address: place.address,
      contact,
      phone: makePhone(rng, type, place.areaCode),
      wechat: rng.chance(0.8) ? makeWechat(rng, contact) : null,
      email: rng.chance(0.75) ? makeEmail(rng, contact) : null,
      rep: pickRep(rng, region),
      missing,
      terms,
      creditLimit: creditLimit(annualSpend, terms),
      bankAccount: terms === '现款现货' || rng.chance(0.1) ? null : fakeBankAccount(i + 1),
      birthday: rng.chance(0.85) ? makeBirthday(rng) : null,
      reviewed: formatDay(reviewDay(rng, window, period.firstDay)),
      note: makeNote(rng, lapsed.has(i), missing),
      annualSpend,
      ordersPerYear: orderRate(rng, type, sizes[i]),
      products: pickProducts(rng, type, sizes[i]),
      ...period,
      lapsed: lapsed.has(i),
    };
  });
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Marks exactly `howMany` items, those with the highest score: exact shares keep tests stable for any seed. */
function markTop(count: number, howMany: number, score: (i: number) => number): boolean[] {
  const scores = range(count).map(score);
  const order = range(count).sort((a, b) => scores[b] - scores[a]);
  const marked = new Array<boolean>(count).fill(false);
  for (const i of order.slice(0, howMany)) marked[i] = true;
  return marked;
}

/**
 * Relative sizes (median 1): exact lognormal quantiles, handed out in the order of a noisy score,
 * so rural shops and corner stores are smaller on average while the overall shape stays exact.
 */
function assignSizes(rng: Rng, count: number, score: (i: number) => number): number[] {
  const scores = range(count).map(score);
  const order = range(count).sort((a, b) => scores[a] - scores[b]);
  const sizes = new Array<number>(count).fill(1);
  order.forEach((customer, rank) => {
    sizes[customer] = Math.exp(SIZE_SIGMA * probit((rank + 0.5) / count));
  });
  return sizes;
}

/** Lapsed customers come from anywhere but the very top: losing a key account is its own story. */
function pickLapsed(rng: Rng, sizes: readonly number[], howMany: number): Set<number> {
  const bySize = range(sizes.length).sort((a, b) => sizes[b] - sizes[a]);
  const candidates = bySize.slice(Math.ceil(sizes.length * 0.05));
  return new Set(rng.shuffle(candidates).slice(0, howMany));
}

/** When a customer orders: most since before the window, a few joined lately, lapsed ones stopped in year one. */
function activePeriod(rng: Rng, window: Window, lapsed: boolean, fresh: boolean): { firstDay: number; lastDay: number } {
  const yearAgo = window.end - 365;
  if (lapsed) {
    // Last order well over a year ago, so "no order in the last year" is unambiguous.
    return { firstDay: window.start, lastDay: rng.int(window.start + 30, yearAgo - 15) };
  }
  if (fresh) return { firstDay: rng.int(window.end - 150, window.end - 20), lastDay: window.end };
  const joinedInWindow = rng.chance(0.1);
  return { firstDay: joinedInWindow ? rng.int(window.start + 30, yearAgo - 60) : window.start, lastDay: window.end };
}

interface Place {
  address: string;
  /** How the place appears in a shop name (杭州, 西湖, 千岛湖). */
  label: string;
  areaCode: string;
}

function pickPlace(rng: Rng, region: Region, urban: boolean): Place {
  const places = PLACES[region];
  return urban ? cityPlace(rng, rng.pick(places.cities)) : countyPlace(rng, rng.pick(places.counties));
}

function cityPlace(rng: Rng, city: City): Place {
  const district = rng.pick(city.districts);
  const address = `${city.province}${city.city}${district}${rng.pick(STREETS)}${rng.int(1, 999)}号`;
  const label = rng.chance(0.5) ? city.short : district.replace(/(新区|区)$/, '');
  return { address, label, areaCode: city.areaCode };
}

function countyPlace(rng: Rng, county: County): Place {
  const town = rng.pick(county.towns);
  const address = `${county.province}${county.city}${county.county}${town}${rng.pick(VILLAGES)}${rng.int(1, 12)}组`;
  return { address, label: town.replace(/镇$/, ''), areaCode: county.areaCode };
}

/** Surnames are far from uniform: favour the common ones at the front of the list. */
function pickSurname(rng: Rng): Syllable {
  return SURNAMES[Math.floor(SURNAMES.length * Math.pow(rng.next(), 1.8))];
}

/** Shop names: place + trade word + suffix (杭州鑫隆商贸有限公司), or the owner's (陈记面馆, 老王副食店). */
function shopName(rng: Rng, type: CustomerType, place: Place, owner: Syllable): string {
  const suffix = rng.pick(NAME_SUFFIXES[type]);
  const small = type === '零售' || type === '餐饮';
  if (small && rng.chance(0.3)) return rng.chance(0.5) ? `${owner.zh}记${suffix}` : `老${owner.zh}${suffix}`;
  return `${place.label}${rng.pick(TRADE_WORDS)}${suffix}`;
}

function uniqueName(rng: Rng, used: Set<string>, type: CustomerType, place: Place, owner: Syllable): string {
  let name = shopName(rng, type, place, owner);
  for (let tries = 0; used.has(name) && tries < 20; tries++) name = shopName(rng, type, place, owner);
  // A second shop of the same name does happen; the team tells them apart by a branch mark.
  for (let branch = 2; used.has(name); branch++) name = `${name.replace(/（\d+店）$/, '')}（${branch}店）`;
  used.add(name);
  return name;
}

const MOBILE_PREFIXES = ['130', '131', '135', '136', '137', '138', '139', '150', '151', '158', '159', '177', '186', '187', '188', '189', '199'];

/**
 * Fake phones: a mobile with a '0' leading the middle block (138-0xxx-xxxx), mostly written with
 * dashes, sometimes without; a few restaurants and supermarkets give a landline instead.
 */
function makePhone(rng: Rng, type: CustomerType, areaCode: string): string {
  if ((type === '餐饮' || type === '商超') && rng.chance(0.12)) {
    const digits = areaCode.length === 3 ? 8 : 7;
    return `${areaCode}-5${digitString(rng, digits - 1)}`;
  }
  const parts = [rng.pick(MOBILE_PREFIXES), '0' + digitString(rng, 3), digitString(rng, 4)];
  return rng.chance(0.15) ? parts.join('') : parts.join('-');
}

function digitString(rng: Rng, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += String(rng.int(0, 9));
  return s;
}

function makeWechat(rng: Rng, person: { surname: Syllable; given: Syllable }): string {
  return rng.chance(0.5) ? `wx_${person.surname.py}${person.given.py}` : `${person.given.py}${rng.int(60, 99)}${rng.int(10, 99)}`;
}

/** E-mail on the reserved example.com domain, so a demo invite can never reach a real inbox. */
function makeEmail(rng: Rng, person: { surname: Syllable; given: Syllable }): string {
  return `${person.surname.py}${person.given.py}${rng.int(1, 999)}@example.com`;
}

/** A rep mostly serves one region; about one customer in eight was handed to a rep from elsewhere. */
function pickRep(rng: Rng, region: Region): string {
  const home = REPS.filter((r) => r.region === region);
  return (rng.chance(0.12) ? rng.pick(REPS) : rng.pick(home)).code;
}

/** About two months of purchases on credit, in round thousands; cash-only customers get none. */
function creditLimit(annualSpend: number, terms: string): number {
  if (terms === '现款现货') return 0;
  return Math.max(5000, Math.round((annualSpend / 6) / 5000) * 5000);
}

/** Plainly fake: a run of zeros ending in the customer's number. */
function fakeBankAccount(n: number): string {
  return `0000 0000 0000 ${String(n).padStart(4, '0')}`;
}

function makeBirthday(rng: Rng): string {
  const start = parseDay('1960-01-01');
  const end = parseDay('1996-12-31');
  return formatDay(rng.int(start, end));
}

/** Most files were reviewed in the last year; some have not been looked at for longer (domain §6). */
function reviewDay(rng: Rng, window: Window, firstDay: number): number {
  const yearAgo = window.end - 365;
  const from = Math.max(firstDay, window.start);
  if (from < yearAgo - 1 && rng.chance(STALE_REVIEW_SHARE)) return rng.int(from, yearAgo - 1);
  return rng.int(Math.max(from, yearAgo + 1), window.end);
}

function makeNote(rng: Rng, lapsed: boolean, missing: CustomerPlan['missing']): string | null {
  if (lapsed && rng.chance(0.35)) return '已停业?';
  if (missing === 'phone' && rng.chance(0.6)) return '电话已换，待核实';
  if (missing === 'rep' && rng.chance(0.6)) return '原业务员离职，待分配';
  return rng.chance(0.15) ? rng.pick(NOTES) : null;
}

/** Orders per year: bigger customers order more often (but not proportionally more), with scatter. */
function orderRate(rng: Rng, type: CustomerType, size: number): number {
  const rate = 3.2 * Math.pow(size, 0.45) * TYPE_ORDER_RATE[type] * Math.exp(0.25 * rng.normal());
  return Math.min(52, Math.max(1, Math.round(rate)));
}

/** Small shops buy one or two lines, big accounts many: the cross-sell question of seed 002. */
function pickProducts(rng: Rng, type: CustomerType, size: number): string[] {
  const prefs = PRODUCT_PREFERENCES[type];
  const howMany = Math.min(prefs.length, Math.max(1, Math.round(1.5 + Math.log(size) + rng.normal())));
  const chosen: string[] = [];
  while (chosen.length < howMany) {
    const remaining = prefs.filter((p) => !chosen.includes(p));
    chosen.push(rng.weighted(remaining, remaining.map((_, k) => 1 / (k + 1))));
  }
  return chosen;
}

/** Customers over their credit limit: "a few", the ones the overCredit flag is for. */
const OVER_CREDIT_SHARE = 0.03;

/**
 * What each customer owes now (应收余额), in whole yuan: nothing for cash-only customers (no
 * credit), up to about 90% of the limit for most, and 110–160% of it for a few. Drawn from its
 * own stream, so the other columns stay as they were before the column existed.
 */
function outstandingBalances(rng: Rng, plans: readonly CustomerPlan[]): number[] {
  const onCredit = range(plans.length).filter((i) => plans[i].creditLimit > 0);
  const over = new Set(rng.shuffle(onCredit).slice(0, Math.max(1, Math.round(plans.length * OVER_CREDIT_SHARE))));
  return plans.map((c, i) => {
    if (c.creditLimit === 0) return 0;
    const share = over.has(i) ? 1.1 + 0.5 * rng.next() : rng.chance(0.3) ? 0 : 0.9 * rng.next();
    return Math.round((c.creditLimit * share) / 10) * 10;
  });
}

function customerRow(c: CustomerPlan, balance: number): Cell[] {
  return [
    c.code,
    c.name,
    c.type,
    c.region,
    c.urban ? '城市' : '农村',
    c.missing === 'address' ? null : c.address,
    c.contact.surname.zh + c.contact.given.zh,
    c.missing === 'phone' ? null : c.phone,
    c.wechat,
    c.email,
    c.missing === 'rep' ? null : c.rep,
    c.terms,
    c.creditLimit,
    balance,
    c.bankAccount,
    c.birthday,
    c.reviewed,
    c.note,
  ];
}

// ---------------------------------------------------------------------------------------------
// Orders

interface Order {
  day: number;
  code: string;
  amount: number;
  product: string;
  margin: number;
}

/** How many refunds per customer in the file: "a handful". */
const REFUNDS_PER_CUSTOMER = 1 / 30;

function orderRows(rng: Rng, plans: readonly CustomerPlan[], window: Window): Cell[][] {
  const orders = plans.flatMap((c) => customerOrders(rng, c, window));
  orders.push(...refunds(rng, plans, orders, window));
  // An order log is kept in date order; within a day, by customer code.
  orders.sort((a, b) => a.day - b.day || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return orders.map((o) => [o.code, formatDay(o.day), o.amount, o.product, o.margin]);
}

function customerOrders(rng: Rng, c: CustomerPlan, window: Window): Order[] {
  const days = orderDays(rng, c, window);
  const meanAmount = c.annualSpend / c.ordersPerYear;
  return days.map((day) => {
    const product = rng.weighted(c.products, c.products.map((_, k) => 1 / (k + 1)));
    // Order sizes scatter around the customer's mean; the -0.06 keeps the lognormal mean at 1.
    const amount = yuan(rng, Math.max(20, meanAmount * Math.exp(0.35 * rng.normal() - 0.06)));
    return { day, code: c.code, amount, product, margin: marginOf(rng, product, amount) };
  });
}

/**
 * Order days, uniform over the active period. An active customer is guaranteed an order in the
 * last year, so the only customers silent for a year are the planned lapsed ones.
 */
function orderDays(rng: Rng, c: CustomerPlan, window: Window): number[] {
  const span = c.lastDay - c.firstDay + 1;
  const howMany = Math.max(1, Math.round((c.ordersPerYear * span) / 365));
  const days = Array.from({ length: howMany }, () => rng.int(c.firstDay, c.lastDay));
  const yearAgo = window.end - 365;
  if (!c.lapsed && !days.some((d) => d > yearAgo)) {
    days[0] = rng.int(Math.max(c.firstDay, yearAgo + 1), c.lastDay);
  }
  return days;
}

/** Whole yuan, now and then a half (the way invoices round), never a cent. */
function yuan(rng: Rng, x: number): number {
  return rng.chance(0.2) ? Math.round(x * 2) / 2 : Math.round(x);
}

function marginOf(rng: Rng, product: string, amount: number): number {
  const rate = PRODUCTS.find((p) => p.name === product)?.margin ?? 0.1;
  const scattered = Math.max(0.01, rate * (1 + 0.15 * rng.normal()));
  return Math.round(amount * scattered * 100) / 100;
}

/**
 * A handful of returns, logged as negative orders a few days after the sale. Only for customers
 * still active, so a refund never makes a lapsed customer look as if it ordered last month.
 */
function refunds(rng: Rng, plans: readonly CustomerPlan[], orders: readonly Order[], window: Window): Order[] {
  const lapsed = new Set(plans.filter((c) => c.lapsed).map((c) => c.code));
  const eligible = orders.filter((o) => !lapsed.has(o.code) && o.day <= window.end - 10);
  const howMany = Math.min(eligible.length, Math.max(1, Math.round(plans.length * REFUNDS_PER_CUSTOMER)));
  return rng.shuffle(eligible).slice(0, howMany).map((o) => {
    const share = rng.chance(0.5) ? 1 : 0.5;
    return {
      day: o.day + rng.int(1, 10),
      code: o.code,
      amount: -Math.round(o.amount * share * 2) / 2,
      product: o.product,
      margin: -Math.round(o.margin * share * 100) / 100,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Contacts

type ContactType = '拜访' | '电话' | '投诉';

/** About one and a half contacts per customer over two years: "a few hundred rows". */
const CONTACTS_PER_CUSTOMER = 1.5;
/** Days a complaint may wait for its reply (domain §6: a first responder and a deadline). */
const COMPLAINT_DAYS = { min: 3, max: 7 };

function contactRows(rng: Rng, plans: readonly CustomerPlan[], window: Window): Cell[][] {
  // Big accounts get more attention (domain §5: A customers are visited most).
  const weights = plans.map((c) => Math.sqrt(c.annualSpend));
  const howMany = Math.round(plans.length * CONTACTS_PER_CUSTOMER);
  const rows: { day: number; row: Cell[] }[] = [];
  for (let k = 0; k < howMany; k++) rows.push(makeContact(rng, rng.weighted(plans, weights), window));
  // The reps' last try at a customer that went quiet: the reason the file says 已停业?
  for (const c of plans.filter((p) => p.lapsed && p.note === '已停业?')) {
    const day = rng.int(Math.min(c.lastDay + 30, window.end), window.end);
    rows.push({ day, row: [formatDay(day), c.code, '电话', c.rep, '电话无人接听，门店疑似关闭', null] });
  }
  rows.sort((a, b) => a.day - b.day);
  return rows.map((r) => r.row);
}

function makeContact(rng: Rng, c: CustomerPlan, window: Window): { day: number; row: Cell[] } {
  const type = rng.weighted<ContactType>(['拜访', '电话', '投诉'], [0.58, 0.35, 0.07]);
  // Contacts happen while the customer is active (and a little after its last order).
  const last = Math.min(window.end, c.lastDay + 20);
  if (type !== '投诉') {
    const day = rng.int(c.firstDay, last);
    const content = rng.pick(type === '拜访' ? VISIT_NOTES : CALL_NOTES);
    return { day, row: [formatDay(day), c.code, type, c.rep, content, null] };
  }
  // A complaint's deadline must not pass today, so it is dated at least a week back.
  const day = rng.int(c.firstDay, Math.max(c.firstDay, Math.min(last, window.end - COMPLAINT_DAYS.max)));
  const deadline = day + rng.int(COMPLAINT_DAYS.min, COMPLAINT_DAYS.max);
  return { day, row: [formatDay(day), c.code, type, c.rep, rng.pick(COMPLAINT_NOTES), formatDay(deadline)] };
}
