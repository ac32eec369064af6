/**
 * The English sample: the same customers, orders and contacts as the Chinese one (same seed, same
 * dates, amounts, codes and shape), told in English: English headers, shop and people names,
 * addresses, products, payment terms, notes and contact kinds, and an English team list.
 *
 * It is a translation of the generated workbook rather than a second generator, so every
 * property the sample tests prove (Pareto spend, lapsed customers, over-limit balances, the
 * missing fields) holds in both languages by construction. Names, addresses and phones are drawn
 * from a stream of their own ('english'), so the Chinese file is untouched by this module.
 * Phones use Ofcom's numbers reserved for drama (07700 900xxx, 01632 960xxx): none rings anyone.
 */
import type { Cell, SampleWorkbook, SheetRows } from './generate';
import { Rng } from './generate';

export const EN_CUSTOMER_HEADERS = [
  'Customer ID', 'Name', 'Customer type', 'Region', 'Urban/rural', 'Address', 'Contact person', 'Phone', 'WeChat', 'Email',
  'Sales rep', 'Payment terms', 'Credit limit', 'Outstanding', 'Bank account', 'Birthday', 'Last reviewed', 'Notes',
] as const;
export const EN_ORDER_HEADERS = ['Customer ID', 'Order date', 'Amount', 'Product', 'Margin'] as const;
export const EN_CONTACT_HEADERS = ['Date', 'Customer ID', 'Type', 'Rep', 'Note', 'Deadline'] as const;
export const EN_TEAM_HEADERS = ['Code', 'Name', 'Role', 'Email', 'Region'] as const;

/** Every fixed Chinese word of the sample and its English; a word missing here is a test failure. */
export const EN_WORDS: Readonly<Record<string, string>> = {
  // customer types
  批发: 'Wholesale', 零售: 'Retail', 餐饮: 'Restaurant', 商超: 'Supermarket',
  // regions
  华东: 'East', 华南: 'South', 华北: 'North', 西南: 'West',
  // urban / rural
  城市: 'Urban', 农村: 'Rural',
  // products
  食用油: 'Cooking oil', 大米: 'Rice', 面粉: 'Flour', 酱油: 'Soy sauce', 醋: 'Vinegar', 调味料: 'Seasoning',
  方便面: 'Instant noodles', 饮料: 'Soft drinks', 啤酒: 'Beer', 白酒: 'Spirits', 休闲零食: 'Snacks', 冷冻食品: 'Frozen food',
  // payment terms
  月结30天: 'Net 30', 月结60天: 'Net 60', 月结90天: 'Net 90', 票到15天: '15 days from invoice',
  现款现货: 'Cash on order', 货到付款: 'Cash on delivery', 周结: 'Weekly',
  // contact kinds
  拜访: 'Visit', 电话: 'Call', 投诉: 'Complaint',
  // roles
  销售员: 'Sales rep', 销售经理: 'Sales manager', 营销总监: 'Marketing director', 总经理: 'General manager',
  // notes
  '已停业?': 'Closed down?', '电话已换，待核实': 'Phone changed, to be checked', '原业务员离职，待分配': 'Former rep left, to be reassigned',
  '老板喜欢喝茶，拜访可带茶叶': 'Owner likes tea: bring some when visiting', '春节前备货量大': 'Stocks up heavily before the holidays',
  '需开增值税专用发票': 'Needs a VAT invoice', '只收上午送货': 'Deliveries in the morning only', '仓库在后门，送货先打电话': 'Warehouse at the back door: call before delivering',
  '老板娘管账': "The owner's wife keeps the accounts", '对价格敏感': 'Price-sensitive', '有意做区域代理': 'Interested in becoming a regional agent',
  '店面正在扩建': 'Shop being extended', '连锁三家店，统一结算': 'Three shops, one account', '节假日不收货': 'No deliveries on public holidays',
  '送样品，介绍新品': 'Brought samples, presented new products', '对账，收回货款': 'Reconciled the account, collected payment',
  '了解库存，提出补货建议': 'Checked stock, suggested a reorder', '陪同经理拜访老板': 'Visited the owner with the manager', '节日慰问': 'Holiday greetings',
  '检查陈列，补贴海报': 'Checked the shelves, put up posters', '洽谈年度返利': 'Discussed the yearly rebate', '收集竞品价格': "Noted competitors' prices",
  '商谈新品进场费': 'Negotiated a listing fee for new products',
  '确认下周订货': "Confirmed next week's order", '催收货款': 'Chased an overdue payment', '通知价格调整': 'Announced a price change',
  '回访送货情况': 'Followed up on a delivery', '确认促销活动档期': 'Confirmed the promotion dates', '核对发票信息': 'Checked invoice details',
  '送货延迟两天': 'Delivery two days late', '部分商品破损': 'Some goods damaged', '发票抬头有误': 'Wrong name on the invoice',
  '价格与报价单不符': 'Price differs from the quote', '收到临期产品': 'Received goods close to expiry', '少送一箱货': 'One case short',
  '送货员态度差': 'Rude delivery driver', '电话无人接听，门店疑似关闭': 'No answer on the phone, shop seems closed',
};

/** The team list in English: the same codes, roles, regions and e-mail pattern, English names. */
const TEAM_NAMES: Readonly<Record<string, string>> = {
  S01: 'James Carter', S02: 'Emily Hughes', S03: 'Oliver Bennett', S04: 'Sophie Turner', S05: 'Daniel Price', S06: 'Grace Walker',
  M01: 'Thomas Reed', M02: 'Hannah Brooks', M03: 'William Shaw', M04: 'Lucy Palmer', D01: 'Edward Collins', G01: 'Charlotte Hayes',
};

const FIRST_NAMES = [
  'Alan', 'Amy', 'Ben', 'Chloe', 'David', 'Ella', 'Frank', 'Fiona', 'George', 'Helen', 'Ian', 'Jane', 'Jack', 'Karen', 'Liam',
  'Laura', 'Mark', 'Mary', 'Nick', 'Olivia', 'Paul', 'Rachel', 'Sam', 'Sarah', 'Tom', 'Vicky', 'Will', 'Zoe',
];
const SURNAMES = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Evans', 'Thomas', 'Johnson', 'Roberts', 'Walker', 'Wright', 'Robinson',
  'Thompson', 'White', 'Green', 'Hall', 'Wood', 'Harris', 'Clarke', 'Lewis', 'Scott', 'Young', 'King', 'Baker',
];
/** Towns per region (urban) and villages (rural); the file's regions read East/South/North/West. */
const TOWNS: Readonly<Record<string, { towns: readonly string[]; villages: readonly string[] }>> = {
  East: { towns: ['Norwich', 'Cambridge', 'Ipswich', 'Colchester'], villages: ['Little Snoring', 'Long Melford', 'Saxtead Green'] },
  South: { towns: ['Brighton', 'Southampton', 'Portsmouth', 'Reading'], villages: ['Alfriston', 'Beaulieu', 'Lyndhurst'] },
  North: { towns: ['Leeds', 'York', 'Newcastle', 'Durham'], villages: ['Grassington', 'Hawes', 'Rothbury'] },
  West: { towns: ['Bristol', 'Exeter', 'Plymouth', 'Bath'], villages: ['Lacock', 'Dunster', 'Castle Combe'] },
};
const STREETS = ['High Street', 'Station Road', 'Church Lane', 'Market Street', 'Mill Road', 'Park Avenue', 'Victoria Road', 'London Road'];
const TRADE_WORDS = ['Golden', 'Harvest', 'Sunrise', 'Oak', 'Riverside', 'Evergreen', 'Crown', 'Meadow', 'Fairway', 'Lucky', 'Northgate', 'Hilltop'];
const SUFFIXES: Readonly<Record<string, readonly string[]>> = {
  Wholesale: ['Trading Ltd', 'Wholesale', 'Food Distributors', 'Cash & Carry'],
  Retail: ['Corner Shop', 'Convenience Store', 'Grocers', 'General Store'],
  Restaurant: ['Restaurant', 'Kitchen', 'Bistro', 'Noodle Bar', 'Diner'],
  Supermarket: ['Supermarket', 'Market', 'Foodstore', 'Superstore'],
};

/** The English rendering of a generated (Chinese) workbook; same rows, same order, same numbers. */
export function toEnglish(zh: SampleWorkbook, seed: number): SampleWorkbook {
  const rng = new Rng(seed, 'english');
  const used = new Set<string>();
  const [, ...customers] = zh.sheets.Customers;
  return {
    today: zh.today,
    team: [[...EN_TEAM_HEADERS], ...zh.team.slice(1).map(([code, , role, email, region]) => {
      const name = TEAM_NAMES[String(code)] ?? String(code);
      return [code, name, word(role), email === null ? null : `${name.toLowerCase().replace(/\s+/g, '.')}@example.com`, region === '' ? '' : word(region)];
    })],
    sheets: {
      Customers: [[...EN_CUSTOMER_HEADERS], ...customers.map((row) => customerRow(rng, used, row))],
      Orders: [[...EN_ORDER_HEADERS], ...zh.sheets.Orders.slice(1).map(([code, date, amount, product, margin]) => [code, date, amount, word(product), margin])],
      Contacts: [[...EN_CONTACT_HEADERS], ...zh.sheets.Contacts.slice(1).map(([date, code, kind, rep, note, deadline]) => [date, code, word(kind), rep, word(note), deadline])],
    },
  };
}

/** A fixed word's English; a word the table lacks throws, so a new Chinese word cannot slip through. */
function word(v: Cell): Cell {
  if (v === null || v === '') return v;
  const en = EN_WORDS[String(v)];
  if (en === undefined) throw new Error(`english.ts has no English for the sample word '${String(v)}'`);
  return en;
}

function customerRow(rng: Rng, used: Set<string>, zh: Cell[]): Cell[] {
  const [code, , type, region, urban, address, , phone, wechat, email, rep, terms, credit, balance, bank, birthday, reviewed, note] = zh;
  const typeEn = String(word(type));
  const regionEn = String(word(region));
  const place = TOWNS[regionEn];
  const town = urban === '城市' ? rng.pick(place.towns) : rng.pick(place.villages);
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(SURNAMES);
  let name = rng.chance(0.3) && (typeEn === 'Retail' || typeEn === 'Restaurant')
    ? `${last}'s ${rng.pick(SUFFIXES[typeEn])}`
    : `${rng.chance(0.5) ? town : rng.pick(TRADE_WORDS)} ${rng.pick(SUFFIXES[typeEn])}`;
  const base = name;
  for (let branch = 2; used.has(name); branch++) name = `${base} (${branch})`;
  used.add(name);
  const street = `${rng.int(1, 199)} ${rng.pick(STREETS)}, ${town}`;
  const mobile = `07700 900${String(rng.int(0, 999)).padStart(3, '0')}`;
  const landline = `01632 960${String(rng.int(0, 999)).padStart(3, '0')}`;
  const handle = `${first}.${last}`.toLowerCase();
  return [
    code, name, typeEn, regionEn, word(urban), address === null ? null : street, `${first} ${last}`,
    phone === null ? null : String(phone).startsWith('0') ? landline : mobile, // a Chinese landline starts with its area code
    wechat === null ? null : `wx_${handle.replace('.', '_')}`,
    email === null ? null : `${handle}${rng.int(1, 99)}@example.com`,
    rep, word(terms), credit, balance, bank, birthday, reviewed, word(note),
  ];
}
