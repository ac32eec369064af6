/**
 * The customer card's server functions through the built bundle, called as the sidebar calls
 * them (one execution per google.script.run call): plain values only, input checked as if it
 * came from anyone, writes that never cover a change made since the card read, and an opening
 * that reads the customer's row and one line of the state sheet (at most 10 service calls).
 */
import { ManualClock, totalCalls } from '../../tools/gas/fakes';
import type { LoadedBundle } from '../../tools/gas/loadBundle';
import { zonedInstant } from '../../tools/gas/zone';
import { loadBundle } from '../../tools/gas/loadBundle';
import { benchFile } from '../../tools/bench/teamFile';
import { decodeCustomerList, searchList } from '../../src/shared/customerList';
import { exec, sampleFile, sheetValues, sheetOf } from '../support/automation';

jest.setTimeout(120_000);

/** Only what Apps Script can hand the page: primitives, plain arrays and objects of them. */
function assertPlain(v: unknown, path = '$'): void {
  if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) return;
  if (Array.isArray(v)) return v.forEach((x, i) => assertPlain(x, `${path}[${i}]`));
  const tag = Object.prototype.toString.call(v);
  if (tag !== '[object Object]') throw new Error(`${path} is ${tag}, which Apps Script cannot send`);
  for (const [k, x] of Object.entries(v as object)) {
    if (x === undefined) continue;
    assertPlain(x, `${path}.${k}`);
  }
}

function call<T = any>(b: LoadedBundle, fn: string, arg: unknown): { value: T; calls: number; error?: string } {
  const r = exec(b, fn, { args: [arg] });
  if (r.ok) assertPlain(r.value);
  return { value: r.value as T, calls: r.callCount, error: r.error?.message };
}

let b: LoadedBundle;
let customers: unknown[][];
const clock = new ManualClock('2026-11-20T09:00:00+08:00');

beforeAll(() => {
  b = sampleFile({ clock });
  exec(b, 'flagStaleRecords');
  exec(b, 'buildVisitSchedule');
  customers = sheetValues(b, 'Customers')!;
});

describe('opening the card', () => {
  it('opens on the customer of the selected row, whatever column was clicked, with the figures of the last run', () => {
    b.fakes.select('Customers', 'E7');
    const { value, calls } = call(b, 'kehuOpenCard', { mode: 'selection' });
    const card = value.card;
    expect(card.id).toBe(customers[6][0]);
    expect(card.name).toBe(customers[6][1]);
    expect(card.row).toBe(7);
    expect(value.lang).toBe('zh');
    expect(value.today).toBe('2026-11-20');
    expect(['A', 'B', 'C']).toContain(card.tier);
    expect(card.classifiedAt).toMatch(/^2026-11-20T/);
    expect(card.monthly).toHaveLength(24);
    expect(card.pareto.customers).toBe(120);
    expect(card.flags.length > 0).toBe(card.status !== 'green');
    // What the flags column of that row says is what the card says.
    expect(card.flags.map((f: { text: string }) => f.text).join('；')).toBe(customers[6][customers[0].indexOf('Kehu · 提醒')]);
    expect(calls).toBeLessThanOrEqual(10);
  });

  it('opens from a row of the orders, the contact log or the schedule on the customer that row names', () => {
    const orders = sheetValues(b, 'Orders')!;
    b.fakes.select('Orders', 'B5');
    expect(call(b, 'kehuOpenCard', { mode: 'selection' }).value.card.id).toBe(orders[4][0]);
    const contacts = sheetValues(b, 'Contacts')!;
    b.fakes.select('Contacts', 'A3');
    expect(call(b, 'kehuOpenCard', { mode: 'selection' }).value.card.id).toBe(contacts[2][1]);
    const schedule = sheetValues(b, '拜访计划')!;
    const idColumn = schedule[0].indexOf('客户代码');
    b.fakes.select('拜访计划', 'A2');
    const fromSchedule = call(b, 'kehuOpenCard', { mode: 'selection' });
    expect(fromSchedule.value.card.id).toBe(schedule[1][idColumn]);
    expect(fromSchedule.calls).toBeLessThanOrEqual(12);
  });

  it('shows the next visits of the plan the schedule step made after the classification', () => {
    const schedule = sheetValues(b, '拜访计划')!;
    const h = schedule[0];
    const [date, id, status] = ['日期', '客户代码', '状态'].map((name) => h.indexOf(name));
    const day = (v: unknown) => (typeof v === 'string' ? v : new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(v as Date));
    // Planned (计划) or moved (改期), dated today or later.
    const planned = schedule.slice(1).filter((r) => r[date] !== '' && day(r[date]) >= '2026-11-20' && ['计划', '改期'].includes(String(r[status])));
    expect(planned.length).toBeGreaterThan(0);
    const customer = String(planned[0][id]);
    const earliest = planned.filter((r) => String(r[id]) === customer).map((r) => day(r[date])).sort()[0];
    const card = call(b, 'kehuOpenCard', { mode: 'id', id: customer }).value.card;
    expect(card.nextVisits.length).toBeGreaterThan(0);
    expect(card.nextVisits[0].date).toBe(earliest);
    // The state sheet holds that plan beside the classification's line (written by the schedule step).
    expect(sheetValues(b, 'Kehu · 客户状态')![0][7]).toBe('下次拜访');
  });

  it('opens from a cell to the right of the data on a customer row', () => {
    const sheet = sheetOf(b, 'Customers');
    if (sheet.getMaxColumns() < sheet.getLastColumn() + 2) sheet.insertColumnsAfter(sheet.getMaxColumns(), 3);
    b.fakes.select('Customers', 12, sheet.getLastColumn() + 2);
    const { value, calls } = call(b, 'kehuOpenCard', { mode: 'selection' });
    expect(value.card.id).toBe(customers[11][0]);
    expect(calls).toBeLessThanOrEqual(10);
  });

  it('opened from the menu, writes the first card into the page (one execution, no round trip)', () => {
    b.fakes.select('Customers', 'B9');
    const shown = exec(b, 'showCustomerCard');
    expect(shown.ok).toBe(true);
    const sidebar = b.fakes.ui.lastDialog()!;
    expect(sidebar.kind).toBe('sidebar');
    const block = /<script type="application\/json" id="kehu-first-card">([^<]*)<\/script>/.exec(sidebar.html);
    expect(block).not.toBeNull();
    const first = JSON.parse(block![1]);
    expect(first.card.id).toBe(customers[8][0]);
    expect(first.lang).toBe('zh');
    expect(shown.callCount).toBeLessThanOrEqual(15);
  });

  it.each([
    ['the header row', 'Customers', 'C1', 'headerRow'],
    ['a sheet that names no customer', '销售团队', 'B3', 'otherSheet'],
  ])('opens on search from %s, with no error', (_what, sheet, a1, reason) => {
    b.fakes.select(sheet, a1);
    const { value } = call(b, 'kehuOpenCard', { mode: 'selection' });
    expect(value.card).toBeNull();
    expect(value.reason).toBe(reason);
  });

  it('opens on search from a blank row', () => {
    b.fakes.select('Customers', `B${customers.length + 3}`);
    expect(call(b, 'kehuOpenCard', { mode: 'selection' }).value.reason).toBe('blankRow');
  });

  it('opens a customer picked by id, and says when it is gone', () => {
    expect(call(b, 'kehuOpenCard', { mode: 'id', id: customers[9][0] }).value.card.row).toBe(10);
    expect(call(b, 'kehuOpenCard', { mode: 'id', id: 'NOPE' }).value.reason).toBe('notFound');
    // A row the list gave that no longer holds the customer (rows deleted since), or is past the sheet: found by id.
    expect(call(b, 'kehuOpenCard', { mode: 'id', id: customers[9][0], row: 4 }).value.card.row).toBe(10);
    expect(call(b, 'kehuOpenCard', { mode: 'id', id: customers[9][0], row: 99_999 }).value.card.row).toBe(10);
  });

  it('refuses requests the page could not have sent, with a sentence', () => {
    for (const bad of [null, 'x', { mode: 'id' }, { mode: 'id', id: 5 }, { mode: 'drop table' }, [1]]) {
      expect(call(b, 'kehuOpenCard', bad).error).toBe('Kehu 收到了无法识别的请求。请关闭卡片后重新打开。');
    }
  });

  it('masks the bank account until asked', () => {
    const row = customers.findIndex((r, i) => i > 0 && String(r[customers[0].indexOf('银行账号')]).length > 4);
    const card = call(b, 'kehuOpenCard', { mode: 'id', id: customers[row][0] }).value.card;
    const bank = card.profile.find((p: { field: string }) => p.field === 'bankAccount');
    const full = String(customers[row][customers[0].indexOf('银行账号')]);
    expect(bank.text).toBe(`•••• ${full.replace(/\s+/g, '').slice(-4)}`);
    expect(JSON.stringify(card)).not.toContain(full);
    expect(call(b, 'kehuRevealField', { id: customers[row][0], field: 'bankAccount' }).value).toEqual({ value: full });
    expect(call(b, 'kehuRevealField', { id: customers[row][0], field: 'phone' }).error).toBeDefined();
  });
});

describe('the customer list the page searches', () => {
  it('holds every customer once (id, name, phone, city, row) and finds by name, code and phone', () => {
    const r = call(b, 'kehuCustomerList', {});
    expect(r.calls).toBeLessThanOrEqual(16);
    const index = decodeCustomerList(r.value.list);
    expect(index.customers).toHaveLength(customers.length - 1);
    expect(index.customers[19]).toEqual(expect.objectContaining({ id: String(customers[20][0]), name: String(customers[20][1]), row: 21 }));
    const found = (q: string) => searchList(index, q).found.map((i) => index.customers[i].id);
    expect(found(String(customers[20][0]))[0]).toBe(customers[20][0]);
    expect(found(String(customers[20][1]).slice(0, 4))).toContain(customers[20][0]);
    const phoneCol = customers[0].indexOf('电话号码');
    const phoneRow = customers.findIndex((row, i) => i > 0 && String(row[phoneCol]).replace(/\D/g, '').length >= 8);
    expect(found(String(customers[phoneRow][phoneCol]).replace(/\D/g, '').slice(-6))).toContain(customers[phoneRow][0]);
    // The Team table names the user: the list tells the page who logs contacts.
    expect(typeof r.value.user).toBe('string');
  });

  it('finds a customer renamed in the sheet today by its new name', () => {
    sheetOf(b, 'Customers').getRange(15, 2).setValue('刚改名的星辰贸易');
    const index = decodeCustomerList(call(b, 'kehuCustomerList', {}).value.list);
    expect(searchList(index, '星辰贸易').found.map((i) => index.customers[i].row)).toEqual([15]);
    // The server's own search (for scripts and the bench) ranks the same way.
    expect(call(b, 'kehuSearch', '星辰贸易').value.results.map((r: { row: number }) => r.row)).toEqual([15]);
  });
});

describe('writing from the card', () => {
  it('logs a visit in the contact log and shows it on the card at once', () => {
    const id = String(customers[3][0]);
    const { value } = call(b, 'kehuLogContact', { id, kind: 'visit', date: '2026-11-20', note: '=SUM(1) 谈了明年的促销' });
    expect(value.ok).toBe(true);
    expect(value.card.lastContacts[0]).toEqual(expect.objectContaining({ date: '2026-11-20', kind: 'visit', note: '=SUM(1) 谈了明年的促销' }));
    const contacts = sheetOf(b, 'Contacts');
    const last = contacts.getRange(contacts.getLastRow(), 1, 1, 6);
    expect(last.getValues()[0].slice(1, 5)).toEqual([id, '拜访', '', '=SUM(1) 谈了明年的促销'].map((v, i) => (i === 2 ? last.getValues()[0][3] : v)));
    expect(last.getFormulas()[0].every((f: string) => f === '')).toBe(true);
    const changes = sheetValues(b, 'Kehu · 修改记录')!;
    expect(changes[changes.length - 1].slice(2, 4)).toEqual([id, '拜访']);
  });

  it('refuses contacts it cannot record, saying why', () => {
    const id = String(customers[3][0]);
    expect(call(b, 'kehuLogContact', { id, kind: 'visit', date: '2026-12-24', note: '' }).value).toEqual(expect.objectContaining({ ok: false, reason: 'invalid', message: '联系日期不能晚于今天。' }));
    expect(call(b, 'kehuLogContact', { id, kind: 'complaint', date: '2026-11-19', note: '' }).value.message).toBe('请写明投诉内容。');
    expect(call(b, 'kehuLogContact', { id, kind: 'complaint', date: '2026-11-19', note: '货损', deadline: '2026-11-01' }).value.message).toBe('答复期限不能早于投诉日期。');
    expect(call(b, 'kehuLogContact', { id, kind: 'dinner', date: '2026-11-19', note: '' }).value.message).toBe('联系类型只能是拜访、电话或投诉。');
    expect(call(b, 'kehuLogContact', { id: 'NOPE', kind: 'visit', date: '2026-11-19', note: '' }).value.reason).toBe('notFound');
    expect(call(b, 'kehuLogContact', { id, kind: 'visit', date: 20261119, note: '' }).error).toBeDefined();
  });

  it('edits a field in the team\'s own column, validated, and records old and new', () => {
    const id = String(customers[5][0]);
    const phoneCol = customers[0].indexOf('电话号码') + 1;
    const before = String(sheetOf(b, 'Customers').getRange(6, phoneCol).getValue());
    expect(call(b, 'kehuEditField', { id, field: 'phone', expected: before, value: 'call me' }).value).toEqual(expect.objectContaining({ ok: false, reason: 'invalid' }));
    // What the page accepts, the server accepts: a Chinese extension (转) is part of a phone number.
    const ok = call(b, 'kehuEditField', { id, field: 'phone', expected: before, value: '(010) 8888-1234 转 12' }).value;
    expect(ok.ok).toBe(true);
    expect(ok.card.profile.find((p: { field: string }) => p.field === 'phone').text).toBe('(010) 8888-1234 转 12');
    expect(sheetOf(b, 'Customers').getRange(6, phoneCol).getValue()).toBe('(010) 8888-1234 转 12');
    const changes = sheetValues(b, 'Kehu · 修改记录')!;
    expect(changes[changes.length - 1].slice(2)).toEqual([id, '电话号码', before, '(010) 8888-1234 转 12']);
  });

  it('takes a lunar birthday, and shows the solar day it falls on next (the flag reads the same day)', () => {
    const id = String(customers[8][0]);
    const col = customers[0].indexOf('生日') + 1;
    const before = sheetOf(b, 'Customers').getRange(9, col).getValue();
    const expected = before instanceof Date ? call(b, 'kehuOpenCard', { mode: 'id', id }).value.card.profile.find((p: { field: string }) => p.field === 'birthday').text : String(before);
    const saved = call(b, 'kehuEditField', { id, field: 'birthday', expected, value: '农历八月十五' }).value;
    expect(saved.ok).toBe(true);
    expect(sheetOf(b, 'Customers').getRange(9, col).getValue()).toBe('农历八月十五');
    // Today is 2026-11-20: the next 农历八月十五 is 中秋 2027, 2027-09-15.
    const shown = saved.card.profile.find((p: { field: string }) => p.field === 'birthday').text;
    expect(shown).toBe('农历八月十五（2027-09-15）');
    // The card's text is what the next edit is compared with: it is accepted, not a conflict.
    const again = call(b, 'kehuEditField', { id, field: 'birthday', expected: shown, value: '阴历2020年闰四月初八' }).value;
    expect(again.ok).toBe(true);
    expect(call(b, 'kehuEditField', { id, field: 'birthday', expected: '阴历2020年闰四月初八', value: '下个月' }).value).toEqual(expect.objectContaining({ ok: false, reason: 'invalid' }));
  });

  it('refuses a negative or text amount and a date that is no date, saying why in the file\'s language, and writes nothing', () => {
    const id = String(customers[6][0]);
    const limitCol = customers[0].indexOf('销售限额') + 1;
    const sheet = sheetOf(b, 'Customers');
    const before = sheet.getRange(7, limitCol).getValue();
    const expected = String(before);
    const changesBefore = sheetValues(b, 'Kehu · 修改记录')!.length;
    expect(call(b, 'kehuEditField', { id, field: 'creditLimit', expected, value: '-5000' }).value).toEqual({ ok: false, reason: 'invalid', message: '金额不能为负数。' });
    expect(call(b, 'kehuEditField', { id, field: 'creditLimit', expected, value: '五千' }).value.message).toBe('请输入数字，例如 12000 或 12,000.50（最多 15 位）。');
    const birthday = customers[0].indexOf('生日');
    if (birthday >= 0) expect(call(b, 'kehuEditField', { id, field: 'birthday', expected: '', value: '2026-02-30' }).value.reason).toBe('invalid');
    expect(sheet.getRange(7, limitCol).getValue()).toBe(before);
    expect(sheetValues(b, 'Kehu · 修改记录')!.length).toBe(changesBefore);
    const ok = call(b, 'kehuEditField', { id, field: 'creditLimit', expected, value: '¥12,000.50' }).value;
    expect(ok.ok).toBe(true);
    expect(sheet.getRange(7, limitCol).getValue()).toBe(12000.5);
  });

  it('refuses a write over a cell that changed since the card read it, showing the current value', () => {
    const id = String(customers[8][0]);
    const addressCol = customers[0].indexOf('地址') + 1;
    const sheet = sheetOf(b, 'Customers');
    const shown = String(sheet.getRange(9, addressCol).getValue());
    sheet.getRange(9, addressCol).setValue('杭州市西湖区文三路 1 号（同事刚改）');
    const r = call(b, 'kehuEditField', { id, field: 'address', expected: shown, value: '上海市' }).value;
    expect(r).toEqual({ ok: false, reason: 'conflict', message: expect.stringContaining('已被修改'), current: '杭州市西湖区文三路 1 号（同事刚改）' });
    expect(sheet.getRange(9, addressCol).getValue()).toBe('杭州市西湖区文三路 1 号（同事刚改）');
  });

  it('edits the row the card shows when a copied row carries the same id', () => {
    const f = sampleFile({ customers: 40 });
    const sheet = sheetOf(f, 'Customers');
    const width = sheet.getLastColumn();
    // Row 12 becomes a copy of row 3's customer, with another phone.
    const copy = sheet.getRange(3, 1, 1, width).getValues()[0];
    const phoneCol = sheet.getRange(1, 1, 1, width).getValues()[0].indexOf('电话号码');
    copy[phoneCol] = "'021-0000 1111";
    sheet.getRange(12, 1, 1, width).setValues([copy]);
    const original = sheet.getRange(3, phoneCol + 1).getValue();
    const r = exec(f, 'kehuEditField', { args: [{ id: copy[0], row: 12, field: 'phone', expected: '021-0000 1111', value: '021-2222 3333' }] });
    expect((r.value as { ok: boolean }).ok).toBe(true);
    expect((r.value as { card: { row: number } }).card.row).toBe(12);
    expect(sheet.getRange(12, phoneCol + 1).getValue()).toBe('021-2222 3333');
    expect(sheet.getRange(3, phoneCol + 1).getValue()).toBe(original);
  });

  it('in a file without a contact log, makes one (never writing into a sheet of the team\'s) and shows the contact at once', () => {
    const f = sampleFile({ customers: 40 });
    const ss = f.fakes.direct.spreadsheet;
    ss.deleteSheet(sheetOf(f, 'Contacts'));
    const phoneBook = ss.insertSheet('联系记录');
    phoneBook.getRange(1, 1, 2, 3).setValues([['联系人', '手机', '公司'], ['王五', "'13900000000", '某公司']]);
    const id = String(sheetValues(f, 'Customers')![4][0]);
    const r = exec(f, 'kehuLogContact', { args: [{ id, kind: 'complaint', date: '2026-11-19', note: '包装破损', deadline: '2026-11-25' }] });
    const value = r.value as { ok: boolean; card: { complaints: { note: string }[]; lastContacts: { note: string }[] } };
    expect(value.ok).toBe(true);
    expect(sheetValues(f, '联系记录')).toEqual([['联系人', '手机', '公司'], ['王五', '13900000000', '某公司']]);
    expect(sheetValues(f, '客户联系记录')![1].slice(1, 5)).toEqual([id, '投诉', expect.any(String), '包装破损']);
    expect(value.card.complaints.map((c) => c.note)).toEqual(['包装破损']);
    expect(value.card.lastContacts[0].note).toBe('包装破损');
  });

  it('changes no field the card does not offer', () => {
    const id = String(customers[5][0]);
    for (const field of ['id', 'bankAccount', 'nonsense', '__proto__']) {
      expect(call(b, 'kehuEditField', { id, field, expected: '', value: 'x' }).value).toEqual(expect.objectContaining({ ok: false, reason: 'invalid' }));
    }
  });

  it('opening and saving stay within a fixed number of service calls, on a small and on a large file', () => {
    const counts = [40, 240].map((n) => {
      const f = sampleFile({ customers: n });
      exec(f, 'flagStaleRecords');
      const id = String(sheetValues(f, 'Customers')![2][0]);
      exec(f, 'kehuLogContact', { args: [{ id, kind: 'call', date: '2026-11-19', note: '' }] });
      const open = exec(f, 'kehuOpenCard', { args: [{ mode: 'id', id }] });
      const save = exec(f, 'kehuLogContact', { args: [{ id, kind: 'call', date: '2026-11-20', note: '' }] });
      // The contact, the change log, and the customer's line of the state sheet (shown at once).
      expect(totalCalls(save.calls, 'Range.setValues')).toBe(3);
      return [open.callCount, save.callCount];
    });
    // Reads grow with the rows of this one customer (its contacts and visits), not with the file.
    for (const [open, save] of counts) {
      expect(open).toBeLessThan(80);
      expect(save).toBeLessThan(100);
    }
  });
});

describe('before the first classification', () => {
  it('shows the real order figures read from the orders, says which figures wait, and classifies on request', () => {
    const f = sampleFile({ customers: 60 });
    const orders = sheetValues(f, 'Orders')!;
    const id = String(sheetValues(f, 'Customers')![4][0]);
    const mine = orders.slice(1).filter((r) => r[0] === id);
    expect(mine.length).toBeGreaterThan(1);
    const before = exec(f, 'kehuOpenCard', { args: [{ mode: 'id', id }] });
    const card = (before.value as { card: any }).card;
    expect(card.figuresFrom).toBe('orders');
    expect(card.orders.count).toBe(mine.length);
    expect(card.orders.revenue).toBeCloseTo(mine.reduce((s, r) => s + Number(r[2]), 0), 2);
    const shownDay = (d: unknown) => (typeof d === 'string' ? d : new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d as Date));
    expect(card.orders.lastOrder).toBe(mine.map((r) => shownDay(r[1])).sort().pop());
    const inChart = card.monthly.reduce((s: number, m: { orders: number }) => s + m.orders, 0);
    expect(inChart).toBe(mine.filter((r) => shownDay(r[1]) >= '2024-12-01').length);
    expect(card.waiting).toEqual(['scores', 'tier', 'quadrant', 'pAlive', 'flags', 'pareto']);
    expect(card.tier).toBe('');
    expect(card.classifiedAt).toBeNull();

    const classified = exec(f, 'kehuClassifyNow', { args: [{ mode: 'id', id, row: card.row }] });
    const answer = classified.value as { ok: boolean; message: string; result: { card: any } };
    expect(answer.ok).toBe(true);
    expect(answer.message).toMatch(/60/);
    expect(answer.result.card.figuresFrom).toBe('classification');
    expect(answer.result.card.waiting).toEqual([]);
    expect(['A', 'B', 'C']).toContain(answer.result.card.tier);
    expect(answer.result.card.orders.count).toBe(card.orders.count);
    expect(answer.result.card.orders.lastOrder).toBe(card.orders.lastOrder);
    expect(answer.result.card.monthly).toEqual(card.monthly);
  });
});

describe('after a run', () => {
  it('a customer added since the run: its orders read now, what waits said, the run\'s date kept', () => {
    const f = sampleFile({ customers: 40 });
    exec(f, 'flagStaleRecords');
    const sheet = sheetOf(f, 'Customers');
    const row = sheet.getLastRow() + 1;
    sheet.getRange(row, 1, 1, 2).setValues([['KH9999', '新来的客户']]);
    const orders = sheetOf(f, 'Orders');
    const sample = orders.getRange(2, 1, 1, orders.getLastColumn()).getValues()[0];
    orders.getRange(orders.getLastRow() + 1, 1, 1, sample.length).setValues([['KH9999', sample[1], 1234.5, ...sample.slice(3)]]);
    f.fakes.select('Customers', row, 2);
    const card = (exec(f, 'kehuOpenCard', { args: [{ mode: 'selection' }] }).value as { card: any }).card;
    expect(card.id).toBe('KH9999');
    expect(card.figuresFrom).toBe('orders');
    expect(card.orders.count).toBe(1);
    expect(card.orders.revenue).toBe(1234.5);
    expect(card.classifiedAt).toMatch(/^2026-11-20T/);
    expect(card.waiting).toContain('tier');
  });

  it('still finds every line when a person sorted the hidden state sheet', () => {
    const f = sampleFile({ customers: 40 });
    exec(f, 'flagStaleRecords');
    const state = sheetOf(f, 'Kehu · 客户状态');
    const rows = state.getLastRow() - 1;
    state.getRange(2, 1, rows, state.getLastColumn()).sort({ column: 2, ascending: false });
    const ids = sheetValues(f, 'Customers')!.slice(1).map((r) => String(r[0]));
    for (const id of [ids[0], ids[17], ids[39]]) {
      const card = (exec(f, 'kehuOpenCard', { args: [{ mode: 'id', id }] }).value as { card: any }).card;
      expect([card.id, card.figuresFrom]).toEqual([id, 'classification']);
    }
  });
});

describe('a kept setup gone stale', () => {
  it('finds the tables again when the customer sheet was renamed or a column inserted since the run', () => {
    const f = sampleFile({ customers: 40 });
    exec(f, 'flagStaleRecords');
    const sheet = sheetOf(f, 'Customers');
    sheet.setName('客户名单');
    const id = String(sheetValues(f, '客户名单')![6][0]);
    f.fakes.select('客户名单', 7, 3);
    expect((exec(f, 'kehuOpenCard', { args: [{ mode: 'selection' }] }).value as { card: { id: string } }).card.id).toBe(id);
    // A column inserted before the phone: a save checks the header first and writes the right cell.
    sheet.insertColumnsBefore(2, 1);
    sheet.getRange(1, 2).setValue('备用');
    const phoneCol = (sheetValues(f, '客户名单')![0] as unknown[]).indexOf('电话号码') + 1;
    const before = String(sheet.getRange(7, phoneCol).getValue());
    const saved = exec(f, 'kehuEditField', { args: [{ id, row: 7, field: 'phone', expected: before, value: '0571-1234 5678' }] }).value as { ok: boolean };
    expect(saved.ok).toBe(true);
    expect(sheet.getRange(7, phoneCol).getValue()).toBe('0571-1234 5678');
    expect(sheet.getRange(7, 2).getValue()).toBe('');
  });
});

describe('who logged it', () => {
  it('names the person as the Team table does (the rep\'s code), not the account\'s e-mail', () => {
    const f = sampleFile({ customers: 40 });
    exec(f, 'flagStaleRecords');
    const id = String(sheetValues(f, 'Customers')![3][0]);
    const run = f.next().run('kehuLogContact', { ui: true, user: 's03@example.com', args: [{ id, kind: 'call', date: '2026-11-20', note: '问候' }] });
    expect((run.value as { ok: boolean }).ok).toBe(true);
    const contacts = sheetValues(f, 'Contacts')!;
    const last = contacts[contacts.length - 1];
    expect(last[contacts[0].indexOf('销售员') >= 0 ? contacts[0].indexOf('销售员') : 3]).toBe('S03');
    const list = f.next().run('kehuCustomerList', { ui: true, user: 's03@example.com', args: [{}] });
    expect((list.value as { user: string }).user).toBe('S03');
    // Someone the Team table does not list is named by the e-mail.
    const other = f.next().run('kehuCustomerList', { ui: true, user: 'visitor@example.org', args: [{}] });
    expect((other.value as { user: string }).user).toBe('visitor@example.org');
    // The contact shows on the card opened afterwards (the state line took it), before any run.
    const reopened = exec(f, 'kehuOpenCard', { args: [{ mode: 'id', id }] });
    expect((reopened.value as { card: { lastContacts: { note: string; person: string }[] } }).card.lastContacts[0]).toEqual(expect.objectContaining({ note: '问候', person: 'S03' }));
  });
});

describe('at 50,000 customers', () => {
  it('opens any customer\'s card in at most 10 service calls, and the list the page searches is one call', () => {
    const toDate = (y: number, m: number, d: number) => new Date(zonedInstant('Asia/Shanghai', y, m, d));
    // One order per customer keeps the run short; the card's reads do not depend on the orders.
    const file = benchFile(50_000, toDate, 1, 100);
    const big = loadBundle({ sheets: file.sheets, locale: 'zh_CN', timeZone: 'Asia/Shanghai', clock: new ManualClock('2026-11-20T07:00:00+08:00') });
    expect(big.next().run('flagStaleRecords', { ui: false }).ok).toBe(true);
    const counts: number[] = [];
    for (const row of [2, 9_999, 25_000, 37_777, 50_001]) {
      const c = big.next();
      c.fakes.select('客户', row, 3);
      const opened = c.run('kehuOpenCard', { ui: true, args: [{ mode: 'selection' }] });
      const card = (opened.value as { card: { id: string; figuresFrom: string } }).card;
      expect(card.id).toBe(`KH${String(row - 1).padStart(6, '0')}`);
      expect(card.figuresFrom).toBe('classification');
      counts.push(opened.callCount);
      // Picked from the list (id and row): fewer still.
      const picked = big.next().run('kehuOpenCard', { ui: true, args: [{ mode: 'id', id: card.id, row }] });
      expect(picked.callCount).toBeLessThanOrEqual(7);
    }
    expect(Math.max(...counts)).toBeLessThanOrEqual(10);
    const list = big.next().run('kehuCustomerList', { ui: true, args: [{}] });
    expect((list.value as { count: number }).count).toBe(50_000);
    expect(list.callCount).toBeLessThanOrEqual(16);
  });
});
