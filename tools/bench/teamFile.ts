/**
 * A large customer file for the benchmarks, shaped as the sample's (Chinese headers, an order
 * log, a contact log, a team list with e-mails) at any size: 10 orders per customer over two
 * years on average (1 to 19, customers joining and some stopping over the two years),
 * Pareto-shaped amounts, a contact for half the customers, one rep per 1,000 customers unless
 * told (issue 11 sizes the file at 100 reps for 50,000 customers).
 * Deterministic; all names and addresses invented.
 */

export interface BenchFile {
  sheets: Record<string, unknown[][]>;
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Dates arrive as Date cells: `toDate(y, m, d)` makes them in the bundle's realm and zone. */
export function benchFile(customers: number, toDate: (y: number, m: number, d: number) => unknown, ordersPerCustomer = 10, reps = Math.max(3, Math.round(customers / 1000))): BenchFile {
  const rnd = lcg(customers);
  const regions = ['华东', '华南', '华北', '西南'];
  const days: unknown[] = [];
  for (let d = 0; d < 730; d++) {
    const t = new Date(Date.UTC(2024, 10, 21 + d));
    days.push(toDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()));
  }
  const customerRows: unknown[][] = [['客户代码', '名称', '区域', '地址', '电话号码', '对口销售员码', '销售限额', '应收余额', '生日', '最近审核日期', '备注']];
  const orders: unknown[][] = [['客户代码', '订单日期', '金额', '毛利']];
  const contacts: unknown[][] = [['日期', '客户代码', '类型', '销售员', '内容']];
  for (let i = 0; i < customers; i++) {
    const id = `KH${String(i + 1).padStart(6, '0')}`;
    const rep = `S${String((i % reps) + 1).padStart(3, '0')}`;
    const size = 1 / (0.02 + rnd());
    customerRows.push([
      id,
      `客户${i + 1}商贸有限公司`,
      regions[i % regions.length],
      i % 17 === 0 ? '' : `某市某路 ${i % 900} 号`,
      i % 23 === 0 ? '' : `0571-${String(10000000 + i).slice(-8)}`,
      rep,
      Math.round(size * 1000),
      Math.round(size * 900 * rnd()),
      days[Math.floor(rnd() * days.length)],
      days[Math.floor(rnd() * days.length)],
      i % 5 === 0 ? '节假日不收货' : '',
    ]);
    // Customers join at different times, some stop buying (a third), and buy at their own pace:
    // the variety a lifetime model needs (uniform synthetic buying cannot be fitted).
    const first = Math.floor(rnd() * 600);
    const last = rnd() < 0.33 ? first + Math.floor(rnd() * (729 - first)) : 729;
    const count = 1 + Math.floor(rnd() * (2 * ordersPerCustomer - 1));
    for (let k = 0; k < count; k++) {
      const d = k === 0 ? first : first + Math.floor(rnd() * (last - first + 1));
      const amount = Math.round(size * 100 * (0.5 + rnd()));
      orders.push([id, days[d], amount, Math.round(amount * 0.2)]);
    }
    if (i % 2 === 0) contacts.push([days[700 + Math.floor(rnd() * 29)], id, rnd() < 0.6 ? '拜访' : '电话', rep, '例行拜访']);
  }
  const team: unknown[][] = [['代码', '姓名', '角色', '邮箱', '区域']];
  for (let r = 1; r <= reps; r++) {
    const code = `S${String(r).padStart(3, '0')}`;
    team.push([code, `销售${r}`, '销售员', `${code.toLowerCase()}@example.com`, regions[(r - 1) % regions.length]]);
  }
  regions.forEach((region, k) => team.push([`M0${k + 1}`, `经理${k + 1}`, '销售经理', `m0${k + 1}@example.com`, region]));
  team.push(['D01', '总监', '营销总监', 'director@example.com', '']);
  team.push(['G01', '总经理', '总经理', 'gm@example.com', '']);
  return { sheets: { 客户: customerRows, 订单: orders, 联系记录: contacts, 销售团队: team } };
}
