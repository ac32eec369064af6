/**
 * Every error a user can cause, as one sentence in their language that says what to fix.
 * Templates get the raw parameters and helpers that render a cell position, a value and a day.
 */
import type { ErrorParams } from './errors';
import type { Lang } from './locale';

export interface Render {
  /** "row 7" (a sheet row) or "row 7 of the range" when the sheet row is unknown. */
  at(arg: string, index: number): string;
  /** "the text '¥1,200'", "the number 5", "the date 2024-03-05", "empty". */
  value(v: unknown): string;
  /** A calendar day as 2024-03-05. */
  day(day: number): string;
  /** A name (customer, group) in quotes: 'KH0001' / “KH0001”. */
  name(v: unknown): string;
}

type Template = (p: ErrorParams & Record<string, any>, r: Render) => string;

const HEADER_HINT: Record<Lang, string> = {
  en: ' If that is a header, start the range one row lower.',
  zh: '如果这是标题行，请从下一行开始选择区域。',
};

/** The position of a cell, or nothing for a single-value argument. */
function where(p: ErrorParams, r: Render, lang: Lang): string {
  if (p.index === undefined || p.arg === undefined) return '';
  return lang === 'en' ? ` ${r.at(p.arg, p.index)}` : r.at(p.arg, p.index);
}

/**
 * Chinese: the argument and its row as the subject of a sentence, ending in a space or a Chinese
 * character so what follows joins it as written ("amounts 第 7 行是…", "amounts 是…").
 */
function zhAt(arg: string, p: ErrorParams, r: Render): string {
  return p.index === undefined ? `${arg} ` : `${arg} ${r.at(arg, p.index).trim()}`;
}

/** A first-row text without digits ('revenue', '金额') is most likely a header selected by mistake. */
function headerHint(p: ErrorParams, lang: Lang): string {
  return p.index === 0 && typeof p.value === 'string' && !/\d/.test(p.value) ? HEADER_HINT[lang] : '';
}

const MESSAGES = {
  missingArg: {
    en: (p) => `the argument ${p.arg} is missing.`,
    zh: (p) => `缺少参数 ${p.arg}。`,
  },
  notNumber: {
    en: (p, r) => `${p.arg}${where(p, r, 'en')} is ${r.value(p.value)}, not a number.${headerHint(p, 'en')}`,
    zh: (p, r) => `${zhAt(String(p.arg), p, r)}是${r.value(p.value)}，不是数字。${headerHint(p, 'zh')}`,
  },
  notDate: {
    en: (p, r) => `${p.arg}${where(p, r, 'en')} is ${r.value(p.value)}, not a date. Format the cells as dates or write them as 2024-03-05.${headerHint(p, 'en')}`,
    zh: (p, r) => `${zhAt(String(p.arg), p, r)}是${r.value(p.value)}，不是日期。请把单元格设为日期格式，或写成 2024-03-05 的形式。${headerHint(p, 'zh')}`,
  },
  emptyCell: {
    en: (p, r) => `${p.arg}${where(p, r, 'en')} is empty. Fill it in, or clear the whole row.`,
    zh: (p, r) => `${zhAt(String(p.arg), p, r)}是空白。请填写，或把整行清空。`,
  },
  missingCustomer: {
    en: (p, r) => `${p.arg}${where(p, r, 'en')} is empty, but that row has an order. Fill in the customer, or clear the whole row.`,
    zh: (p, r) => `${zhAt(String(p.arg), p, r)}没有客户，但这一行有订单。请填写客户，或把整行清空。`,
  },
  notLabel: {
    en: (p, r) => `${p.arg}${where(p, r, 'en')} is ${r.value(p.value)}; names and codes must be text or numbers.`,
    zh: (p, r) => `${zhAt(String(p.arg), p, r)}是${r.value(p.value)}；名称和代码只能是文本或数字。`,
  },
  sumTooLarge: {
    en: (p, r) => `the ${p.arg} add up to more than a number can hold${p.customer === undefined ? '' : ` (customer ${r.name(p.customer)})`}. Check for a mistyped amount.`,
    zh: (p, r) => `${p.arg} 的合计超出了数字能表示的范围${p.customer === undefined ? '' : `（客户${r.name(p.customer)}）`}。请检查是否有输错的金额。`,
  },
  emptyName: {
    en: (p) => `${p.arg} has an empty name; give ${p.count} names separated by commas.`,
    zh: (p) => `${p.arg} 里有空的名称；请给出 ${p.count} 个用逗号分隔的名称。`,
  },
  notSingleColumn: {
    en: (p) => `${p.arg} must be a single column, not ${p.columns} columns.`,
    zh: (p) => `${p.arg} 只能选一列，现在选了 ${p.columns} 列。`,
  },
  lengthMismatch: {
    en: (p) => `${p.arg} has ${p.rows} rows but ${p.other} has ${p.otherRows}. Select ranges that cover the same rows.`,
    zh: (p) => `${p.arg} 有 ${p.rows} 行，${p.other} 有 ${p.otherRows} 行。请选择行数相同的区域。`,
  },
  notSingleCell: {
    en: (p) => `${p.arg} must be a single value, not a range.`,
    zh: (p) => `${p.arg} 只能是一个值，不能是区域。`,
  },
  binsRange: {
    en: (p, r) => `bins must be a whole number from 2 to 9, not ${r.value(p.value)}.`,
    zh: (p, r) => `bins 必须是 2 到 9 的整数，现在是${r.value(p.value)}。`,
  },
  shareRange: {
    en: (p, r) => `${p.arg} must be a share between 0 and 1 (such as 0.8 or 80%), not ${r.value(p.value)}.`,
    zh: (p, r) => `${p.arg} 必须是 0 到 1 之间的比例（例如 0.8 或 80%），现在是${r.value(p.value)}。`,
  },
  sharesOrder: {
    en: (p) => `a_share (${p.a}) must not be larger than b_share (${p.b}).`,
    zh: (p) => `a_share（${p.a}）不能大于 b_share（${p.b}）。`,
  },
  unknownChoice: {
    en: (p, r) => `${p.arg} must be one of ${p.choices}, not ${r.value(p.value)}.`,
    zh: (p, r) => `${p.arg} 只能是 ${p.choices} 之一，现在是${r.value(p.value)}。`,
  },
  namesCount: {
    en: (p) => `${p.arg} needs ${p.count} names separated by commas, but has ${p.given}.`,
    zh: (p) => `${p.arg} 需要 ${p.count} 个名称（用逗号分隔），现在有 ${p.given} 个。`,
  },
  rulesShape: {
    en: (p) => `the rules table in scheme needs 7 columns (name, R min, R max, F min, F max, M min, M max), not ${p.columns}.`,
    zh: (p) => `scheme 规则表需要 7 列（名称、R 最小、R 最大、F 最小、F 最大、M 最小、M 最大），现在是 ${p.columns} 列。`,
  },
  ruleWithoutName: {
    en: (p, r) => `scheme${where(p, r, 'en')} has limits but no segment name.`,
    zh: (p, r) => `${zhAt('scheme', p, r)}有分数范围，但没有类别名称。`,
  },
  noRules: {
    en: () => `the rules table in scheme has no rules.`,
    zh: () => `scheme 规则表里没有规则。`,
  },
  analysisBeforeLastOrder: {
    en: (p, r) => `analysis_date ${r.day(p.analysisDay)} is before the last order of customer ${r.name(p.customer)} (${r.day(p.lastDay)}, order_dates ${r.at('order_dates', p.orderRow)}). Choose a later date, or leave it empty to use the day after the last order.`,
    zh: (p, r) => `analysis_date ${r.day(p.analysisDay)} 早于客户${r.name(p.customer)}的最近一次订单（${r.day(p.lastDay)}，order_dates${r.at('order_dates', p.orderRow)}）。请选更晚的日期，或留空（默认为最后订单的第二天）。`,
  },
  dateAfterAnalysis: {
    en: (p, r) => `${p.arg}${where(p, r, 'en')} is ${r.day(p.day)}, after analysis_date ${r.day(p.analysisDay)}. Choose a later analysis_date, or leave it empty.`,
    zh: (p, r) => `${zhAt(String(p.arg), p, r)}是 ${r.day(p.day)}，晚于 analysis_date ${r.day(p.analysisDay)}。请选更晚的 analysis_date，或留空。`,
  },
  groupConflict: {
    en: (p, r) => `customer ${r.name(p.customer)} is in group ${r.name(p.value)} on groups ${r.at('groups', p.index!)} but in ${r.name(p.otherGroup)} on ${r.at('groups', p.otherRow)}. A customer belongs to one group.`,
    zh: (p, r) => `客户${r.name(p.customer)}在 groups${r.at('groups', p.index!)}属于${r.name(p.value)}，在 groups${r.at('groups', p.otherRow)}却属于${r.name(p.otherGroup)}。一个客户只能属于一个分组。`,
  },
  noData: {
    en: (p) => `${p.arg} has no data rows. Select the ranges that hold the data.`,
    zh: (p) => `${p.arg} 里没有数据行。请选择有数据的区域。`,
  },
  mixedRecency: {
    en: (p, r) => `recency${where(p, r, 'en')} is ${r.value(p.value)}, but the column started with ${p.days ? 'numbers of days' : 'dates'}. Use either days or last-purchase dates in the whole column.`,
    zh: (p, r) => `${zhAt('recency', p, r)}是${r.value(p.value)}，但这一列前面是${p.days ? '天数' : '日期'}。整列请统一用天数或最近购买日期。`,
  },
  negativeRecency: {
    en: (p, r) => `recency${where(p, r, 'en')} is ${r.value(p.value)}: days since the last purchase cannot be negative.`,
    zh: (p, r) => `${zhAt('recency', p, r)}是${r.value(p.value)}：距最近购买的天数不能是负数。`,
  },
  scoresShape: {
    en: (p) => `scores needs 3 columns (R, F, M) or one column of codes such as 545, not ${p.columns} columns.`,
    zh: (p) => `scores 需要 3 列（R、F、M）或一列代码（例如 545），现在是 ${p.columns} 列。`,
  },
  badScore: {
    en: (p, r) => `scores${where(p, r, 'en')} is ${r.value(p.value)}, not ${p.code ? 'an RFM code such as 545' : 'a score from 1 to 9'}.${headerHint(p, 'en')}`,
    zh: (p, r) => `${zhAt('scores', p, r)}是${r.value(p.value)}，不是${p.code ? ' RFM 代码（例如 545）' : ' 1 到 9 的分数'}。${headerHint(p, 'zh')}`,
  },
  namedScoreRange: {
    en: (p, r) => `scores${where(p, r, 'en')} has the score ${p.score}; the named segments are defined for scores 1 to 5 (score with 5 bins).`,
    zh: (p, r) => `${zhAt('scores', p, r)}有分数 ${p.score}；命名类别只适用于 1 到 5 分（请用 5 档评分）。`,
  },
  clvTooFewCustomers: {
    en: (p) => `only ${p.customers} ${p.customers === 1 ? 'customer has' : 'customers have'} orders; at least ${p.needed} are needed to fit the lifetime-value models. Use a larger order log.`,
    zh: (p) => `只有 ${p.customers} 位客户有订单；拟合客户终身价值模型至少需要 ${p.needed} 位。请使用更大的订单记录。`,
  },
  clvTooFewRepeat: {
    en: (p) => `only ${p.repeat} ${p.repeat === 1 ? 'customer' : 'customers'} bought twice (on different days); at least ${p.needed} are needed to fit. Use a longer order history, or give CLV the params CLVPARAMS fitted on a larger one.`,
    zh: (p) => `只有 ${p.repeat} 位客户在不同的日子购买过两次以上；至少需要 ${p.needed} 位才能拟合。请使用更长的订单记录，或把在更大订单记录上用 CLVPARAMS 拟合的参数交给 CLV。`,
  },
  clvTooFewSpending: {
    en: (p) => `only ${p.repeat} returning ${p.repeat === 1 ? 'customer' : 'customers'} spent more than 0 on average on their repeat purchases; at least ${p.needed} are needed to fit the spending model (Gamma-Gamma). Check for refunds entered as orders, or use a longer order history.`,
    zh: (p) => `只有 ${p.repeat} 位回头客户的重复购买平均金额大于 0；拟合消费模型（Gamma-Gamma）至少需要 ${p.needed} 位。请检查是否把退款记成了订单，或使用更长的订单记录。`,
  },
  clvNoOptimum: {
    en: (p) => `the order log is too uniform to fit the ${p.model === 'Gamma-Gamma' ? 'spending model (Gamma-Gamma)' : `purchase model (${p.model})`}: its best fit sends ${p.parameter} towards ${p.toward === 'zero' ? 'zero' : 'infinity'}. Use a longer or more varied order history, or give CLV the params CLVPARAMS fitted on one.`,
    zh: (p) => `订单记录过于单一，无法拟合${p.model === 'Gamma-Gamma' ? '消费模型（Gamma-Gamma）' : `购买模型（${p.model}）`}：最佳拟合使 ${p.parameter} 趋于${p.toward === 'zero' ? '零' : '无穷大'}。请使用更长或更多样的订单记录，或把在这样的记录上用 CLVPARAMS 拟合的参数交给 CLV。`,
  },
  clvModel: {
    en: (p, r) => `model must be "bgnbd" (BG/NBD), "mbgnbd" (MBG/NBD) or "paretonbd" (Pareto/NBD), not ${r.value(p.value)}.`,
    zh: (p, r) => `model 必须是 "bgnbd"（BG/NBD）、"mbgnbd"（MBG/NBD）或 "paretonbd"（Pareto/NBD），现在是${r.value(p.value)}。`,
  },
  clvParamModel: {
    en: (p, r) => `params${where(p, r, 'en')} names the model ${r.value(p.value)}; CLVPARAMS writes "bgnbd", "mbgnbd" or "paretonbd" there. Give the table CLVPARAMS returns.`,
    zh: (p, r) => `${zhAt('params', p, r)}的模型是${r.value(p.value)}；CLVPARAMS 在这里写的是 "bgnbd"、"mbgnbd" 或 "paretonbd"。请选择 CLVPARAMS 返回的表。`,
  },
  clvModelMismatch: {
    en: (p) => `params were fitted with ${p.fitted} but model asks for ${p.asked}. Leave model empty to score with the params' model, or fit again with CLVPARAMS(…, "${p.code}").`,
    zh: (p) => `params 是用 ${p.fitted} 拟合的，而 model 指定了 ${p.asked}。请留空 model 以使用参数表的模型，或用 CLVPARAMS(…, "${p.code}") 重新拟合。`,
  },
  clvMonths: {
    en: (p, r) => `months must be a whole number from 1 to ${p.max}, not ${r.value(p.value)}.`,
    zh: (p, r) => `months 必须是 1 到 ${p.max} 的整数，现在是${r.value(p.value)}。`,
  },
  clvDiscount: {
    en: (p, r) => `monthly_discount must be a rate from 0 up to (not including) 1, such as 0.01 or 1%, not ${r.value(p.value)}.`,
    zh: (p, r) => `monthly_discount 必须是大于等于 0、小于 1 的比率（例如 0.01 或 1%），现在是${r.value(p.value)}。`,
  },
  clvParamsShape: {
    en: (p) => `params must be the two columns CLVPARAMS returns (name, value), not ${p.columns} ${p.columns === 1 ? 'column' : 'columns'}.`,
    zh: (p) => `params 必须是 CLVPARAMS 返回的两列（名称、数值），现在是 ${p.columns} 列。`,
  },
  clvParamMissing: {
    en: (p, r) => `params has no row named ${r.name(p.name)}. Give the whole table CLVPARAMS returns.`,
    zh: (p, r) => `params 里没有名为${r.name(p.name)}的行。请选择 CLVPARAMS 返回的整张表。`,
  },
  clvParamTwice: {
    en: (p, r) => `params${where(p, r, 'en')} names ${r.name(p.name)} a second time. Give the table CLVPARAMS returns once.`,
    zh: (p, r) => `${zhAt('params', p, r)}再次出现了${r.name(p.name)}。CLVPARAMS 返回的表只需选一次。`,
  },
  clvParamValue: {
    en: (p, r) => `params${where(p, r, 'en')} gives ${r.name(p.name)} as ${r.value(p.value)}; it must be a positive number, as CLVPARAMS returns it.`,
    zh: (p, r) => `${zhAt('params', p, r)}中${r.name(p.name)}的值是${r.value(p.value)}；它必须是正数（即 CLVPARAMS 返回的值）。`,
  },
  sqlColumnName: {
    en: (p, r) => `${p.arg} is ${r.value(p.value)}, not a column name. Use letters, digits and underscores (spaces and hyphens only inside); a name that could change the query is refused.`,
    zh: (p, r) => `${p.arg} 是${r.value(p.value)}，不是列名。请只用字母、数字和下划线（空格和连字符只能在中间）；可能改变查询的名称一律拒绝。`,
  },
  sqlTableName: {
    en: (p, r) => `table is ${r.value(p.value)}, not a table name. ${p.dialect === 'bigquery' ? 'Write it as project.dataset.table (such as my-project.sales.orders)' : 'Write it as table or schema.table'}; a name that could change the query is refused.`,
    zh: (p, r) => `table 是${r.value(p.value)}，不是表名。${p.dialect === 'bigquery' ? '请写成 project.dataset.table（例如 my-project.sales.orders）' : '请写成 table 或 schema.table'}；可能改变查询的名称一律拒绝。`,
  },
  unexpected: {
    en: (p) => `something unexpected went wrong (${p.detail}). Please report it with the formula you typed.`,
    zh: (p) => `发生了意外错误（${p.detail}）。请把您输入的公式一起报告给我们。`,
  },
} satisfies Record<string, Record<Lang, Template>>;

export type MessageKey = keyof typeof MESSAGES;

/** "RFM: amounts row 7 is the text '¥1,200', not a number." */
export function formatMessage(fn: string, key: MessageKey, params: ErrorParams, lang: Lang, render: Render): string {
  const body = (MESSAGES[key][lang] as Template)(params, render);
  return lang === 'zh' ? `${fn}：${body}` : `${fn}: ${body}`;
}
