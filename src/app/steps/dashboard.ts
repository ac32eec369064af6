/**
 * The dashboard sheet ("Kehu · 仪表盘" / "Kehu · Dashboard"): the figures of this run's
 * classification (shared with the refresh step, nothing read twice) laid out on the add-on's own
 * sheet and drawn as native charts, rebuilt in place on every run: same cells, same charts.
 */
import { writeDashboardSheet, type DashboardWrite } from '../../adapters/charts';
import { dashboardData, VALUE8_ORDER } from '../../core/dashboard/blocks';
import { layoutDashboard, type DashboardLabels } from '../../core/dashboard/layout';
import { civilFromDays } from '../../core/dates';
import { value8Label } from '../../core/analytics/labels';
import type { Lang } from '../../core/locale';
import { classified } from '../reads/classified';
import type { RunContext } from '../run/frame';
import { lifetimeFromSummaries, lifetimeOf } from '../reads/lifetime';
import { newSheetName, ownSheetNames } from '../sheets/ownSheets';
import { appText } from '../run/texts';

export function runDashboardStep(ctx: RunContext): { summary: string; write: DashboardWrite; sheet: string } {
  const c = classified(ctx);
  const { tables, result } = c;
  const names = tables.customers.map((r) => {
    const v = r.fields.name;
    return v === undefined || v === null ? '' : String(v).trim();
  });
  let previousPeriod = '';
  for (const s of result.state.values()) {
    if (s.previousPeriod !== '') {
      previousPeriod = s.previousPeriod;
      break;
    }
  }
  // The classification fits P(alive) only for its flag; with the flag off, the dashboard fits it
  // itself, so the value at risk does not depend on a flag setting.
  let classes = result.classes;
  if (!classes.some((c) => c.pAlive !== undefined)) {
    const pAlive = c.warehouse ? lifetimeFromSummaries(c.warehouse.lifetime, tables.settings.lifetimeModel, classes) : lifetimeOf(tables, classes, ctx.today);
    if (pAlive) classes = classes.map((c, i) => (pAlive[i] === pAlive[i] ? { ...c, pAlive: pAlive[i] } : c));
  }
  const data = dashboardData(
    { classes, names, orders: tables.orders, ...(c.warehouse ? { perCustomer: c.warehouse.dashboard } : {}), today: ctx.today, bins: tables.settings.rfmBins, noContact: c.noContact },
    previousPeriod,
  );
  const layout = layoutDashboard(data, dashboardLabels(ctx.lang, previousPeriod, result.period), updatedText(ctx));
  const sheet = ctx.wb.findSheet(ownSheetNames('dashboard', ctx.lang)) ?? newSheetName('dashboard', ctx.lang);
  ctx.wb.ensureSheet(sheet);
  const write = writeDashboardSheet(ctx.wb, sheet, layout);
  return { summary: appText(ctx.lang, 'dashDone'), write, sheet };
}

/** 'YYYY-MM-DD hh:mm' of the run's start, in the spreadsheet's time zone. */
function updatedText(ctx: RunContext): string {
  const { y, m, d } = civilFromDays(ctx.today);
  const minutes = Math.max(0, Math.floor((ctx.started - ctx.clock.startOfDay(ctx.today)) / 60000));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${y}-${two(m)}-${two(d)} ${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`;
}

export function dashboardLabels(lang: Lang, previousPeriod: string, period: string): DashboardLabels {
  const t = (key: Parameters<typeof appText>[1], params: Record<string, string | number> = {}) => appText(lang, key, params);
  return {
    title: t('dashTitle'),
    updated: t('dashUpdated'),
    kpi: t('dashKpi'),
    customers: t('dashCustomers'),
    active12: t('dashActive12'),
    revenue12: t('dashRevenue12'),
    shareA: t('dashShareA'),
    noContact: t('dashNoContact'),
    segments: t('dashSegments'),
    segment: t('dashSegment'),
    shareCustomers: t('dashShareCustomers'),
    shareRevenue: t('dashShareRevenue'),
    total: t('dashTotal'),
    heatCounts: t('dashHeatCounts'),
    heatAverages: t('dashHeatAverages'),
    movement: t('dashMovement', { period: previousPeriod, now: period }),
    movementNone: t('dashMovementNone'),
    prevNow: t('dashPrevNow'),
    promoted: t('dashPromoted'),
    demoted: t('dashDemoted'),
    newCustomers: t('dashNew'),
    topPromoted: t('dashTopPromoted'),
    topDemoted: t('dashTopDemoted'),
    id: t('dashId'),
    name: t('dashName'),
    change: t('dashChange'),
    value: t('dashValue'),
    risk: t('dashRisk'),
    riskProxy: t('dashRiskProxy'),
    riskNone: t('dashRiskNone'),
    tier: t('dashTier'),
    pAlive: t('dashPAlive'),
    atRisk: t('dashAtRisk'),
    reason: t('dashReason'),
    pareto: t('dashPareto'),
    paretoData: t('dashParetoData'),
    cumulativeShare: t('dashCumulative'),
    chartSegments: t('dashChartSegments'),
    chartPareto: t('dashChartPareto'),
    chartRisk: t('dashChartRisk'),
    segmentNames: [
      ...VALUE8_ORDER.map((k) => value8Label(lang, k)),
      t('dashNoOrders'),
    ],
    tierName: (tier) => t('dashTierName', { tier }),
    riskReason: (days, gap) => (gap === null ? t('dashRiskReasonOnce', { days }) : t('dashRiskReason', { days, gap })),
  };
}
