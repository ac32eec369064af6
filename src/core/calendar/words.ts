/**
 * What an invite says, in the file's language: its title and the lines of its description.
 * Shared by the Calendar events and the .ics export, so both read the same.
 */
import type { Lang } from '../locale';
import type { ScheduleRow } from '../model';
import { KIND_WORDS, wordFor } from '../vocabulary';

/** The customer as the invite describes it; every field is text as the sheet shows it ('' or absent: left out). */
export interface CustomerDetails {
  address?: string;
  phone?: string;
  /** The customer's contact person. */
  contact?: string;
  /** The ABC tier ('A') or any short class text. */
  tier?: string;
  /**
   * The open flags, worded. Keep it free of counts that change every day ("no order for 412
   * days"): a changed description patches the event (quietly, without mail, but one call each).
   */
  flags?: string;
}

const LABELS: Record<Lang, Record<'customer' | 'address' | 'phone' | 'contact' | 'tier' | 'flags' | 'who' | 'with' | 'purpose' | 'note' | 'file', string>> = {
  zh: { customer: '客户', address: '地址', phone: '电话', contact: '联系人', tier: '等级', flags: '提醒', who: '负责', with: '同行（陪访）', purpose: '事由', note: '备注', file: '客户表' },
  en: { customer: 'Customer', address: 'Address', phone: 'Phone', contact: 'Contact', tier: 'Tier', flags: 'Flags', who: 'Lead', with: 'With (joint visit)', purpose: 'Purpose', note: 'Note', file: 'Spreadsheet' },
};

const COLON: Record<Lang, string> = { zh: '：', en: ': ' };

/** The customer as "Name (KH0001)", or the id alone when the name is blank. */
function customerLabel(row: ScheduleRow): string {
  const name = row.customerName.trim();
  const id = row.customerId.trim();
  return name ? (id ? `${name} (${id})` : name) : id;
}

/** "拜访 客户名称 (KH0001)" / "Visit Customer name (KH0001)"; a joint visit says so: "陪访 …" / "Joint visit …". */
export function eventSummary(row: ScheduleRow, lang: Lang): string {
  const joint = (row.with ?? '').trim() !== '' && row.kind === 'visit';
  const kind = joint ? (lang === 'zh' ? '陪访' : 'Joint visit') : wordFor(KIND_WORDS, row.kind, lang);
  return `${kind} ${customerLabel(row)}`;
}

/** The description: one "label: value" line per detail known, then the link to the spreadsheet. */
export function eventDescription(row: ScheduleRow, details: CustomerDetails | undefined, spreadsheetUrl: string, lang: Lang): string {
  const L = LABELS[lang];
  const lines: string[] = [];
  const add = (label: string, value: string | undefined): void => {
    const v = (value ?? '').trim();
    if (v) lines.push(`${label}${COLON[lang]}${v}`);
  };
  add(L.customer, customerLabel(row));
  add(L.address, details?.address);
  add(L.phone, details?.phone);
  add(L.contact, details?.contact);
  add(L.tier, details?.tier);
  add(L.flags, details?.flags);
  if ((row.with ?? '').trim() !== '') {
    add(L.who, row.person);
    add(L.with, row.with);
  }
  add(L.purpose, row.purpose);
  add(L.note, row.note);
  add(L.file, spreadsheetUrl);
  return lines.join('\n');
}

/** The location: the customer's address ('' when unknown, so a patch clears an old one). */
export function eventLocation(details: CustomerDetails | undefined): string {
  return (details?.address ?? '').trim();
}
