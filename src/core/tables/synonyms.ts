/**
 * The one synonym table: for every field of every table, the headers people write over that
 * column, in Chinese and English, and the label the add-on shows for the field when it knows
 * no header (the Settings sheet, the card).
 *
 * Lists are per table because one word means different things in different tables: 类型 over
 * a customer table is the customer type, over a contact log the kind of contact; 客户代码 is
 * the customer table's id and the order log's customer. Earlier entries are preferred when two
 * columns of one header row both match a field (客户代码 wins over a bare 编号).
 */
import type { Lang } from '../locale';
import {
  CONTACT_FIELDS, CUSTOMER_FIELDS, ORDER_FIELDS,
  type AnyField, type FieldOf, type TableKey,
} from '../model';

export const TABLES: readonly TableKey[] = ['customers', 'orders', 'contacts'];

export const TABLE_FIELDS: { readonly [T in TableKey]: readonly FieldOf<T>[] } = {
  customers: CUSTOMER_FIELDS,
  orders: ORDER_FIELDS,
  contacts: CONTACT_FIELDS,
};

/** Fields a table cannot be used without; detection requires them all on one header row. */
export const REQUIRED_FIELDS: { readonly [T in TableKey]: readonly FieldOf<T>[] } = {
  customers: ['id', 'name'],
  orders: ['customer', 'date', 'amount'],
  contacts: ['customer', 'date', 'kind'],
};

/** The contact log is optional: a file without one still classifies and flags. */
export const OPTIONAL_TABLES: readonly TableKey[] = ['contacts'];

// Headers that name a customer by its code, shared by the order log and the contact log.
const CUSTOMER_REF = [
  '客户代码', '客户编号', '客户编码', '客户号', '客户ID', '客户代号', '客户', '代码', '编号',
  'Customer ID', 'Customer code', 'Customer no', 'Customer number', 'Customer #', 'Customer', 'Client ID', 'Client no',
  'Client number', 'Client code', 'Client', 'Account ID', 'Account no',
];

type SynonymTable = { readonly [T in TableKey]: { readonly [F in FieldOf<T>]: readonly string[] } };

export const SYNONYMS: SynonymTable = {
  customers: {
    id: ['客户代码', '客户编号', '客户编码', '客户号', '客户ID', '客户代号', '代码', '编号', '编码',
      'Customer ID', 'Customer code', 'Customer no', 'Customer number', 'Customer #', 'Client ID', 'Client no', 'Client number',
      'Client code', 'Account ID', 'Account no', 'ID', 'Code'],
    name: ['名称', '客户名称', '公司名称', '客户名', '单位名称', '企业名称', '姓名', '客户姓名', '客户',
      'Name', 'Customer name', 'Company', 'Company name', 'Client name', 'Account name', 'Customer', 'Client'],
    type: ['客户类型', '类型', '客户类别', '类别', '客户性质', 'Customer type', 'Type', 'Category', 'Segment'],
    contact: ['联系人', '联系人姓名', '联络人', '对接人', 'Contact', 'Contact person', 'Contact name'],
    phone: ['电话', '电话号码', '手机', '手机号', '手机号码', '联系电话', '座机', '固定电话', '联系方式',
      'Phone', 'Telephone', 'Tel', 'Mobile', 'Phone number', 'Cell'],
    email: ['邮箱', '电子邮箱', '电子邮件', '邮件', 'Email', 'E-mail', 'Mail', 'Email address'],
    address: ['地址', '详细地址', '联系地址', '公司地址', '通讯地址', '送货地址', '交货地', 'Address', 'Street address'],
    postcode: ['邮政编码', '邮编', 'Postcode', 'Postal code', 'Zip', 'Zip code'],
    rep: ['对口销售员', '对口销售员码', '销售员', '销售员码', '销售员代码', '业务员', '负责人', '客户经理', '销售代表', '销售',
      'Sales rep', 'Salesperson', 'Sales representative', 'Rep', 'Account manager', 'Owner'],
    birthday: ['生日', '出生日期', '生日日期', 'Birthday', 'Date of birth', 'DOB', 'Birth date'],
    region: ['区域', '地区', '所属区域', '片区', '大区', 'Region', 'Area', 'Territory'],
    urbanRural: ['城乡', '城乡类别', '城市/农村', '城/乡', 'Urban/rural', 'Urban rural', 'Urban or rural'],
    creditLimit: ['销售限额', '信用额度', '信用限额', '授信额度', '额度', 'Credit limit', 'Credit line', 'Sales limit'],
    outstanding: ['应收余额', '欠款', '应收账款', '应收款', '未收款', '欠款金额', '余额',
      'Outstanding', 'Outstanding balance', 'Balance', 'Balance due', 'Receivable', 'Receivables', 'Amount due'],
    lastReviewed: ['最近审核日期', '审核日期', '复核日期', '最近复核日期', '最后审核日期', '审核时间',
      'Last reviewed', 'Reviewed', 'Review date', 'Last review'],
    paymentTerms: ['付款条款', '付款条件', '付款方式', '账期', 'Payment terms', 'Terms'],
    bankAccount: ['银行账号', '银行账户', '开户账号', '账号', 'Bank account', 'Account number', 'IBAN'],
    wechat: ['微信号', '微信', 'WeChat', 'WeChat ID', 'Weixin'],
    notes: ['备注', '说明', '附注', 'Notes', 'Note', 'Remarks', 'Comments'],
  },
  orders: {
    customer: CUSTOMER_REF,
    date: ['订单日期', '下单日期', '日期', '交易日期', '销售日期', '购买日期', '成交日期', '开票日期', '发票日期',
      'Order date', 'Date', 'Purchase date', 'Sale date', 'Transaction date', 'Invoice date'],
    amount: ['金额', '订单金额', '销售额', '销售金额', '成交金额', '总金额', '合计', '收入', '实收金额', '净额', '开票金额',
      'Amount', 'Order amount', 'Revenue', 'Sales', 'Sales amount', 'Net amount', 'Net sales', 'Invoice amount', 'Total', 'Value'],
    margin: ['毛利', '利润', '毛利额', '毛利润', 'Margin', 'Gross margin', 'Profit', 'Gross profit'],
    product: ['产品', '产品名称', '商品', '商品名称', '品名', '货品', 'Product', 'Item', 'SKU'],
  },
  contacts: {
    customer: CUSTOMER_REF,
    date: ['日期', '联系日期', '拜访日期', '接触日期', '沟通日期', '时间', 'Date', 'Contact date', 'Visit date', 'When'],
    kind: ['类型', '方式', '联系方式', '联系类型', '接触方式', '沟通方式', '类别', 'Kind', 'Type', 'Contact type', 'Channel'],
    person: ['人员', '拜访人', '拜访人员', '联系人员', '经办人', '跟进人', '销售员', '业务员', '负责人',
      'Person', 'By', 'Staff', 'Sales rep', 'Rep', 'Owner'],
    note: ['内容', '备注', '记录', '说明', '摘要', '联系内容', '拜访内容', 'Note', 'Notes', 'Content', 'Summary', 'Details'],
    deadline: ['跟进期限', '回复期限', '期限', '截止日期', '处理期限', 'Deadline', 'Due', 'Due date', 'Reply by'],
    status: ['状态', '处理结果', '处理状态', '结果', 'Status', 'Result', 'Outcome'],
  },
};

type LabelTable = { readonly [T in TableKey]: { readonly [F in FieldOf<T>]: Readonly<Record<Lang, string>> } };

/** What the add-on calls a field where the team's own header is not known. */
export const FIELD_LABELS: LabelTable = {
  customers: {
    id: { zh: '客户代码', en: 'Customer ID' },
    name: { zh: '名称', en: 'Name' },
    type: { zh: '客户类型', en: 'Customer type' },
    contact: { zh: '联系人', en: 'Contact person' },
    phone: { zh: '电话', en: 'Phone' },
    email: { zh: '邮箱', en: 'E-mail' },
    address: { zh: '地址', en: 'Address' },
    postcode: { zh: '邮政编码', en: 'Postcode' },
    rep: { zh: '对口销售员', en: 'Sales rep' },
    birthday: { zh: '生日', en: 'Birthday' },
    region: { zh: '区域', en: 'Region' },
    urbanRural: { zh: '城乡', en: 'Urban/rural' },
    creditLimit: { zh: '销售限额', en: 'Credit limit' },
    outstanding: { zh: '应收余额', en: 'Outstanding' },
    lastReviewed: { zh: '最近审核日期', en: 'Last reviewed' },
    paymentTerms: { zh: '付款条款', en: 'Payment terms' },
    bankAccount: { zh: '银行账号', en: 'Bank account' },
    wechat: { zh: '微信号', en: 'WeChat' },
    notes: { zh: '备注', en: 'Notes' },
  },
  orders: {
    customer: { zh: '客户代码', en: 'Customer ID' },
    date: { zh: '订单日期', en: 'Order date' },
    amount: { zh: '金额', en: 'Amount' },
    margin: { zh: '毛利', en: 'Margin' },
    product: { zh: '产品', en: 'Product' },
  },
  contacts: {
    customer: { zh: '客户代码', en: 'Customer ID' },
    date: { zh: '日期', en: 'Date' },
    kind: { zh: '方式', en: 'Kind' },
    person: { zh: '人员', en: 'Person' },
    note: { zh: '内容', en: 'Note' },
    deadline: { zh: '跟进期限', en: 'Deadline' },
    status: { zh: '状态', en: 'Status' },
  },
};

const TABLE_LABELS: Readonly<Record<TableKey, Readonly<Record<Lang, string>>>> = {
  customers: { zh: '客户', en: 'Customers' },
  orders: { zh: '订单', en: 'Orders' },
  contacts: { zh: '联系记录', en: 'Contacts' },
};

/** More words for a table in a Settings cell, besides its two labels and its key. */
export const TABLE_WORDS: Readonly<Record<TableKey, readonly string[]>> = {
  customers: ['客户表', '客户档案', '客户资料', 'Customer', 'Customer table'],
  orders: ['订单表', '订单记录', '销售记录', 'Order', 'Order log'],
  contacts: ['联系', '联系表', '拜访记录', '联系日志', 'Contact', 'Contact log'],
};

export function tableLabel(table: TableKey, lang: Lang): string {
  return TABLE_LABELS[table][lang];
}

export function fieldLabel<T extends TableKey>(table: T, field: FieldOf<T>, lang: Lang): string {
  return (FIELD_LABELS[table] as Record<string, Record<Lang, string>>)[field][lang];
}

/** The built-in headers of a field ([] for a field the table does not have). */
export function synonymsOf(table: TableKey, field: AnyField): readonly string[] {
  return (SYNONYMS[table] as Record<string, readonly string[]>)[field] ?? [];
}

export function isFieldOf<T extends TableKey>(table: T, field: string): field is FieldOf<T> {
  return (TABLE_FIELDS[table] as readonly string[]).includes(field);
}

/**
 * How header text is compared: NFKC (full-width letters and punctuation become plain), lower
 * case, no spaces, underscores, hyphens or dots (E-mail = email, Customer_ID = customer id), and
 * no marker of a required column (* before or after) or trailing colon.
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u3000_\-.]+/g, '')
    .replace(/^\*+/, '')
    .replace(/[:*]+$/, '');
}

// A unit or remark in brackets at the end: 金额（元）, Amount (USD), 生日[农历].
const TRAILING_BRACKET = /[([【〔][^()[\]【】〔〕]*[)\]】〕]$/;

/** The keys a header is looked up under: itself, then without a bracketed unit at its end. */
export function headerKeys(text: string): string[] {
  const key = normalizeHeader(text);
  const bare = key.replace(TRAILING_BRACKET, '');
  return bare !== key && bare !== '' ? [key, bare] : [key];
}
