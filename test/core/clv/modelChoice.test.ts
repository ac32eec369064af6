/**
 * Choosing the purchase model: CLVPARAMS(…, model) and CLV(…, params, model) as result tables and
 * their errors, the Settings sheet's Lifetime model (存活模型) reaching the daily run's P(alive),
 * and P(alive) as words a rep reads on the card.
 */
import { lifetimeOf } from '../../../src/app/reads/lifetime';
import type { Tables } from '../../../src/app/reads/tables';
import type { CellValue } from '../../../src/core/cells';
import { probabilityAlive } from '../../../src/core/clv/bgnbd';
import { DEFAULT_AUTOMATION_MODEL, probabilityAliveByCustomer } from '../../../src/core/clv/forAutomation';
import { pAliveWords, P_ALIVE_BUYING_FROM, P_ALIVE_LAPSED_BELOW } from '../../../src/core/clv/labels';
import { modelNamed, scorerOf } from '../../../src/core/clv/models';
import { DayClock } from '../../../src/core/dates';
import type { FunctionContext } from '../../../src/core/functions/context';
import { clvParamsTable, clvTable, readParams } from '../../../src/core/functions/clv';
import { formatMessage, Render } from '../../../src/core/messages';
import type { CustomerClass } from '../../../src/core/model';
import { defaultSettings } from '../../../src/core/settings/defaults';
import { describeSettingsError, readSettingsSheet, SettingsError } from '../../../src/core/settings/read';
import { renderSettingsSheet } from '../../../src/core/settings/render';
import { simulateOrders } from '../../../tools/bench/clv';
import { offsetMinutes, zoneOffsetMs } from '../../../tools/gas/zone';
import { inputError } from '../../support/core';

const TZ = 'Asia/Shanghai';
const clock = new DayClock((ms) => offsetMinutes(zoneOffsetMs(TZ, ms)));
const ctx = (lang: 'en' | 'zh' = 'en'): FunctionContext => ({ lang, clock });
const col = (values: CellValue[]): CellValue[][] => values.map((v) => [v]);

const sim = simulateOrders({ customers: 600, seed: 5 });
const base = Date.UTC(2024, 0, 1) - 8 * 3_600_000; // midnight in Shanghai
const ids = col(sim.customer.map((c) => `KH${c}`));
const dates = col(sim.day.map((d) => new Date(base + d * 86_400_000)));
const amounts = col(sim.amount);
const fit = (model?: CellValue, lang: 'en' | 'zh' = 'en') => clvParamsTable(ctx(lang), ids, dates, amounts, undefined, model);
const score = (params?: CellValue[][], model?: CellValue) => clvTable(ctx(), ids, dates, amounts, undefined, undefined, undefined, params, model);
const valueOf = (table: CellValue[][], name: string) => table.find((r) => r[0] === name)![1] as number;

describe('CLVPARAMS with a model', () => {
  it('names the model in its second row and lists that model\'s parameters', () => {
    expect(fit().map((r) => r[0]).slice(0, 7)).toEqual(['Parameter', 'Model', 'r', 'alpha', 'a', 'b', 'BG/NBD log-likelihood']);
    const mbg = fit('mbgnbd');
    expect(mbg.map((r) => r[0])).toEqual(['Parameter', 'Model', 'r', 'alpha', 'a', 'b', 'MBG/NBD log-likelihood', 'p', 'q', 'v', 'Gamma-Gamma log-likelihood', 'Customers', 'Returning customers']);
    expect(mbg[1][1]).toBe('mbgnbd');
    const pnbd = fit('Pareto/NBD');
    expect(pnbd.map((r) => r[0]).slice(0, 7)).toEqual(['Parameter', 'Model', 'r', 'alpha', 's', 'beta', 'Pareto/NBD log-likelihood']);
    expect(pnbd[1][1]).toBe('paretonbd');
    for (const t of [mbg, pnbd]) for (const r of t.slice(2)) expect(Number.isFinite(r[1])).toBe(true);
  });

  it('fits each model to its own maximum: the three log-likelihoods differ, the spending model is the same', () => {
    const [bg, mbg, pnbd] = [fit(), fit('mbgnbd'), fit('paretonbd')];
    expect(new Set([bg[6][1], mbg[6][1], pnbd[6][1]]).size).toBe(3);
    expect(mbg.slice(7, 11)).toEqual(bg.slice(7, 11));
  });

  it('speaks Chinese, and CLV reads the Chinese table back', () => {
    const zh = fit('mbgnbd', 'zh');
    expect(zh.map((r) => r[0]).slice(0, 7)).toEqual(['参数', '模型', 'r', 'alpha', 'a', 'b', 'MBG/NBD 对数似然']);
    expect(readParams(zh)).toEqual(readParams(fit('mbgnbd')));
  });

  it.each(['bgd', 'NBD', 3, true])('refuses the model %p with the names it knows', (m) => {
    expect(inputError(() => fit(m))).toMatchObject({ key: 'clvModel', params: { arg: 'model', value: m } });
  });

  it('reads the model as people type it; blank is the default', () => {
    expect(['bgnbd', 'BG/NBD', 'bg-nbd', 'MBG/NBD', 'mbgnbd', 'Pareto/NBD', 'pareto', 'ＰＡＲＥＴＯ／ＮＢＤ'].map(modelNamed)).toEqual(['bgnbd', 'bgnbd', 'bgnbd', 'mbgnbd', 'mbgnbd', 'paretonbd', 'paretonbd', 'paretonbd']);
    expect(fit('')[1][1]).toBe('bgnbd');
  });
});

describe('CLV with a model', () => {
  it('scores with the model its params name: P(alive) per customer from that model', () => {
    for (const model of ['mbgnbd', 'paretonbd'] as const) {
      const params = fit(model);
      const table = score(params);
      const given = readParams(params);
      expect(given.purchase.model).toBe(model);
      const s = scorerOf(given.purchase);
      for (const row of table.slice(1, 60)) expect(row[5]).toBe(s.pAlive(row[2] as number, row[3] as number, row[4] as number));
      // Fitting by itself with the model given scores the same.
      expect(score(undefined, model)).toEqual(table);
    }
  });

  it('under MBG/NBD and Pareto/NBD a one-time buyer is below 1, under BG/NBD exactly 1', () => {
    const oneTime = (table: CellValue[][]) => table.slice(1).filter((r) => r[2] === 0).map((r) => r[5] as number);
    expect(oneTime(score()).every((p) => p === 1)).toBe(true);
    for (const model of ['mbgnbd', 'paretonbd']) {
      const ps = oneTime(score(undefined, model));
      expect(ps.length).toBeGreaterThan(50);
      expect(Math.max(...ps)).toBeLessThan(1);
    }
  });

  it('refuses params fitted with one model scored as another, in the file\'s language', () => {
    const mbg = fit('mbgnbd');
    expect(score(mbg, 'MBG/NBD')).toEqual(score(mbg));
    const e = inputError(() => score(mbg, 'paretonbd'));
    expect(e).toMatchObject({ key: 'clvModelMismatch', params: { fitted: 'MBG/NBD', asked: 'Pareto/NBD', code: 'paretonbd' } });
    const render: Render = { at: (_a, i) => `row ${i + 2}`, value: (v) => `'${v}'`, day: (d) => `${d}`, name: (v) => `'${v}'` };
    expect(formatMessage('CLV', e.key, e.params, 'en', render)).toBe(
      'CLV: params were fitted with MBG/NBD but model asks for Pareto/NBD. Leave model empty to score with the params\' model, or fit again with CLVPARAMS(…, "paretonbd").',
    );
    expect(formatMessage('CLV', e.key, e.params, 'zh', render)).toBe(
      'CLV：params 是用 MBG/NBD 拟合的，而 model 指定了 Pareto/NBD。请留空 model 以使用参数表的模型，或用 CLVPARAMS(…, "paretonbd") 重新拟合。',
    );
  });

  it('reads a table made before the model row as BG/NBD, or as the model given when its parameters are there', () => {
    const bg = fit();
    const old = bg.filter((r) => r[0] !== 'Model');
    expect(score(old)).toEqual(score(bg));
    expect(readParams(old, 'mbgnbd').purchase.model).toBe('mbgnbd');
    expect(inputError(() => score(old, 'paretonbd'))).toMatchObject({ key: 'clvParamMissing', params: { name: 's' } });
  });

  it('refuses a model row it cannot read, naming the row', () => {
    const bad = fit().map((r) => (r[0] === 'Model' ? ['Model', 'nbd'] : r));
    expect(inputError(() => score(bad))).toMatchObject({ key: 'clvParamModel', params: { arg: 'params', index: 1, value: 'nbd' } });
  });
});

describe('the daily run\'s P(alive): MBG/NBD unless the Settings sheet says otherwise', () => {
  const customers = sim.customers;
  const customerOf = Int32Array.from(sim.customer);
  const day = Float64Array.from(sim.day, (d) => 19_000 + d);
  const today = 19_000 + sim.days;

  it('fits MBG/NBD by default', () => {
    expect(DEFAULT_AUTOMATION_MODEL).toBe('mbgnbd');
    const r = probabilityAliveByCustomer({ customerOf, day, customers, analysisDay: today });
    if (!r.ok) throw new Error(r.reason);
    expect(r.purchase.model).toBe('mbgnbd');
  });

  it('lifetimeOf takes the model from the settings: a one-time buyer is 1 under BG/NBD, below under the default', () => {
    const tables = (lifetimeModel: 'bgnbd' | 'mbgnbd' | 'paretonbd') =>
      ({
        settings: { ...defaultSettings(), lifetimeModel },
        customers: Array.from({ length: customers }, (_, c) => ({ id: `KH${c}` })),
        orders: sim.customer.map((c, i) => ({ customer: `KH${c}`, day: day[i] })),
      }) as unknown as Tables;
    const classes = Array.from({ length: customers }, () => ({ rfm: {} }) as unknown as CustomerClass);
    const once = sim.customer.findIndex((c) => sim.customer.filter((k) => k === c).length === 1);
    expect(defaultSettings().lifetimeModel).toBe('mbgnbd');
    const bg = lifetimeOf(tables('bgnbd'), classes, today)!;
    const mbg = lifetimeOf(tables('mbgnbd'), classes, today)!;
    const pnbd = lifetimeOf(tables('paretonbd'), classes, today)!;
    const c = sim.customer[once];
    expect(bg[c]).toBe(1);
    expect(mbg[c]).toBeLessThan(1);
    expect(pnbd[c]).toBeLessThan(1);
    expect(new Set([bg[0], mbg[0], pnbd[0]]).size).toBe(3);
  });

  it('the Settings sheet lists 存活模型 / Lifetime model with MBG/NBD, and reads each model', () => {
    for (const lang of ['zh', 'en'] as const) {
      const grid = renderSettingsSheet(defaultSettings(), null, lang);
      const name = lang === 'zh' ? '存活模型' : 'Lifetime model';
      const i = grid.findIndex((r) => r[0] === name);
      expect(grid[i][1]).toBe('MBG/NBD');
      for (const [typed, model] of [['Pareto/NBD', 'paretonbd'], ['bg/nbd', 'bgnbd'], ['MBG/NBD', 'mbgnbd']] as const) {
        grid[i][1] = typed;
        expect(readSettingsSheet(grid, clock).lifetimeModel).toBe(model);
      }
    }
  });

  it('refuses a model it does not know with a sentence naming the row, the setting and what is allowed', () => {
    const grid = renderSettingsSheet(defaultSettings(), null, 'en');
    const i = grid.findIndex((r) => r[0] === 'Lifetime model');
    grid[i][1] = 'Weibull';
    let error: unknown;
    try {
      readSettingsSheet(grid, clock);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SettingsError);
    const en = describeSettingsError(error as SettingsError, 'en');
    expect(en).toContain(`Settings row ${i + 1}`);
    expect(en).toContain('Lifetime model');
    expect(en).toContain('Weibull');
    expect(en).toContain('MBG/NBD, Pareto/NBD or BG/NBD');
    const zh = describeSettingsError(error as SettingsError, 'zh');
    expect(zh).toContain('存活模型');
    expect(zh).toContain('MBG/NBD、Pareto/NBD、BG/NBD之一');
  });
});

describe('pAliveWords: P(alive) as a rep reads it', () => {
  it('cuts at 0.3 (the flag\'s default threshold) and 0.7', () => {
    expect([P_ALIVE_LAPSED_BELOW, P_ALIVE_BUYING_FROM]).toEqual([defaultSettings().pAliveThreshold, 0.7]);
    expect([0, 0.29, 0.3, 0.69, 0.7, 1].map((p) => pAliveWords(p, 'en'))).toEqual(['likely lapsed', 'likely lapsed', 'may be lapsing', 'may be lapsing', 'likely still buying', 'likely still buying']);
    expect([0.1, 0.5, 0.9].map((p) => pAliveWords(p, 'zh'))).toEqual(['很可能已流失', '可能流失', '很可能仍在购买']);
    expect(pAliveWords(NaN, 'zh')).toBe('');
  });

  it('reads as documented for MBG/NBD on CDNOW: recent repeat buyer, one-time buyers, a repeat buyer long silent', () => {
    const p = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }; // lifetimes' ModifiedBetaGeoFitter on CDNOW
    const words = (x: number, tx: number, T: number) => pAliveWords(probabilityAlive(p, x, tx, T, true), 'en');
    expect(words(1, 35, 38.86)).toBe('likely still buying');
    expect(words(0, 0, 38.86)).toBe('may be lapsing');
    expect(words(0, 0, 731 / 7)).toBe('likely lapsed');
    expect(words(1, 4, 38.86)).toBe('likely lapsed');
  });
});
