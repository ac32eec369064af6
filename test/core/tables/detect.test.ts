/**
 * Finding the team's tables by their headers: the sample file, a second file with other
 * headers and sheet names, header variants, the Settings choices and extra headers, and the
 * errors and warnings a person reads.
 */
import { generateSampleWorkbook } from '../../../tools/sample/generate';
import type { CellValue } from '../../../src/core/cells';
import { CONTACT_FIELDS, CUSTOMER_FIELDS, ORDER_FIELDS, type AnyField, type TableKey } from '../../../src/core/model';
import { detectTables, MappingError, type DetectOptions, type SheetTop } from '../../../src/core/tables/detect';
import { describeMappingError, describeMappingWarning } from '../../../src/core/tables/mappingText';
import { FIELD_LABELS, headerKeys, normalizeHeader, SYNONYMS, TABLES } from '../../../src/core/tables/synonyms';

const CUSTOMERS = ['客户代码', '名称', '电话', '地址', '对口销售员'];
const ORDERS = ['客户代码', '订单日期', '金额'];
const CONTACTS = ['日期', '客户代码', '类型', '人员', '内容'];

function sheet(name: string, ...rows: CellValue[][]): SheetTop {
  return { name, top: rows };
}

function mappingError(fn: () => unknown): MappingError {
  try {
    fn();
  } catch (e) {
    if (e instanceof MappingError) return e;
    throw e;
  }
  throw new Error('expected a MappingError');
}

describe('the synonym table', () => {
  const FIELDS: Record<TableKey, readonly AnyField[]> = { customers: CUSTOMER_FIELDS, orders: ORDER_FIELDS, contacts: CONTACT_FIELDS };

  it('has headers and a label in both languages for every field of model.ts', () => {
    for (const t of TABLES) {
      for (const f of FIELDS[t]) {
        const words = (SYNONYMS[t] as Record<string, readonly string[]>)[f];
        expect(words.some((w) => /[\u4e00-\u9fff]/.test(w))).toBe(true);
        expect(words.some((w) => /^[A-Za-z]/.test(w))).toBe(true);
        const label = (FIELD_LABELS[t] as Record<string, { zh: string; en: string }>)[f];
        expect(label.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(label.en).toMatch(/^[A-Z]/);
      }
    }
  });

  it('never lists one header for two fields of the same table', () => {
    for (const t of TABLES) {
      const owner = new Map<string, string>();
      for (const [f, words] of Object.entries(SYNONYMS[t] as Record<string, readonly string[]>)) {
        for (const w of words) {
          const key = normalizeHeader(w);
          expect([key, owner.get(key) ?? f]).toEqual([key, f]);
          owner.set(key, f);
        }
      }
    }
  });

  it('finds every field under its own label, so a label written as a header works', () => {
    for (const t of TABLES) {
      for (const f of FIELDS[t]) {
        for (const lang of ['zh', 'en'] as const) {
          const label = (FIELD_LABELS[t] as Record<string, Record<'zh' | 'en', string>>)[f][lang];
          const words = (SYNONYMS[t] as Record<string, readonly string[]>)[f].map(normalizeHeader);
          expect([t, f, label, words.includes(normalizeHeader(label))]).toEqual([t, f, label, true]);
        }
      }
    }
  });

  it('compares headers without case, spaces, full-width forms, markers or a bracketed unit', () => {
    expect(normalizeHeader(' Customer  ID ')).toBe('customerid');
    expect(normalizeHeader('Ｃｕｓｔｏｍｅｒ＿ＩＤ')).toBe('customerid');
    expect(normalizeHeader('*客户代码')).toBe('客户代码');
    expect(normalizeHeader('电话：')).toBe('电话');
    expect(normalizeHeader('金额*')).toBe('金额');
    expect(normalizeHeader('E-mail')).toBe('email');
    expect(headerKeys('金额（元）')).toEqual(['金额(元)', '金额']);
    expect(headerKeys('Amount (USD)')).toEqual(['amount(usd)', 'amount']);
    expect(headerKeys('生日【农历】')).toEqual(['生日【农历】', '生日']);
    expect(headerKeys('金额')).toEqual(['金额']);
  });
});

describe('detectTables', () => {
  it('maps the sample spreadsheet: every header to its field, and the contact log', () => {
    const wb = generateSampleWorkbook({ customers: 5 });
    const m = detectTables(Object.entries(wb.sheets).map(([name, rows]) => ({ name, top: rows.slice(0, 5) })));
    expect(m.customers).toMatchObject({ sheet: 'Customers', headerRow: 1, width: 18 });
    expect(m.customers.columns).toEqual({
      id: 1, name: 2, type: 3, region: 4, urbanRural: 5, address: 6, contact: 7, phone: 8, wechat: 9, email: 10,
      rep: 11, paymentTerms: 12, creditLimit: 13, outstanding: 14, bankAccount: 15, birthday: 16, lastReviewed: 17, notes: 18,
    });
    expect(m.customers.headers.rep).toBe('对口销售员码');
    expect(m.orders).toMatchObject({ sheet: 'Orders', headerRow: 1, columns: { customer: 1, date: 2, amount: 3, product: 4, margin: 5 } });
    // 类型 is the kind of contact here (a customer type in the customer table), 销售员 the person.
    expect(m.contacts).toMatchObject({ sheet: 'Contacts', columns: { date: 1, customer: 2, kind: 3, person: 4, note: 5, deadline: 6 } });
    expect(m.warnings).toEqual([]);
  });

  it('maps a file kept in English: other headers, a title row, other sheet names', () => {
    // The headers of tools/sample/second.ts, the second customer file the bundle tests run on.
    const m = detectTables([
      sheet('Client list', ['Client list (kept by the office)'], [
        'Segment (old)', 'Company', 'Client no.', 'Region', 'Account manager', 'Telephone', 'E-mail', 'Street address',
        'Date of birth', 'Credit limit', 'Balance due', 'Last reviewed', 'Remarks',
      ]),
      sheet('Sales 2025-26', ['Invoice date', 'Client no.', 'Net amount', 'Gross margin', 'Item']),
      sheet('Activity', ['When', 'Client no.', 'Type', 'By', 'Notes']),
    ]);
    expect(m.customers).toMatchObject({ sheet: 'Client list', headerRow: 2, width: 13 });
    expect(m.customers.columns).toEqual({
      type: 1, name: 2, id: 3, region: 4, rep: 5, phone: 6, email: 7, address: 8, birthday: 9, creditLimit: 10,
      outstanding: 11, lastReviewed: 12, notes: 13,
    });
    expect(m.customers.headers.id).toBe('Client no.');
    expect(m.orders).toMatchObject({ sheet: 'Sales 2025-26', columns: { date: 1, customer: 2, amount: 3, margin: 4, product: 5 } });
    expect(m.contacts).toMatchObject({ sheet: 'Activity', columns: { date: 1, customer: 2, kind: 3, person: 4, note: 5 } });
  });

  it('reads the headers the issue lists, each as its field', () => {
    const cases: [TableKey, string, AnyField][] = [
      ['customers', '客户编号', 'id'], ['customers', '客户编码', 'id'], ['customers', 'Customer ID', 'id'],
      ['customers', '客户名称', 'name'], ['customers', '公司名称', 'name'], ['customers', 'Name', 'name'],
      ['customers', '电话号码', 'phone'], ['customers', '手机', 'phone'], ['customers', '联系电话', 'phone'], ['customers', 'Phone', 'phone'],
      ['customers', 'Email', 'email'], ['customers', 'Address', 'address'],
      ['customers', '对口销售员', 'rep'], ['customers', '销售员', 'rep'], ['customers', '业务员', 'rep'], ['customers', '负责人', 'rep'], ['customers', 'Sales rep', 'rep'],
      ['customers', 'Birthday', 'birthday'], ['customers', '地区', 'region'], ['customers', 'Region', 'region'], ['customers', '城乡', 'urbanRural'],
      ['customers', '信用额度', 'creditLimit'], ['customers', 'Credit limit', 'creditLimit'],
      ['customers', '欠款', 'outstanding'], ['customers', 'Outstanding', 'outstanding'],
      ['customers', '审核日期', 'lastReviewed'], ['customers', '复核日期', 'lastReviewed'], ['customers', 'Last reviewed', 'lastReviewed'],
      ['customers', '类型', 'type'], ['customers', '邮政编码', 'postcode'], ['customers', '付款条款', 'paymentTerms'],
      ['customers', '银行账号', 'bankAccount'], ['customers', '微信号', 'wechat'], ['customers', '备注', 'notes'], ['customers', '联系人', 'contact'],
      ['orders', '下单日期', 'date'], ['orders', 'Order date', 'date'], ['orders', '订单金额', 'amount'], ['orders', 'Amount', 'amount'],
      ['orders', '利润', 'margin'], ['orders', 'Margin', 'margin'], ['orders', 'Product', 'product'], ['orders', '客户编号', 'customer'],
      ['contacts', '方式', 'kind'], ['contacts', '联系方式', 'kind'], ['contacts', 'Kind', 'kind'], ['contacts', '类型', 'kind'],
      ['contacts', '拜访人', 'person'], ['contacts', 'Person', 'person'], ['contacts', '备注', 'note'], ['contacts', 'Note', 'note'],
      ['contacts', '回复期限', 'deadline'], ['contacts', 'Deadline', 'deadline'], ['contacts', '处理结果', 'status'], ['contacts', 'Status', 'status'],
    ];
    // Each table reduced to its required columns, with the header under test in place of (or
    // beside) them, so no other column competes for the field.
    const BASE: Record<TableKey, [AnyField, string][]> = {
      customers: [['id', '客户代码'], ['name', '名称']],
      orders: [['customer', '客户代码'], ['date', '订单日期'], ['amount', '金额']],
      contacts: [['customer', '客户代码'], ['date', '日期'], ['kind', '类型']],
    };
    const row = (t: TableKey, header?: string, field?: AnyField) => [...BASE[t].filter(([f]) => f !== field).map(([, h]) => h), ...(header ? [header] : [])];
    for (const [table, header, field] of cases) {
      const sheets = [
        sheet('C', table === 'customers' ? row('customers', header, field) : row('customers')),
        sheet('O', table === 'orders' ? row('orders', header, field) : row('orders')),
        sheet('K', table === 'contacts' ? row('contacts', header, field) : row('contacts')),
      ];
      const m = detectTables(sheets);
      const found = m[table]!;
      expect([header, (found.headers as Record<string, string>)[field]]).toEqual([header, header]);
    }
  });

  it('finds a header row below a title, with columns in any order and unknown columns left alone', () => {
    const m = detectTables([
      sheet('客户档案', ['2026 年客户档案'], [], ['序号', '备用', '电话', '名称', '爱好', '客户编号']),
      sheet('流水', ['金额（元）', '说明', '客户编号', '下单日期']),
    ]);
    expect(m.customers).toMatchObject({ headerRow: 3, columns: { phone: 3, name: 4, id: 6 }, width: 6 });
    expect(Object.keys(m.customers.columns).sort()).toEqual(['id', 'name', 'phone']);
    expect(m.orders).toMatchObject({ columns: { amount: 1, customer: 3, date: 4 }, headers: { amount: '金额（元）' } });
    expect(m.contacts).toBeUndefined();
  });

  it('looks at the first 5 rows only', () => {
    const blank: CellValue[] = [];
    const late = sheet('客户', blank, blank, blank, blank, blank, CUSTOMERS);
    const e = mappingError(() => detectTables([late, sheet('订单', ORDERS)]));
    expect(e.params).toMatchObject({ table: 'customers', field: 'id' });
    expect(e.params.sheet).toBeUndefined();
    const early = sheet('客户', blank, blank, blank, blank, CUSTOMERS);
    expect(detectTables([early, sheet('订单', ORDERS)]).customers.headerRow).toBe(5);
  });

  it('prefers the better synonym when two columns match one field, then the leftmost', () => {
    const m = detectTables([sheet('客户', ['编号', '名称', '客户代码', '手机', '电话']), sheet('订单', ORDERS)]);
    expect(m.customers.columns).toMatchObject({ id: 3, phone: 5 });
    // A header matched only without its bracket loses to one matched as written.
    const o = detectTables([sheet('客户', CUSTOMERS), sheet('订单', ['客户代码', '日期', '金额（含税）', '金额'])]);
    expect(o.orders.columns.amount).toBe(4);
  });

  it("ignores the add-on's own columns and sheets", () => {
    const m = detectTables([
      sheet('设置', ['表', '字段', '工作表', '表头'], ['角色', '姓名', '代码', '邮箱', '区域']),
      sheet('拜访计划', ['日期', '时间', '客户代码', '客户名称', '方式', '角色', '人员', '邮箱', '状态', '备注', 'Kehu ID']),
      sheet('Kehu · 日志', ['日期', '客户代码', '名称', '金额']),
      sheet('客户', [...CUSTOMERS, 'Kehu · 状态', 'Kehu · 类别']),
      sheet('订单', ORDERS),
    ]);
    expect(m.customers).toMatchObject({ sheet: '客户', width: CUSTOMERS.length });
    expect(m.contacts).toBeUndefined();
    expect(Object.values(m.customers.headers)).not.toContain('Kehu · 状态');
  });

  it('skips sheets the caller names', () => {
    const options: DetectOptions = { ignoreSheets: (n) => n === '旧客户' };
    const m = detectTables([sheet('旧客户', [...CUSTOMERS, '邮箱', '生日']), sheet('客户', CUSTOMERS), sheet('订单', ORDERS)], options);
    expect(m.customers.sheet).toBe('客户');
    expect(m.warnings).toEqual([]);
  });

  it('puts each table on its own sheet, the assignment with the most fields matched', () => {
    // The order log also has a name column, so it looks like a customer table too.
    const m = detectTables([
      sheet('订单', ['客户代码', '客户名称', '订单日期', '金额']),
      sheet('客户', CUSTOMERS),
      // A complaint log with an amount also looks like an order log.
      sheet('联系', ['日期', '客户代码', '类型', '人员', '金额']),
    ]);
    expect([m.customers.sheet, m.orders.sheet, m.contacts?.sheet]).toEqual(['客户', '订单', '联系']);
  });

  it('picks the better of two customer tables, the same whichever comes first, and says so', () => {
    const full = sheet('客户', [...CUSTOMERS, '邮箱', '生日']);
    const copy = sheet('客户备份', CUSTOMERS);
    for (const order of [[full, copy], [copy, full]]) {
      const m = detectTables([...order, sheet('订单', ORDERS)]);
      expect(m.customers.sheet).toBe('客户');
      expect(m.warnings).toEqual([{ key: 'alsoLooksLike', table: 'customers', sheet: '客户', matched: 7, other: '客户备份', otherMatched: 5 }]);
    }
    // Equally good: the first sheet wins, in either order of the other tables.
    const a = detectTables([sheet('甲', CUSTOMERS), sheet('乙', CUSTOMERS), sheet('订单', ORDERS)]);
    expect(a.customers.sheet).toBe('甲');
    expect(describeMappingWarning(a.warnings[0], 'zh')).toBe('工作表“乙”看起来也像客户表（对上 5 列）；Kehu 使用的是工作表“甲”（对上 5 列）。');
    expect(describeMappingWarning(a.warnings[0], 'en')).toBe("Sheet '乙' also looks like the Customers table (5 columns matched); Kehu uses sheet '甲' (5 columns matched).");
  });

  it('warns about a sheet that looks like a contact log but has no kind column', () => {
    const m = detectTables([sheet('客户', CUSTOMERS), sheet('订单', ORDERS), sheet('拜访', ['日期', '客户代码', '拜访人', '内容'])]);
    expect(m.contacts).toBeUndefined();
    expect(m.warnings).toHaveLength(1);
    expect(m.warnings[0]).toMatchObject({ key: 'contactsWithoutKind', sheet: '拜访' });
    expect(describeMappingWarning(m.warnings[0], 'en')).toMatch(/^Sheet '拜访' looks like a contact log but has no Kind column \(headers tried: 'Kind', 'Type', .*\), so it is not used as one\.$/);
    expect(describeMappingWarning(m.warnings[0], 'zh')).toMatch(/^工作表“拜访”看起来像联系记录，但没有“方式”列（找过的标题：“类型”、“方式”、.*），所以没有当作联系记录使用。$/);
  });

  describe('a missing required column', () => {
    it('names the table, the field, the headers tried and the sheet that came closest', () => {
      const e = mappingError(() => detectTables([sheet('客户', CUSTOMERS), sheet('订单', ['客户代码', '订单日期', '价格'])]));
      expect(e.key).toBe('missingColumn');
      expect(e.params).toMatchObject({ table: 'orders', field: 'amount', sheet: '订单', headerRow: 1 });
      expect(e.params.tried).toEqual(expect.arrayContaining(['金额', '订单金额', 'Amount']));
      expect(describeMappingError(e, 'zh')).toBe(
        '在工作表“订单”第 1 行的标题中找不到订单表的“金额”列（找过的标题：“金额”、“订单金额”、“销售额”、“销售金额”、“成交金额”、“总金额”、“合计”、“收入”、“实收金额”、“净额”等）。请在“设置”表的列映射中（订单 · 金额）填写这一列的标题，或把列标题改成其中之一。',
      );
      expect(describeMappingError(e, 'en')).toBe(
        "Kehu cannot find the Amount column of the Orders table on sheet '订单' (header row 1; headers tried: 'Amount', 'Order amount', 'Revenue', 'Sales', 'Sales amount', 'Net amount', 'Net sales', 'Invoice amount', 'Total', 'Value', …). Type that column's header into the Settings sheet's column mapping (Orders · Amount), or rename the column to one of these.",
      );
    });

    it('names no sheet when none came close', () => {
      const e = mappingError(() => detectTables([sheet('Sheet1', ['a', 'b']), sheet('订单', ORDERS)]));
      expect(e.params).toMatchObject({ table: 'customers', field: 'id' });
      expect(e.params.sheet).toBeUndefined();
      expect(describeMappingError(e, 'en')).toMatch(/^Kehu cannot find the Customers table: no sheet has a header for its Customer ID column in its first 5 rows \(headers tried: 'Customer ID', .*\)\. Type that column's header into the Settings sheet's column mapping \(Customers · Customer ID\), or rename the column to one of these\.$/);
      expect(describeMappingError(e, 'zh')).toMatch(/^找不到客户表：没有哪个工作表的前 5 行里有“客户代码”列的标题（找过的标题：“客户代码”、.*）。请在“设置”表的列映射中（客户 · 客户代码）填写这一列的标题，或把列标题改成其中之一。$/);
    });

    it('names the missing field of a customer table without a name column', () => {
      const e = mappingError(() => detectTables([sheet('客户', ['客户代码', '客户全称', '电话']), sheet('订单', ORDERS)]));
      expect(e.params).toMatchObject({ table: 'customers', field: 'name', sheet: '客户' });
    });

    it('stops when customers and orders would have to share one sheet', () => {
      const e = mappingError(() => detectTables([sheet('全部', ['客户代码', '名称', '订单日期', '金额'])]));
      expect(e.params).toMatchObject({ table: 'orders', field: 'customer' });
    });
  });

  describe('Settings choices and extra headers', () => {
    it("finds a table by the team's own header for a field", () => {
      const sheets = [sheet('客户', ['客户代码', '客户全称']), sheet('订单', ORDERS)];
      const m = detectTables(sheets, { choices: [{ table: 'customers', field: 'name', header: '客户全称' }] });
      expect(m.customers.columns).toEqual({ id: 1, name: 2 });
      const x = detectTables(sheets, { synonyms: [{ table: 'customers', field: 'name', headers: ['简称', '客户全称'] }] });
      expect(x.customers.columns).toEqual({ id: 1, name: 2 });
    });

    it('lets a chosen header win over a built-in synonym, even one of another field', () => {
      const sheets = [sheet('客户', ['客户代码', '名称', '电话', '备注']), sheet('订单', ORDERS)];
      const m = detectTables(sheets, { choices: [{ table: 'customers', field: 'phone', header: '备注' }] });
      expect(m.customers.columns).toMatchObject({ phone: 4 });
      expect(m.customers.columns.notes).toBeUndefined();
    });

    it('ignores an extra header or a choice for a field the table does not have', () => {
      const sheets = [sheet('客户', CUSTOMERS), sheet('订单', [...ORDERS, '手机'])];
      const m = detectTables(sheets, {
        synonyms: [{ table: 'orders', field: 'phone', headers: ['手机'] }],
        choices: [{ table: 'orders', field: 'rep', header: '业务员' }],
      });
      expect(m.orders.columns).toEqual({ customer: 1, date: 2, amount: 3 });
    });

    it('leaves an optional field unused for —', () => {
      const m = detectTables([sheet('客户', CUSTOMERS), sheet('订单', ORDERS)], { choices: [{ table: 'customers', field: 'phone', header: null }] });
      expect(m.customers.columns.phone).toBeUndefined();
      expect(m.customers.columns.address).toBe(4);
    });

    it('stops on a chosen header that is not on the header row, naming it and the sheet', () => {
      const e = mappingError(() => detectTables([sheet('客户', CUSTOMERS), sheet('订单', ORDERS)], { choices: [{ table: 'orders', field: 'amount', header: '销售额' }] }));
      expect(e.key).toBe('choiceNotFound');
      expect(e.params).toMatchObject({ table: 'orders', field: 'amount', header: '销售额', sheet: '订单', headerRow: 1 });
      expect(describeMappingError(e, 'zh')).toBe('“设置”表的列映射把订单 · 金额设为标题“销售额”，但工作表“订单”第 1 行没有这个标题。请改正列映射里的标题，或清空该单元格让 Kehu 自动查找。');
      expect(describeMappingError(e, 'en')).toBe("The Settings sheet's column mapping names the header '销售额' for Orders · Amount, but sheet '订单' has no such header on row 1. Correct the header in the column mapping, or clear the cell to let Kehu find the column.");
    });

    it('stops when a required field is marked unused or one header is chosen for two fields', () => {
      const sheets = [sheet('客户', CUSTOMERS), sheet('订单', ORDERS)];
      const unused = mappingError(() => detectTables(sheets, { choices: [{ table: 'orders', field: 'amount', header: null }] }));
      expect(unused.key).toBe('requiredUnused');
      expect(describeMappingError(unused, 'en')).toBe("The Settings sheet's column mapping marks Orders · Amount as not used, but Kehu needs that column. Type its header, or clear the cell to let Kehu find it.");
      expect(describeMappingError(unused, 'zh')).toBe('“设置”表的列映射把订单 · 金额设为不使用，但 Kehu 需要这一列。请填写它的标题，或清空该单元格让 Kehu 自动查找。');
      const twice = mappingError(() => detectTables(sheets, {
        choices: [{ table: 'customers', field: 'phone', header: '电话' }, { table: 'customers', field: 'notes', header: ' 电话 ' }],
      }));
      expect(twice.key).toBe('choiceConflict');
      expect(describeMappingError(twice, 'en')).toBe("The Settings sheet's column mapping names the header ' 电话 ' for both Customers · Phone and Customers · Notes. A header stands for one field: correct one of them.");
      expect(describeMappingError(twice, 'zh')).toBe('“设置”表的列映射把客户 · 电话和客户 · 备注都设为标题“ 电话 ”。一个标题只能对应一个字段，请改正其中一个。');
    });

    it('stops when the contact log a choice names cannot be found', () => {
      const e = mappingError(() => detectTables([sheet('客户', CUSTOMERS), sheet('订单', ORDERS), sheet('沟通', ['日期', '客户代码', '渠道'])], {
        choices: [{ table: 'contacts', field: 'note', header: '摘要' }],
      }));
      expect(e.params).toMatchObject({ table: 'contacts', field: 'kind', sheet: '沟通' });
    });
  });
});
