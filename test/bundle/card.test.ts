/**
 * The customer card's server functions through the built bundle, called as the sidebar calls
 * them (one execution per google.script.run call): plain values only, input checked as if it
 * came from anyone, writes that never cover a change made since the card read.
 */
import { ManualClock, totalCalls } from '../../tools/gas/fakes';
import type { LoadedBundle } from '../../tools/gas/loadBundle';
import { exec, sampleFile, sheetValues, sheetOf, eventOf } from '../support/automation';

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
    expect(calls).toBeLessThan(70);
  });

  it.each([
    ['the header row', 'Customers', 'C1', 'headerRow'],
    ['another sheet', 'Orders', 'B5', 'otherSheet'],
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

describe('search', () => {
  it('finds by name, code and phone, the exact code first', () => {
    const id = String(customers[20][0]);
    const byCode = call(b, 'kehuSearch', id).value;
    expect(byCode.results[0].id).toBe(id);
    const name = String(customers[20][1]);
    expect(call(b, 'kehuSearch', name.slice(0, 4)).value.results.map((r: { id: string }) => r.id)).toContain(id);
    const phoneCol = customers[0].indexOf('电话号码');
    const phoneRow = customers.findIndex((r, i) => i > 0 && String(r[phoneCol]).replace(/\D/g, '').length >= 8);
    const digits = String(customers[phoneRow][phoneCol]).replace(/\D/g, '').slice(-6);
    expect(call(b, 'kehuSearch', digits).value.results.map((r: { id: string }) => r.id)).toContain(customers[phoneRow][0]);
    expect(call(b, 'kehuSearch', '').value).toEqual({ query: '', results: [], total: 0 });
  });

  it('finds a customer renamed in the sheet after the search list was kept (a list over a minute old is checked on a miss)', () => {
    const sheet = sheetOf(b, 'Customers');
    sheet.getRange(15, 2).setValue('刚改名的星辰贸易');
    clock.advanceMinutes(2);
    const found = call(b, 'kehuSearch', '星辰贸易').value;
    expect(found.results.map((r: { row: number }) => r.row)).toEqual([15]);
    // The list was made again then: a miss right after costs no read of the table.
    const miss = exec(b, 'kehuSearch', { args: ['没有这个客户'] });
    expect(totalCalls(miss.calls, 'Range.getValues')).toBeLessThan(5);
    expect((miss.value as { total: number }).total).toBe(0);
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
    expect(call(b, 'kehuLogContact', { id, kind: 'complaint', date: '2026-11-19', note: '' }).value.message).toBe('投诉请填写内容。');
    expect(call(b, 'kehuLogContact', { id, kind: 'complaint', date: '2026-11-19', note: '货损', deadline: '2026-11-01' }).value.message).toBe('回复期限必须是投诉当天或之后的日期。');
    expect(call(b, 'kehuLogContact', { id: 'NOPE', kind: 'visit', date: '2026-11-19', note: '' }).value.reason).toBe('notFound');
    expect(call(b, 'kehuLogContact', { id, kind: 'visit', date: 20261119, note: '' }).error).toBeDefined();
  });

  it('edits a field in the team\'s own column, validated, and records old and new', () => {
    const id = String(customers[5][0]);
    const phoneCol = customers[0].indexOf('电话号码') + 1;
    const before = String(sheetOf(b, 'Customers').getRange(6, phoneCol).getValue());
    expect(call(b, 'kehuEditField', { id, field: 'phone', expected: before, value: 'call me' }).value).toEqual(expect.objectContaining({ ok: false, reason: 'invalid' }));
    const ok = call(b, 'kehuEditField', { id, field: 'phone', expected: before, value: '0571-8888 1234' }).value;
    expect(ok.ok).toBe(true);
    expect(ok.card.profile.find((p: { field: string }) => p.field === 'phone').text).toBe('0571-8888 1234');
    expect(sheetOf(b, 'Customers').getRange(6, phoneCol).getValue()).toBe('0571-8888 1234');
    const changes = sheetValues(b, 'Kehu · 修改记录')!;
    expect(changes[changes.length - 1].slice(2)).toEqual([id, '电话号码', before, '0571-8888 1234']);
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
      expect(totalCalls(save.calls, 'Range.setValues')).toBe(2);
      return [open.callCount, save.callCount];
    });
    // Reads grow with the rows of this one customer (its contacts and visits), not with the file.
    for (const [open, save] of counts) {
      expect(open).toBeLessThan(80);
      expect(save).toBeLessThan(100);
    }
  });
});
