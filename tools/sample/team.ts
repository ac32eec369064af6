/**
 * A second sample file, kept the way a real East China sales team keeps theirs: a named team
 * (five reps, two sales managers, a marketing director and a general manager, all with e-mails)
 * in its own sheet, customers in Shanghai, Nanjing, Hangzhou, Suzhou and Wuxi with full
 * addresses (上海市浦东新区…, 江苏省南京市…, 浙江省杭州市…) and a 区域 cell on some rows only,
 * birthdays written the many ways people write them (solar dates, 10月12日, 农历八月十五,
 * 阴历1990年闰五月初八), two years of orders and a contact log in which managers, the director
 * and the general manager have visited too.
 *
 * Its "today" (2026-09-21, a Monday) puts the schedule's four weeks across 中秋 (25-27 Sep) and
 * National Day (1-7 Oct, with the make-up working Saturday 10 Oct), so the playground shows how
 * the plan treats public holidays, make-up days and lunar birthdays. `npm start -- --sample team`
 * opens it.
 *
 * Headers and sheet names differ from the first sample's on purpose (客户编号, 业务员, 下单日期;
 * 客户档案, 销售订单), so nothing depends on that layout. Deterministic (a seeded PRNG, `today` is an
 * input); all people, phones and e-mails are invented (example.com).
 */
import { chinaPublicDaysBetween } from '../../src/core/workdays';
import { formatDay, parseDay, Rng, type Cell, type SheetRows } from './generate';
import { CALL_NOTES, CUSTOMER_TYPES, GIVEN_NAMES, NAME_SUFFIXES, NOTES, PRODUCTS, SURNAMES, TRADE_WORDS, VISIT_NOTES, type CustomerType } from './names';

export const TEAM_FILE_TODAY = '2026-09-21';
export const TEAM_FILE_CUSTOMERS = 80;
export const TEAM_FILE_SEED = 1;

export const TEAM_FILE_SHEETS = { customers: '客户档案', orders: '销售订单', contacts: '联系记录', team: '销售团队' } as const;

export const TEAM_FILE_CUSTOMER_HEADERS = ['客户编号', '客户名称', '客户类型', '区域', '地址', '联系人', '手机', '业务员', '生日', '备注'] as const;
export const TEAM_FILE_ORDER_HEADERS = ['下单日期', '客户编号', '产品', '金额', '毛利'] as const;
export const TEAM_FILE_CONTACT_HEADERS = ['日期', '客户编号', '方式', '人员', '内容'] as const;
export const TEAM_FILE_TEAM_HEADERS = ['代码', '姓名', '角色', '邮箱', '区域'] as const;

type RoleWord = '销售员' | '销售经理' | '营销总监' | '总经理';

export interface TeamFileMember {
  code: string;
  name: string;
  role: RoleWord;
  email: string;
  /** The region the person covers ('' = everywhere not covered by someone else). */
  region: string;
}

/** The team (invented people; e-mails on the reserved example.com domain). */
export const TEAM_FILE_TEAM: readonly TeamFileMember[] = [
  { code: 'S11', name: '刘洋', role: '销售员', email: 'liu.yang@example.com', region: '上海' },
  { code: 'S12', name: '王芳', role: '销售员', email: 'wang.fang@example.com', region: '上海' },
  { code: 'S13', name: '张伟', role: '销售员', email: 'zhang.wei@example.com', region: '南京' },
  { code: 'S14', name: '李静', role: '销售员', email: 'li.jing@example.com', region: '杭州' },
  { code: 'S15', name: '杨帆', role: '销售员', email: 'yang.fan@example.com', region: '苏南' },
  // The Shanghai manager covers the rows whose 区域 says 上海; the other manager everything else.
  { code: 'M11', name: '赵丽', role: '销售经理', email: 'zhao.li@example.com', region: '上海' },
  { code: 'M12', name: '钱进', role: '销售经理', email: 'qian.jin@example.com', region: '' },
  { code: 'D11', name: '孙海涛', role: '营销总监', email: 'sun.haitao@example.com', region: '' },
  { code: 'G11', name: '周建平', role: '总经理', email: 'zhou.jianping@example.com', region: '' },
];

/** A rep's patch: a city, its districts and streets, and what the team writes in 区域 for it. */
interface Territory {
  rep: string;
  province: string;
  city: string;
  districts: readonly string[];
  streets: readonly string[];
  /** The 区域 cell of the n-th customer of the territory ('' = left blank). */
  region: (n: number) => string;
}

const TERRITORIES: readonly Territory[] = [
  { rep: 'S11', province: '', city: '上海市', districts: ['浦东新区', '静安区'], streets: ['张杨路', '世纪大道', '东方路', '南京西路', '江宁路'], region: () => '上海' },
  { rep: 'S12', province: '', city: '上海市', districts: ['徐汇区', '闵行区'], streets: ['漕溪北路', '肇嘉浜路', '七莘路', '虹井路'], region: () => '上海' },
  { rep: 'S13', province: '江苏省', city: '南京市', districts: ['鼓楼区', '玄武区', '江宁区'], streets: ['中山北路', '珠江路', '双龙大道', '湖南路'], region: () => '' },
  { rep: 'S14', province: '浙江省', city: '杭州市', districts: ['西湖区', '拱墅区', '滨江区'], streets: ['文三路', '莫干山路', '江南大道', '教工路'], region: () => '' },
  { rep: 'S15', province: '江苏省', city: '苏州市', districts: ['姑苏区', '工业园区', '吴中区'], streets: ['人民路', '干将路', '星湖街'], region: (n) => (n % 2 === 0 ? '苏南' : '') },
  { rep: 'S15', province: '江苏省', city: '无锡市', districts: ['梁溪区', '新吴区', '滨湖区'], streets: ['中山路', '解放南路', '长江路'], region: (n) => (n % 2 === 1 ? '苏南' : '') },
];

/** Which territory the i-th customer is in: every rep gets two of every ten customers. */
const TERRITORY_CYCLE = [0, 1, 2, 3, 4, 0, 1, 2, 3, 5];

/**
 * Birthdays every file of this kind has (customer index → cell), so the plan always meets a
 * lunar birthday on a public holiday (农历八月十五 = 中秋, 25 Sep 2026), one in a leap month, one
 * on National Day and one on a Sunday (重阳, 18 Oct 2026).
 */
export const TEAM_FILE_BIRTHDAYS: Readonly<Record<number, string>> = {
  0: '农历八月十五',
  1: '阴历1990年闰五月初八',
  2: '1982-10-01',
  3: '农历1985年九月初九',
  4: '10月12日',
  5: '农历腊月初八',
  6: '阴历正月十六',
};

const LUNAR_MONTHS = ['正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊'];
const LUNAR_DAYS = [
  '初一', '初二', '初三', '初四', '初五', '初六', '初七', '初八', '初九', '初十',
  '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十',
  '廿一', '廿二', '廿三', '廿四', '廿五', '廿六', '廿七', '廿八', '廿九',
];

export interface TeamFileOptions {
  seed?: number;
  customers?: number;
  today?: string;
}

export interface TeamFile {
  today: string;
  /** Sheet name → rows (row 0 holds the headers), in tab order. Dates are 'YYYY-MM-DD' text. */
  sheets: Record<string, SheetRows>;
}

interface Plan {
  id: string;
  territory: Territory;
  rep: TeamFileMember;
  /** Relative size of the customer's business (Pareto-shaped over the file). */
  size: number;
  /** First and last day the customer orders. */
  firstDay: number;
  lastDay: number;
  type: CustomerType;
}

function memberByCode(code: string): TeamFileMember {
  const m = TEAM_FILE_TEAM.find((p) => p.code === code);
  if (!m) throw new Error(`no team member ${code}`);
  return m;
}

const byRole = (role: RoleWord) => TEAM_FILE_TEAM.filter((m) => m.role === role);

export function generateTeamFile(options: TeamFileOptions = {}): TeamFile {
  const seed = options.seed ?? TEAM_FILE_SEED;
  const count = options.customers ?? TEAM_FILE_CUSTOMERS;
  const today = options.today ?? TEAM_FILE_TODAY;
  if (!Number.isInteger(count) || count < 10) throw new RangeError(`customers must be a whole number of at least 10, got ${count}`);
  const end = parseDay(today);

  const rng = new Rng(seed, 'team-customers');
  const plans = planCustomers(rng, count, end);
  const customers: SheetRows = [[...TEAM_FILE_CUSTOMER_HEADERS], ...customerRows(new Rng(seed, 'team-cells'), plans)];
  const orders: SheetRows = [[...TEAM_FILE_ORDER_HEADERS], ...orderRows(new Rng(seed, 'team-orders'), plans)];
  const contacts: SheetRows = [[...TEAM_FILE_CONTACT_HEADERS], ...contactRows(new Rng(seed, 'team-contacts'), plans, end)];
  const team: SheetRows = [[...TEAM_FILE_TEAM_HEADERS], ...TEAM_FILE_TEAM.map((m) => [m.code, m.name, m.role, m.email, m.region])];
  return {
    today,
    sheets: {
      [TEAM_FILE_SHEETS.customers]: customers,
      [TEAM_FILE_SHEETS.orders]: orders,
      [TEAM_FILE_SHEETS.contacts]: contacts,
      [TEAM_FILE_SHEETS.team]: team,
    },
  };
}

function planCustomers(rng: Rng, count: number, end: number): Plan[] {
  // Sizes on a lognormal spread, so a fifth of the customers make most of the sales.
  const sizes = Array.from({ length: count }, () => Math.exp(1.2 * rng.normal()));
  const plans: Plan[] = [];
  for (let i = 0; i < count; i++) {
    const territory = TERRITORIES[TERRITORY_CYCLE[i % TERRITORY_CYCLE.length]];
    // About one in sixteen stopped ordering over a year ago; about one in ten is new this year.
    const lapsed = i % 16 === 9;
    const fresh = !lapsed && i % 10 === 7;
    const lastDay = lapsed ? end - rng.int(380, 560) : end - rng.int(1, 20);
    const firstDay = fresh ? end - rng.int(60, 150) : end - 730 + rng.int(0, 60);
    plans.push({
      id: `KH${1001 + i}`,
      territory,
      rep: memberByCode(territory.rep),
      size: sizes[i],
      firstDay: Math.min(firstDay, lastDay),
      lastDay,
      type: rng.weighted(CUSTOMER_TYPES, [3, 4, 2, 1]),
    });
  }
  return plans;
}

function customerRows(rng: Rng, plans: readonly Plan[]): Cell[][] {
  const used = new Set<string>();
  const perTerritory = new Map<Territory, number>();
  return plans.map((c, i) => {
    const n = perTerritory.get(c.territory) ?? 0;
    perTerritory.set(c.territory, n + 1);
    const t = c.territory;
    const district = t.districts[n % t.districts.length];
    const address = `${t.province}${t.city}${district}${rng.pick(t.streets)}${rng.int(1, 999)}号`;
    let name = '';
    for (let k = 0; name === '' || used.has(name); k++) {
      name = `${district.replace(/(新区|区)$/, '')}${rng.pick(TRADE_WORDS)}${rng.pick(NAME_SUFFIXES[c.type])}${k > 3 ? `（${k}店）` : ''}`;
    }
    used.add(name);
    let contact = '';
    // A customer's contact person is never named like someone of the team (a reader would mix them up).
    while (contact === '' || TEAM_FILE_TEAM.some((m) => m.name === contact)) contact = `${rng.pick(SURNAMES.slice(0, 20)).zh}${rng.pick(GIVEN_NAMES).zh}`;
    const phone = `1${rng.pick(['35', '38', '39', '58', '86', '88'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
    // Most rows name the rep; a few carry the rep's code, as old rows do.
    const rep = i % 23 === 11 ? c.rep.code : c.rep.name;
    return [c.id, name, c.type, t.region(n), address, contact, phone, rep, birthdayOf(rng, i), rng.chance(0.15) ? rng.pick(NOTES) : null];
  });
}

function birthdayOf(rng: Rng, i: number): Cell {
  if (i in TEAM_FILE_BIRTHDAYS) return TEAM_FILE_BIRTHDAYS[i];
  const r = rng.next();
  if (r < 0.3) return formatDay(parseDay('1960-01-01') + rng.int(0, 13_000));
  if (r < 0.42) return `农历${LUNAR_MONTHS[rng.int(0, 11)]}月${LUNAR_DAYS[rng.int(0, 28)]}`;
  return null;
}

function orderRows(rng: Rng, plans: readonly Plan[]): Cell[][] {
  const rows: { day: number; row: Cell[] }[] = [];
  for (const c of plans) {
    // Bigger customers order more often: from about once in two months to twice a week.
    const perMonth = Math.min(8, 0.5 + 1.5 * c.size);
    const gap = 30 / perMonth;
    for (let day = c.lastDay; day >= c.firstDay; day -= Math.max(1, Math.round(gap * (0.5 + rng.next())))) {
      const product = rng.pick(PRODUCTS);
      const amount = Math.max(50, Math.round((800 * c.size * (0.6 + 0.8 * rng.next())) / 10) * 10);
      rows.push({ day, row: [formatDay(day), c.id, product.name, amount, Math.round(amount * product.margin * (0.8 + 0.4 * rng.next()))] });
    }
  }
  rows.sort((a, b) => a.day - b.day);
  return rows.map((r) => r.row);
}

/** Whether people work on a day: Monday to Friday, China's public holidays off and its make-up days on. */
function workingDayTest(from: number, to: number): (day: number) => boolean {
  const special = new Map(chinaPublicDaysBetween(from, to).map((d) => [d.day, d.kind === 'workday']));
  // Day 0 (1970-01-01) was a Thursday: ISO weekday 4.
  return (day) => special.get(day) ?? ((((day + 3) % 7) + 7) % 7) < 5;
}

function contactRows(rng: Rng, plans: readonly Plan[], end: number): Cell[][] {
  const rows: { day: number; row: Cell[] }[] = [];
  const working = workingDayTest(end - 800, end);
  const add = (target: number, c: Plan, kind: string, person: string, note: string) => {
    // Contacts happen on working days: the one on or before the day drawn.
    let day = target;
    while (!working(day)) day--;
    if (day <= end && day >= c.firstDay) rows.push({ day, row: [formatDay(day), c.id, kind, person, note] });
  };
  const ranked = [...plans].sort((a, b) => b.size - a.size);
  const rank = new Map(ranked.map((c, i) => [c, i / plans.length]));
  const managers = byRole('销售经理');
  const director = byRole('营销总监')[0];
  const gm = byRole('总经理')[0];
  for (const c of plans) {
    const top = rank.get(c)!;
    const until = Math.min(end, c.lastDay + 30);
    // The rep: a visit every two to seven weeks over the last eight months, a call between some.
    const every = top < 0.2 ? 14 : top < 0.5 ? 28 : 49;
    for (let day = until - rng.int(1, every); day > end - 240; day -= every + rng.int(-4, 4)) {
      add(day, c, '拜访', c.rep.name, rng.pick(VISIT_NOTES));
      if (rng.chance(0.6)) add(day - rng.int(5, 10), c, '电话', c.rep.name, rng.pick(CALL_NOTES));
    }
    // Seniors visit the bigger customers now and then: a manager (the Shanghai one for rows marked 上海).
    const manager = c.territory.region(0) === '上海' ? managers[0] : managers[1];
    if (top < 0.4) add(until - rng.int(20, 120), c, '拜访', manager.name, '陪同经理拜访老板');
    if (top < 0.15) add(end - rng.int(120, 270), c, '拜访', director.name, '洽谈年度返利');
    if (top < 0.04) add(end - rng.int(240, 330), c, '拜访', gm.name, '年度合作洽谈');
  }
  // One complaint still open, as a real log has.
  const complained = plans[Math.min(8, plans.length - 1)];
  add(end - 3, complained, '投诉', complained.rep.name, '送货延迟两天');
  rows.sort((a, b) => a.day - b.day);
  return rows.map((r) => r.row);
}
