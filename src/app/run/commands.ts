/**
 * What each menu item (and the same global from the script editor) does: one step under the
 * run frame, its outcome told to the user.
 */
import { renderSettingsSheet } from '../../core/settings/render';
import { defaultSettings } from '../../core/settings/defaults';
import { runClassifyAndFlagStep } from '../steps/classifyAndFlag';
import { runDashboardStep } from '../steps/dashboard';
import { logRun } from '../sheets/log';
import { runExportStep } from '../steps/export';
import { failureText, runLocked, type Outcome, type RunContext } from './frame';
import { runInviteStep, type InvitePreview } from '../steps/invites';
import { askYesNo } from '../../adapters/ui';
import { newSheetName, ownSheetNames, trimOwnSheet } from '../sheets/ownSheets';
import { runScheduleStep } from '../steps/schedule';
import { loadSettings, loadTables } from '../reads/tables';
import { appText } from './texts';
import { UserError } from './userError';

function logged(ctx: RunContext, title: Parameters<typeof appText>[1], summary: string): string {
  logRun(ctx, appText(ctx.lang, title), summary);
  return summary;
}

/** `interactive` false: no dialog (the card's "classify now" shows the outcome itself). */
export function refreshClassificationAndFlags(interactive = true): Outcome {
  return runLocked('titleRefresh', interactive, (ctx) => `${runClassifyAndFlagStep(ctx)} ${runDashboardStep(ctx).summary}`);
}

export function buildSchedule(): Outcome {
  return runLocked('titleSchedule', true, (ctx) => {
    const summary = logged(ctx, 'menuSchedule', runScheduleStep(ctx));
    // From the menu, the user wants to see the plan.
    const name = ctx.wb.findSheet(ownSheetNames('schedule', ctx.lang));
    if (name) ctx.wb.show(name);
    return summary;
  });
}

/**
 * From the menu, the person first sees what the send will do and says yes or no (issue 10);
 * "No" sends nothing and logs nothing. Without a UI to ask in (the script editor), the person
 * who ran it has chosen to send.
 */
export function sendInvites(): Outcome {
  return runLocked('titleInvites', true, (ctx) => {
    const ask = (p: InvitePreview): boolean => askYesNo(appText(ctx.lang, 'titleInvites'), invitesQuestion(p, ctx)) !== false;
    const result = runInviteStep(ctx, ask);
    return result.declined ? result.summary : logged(ctx, 'menuInvites', result.summary);
  });
}

function invitesQuestion(p: InvitePreview, ctx: RunContext): string {
  const deferred = p.deferred > 0 ? appText(ctx.lang, 'invitesAskDeferred', { count: p.deferred, limit: loadSettings(ctx).dailyEventLimit }) : '';
  return appText(ctx.lang, 'invitesAsk', { inserted: p.inserted, patched: p.patched, cancelled: p.cancelled, people: p.people, deferred });
}

export function exportSchedule(): Outcome {
  return runLocked('titleExport', true, (ctx) => runExportStep(ctx).summary);
}

/**
 * Opens the Settings sheet, making it first if needed. When the tables cannot be found, the
 * sheet is still made (with the defaults and an empty column mapping) so the user can type the
 * headers there, and the message says what is missing.
 */
export function openSettings(): Outcome {
  return runLocked('titleSettings', true, (ctx) => {
    let problem = '';
    try {
      loadTables(ctx);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      problem = failureText(e, ctx.lang);
      if (!ctx.wb.findSheet(ownSheetNames('settings', ctx.lang))) {
        const name = newSheetName('settings', ctx.lang);
        ctx.wb.ensureSheet(name);
        ctx.wb.replace(name, renderSettingsSheet(defaultSettings(), null, ctx.lang));
        trimOwnSheet(ctx, name);
      }
    }
    const name = ctx.wb.findSheet(ownSheetNames('settings', ctx.lang));
    if (name) ctx.wb.show(name);
    return problem ? `${problem}\n\n${appText(ctx.lang, 'settingsShown')}` : appText(ctx.lang, 'settingsShown');
  });
}
