/**
 * The automation through the built bundle, each menu item its own execution over the in-memory
 * services: the team's data is found by its headers, only the add-on's own columns and sheets
 * are written, re-runs change nothing, and what people change is kept.
 */
import { SCHEDULE_COLUMNS } from '../../src/core/schedule/types';
import { totalCalls } from '../../tools/gas/fakes';
import { exec, fileState, lastAlert, sampleFile, secondFile, sheetNames, sheetValues, sheetOf, eventOf } from '../support/automation';

jest.setTimeout(120_000);

const OWN_HEADERS_ZH = ['Kehu · RFM', 'Kehu · 类别', 'Kehu · ABC', 'Kehu · 象限', 'Kehu · 变动', 'Kehu · 状态', 'Kehu · 提醒'];

const C = Object.fromEntries(SCHEDULE_COLUMNS.map((c, i) => [c, i])) as Record<(typeof SCHEDULE_COLUMNS)[number], number>;

describe('refresh classification and flags', () => {
  it('appends the add-on columns to the right of the customer table and changes no cell of the team', () => {
    const b = sampleFile();
    const before = sheetValues(b, 'Customers')!;
    const orders = sheetValues(b, 'Orders')!;
    const r = exec(b, 'flagStaleRecords');
    expect(r.ok).toBe(true);
    const after = sheetValues(b, 'Customers')!;
    const width = before[0].length;
    expect(after[0].slice(width)).toEqual(OWN_HEADERS_ZH);
    for (let i = 0; i < before.length; i++) expect(after[i].slice(0, width)).toEqual(before[i]);
    expect(sheetValues(b, 'Orders')).toEqual(orders);
    // A customer with no flag: an empty flags cell and a green status; every other one has reasons.
    for (const row of after.slice(1)) {
      const [status, flags] = row.slice(width + 5);
      expect(status === '绿').toBe(flags === '');
      expect(['红', '黄', '绿']).toContain(status);
      expect(['A', 'B', 'C']).toContain(row[width + 2]);
    }
    expect(lastAlert(b)).toMatch(/已为 120 位客户刷新分类和提醒：红 \d+，黄 \d+，绿 \d+/);
  });

  it('reads each table with one call and writes one block per sheet, whatever the number of rows', () => {
    const small = sampleFile({ customers: 60 });
    const big = sampleFile({ customers: 240 });
    const a = exec(small, 'flagStaleRecords');
    const c = exec(big, 'flagStaleRecords');
    expect(totalCalls(a.calls, 'Range.getValues')).toBe(totalCalls(c.calls, 'Range.getValues'));
    expect(totalCalls(a.calls, 'Range.setValues')).toBe(totalCalls(c.calls, 'Range.setValues'));
    expect(a.callCount).toBe(c.callCount);
  });

  it('a second run changes nothing but the log', () => {
    const b = sampleFile();
    exec(b, 'flagStaleRecords');
    const first = fileState(b);
    exec(b, 'flagStaleRecords');
    expect(fileState(b)).toEqual(first);
    expect(lastAlert(b)).toContain('新增提醒 0 条，解除 0 条');
  });

  it('logs flags raised and cleared, and clears a flag when its cause is gone', () => {
    const b = sampleFile();
    exec(b, 'flagStaleRecords');
    const customers = sheetValues(b, 'Customers')!;
    const width = customers[0].indexOf('Kehu · RFM');
    const phoneCol = customers[0].indexOf('电话号码');
    const missingRow = customers.findIndex((r, i) => i > 0 && String(r[width + 6]).includes('缺少：电话号码'));
    expect(missingRow).toBeGreaterThan(0);
    // The record keeper fills in the phone.
    sheetOf(b, 'Customers').getRange(missingRow + 1, phoneCol + 1).setValue("'021-5555 0101");
    exec(b, 'flagStaleRecords');
    const now = sheetValues(b, 'Customers')!;
    expect(String(now[missingRow][width + 6])).not.toContain('电话号码');
    const log = sheetValues(b, 'Kehu · 日志')!;
    const id = now[missingRow][0];
    expect(log.some((l) => l[1] === id && l[2] === '资料不全' && l[3] === '解除')).toBe(true);
    expect(log.some((l) => l[1] === id && l[2] === '资料不全' && l[3] === '新增' && String(l[4]).includes('电话号码'))).toBe(true);
  });

  it('keeps each customer\'s values beside its own id after the user sorts the table between runs', () => {
    const b = sampleFile();
    exec(b, 'flagStaleRecords');
    const sheet = sheetOf(b, 'Customers');
    const byId = new Map(sheetValues(b, 'Customers')!.slice(1).map((r) => [r[0], r.slice(-7)]));
    // Sort the team's columns only (the add-on's stay where they were), by name.
    const width = sheetValues(b, 'Customers')![0].indexOf('Kehu · RFM');
    sheet.getRange(2, 1, sheet.getLastRow() - 1, width).sort({ column: 2, ascending: true });
    exec(b, 'flagStaleRecords');
    for (const row of sheetValues(b, 'Customers')!.slice(1)) expect(row.slice(-7)).toEqual(byId.get(row[0]));
  });

  it('stops with one sentence naming the table, the field and the headers tried when a required column is missing', () => {
    const b = sampleFile();
    const orders = sheetOf(b, 'Orders');
    orders.getRange(1, 3).setValue('备用列');
    const before = sheetNames(b);
    const r = exec(b, 'flagStaleRecords');
    expect(r.ok).toBe(true);
    expect(lastAlert(b)).toMatch(/找不到订单表的“金额”列.*金额.*订单金额.*设置/);
    // Nothing was written: no add-on sheet, no column.
    expect(sheetNames(b)).toEqual(before);
  });

  it('works on a file with other headers, a title row and other sheet names, in English', () => {
    const b = secondFile();
    const r = exec(b, 'flagStaleRecords');
    expect(r.ok).toBe(true);
    expect(lastAlert(b)).toMatch(/^Classification and flags refreshed for 40 customers/);
    const clients = sheetValues(b, 'Client list')!;
    expect(clients[0][0]).toBe('Client list (kept by the office)');
    expect(clients[1].slice(-7)).toEqual(['Kehu · RFM', 'Kehu · Segment', 'Kehu · ABC', 'Kehu · Quadrant', 'Kehu · Movement', 'Kehu · Status', 'Kehu · Flags']);
    const flags = clients.slice(2).map((row) => String(row[row.length - 1]));
    expect(flags.some((f) => /^no order for \d+ days/.test(f))).toBe(true);
    expect(flags.some((f) => /outstanding [\d,.]+ over the credit limit/.test(f))).toBe(true);
    // The remark typed as a formula is the team's cell: it stays as they wrote it.
    expect(sheetOf(b, 'Client list').getRange(6, 13).getFormula()).toBe('=HYPERLINK("http://example.com","x")');
    expect(sheetNames(b)).toContain('Settings');
  });
});

describe('visit schedule', () => {
  it('plans one contact per customer per day, nobody double-booked or past their daily numbers, and sums up what does not fit', () => {
    const b = sampleFile();
    expect(exec(b, 'buildVisitSchedule').ok).toBe(true);
    const rows = sheetValues(b, '拜访计划')!;
    expect(rows[0].slice(0, 14)).toEqual(['日期', '时间', '客户代码', '客户名称', '区域', '方式', '事由', '角色', '人员', '同行', '邮箱', '状态', '备注', '日历事件 ID']);
    const slots = new Set<string>();
    const customerDays = new Set<string>();
    const perDay = new Map<string, number>();
    for (const r of rows.slice(1)) {
      // Every row is dated: what does not fit is in the summary, not in undated rows.
      expect(r[C.date]).toBeInstanceOf(Date);
      expect(String(r[C.purpose])).not.toBe('');
      const day = (r[C.date] as Date).getTime();
      const cd = `${day}|${r[C.customerId]}`;
      expect(customerDays.has(cd)).toBe(false);
      customerDays.add(cd);
      for (const person of [String(r[C.person]), ...String(r[C.with]).split('、').filter((x) => x !== '').map((x) => x.replace(/（.*）$/, ''))]) {
        const key = `${day}|${person}`;
        expect(slots.has(`${key}|${r[C.time]}`)).toBe(false);
        slots.add(`${key}|${r[C.time]}`);
        perDay.set(key, (perDay.get(key) ?? 0) + 1);
      }
    }
    // A rep's day holds at most 4 visits and 8 calls (the default capacity).
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(12);
  });

  it('re-running changes nothing; a row a person changed is kept as they left it', () => {
    const b = sampleFile();
    exec(b, 'buildVisitSchedule');
    const first = fileState(b);
    exec(b, 'buildVisitSchedule');
    expect(fileState(b)).toEqual(first);

    const sheet = sheetOf(b, '拜访计划');
    const rows = sheetValues(b, '拜访计划')!;
    const dated = rows.findIndex((r, i) => i > 0 && r[C.date] !== '');
    sheet.getRange(dated + 1, C.status + 1).setValue('完成');
    sheet.getRange(dated + 1, C.note + 1).setValue('客户要求下周再来');
    const edited = sheet.getRange(dated + 1, 1, 1, C.note + 1).getValues()[0];
    const id = rows[dated][C.rowId];
    exec(b, 'buildVisitSchedule');
    const again = sheetValues(b, '拜访计划')!;
    const kept = again.find((r) => r[C.rowId] === id)!;
    expect(kept.slice(0, C.note + 1)).toEqual(edited);
  });
});

describe('the whole day on the second file', () => {
  it('plans in English and invites the reps written as e-mail addresses, as they are', () => {
    const b = secondFile();
    const r = exec(b, 'runDailyAutomation', { ui: false });
    expect(r.ok).toBe(true);
    const rows = sheetValues(b, 'Visit schedule')!;
    expect(rows[0].slice(0, 4)).toEqual(['Date', 'Time', 'Customer ID', 'Customer']);
    const reps = new Set(['anna@example.com', 'ben@example.com', 'chloe@example.com']);
    const invited = rows.slice(1).filter((row) => row[C.eventId] !== '');
    expect(invited.length).toBeGreaterThan(0);
    for (const row of invited) {
      expect(reps.has(String(row[C.person]))).toBe(true);
      expect(eventOf(b, String(row[C.eventId])).attendees[0].email).toBe(row[C.person]);
    }
    // The customer without a rep gets no row: the summary says nobody holds the role.
    expect(rows.slice(1).filter((row) => row[C.customerId] === 'C-1006')).toEqual([]);
    const summary = sheetValues(b, 'Kehu · Not placed')!;
    expect(summary.some((row) => row[4] === 'the customer has no sales rep on its row')).toBe(true);
    expect(b.fakes.calendar.events().every((e) => (e.start as { timeZone?: string }).timeZone === 'America/New_York')).toBe(true);
  });
});

describe('formulas a person typed in the schedule', () => {
  it('stay formulas when the schedule is rewritten around them', () => {
    const b = sampleFile({ customers: 40 });
    exec(b, 'buildVisitSchedule');
    const sheet = sheetOf(b, '拜访计划');
    const rows = sheet.getLastRow();
    // The add-on keeps its sheets trimmed: the person adds a column first, as in Sheets.
    sheet.insertColumnAfter(sheet.getLastColumn());
    const col = sheet.getLastColumn() + 1;
    sheet.getRange(1, col).setValue('距今天数');
    sheet.getRange(2, col, rows - 1, 1).setValues(Array.from({ length: rows - 1 }, (_, i) => [`=A${i + 2}-TODAY()`]));
    // A longer horizon: new rows come in and many rows move.
    const settings = sheetOf(b, '设置');
    const at = settings.getRange(1, 1, settings.getLastRow(), 1).getValues().findIndex((r: unknown[]) => r[0] === '计划周数');
    settings.getRange(at + 1, 2).setValue(6);
    exec(b, 'buildVisitSchedule');
    const after = sheetOf(b, '拜访计划');
    const header = after.getRange(1, 1, 1, after.getLastColumn()).getValues()[0];
    const mine = header.indexOf('距今天数') + 1;
    const kept = after.getRange(2, mine, after.getLastRow() - 1, 1).getFormulas().flat().filter((f: string) => f !== '');
    expect(kept.length).toBe(rows - 1);
  });
});

describe('calendar invites', () => {
  it('invites everyone of each planned row (a joint visit invites all), and an unchanged re-run makes no calendar call', () => {
    const b = sampleFile();
    exec(b, 'buildVisitSchedule');
    const r = exec(b, 'sendVisitInvites');
    expect(r.ok).toBe(true);
    const rows = sheetValues(b, '拜访计划')!.slice(1);
    const invited = rows.filter((row) => row[C.date] !== '' && row[C.email] !== '' && row[C.status] === '计划');
    expect(invited.length).toBeGreaterThan(0);
    expect(totalCalls(r.calls, 'Calendar.Events.insert')).toBe(invited.length);
    for (const row of invited) {
      expect(String(row[C.eventId])).toMatch(/^kehu[0-9a-v]{26}$/);
      const event = eventOf(b, String(row[C.eventId]));
      expect(event.attendees.map((a: { email: string }) => a.email)).toEqual(String(row[C.email]).split(', '));
    }
    expect(b.fakes.calendar.notifications(String(invited[0][C.email]).split(', ')[0]).length).toBeGreaterThan(0);
    const again = exec(b, 'sendVisitInvites');
    expect(totalCalls(again.calls, 'Calendar')).toBe(0);
  });

  it('a moved row updates its event, a cancelled one cancels it, a deleted one too', () => {
    const b = sampleFile();
    exec(b, 'buildVisitSchedule');
    exec(b, 'sendVisitInvites');
    const sheet = sheetOf(b, '拜访计划');
    const rows = sheetValues(b, '拜访计划')!;
    const invited = rows.map((r, i) => ({ r, i })).filter(({ r, i }) => i > 0 && r[C.eventId] !== '' && r[C.kind] === '拜访');
    const [moved, cancelled, deleted] = invited.slice(-3);
    // Early, before anyone's working day: the move collides with nothing the add-on planned.
    sheet.getRange(moved.i + 1, C.time + 1).setValue("'08:00");
    sheet.getRange(cancelled.i + 1, C.status + 1).setValue('取消');
    sheet.deleteRows(deleted.i + 1, 1);
    const r = exec(b, 'sendVisitInvites');
    expect(totalCalls(r.calls, 'Calendar.Events.patch')).toBe(3);
    expect(eventOf(b, String(moved.r[C.eventId])).start.dateTime).toMatch(/T08:00:00\+08:00$/);
    expect(eventOf(b, String(cancelled.r[C.eventId])).status).toBe('cancelled');
    expect(eventOf(b, String(deleted.r[C.eventId])).status).toBe('cancelled');
    // The next schedule does not bring the deleted row back (nor its event).
    exec(b, 'buildVisitSchedule');
    expect(sheetValues(b, '拜访计划')!.some((r) => r[C.rowId] === deleted.r[C.rowId])).toBe(false);
    expect(totalCalls(exec(b, 'sendVisitInvites').calls, 'Calendar')).toBe(0);
  });

  it('leaves the invite of a row whose time a person typed as 25:00 as it was, and says why in the row', () => {
    const b = sampleFile();
    exec(b, 'buildVisitSchedule');
    exec(b, 'sendVisitInvites');
    const sheet = sheetOf(b, '拜访计划');
    const rows = sheetValues(b, '拜访计划')!;
    const i = rows.findIndex((r, k) => k > 0 && r[C.eventId] !== '');
    const before = JSON.stringify(eventOf(b, String(rows[i][C.eventId])));
    sheet.getRange(i + 1, C.time + 1).setValue("'25:00");
    const r = exec(b, 'sendVisitInvites');
    expect(totalCalls(r.calls, 'Calendar')).toBe(0);
    expect(JSON.stringify(eventOf(b, String(rows[i][C.eventId])))).toBe(before);
    exec(b, 'buildVisitSchedule');
    const row = sheetValues(b, '拜访计划')!.find((x) => x[C.rowId] === rows[i][C.rowId])!;
    expect(row[C.time]).toBe('25:00');
    expect(row[C.purpose]).toBe('时间“25:00”无法识别，日历邀请保持不变');
  });
});
