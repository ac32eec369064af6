/** The two languages of the product: Chinese for a zh* spreadsheet locale, English otherwise. */
export type Lang = 'zh' | 'en';

export function langOf(spreadsheetLocale: string | null | undefined): Lang {
  return /^zh/i.test(spreadsheetLocale ?? '') ? 'zh' : 'en';
}
