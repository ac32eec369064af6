/**
 * One person's account sends the file's invites and runs its daily automation. Invites live on
 * the sender's own calendar and the registry of events made is the file's, so a second person
 * sending from their calendar would duplicate some visits and strand others; and an add-on's
 * trigger belongs to the user who made it, so only they can turn it off. The first to send (or to
 * turn the automation on) is recorded; anyone else is told whose it is.
 */
import { readDocumentJson, writeDocumentJson } from '../../adapters/properties';
import { runningAs } from '../../adapters/session';
import type { Lang } from '../../core/locale';
import { appText } from './texts';

const CALENDAR_OWNER_KEY = 'kehu.calendarOwner';
const AUTOMATION_OWNER_KEY = 'kehu.automationOwner';

interface Owner {
  email: string;
}

/** The account whose calendar holds the file's invites ('' before the first invite or when unknown). */
export function calendarOwner(): string {
  return readDocumentJson<Owner>(CALENDAR_OWNER_KEY)?.email ?? '';
}

/**
 * Null when this user may send the file's invites (recording them as the sender the first
 * time), else the sentence saying whose invites they are.
 */
export function claimCalendar(lang: Lang): string | null {
  const me = runningAs();
  const owner = calendarOwner();
  if (owner === '') {
    if (me !== '') writeDocumentJson(CALENDAR_OWNER_KEY, { email: me } satisfies Owner);
    return null;
  }
  return me === '' || me === owner ? null : appText(lang, 'calendarOwnedBy', { owner });
}

export function automationOwner(): string {
  return readDocumentJson<Owner>(AUTOMATION_OWNER_KEY)?.email ?? '';
}

export function setAutomationOwner(email: string | null): void {
  writeDocumentJson(AUTOMATION_OWNER_KEY, { email: email ?? '' } satisfies Owner);
}
