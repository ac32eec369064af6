/** Who runs the code and in which language the user reads, with the fallbacks Apps Script needs. */

/**
 * The user's e-mail for "who changed it". Needs the userinfo.email scope; it can be empty for a
 * consumer account in someone else's file, so fall back to the effective user, then ''.
 */
export function userEmail(): string {
  try {
    const active = Session.getActiveUser().getEmail();
    if (active) return active;
    return Session.getEffectiveUser().getEmail() || '';
  } catch (e) {
    return '';
  }
}

/** The user's locale; needs no authorization (usable in onOpen in AuthMode.NONE). */
export function userLocale(): string {
  try {
    return Session.getActiveUserLocale() || '';
  } catch (e) {
    return '';
  }
}

/**
 * Whose account the code runs as (the menu's user, or a trigger's owner): whose 'primary'
 * calendar the invites go to. '' when Apps Script does not say.
 */
export function runningAs(): string {
  // A failing call is a failing run (the next one tries again), not an unknown user: that would
  // let a sender go unrecorded.
  return Session.getEffectiveUser().getEmail() || '';
}
