/**
 * The add-on menu, built by onOpen in every authorization mode. In AuthMode.NONE (the add-on is
 * installed but not yet used in this file) no service that needs authorization may be called:
 * the spreadsheet's locale is out of reach, so the menu follows the user's own locale, which
 * Session gives without authorization.
 */
import { userLocale } from '../../adapters/session';
import { activeSpreadsheetLocale } from '../../adapters/spreadsheet';
import { buildAddonMenu, isAuthModeNone, type MenuItem } from '../../adapters/ui';
import { langOf, type Lang } from '../../core/locale';
import { appText } from './texts';

export function menuItems(lang: Lang): (MenuItem | null)[] {
  const item = (key: Parameters<typeof appText>[1], fn: string): MenuItem => ({ caption: appText(lang, key), fn });
  return [
    item('menuCard', 'showCustomerCard'),
    null,
    item('menuRefresh', 'flagStaleRecords'),
    item('menuSchedule', 'buildVisitSchedule'),
    item('menuInvites', 'sendVisitInvites'),
    item('menuExport', 'exportVisitSchedule'),
    null,
    item('menuSettings', 'openSettings'),
    item('menuAutoOn', 'installAutomation'),
    item('menuAutoOff', 'removeAutomation'),
    null,
    item('menuCheckFile', 'checkThisFile'),
  ];
}

function menuLanguage(e: { authMode?: unknown } | undefined): Lang {
  if (!isAuthModeNone(e?.authMode)) {
    const locale = activeSpreadsheetLocale();
    if (locale !== null) return langOf(locale);
  }
  return langOf(userLocale());
}

export function buildMenu(e?: { authMode?: unknown }): void {
  buildAddonMenu(menuItems(menuLanguage(e)));
}
