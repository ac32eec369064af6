/**
 * The sample workbook must look like a real team's file and keep the properties the add-on's
 * features and demos rely on (domain.md §1, §3, §6), for the default seed and for others.
 */
import { teamFromSheet } from '../src/core/automation/teamImport';
import { DayClock, daysFromCivil } from '../src/core/dates';
import { areaOf } from '../src/core/schedule/area';
import { detectTables } from '../src/core/tables/detect';
import { readCustomers } from '../src/core/tables/records';
import { chinaPublicDaysBetween, lunarBirthdaysBetween, parseLunarBirthday } from '../src/core/workdays';
import { generateSampleWorkbook, REPS, type Cell, type SampleWorkbook, type SheetRows } from '../tools/sample/generate';
import { generateTeamFile, TEAM_FILE_CUSTOMERS, TEAM_FILE_SHEETS } from '../tools/sample/team';

const DAY_MS = 86_400_000;

/** Day number of a 'YYYY-MM-DD' string, or NaN unless it is a real calendar date. */
function dayOf(v: Cell): number {
  if (typeof v !== 'string') return NaN;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return NaN;
  return date.getTime() / DAY_MS;
}

/** The first day of "the two years before today", by the calendar. */
function twoYearsBefore(today: string): number {
  const [y, m, d] = today.split('-').map(Number);
  return Date.UTC(y - 2, m - 1, d) / DAY_MS;
}

/** Rows of a sheet as objects keyed by header, the way the add-on finds columns by name. */
function records(sheet: SheetRows): Record<string, Cell>[] {
  const [headers, ...rows] = sheet;
  return rows.map((row) => Object.fromEntries(headers.map((h, i) => [String(h), row[i]])));
}

function isBlank(v: Cell | undefined): boolean {
  return v === null || v === undefined || v === '';
}

/** Sum of order amounts per customer code (refunds included), every customer present. */
function totalsByCustomer(wb: SampleWorkbook): Map<string, number> {
  const totals = new Map<string, number>();
  for (const c of records(wb.sheets.Customers)) totals.set(String(c['客户代码']), 0);
  for (const o of records(wb.sheets.Orders)) {
    const code = String(o['客户代码']);
    totals.set(code, (totals.get(code) ?? 0) + Number(o['金额']));
  }
  return totals;
}

function topFifthShare(wb: SampleWorkbook): number {
  const values = [...totalsByCustomer(wb).values()].sort((a, b) => b - a);
  const total = values.reduce((a, b) => a + b, 0);
  const top = values.slice(0, Math.ceil(values.length * 0.2)).reduce((a, b) => a + b, 0);
  return top / total;
}

/** Customers without a (positive) order in the last 365 days. */
function lapsedCodes(wb: SampleWorkbook): Set<string> {
  const yearAgo = dayOf(wb.today) - 365;
  const recent = new Set(
    records(wb.sheets.Orders)
      .filter((o) => Number(o['金额']) > 0 && dayOf(o['订单日期']) > yearAgo)
      .map((o) => String(o['客户代码'])),
  );
  return new Set(records(wb.sheets.Customers).map((c) => String(c['客户代码'])).filter((code) => !recent.has(code)));
}

const wb = generateSampleWorkbook();
const customers = records(wb.sheets.Customers);
const orders = records(wb.sheets.Orders);
const contacts = records(wb.sheets.Contacts);

describe('determinism', () => {
  it('gives the same workbook for the same options', () => {
    expect(generateSampleWorkbook()).toEqual(wb);
    expect(generateSampleWorkbook({ seed: 7, customers: 40 })).toEqual(generateSampleWorkbook({ seed: 7, customers: 40 }));
  });

  it('gives a different workbook for a different seed', () => {
    expect(generateSampleWorkbook({ seed: 2 })).not.toEqual(wb);
  });

  it('never calls Math.random', () => {
    const spy = jest.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random called');
    });
    try {
      expect(() => generateSampleWorkbook({ seed: 3, customers: 30 })).not.toThrow();
    } finally {
      spy.mockRestore();
    }
  });

  it('defaults today to 2026-11-20 and honours another today', () => {
    expect(wb.today).toBe('2026-11-20');
    const other = generateSampleWorkbook({ today: '2024-03-01', customers: 50 });
    expect(other.today).toBe('2024-03-01');
    const last = records(other.sheets.Orders).map((o) => dayOf(o['订单日期']));
    expect(Math.max(...last)).toBeLessThanOrEqual(dayOf('2024-03-01'));
  });

  it('rejects a today that is not a calendar date, and a bad customer count', () => {
    expect(() => generateSampleWorkbook({ today: '2026-02-30' })).toThrow(RangeError);
    expect(() => generateSampleWorkbook({ today: '20.11.2026' })).toThrow(RangeError);
    expect(() => generateSampleWorkbook({ customers: 0 })).toThrow(RangeError);
  });
});

describe('headers', () => {
  it('has the customer file columns, in a non-canonical order, plus one the add-on does not know', () => {
    const headers = wb.sheets.Customers[0];
    expect(new Set(headers)).toEqual(
      new Set([
        '客户代码', '名称', '客户类型', '联系人', '电话号码', '邮箱', '地址', '区域', '城乡', '对口销售员码',
        '销售限额', '应收余额', '付款条款', '银行账号', '生日', '最近审核日期', '备注', '微信号',
      ]),
    );
    expect(headers.indexOf('区域')).toBeLessThan(headers.indexOf('联系人'));
  });

  it('has the order and contact columns', () => {
    expect(wb.sheets.Orders[0]).toEqual(['客户代码', '订单日期', '金额', '产品', '毛利']);
    expect(wb.sheets.Contacts[0]).toEqual(['日期', '客户代码', '类型', '销售员', '内容', '跟进期限']);
  });

  it('keeps every row as wide as its header row', () => {
    for (const sheet of Object.values(wb.sheets)) {
      for (const row of sheet) expect(row).toHaveLength(sheet[0].length);
    }
  });
});

describe('customers', () => {
  it('has 300 customers with unique codes like KH0001 and unique names', () => {
    expect(customers).toHaveLength(300);
    const codes = customers.map((c) => c['客户代码']);
    expect(new Set(codes).size).toBe(300);
    for (const code of codes) expect(code).toMatch(/^KH\d{4}$/);
    expect(new Set(customers.map((c) => c['名称'])).size).toBe(300);
  });

  it('uses the team vocabulary for type, region, urban-rural and reps', () => {
    for (const c of customers) {
      expect(['批发', '零售', '餐饮', '商超']).toContain(c['客户类型']);
      expect(['华东', '华南', '华北', '西南']).toContain(c['区域']);
      expect(['城市', '农村']).toContain(c['城乡']);
      if (!isBlank(c['对口销售员码'])) expect(c['对口销售员码']).toMatch(/^S0[1-6]$/);
    }
  });

  it('lets each rep work mostly in one region', () => {
    const byRep = new Map<string, Map<string, number>>();
    for (const c of customers) {
      if (isBlank(c['对口销售员码'])) continue;
      const regions = byRep.get(String(c['对口销售员码'])) ?? new Map<string, number>();
      regions.set(String(c['区域']), (regions.get(String(c['区域'])) ?? 0) + 1);
      byRep.set(String(c['对口销售员码']), regions);
    }
    expect(byRep.size).toBeGreaterThanOrEqual(5);
    for (const regions of byRep.values()) {
      const counts = [...regions.values()];
      expect(Math.max(...counts) / counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0.7);
    }
  });

  it('has both 城市 and 农村, with about 60% urban', () => {
    const urban = customers.filter((c) => c['城乡'] === '城市').length / customers.length;
    expect(customers.some((c) => c['城乡'] === '农村')).toBe(true);
    expect(urban).toBeGreaterThanOrEqual(0.5);
    expect(urban).toBeLessThanOrEqual(0.7);
  });

  it('has 2-10% incomplete records (missing phone, address or salesperson)', () => {
    const incomplete = customers.filter((c) => isBlank(c['电话号码']) || isBlank(c['地址']) || isBlank(c['对口销售员码']));
    const share = incomplete.length / customers.length;
    expect(share).toBeGreaterThanOrEqual(0.02);
    expect(share).toBeLessThanOrEqual(0.1);
  });

  it('has some records not reviewed for over a year', () => {
    const yearAgo = dayOf(wb.today) - 365;
    const stale = customers.filter((c) => dayOf(c['最近审核日期']) < yearAgo).length;
    expect(stale).toBeGreaterThan(0);
    expect(stale).toBeLessThan(customers.length * 0.3);
  });

  it('uses only fake contact details', () => {
    for (const c of customers) {
      if (!isBlank(c['电话号码'])) expect(c['电话号码']).toMatch(/^(1\d{2}-?0\d{3}-?\d{4}|0\d{2,3}-5\d{6,7})$/);
      if (!isBlank(c['邮箱'])) expect(c['邮箱']).toMatch(/@example\.com$/);
      if (!isBlank(c['银行账号'])) expect(c['银行账号']).toMatch(/^0000 0000 0000 \d{4}$/);
    }
  });

  it('has valid birthdays in the past and review dates within the two years', () => {
    const start = twoYearsBefore(wb.today);
    const end = dayOf(wb.today);
    for (const c of customers) {
      if (!isBlank(c['生日'])) expect(dayOf(c['生日'])).toBeLessThan(end);
      const reviewed = dayOf(c['最近审核日期']);
      expect(reviewed).toBeGreaterThanOrEqual(start);
      expect(reviewed).toBeLessThanOrEqual(end);
    }
  });
});

describe('outstanding balances', () => {
  it('owes nothing without credit, and whole tens of yuan otherwise', () => {
    for (const c of customers) {
      const balance = c['应收余额'];
      expect(typeof balance).toBe('number');
      expect(Number(balance)).toBeGreaterThanOrEqual(0);
      expect(Number(balance) % 10).toBe(0);
      if (c['销售限额'] === 0) expect(balance).toBe(0);
    }
  });

  it('has a few customers over their credit limit (1-6%), each clearly over', () => {
    const over = customers.filter((c) => Number(c['应收余额']) > Number(c['销售限额']));
    expect(over.length / customers.length).toBeGreaterThanOrEqual(0.01);
    expect(over.length / customers.length).toBeLessThanOrEqual(0.06);
    for (const c of over) expect(Number(c['应收余额'])).toBeGreaterThanOrEqual(1.1 * Number(c['销售限额']) - 10);
    for (const seed of [2, 42]) {
      const other = records(generateSampleWorkbook({ seed }).sheets.Customers);
      expect(other.some((c) => Number(c['应收余额']) > Number(c['销售限额']))).toBe(true);
    }
  });
});

describe('team list', () => {
  const team = records(wb.team);

  it('has the team columns and one row per person, with unique codes and example.com e-mails', () => {
    expect(wb.team[0]).toEqual(['代码', '姓名', '角色', '邮箱', '区域']);
    expect(new Set(team.map((p) => p['代码'])).size).toBe(team.length);
    expect(new Set(team.map((p) => p['邮箱'])).size).toBe(team.length);
    for (const p of team) {
      expect(p['邮箱']).toMatch(/^[a-z]+\.[a-z]+@example\.com$/);
      expect(String(p['姓名'])).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
    }
  });

  it('lists every rep the customers name, in the rep\'s region, a sales manager per region, a director and a general manager', () => {
    const reps = team.filter((p) => p['角色'] === '销售员');
    expect(reps.map((p) => p['代码'])).toEqual(REPS.map((r) => r.code));
    for (const r of REPS) expect(reps.find((p) => p['代码'] === r.code)?.['区域']).toBe(r.region);
    const named = new Set(customers.map((c) => c['对口销售员码']).filter((r) => !isBlank(r)));
    for (const code of named) expect(reps.some((p) => p['代码'] === code)).toBe(true);
    const managers = team.filter((p) => p['角色'] === '销售经理').map((p) => p['区域']);
    expect(new Set(managers)).toEqual(new Set(customers.map((c) => c['区域'])));
    expect(team.filter((p) => p['角色'] === '营销总监')).toHaveLength(1);
    expect(team.filter((p) => p['角色'] === '总经理')).toHaveLength(1);
  });

  it('is read by the add-on as a team (roles, codes, e-mails, regions)', () => {
    const found = teamFromSheet(wb.team);
    expect(found).toHaveLength(team.length);
    expect(found!.filter((m) => m.role === 'rep').map((m) => m.code)).toEqual(REPS.map((r) => r.code));
    expect(new Set(found!.map((m) => m.role))).toEqual(new Set(['rep', 'manager', 'director', 'gm']));
    expect(found!.every((m) => m.email.endsWith('@example.com'))).toBe(true);
  });

  it('is the same for every seed', () => {
    expect(generateSampleWorkbook({ seed: 9, customers: 20 }).team).toEqual(wb.team);
  });
});

describe('orders', () => {
  it('has a few thousand rows, each for a known customer', () => {
    expect(orders.length).toBeGreaterThan(1500);
    expect(orders.length).toBeLessThan(6000);
    const codes = new Set(customers.map((c) => c['客户代码']));
    for (const o of orders) expect(codes.has(o['客户代码'])).toBe(true);
  });

  it('dates every order within the two years before today, in date order', () => {
    const start = twoYearsBefore(wb.today);
    const end = dayOf(wb.today);
    let previous = -Infinity;
    for (const o of orders) {
      const day = dayOf(o['订单日期']);
      expect(day).toBeGreaterThanOrEqual(start);
      expect(day).toBeLessThanOrEqual(end);
      expect(day).toBeGreaterThanOrEqual(previous);
      previous = day;
    }
  });

  it('has amounts in whole yuan or halves, margins as numbers, and at least one refund', () => {
    for (const o of orders) {
      expect(Number.isInteger(Number(o['金额']) * 2)).toBe(true);
      expect(typeof o['毛利']).toBe('number');
      expect(typeof o['产品']).toBe('string');
    }
    expect(orders.some((o) => Number(o['金额']) < 0)).toBe(true);
  });

  it('is Pareto-shaped: the top 20% of customers bring 70-90% of the amount', () => {
    expect(topFifthShare(wb)).toBeGreaterThanOrEqual(0.7);
    expect(topFifthShare(wb)).toBeLessThanOrEqual(0.9);
    for (const seed of [2, 3, 42, 1234]) {
      const share = topFifthShare(generateSampleWorkbook({ seed }));
      expect(share).toBeGreaterThanOrEqual(0.7);
      expect(share).toBeLessThanOrEqual(0.9);
    }
  });

  it('has rural customers smaller on average', () => {
    const totals = totalsByCustomer(wb);
    const mean = (place: string) => {
      const group = customers.filter((c) => c['城乡'] === place);
      return group.reduce((sum, c) => sum + (totals.get(String(c['客户代码'])) ?? 0), 0) / group.length;
    };
    expect(mean('农村')).toBeLessThan(mean('城市'));
  });

  it('has 3-10% lapsed customers, whose orders all fall in the first year', () => {
    const lapsed = lapsedCodes(wb);
    const share = lapsed.size / customers.length;
    expect(share).toBeGreaterThanOrEqual(0.03);
    expect(share).toBeLessThanOrEqual(0.1);
    const yearAgo = dayOf(wb.today) - 365;
    for (const o of orders) if (lapsed.has(String(o['客户代码']))) expect(dayOf(o['订单日期'])).toBeLessThanOrEqual(yearAgo);
  });

  it('marks a few lapsed customers 已停业? and no active one', () => {
    const lapsed = lapsedCodes(wb);
    const flagged = customers.filter((c) => c['备注'] === '已停业?').map((c) => String(c['客户代码']));
    expect(flagged.length).toBeGreaterThan(0);
    for (const code of flagged) expect(lapsed.has(code)).toBe(true);
  });
});

describe('contacts', () => {
  it('has a few hundred rows for known customers, dated within the two years, in date order', () => {
    expect(contacts.length).toBeGreaterThanOrEqual(200);
    expect(contacts.length).toBeLessThan(1000);
    const codes = new Set(customers.map((c) => c['客户代码']));
    const start = twoYearsBefore(wb.today);
    const end = dayOf(wb.today);
    let previous = -Infinity;
    for (const c of contacts) {
      expect(codes.has(c['客户代码'])).toBe(true);
      const day = dayOf(c['日期']);
      expect(day).toBeGreaterThanOrEqual(Math.max(start, previous));
      expect(day).toBeLessThanOrEqual(end);
      previous = day;
    }
  });

  it('gives complaints a follow-up deadline on or before today, and others none', () => {
    const end = dayOf(wb.today);
    expect(new Set(contacts.map((c) => c['类型']))).toEqual(new Set(['拜访', '电话', '投诉']));
    for (const c of contacts) {
      if (c['类型'] === '投诉') {
        const deadline = dayOf(c['跟进期限']);
        expect(deadline).toBeGreaterThan(dayOf(c['日期']));
        expect(deadline).toBeLessThanOrEqual(end);
      } else {
        expect(isBlank(c['跟进期限'])).toBe(true);
      }
    }
  });

  it('uses only salesperson codes that appear among the customers’ reps', () => {
    const reps = new Set(customers.map((c) => c['对口销售员码']).filter((r) => !isBlank(r)));
    for (const c of contacts) expect(reps.has(c['销售员'])).toBe(true);
  });
});

describe('other sizes', () => {
  it('keeps its invariants for a small and a large file', () => {
    for (const count of [10, 1000]) {
      const other = generateSampleWorkbook({ seed: 5, customers: count });
      expect(other.sheets.Customers).toHaveLength(count + 1);
      const codes = new Set(records(other.sheets.Customers).map((c) => c['客户代码']));
      for (const o of records(other.sheets.Orders)) expect(codes.has(o['客户代码'])).toBe(true);
      for (const c of records(other.sheets.Contacts)) expect(codes.has(c['客户代码'])).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The second sample, a named East China team (tools/sample/team.ts, `npm start -- --sample team`)

describe('the team sample file', () => {
  const file = generateTeamFile();
  const sheet = (name: string) => file.sheets[name];
  const clock = new DayClock(() => 480);
  const found = detectTables(Object.entries(file.sheets).filter(([n]) => n !== TEAM_FILE_SHEETS.team).map(([name, rows]) => ({ name, top: rows.slice(0, 5) })));
  const teamList = teamFromSheet(sheet(TEAM_FILE_SHEETS.team))!;
  const rowsOf = (name: string) => sheet(name).slice(found.customers.headerRow - 1);
  const read = readCustomers(rowsOf(TEAM_FILE_SHEETS.customers), found.customers, clock);
  const people = records(sheet(TEAM_FILE_SHEETS.customers));
  const logged = records(sheet(TEAM_FILE_SHEETS.contacts));
  const today = dayOf(file.today);

  it('is the same file for the same options, another for another seed', () => {
    expect(generateTeamFile()).toEqual(file);
    expect(generateTeamFile({ seed: 2 })).not.toEqual(file);
    expect(Object.keys(file.sheets)).toEqual(['客户档案', '销售订单', '联系记录', '销售团队']);
  });

  it('keeps a team list the add-on takes as the Team table: named reps, two managers, a director and a general manager, each with an e-mail', () => {
    const count = (role: string) => teamList.filter((m) => m.role === role).length;
    expect([count('rep'), count('manager'), count('director'), count('gm')]).toEqual([5, 2, 1, 1]);
    for (const m of teamList) {
      expect(m.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      expect(m.email).toMatch(/^[a-z.]+@example\.com$/);
    }
  });

  it('is found and read by the add-on as its three tables, every customer row without a problem', () => {
    expect([found.customers.sheet, found.orders.sheet, found.contacts?.sheet]).toEqual(['客户档案', '销售订单', '联系记录']);
    for (const f of ['address', 'region', 'rep', 'birthday', 'phone', 'contact'] as const) expect([f, found.customers.columns[f] !== undefined]).toEqual([f, true]);
    expect(read.records).toHaveLength(TEAM_FILE_CUSTOMERS);
    expect(read.problems).toEqual([]);
  });

  it('names each customer’s rep as the Team table does (by name, a few by code)', () => {
    const reps = teamList.filter((m) => m.role === 'rep');
    const cells = people.map((c) => String(c['业务员']));
    for (const v of cells) expect(reps.some((m) => m.name === v || m.code === v)).toBe(true);
    expect(cells.some((v) => /^S\d+$/.test(v))).toBe(true);
    for (const m of reps) expect(cells.filter((v) => v === m.name || v === m.code).length).toBeGreaterThanOrEqual(TEAM_FILE_CUSTOMERS / 6);
  });

  it('has customers in several cities, with full addresses and a 区域 cell on some rows only', () => {
    const areas = new Set(people.map((c) => areaOf(String(c['区域'] ?? ''), String(c['地址']))));
    const cities = new Set(people.map((c) => /^(?:.{2}省)?(.{2}市)/.exec(String(c['地址']))?.[1]));
    expect(cities).toEqual(new Set(['上海市', '南京市', '杭州市', '苏州市', '无锡市']));
    expect(people.some((c) => String(c['地址']).startsWith('上海市浦东新区'))).toBe(true);
    expect(people.some((c) => String(c['地址']).startsWith('江苏省南京市'))).toBe(true);
    expect(people.some((c) => String(c['地址']).startsWith('浙江省杭州市'))).toBe(true);
    const withRegion = people.filter((c) => !isBlank(c['区域'])).length;
    expect(withRegion).toBeGreaterThan(TEAM_FILE_CUSTOMERS / 4);
    expect(withRegion).toBeLessThan(TEAM_FILE_CUSTOMERS);
    // The plan's areas: the region where one is written, else the city and district of the address.
    expect(areas.size).toBeGreaterThanOrEqual(8);
  });

  it('writes birthdays as solar and lunar dates, the lunar ones readable, one falling on 中秋 inside the first four weeks', () => {
    const cells = people.map((c) => c['生日']).filter((v): v is string => typeof v === 'string');
    const lunar = cells.filter((v) => /^(农历|阴历)/.test(v));
    expect(lunar.length).toBeGreaterThanOrEqual(5);
    expect(cells).toEqual(expect.arrayContaining(['农历八月十五', '阴历1990年闰五月初八']));
    for (const v of lunar) expect([v, parseLunarBirthday(v).kind]).toEqual([v, 'lunar']);
    const midAutumn = parseLunarBirthday('农历八月十五');
    if (midAutumn.kind !== 'lunar') throw new Error('not lunar');
    expect(lunarBirthdaysBetween(today, today + 27, midAutumn.birthday)).toEqual([daysFromCivil(2026, 9, 25)]);
  });

  it('starts a four-week horizon that crosses 中秋 and National Day, with a make-up working Saturday', () => {
    expect(file.today).toBe('2026-09-21');
    const days = chinaPublicDaysBetween(today, today + 27);
    expect(days.filter((d) => d.kind === 'holiday').map((d) => d.name)).toEqual(expect.arrayContaining(['中秋', '国庆节']));
    expect(days.some((d) => d.kind === 'workday' && d.day === daysFromCivil(2026, 10, 10))).toBe(true);
  });

  it('logs contacts by reps and by the seniors, on working days only, for customers of the file', () => {
    const ids = new Set(people.map((c) => c['客户编号']));
    const names = new Map(teamList.map((m) => [m.name, m.role]));
    const closed = new Set(chinaPublicDaysBetween(today - 800, today).filter((d) => d.kind === 'holiday').map((d) => d.day));
    const makeUp = new Set(chinaPublicDaysBetween(today - 800, today).filter((d) => d.kind === 'workday').map((d) => d.day));
    for (const c of logged) {
      const day = dayOf(c['日期']);
      expect(ids.has(c['客户编号'])).toBe(true);
      expect(names.has(String(c['人员']))).toBe(true);
      expect(day).toBeLessThanOrEqual(today);
      const weekday = new Date(day * DAY_MS).getUTCDay();
      expect([c['日期'], closed.has(day) || ((weekday === 0 || weekday === 6) && !makeUp.has(day))]).toEqual([c['日期'], false]);
    }
    const roles = new Set(logged.map((c) => names.get(String(c['人员']))));
    expect(roles).toEqual(new Set(['rep', 'manager', 'director', 'gm']));
    expect(new Set(logged.map((c) => c['方式']))).toEqual(new Set(['拜访', '电话', '投诉']));
  });

  it('has two years of orders for its customers, most of the value from the biggest fifth', () => {
    const orders = records(sheet(TEAM_FILE_SHEETS.orders));
    const ids = new Set(people.map((c) => c['客户编号']));
    const totals = new Map<string, number>();
    for (const o of orders) {
      expect(ids.has(o['客户编号'])).toBe(true);
      expect(dayOf(o['下单日期'])).toBeGreaterThan(today - 731);
      expect(Number(o['金额'])).toBeGreaterThan(0);
      totals.set(String(o['客户编号']), (totals.get(String(o['客户编号'])) ?? 0) + Number(o['金额']));
    }
    const values = [...totals.values()].sort((a, b) => b - a);
    const top = values.slice(0, Math.ceil(values.length / 5)).reduce((a, b) => a + b, 0);
    expect(top / values.reduce((a, b) => a + b, 0)).toBeGreaterThan(0.5);
  });
});
