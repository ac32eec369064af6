/**
 * Apps Script quotas and limits the fakes enforce, in one place. Numbers are today's
 * (developers.google.com/apps-script/guides/services/quotas, reference/cache, guides/triggers,
 * workspace/add-ons/concepts/editor-triggers); see /work/shared/platform-notes.md.
 */
export const LIMITS = {
  propertyValueBytes: 9 * 1024,
  propertyStoreBytes: 500 * 1024,
  cacheValueBytes: 100 * 1024,
  cacheKeyChars: 250,
  cacheMaxSeconds: 21600,
  cacheDefaultSeconds: 600,
  defaultMaxRows: 1000,
  defaultMaxColumns: 26,
  /** Installable triggers per user per script. */
  triggersPerUser: 20,
  /** Calendar events a consumer account may create a day (Workspace: 10,000). */
  calendarEventsPerDay: 5000,
  /** Calendar API list(): default and largest page. */
  calendarListDefault: 250,
  calendarListMax: 2500,
  /** Toast default display time. */
  toastSeconds: 5,
} as const;
