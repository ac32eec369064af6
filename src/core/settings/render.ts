/**
 * Writing the Settings sheet: the whole sheet for a new file, and for an existing one only what
 * is missing (blank mapping cells, sections and parameters added after the sheet was made),
 * never a cell a person wrote.
 *
 * A header the add-on writes into the column mapping is, from then on, read like one a person
 * typed: the mapping stays as it was found even when a similar column is added later, and a
 * renamed column stops the run with a sentence instead of being guessed again.
 */
import type { CellValue } from '../cells';
import type { Lang } from '../locale';
import type { AnyField, Settings, TableKey, TeamMember, WorkbookMapping } from '../model';
import { fieldLabel, TABLE_FIELDS, TABLES, tableLabel } from '../tables/synonyms';
import { ROLE_WORDS } from '../vocabulary';
import { keepText, unquote } from './cellText';
import { DEFAULT_POLICY, defaultSettings } from './defaults';
import {
  fieldOf, HOW_TO, isBlankRow, rectangular, scanSheet, SECTIONS, sectionBlock, SHEET_TITLE, tableOf, type SectionKey,
} from './layout';
import { capacityRows } from './capacity';
import { chinaDaysOff } from './chinaDays';
import { dayOffRow, isChinaRow } from './daysOff';
import { allowedText, isRetiredParam, paramOf, PARAMETERS, type ParamKey, type ParamSpec } from './parameters';
import { textOf } from './values';

type Grid = readonly (readonly CellValue[])[];

/** What the mapping writes for a field left unused. */
export const UNUSED_MARK = '—';

function describeParam(p: ParamSpec, lang: Lang): string {
  return lang === 'zh' ? `${p.about.zh}允许：${allowedText(p.key, 'zh')}。` : `${p.about.en} Allowed: ${allowedText(p.key, 'en')}.`;
}

function paramRow(p: ParamSpec, settings: Settings, lang: Lang): CellValue[] {
  const kind = p.kind as ParamSpec['kind'] & { write(v: unknown, lang: Lang): CellValue };
  return [p.names[lang], kind.write(settings[p.key], lang), describeParam(p, lang)];
}

function policyRows(policy: Settings['policy'], lang: Lang): CellValue[][] {
  return policy.map((r) => [r.tier, ROLE_WORDS[r.role][lang], r.visits, r.calls, r.months]);
}

function teamRows(team: readonly TeamMember[], lang: Lang): CellValue[][] {
  return team.map((m) => [ROLE_WORDS[m.role][lang], keepText(m.name), keepText(m.code), keepText(m.email), keepText(m.region)]);
}

function tableOfMapping(mapping: WorkbookMapping | null, table: TableKey) {
  return mapping ? mapping[table] : undefined;
}

function detectedHeader(mapping: WorkbookMapping | null, table: TableKey, field: AnyField): string | undefined {
  return (tableOfMapping(mapping, table)?.headers as Partial<Record<AnyField, string>> | undefined)?.[field];
}

function mappingRow(table: TableKey, field: AnyField, settings: Settings | null, mapping: WorkbookMapping | null, lang: Lang): CellValue[] {
  const choice = settings?.mappingChoices.find((c) => c.table === table && c.field === field);
  const found = detectedHeader(mapping, table, field);
  const header = choice ? (choice.header === null ? UNUSED_MARK : keepText(choice.header)) : found !== undefined ? keepText(found) : '';
  const sheet = tableOfMapping(mapping, table)?.sheet;
  return [tableLabel(table, lang), fieldLabel(table, field as never, lang), sheet === undefined ? '' : keepText(sheet), header];
}

function allFields(): [TableKey, AnyField][] {
  return TABLES.flatMap((t) => (TABLE_FIELDS[t] as readonly AnyField[]).map((f): [TableKey, AnyField] => [t, f]));
}

function extraRows(synonyms: Settings['synonyms'], lang: Lang): CellValue[][] {
  return synonyms.map((s) => [tableLabel(s.table, lang), fieldLabel(s.table, s.field as never, lang), keepText(s.headers.join(lang === 'zh' ? '、' : ', '))]);
}

function sectionRows(section: SectionKey, settings: Settings, mapping: WorkbookMapping | null, lang: Lang): CellValue[][] {
  switch (section) {
    case 'parameters': return PARAMETERS.map((p) => paramRow(p, settings, lang));
    case 'policy': return policyRows(settings.policy, lang);
    case 'capacity': return capacityRows(settings.capacity, lang);
    case 'daysOff': return settings.daysOff.map((d) => dayOffRow(d, lang));
    case 'team': return teamRows(settings.team, lang);
    case 'mapping': return allFields().map(([t, f]) => mappingRow(t, f, settings, mapping, lang));
    case 'extra': return extraRows(settings.synonyms, lang);
  }
}

/**
 * The whole Settings sheet, in the file's language: title, how-to, then every section. Numbers
 * stay numbers, lists are text ("09:00, 10:30"), and text that Sheets would turn into a formula,
 * a number or a date is marked to stay text. The column mapping shows each field's chosen
 * header, else the header detection found (which a later read takes as chosen), else nothing.
 */
export function renderSettingsSheet(settings: Settings, mapping: WorkbookMapping | null, lang: Lang): CellValue[][] {
  const rows: CellValue[][] = [[SHEET_TITLE[lang]], [HOW_TO[lang]], []];
  for (const section of SECTIONS) rows.push(...sectionBlock(section, sectionRows(section, settings, mapping, lang), lang));
  return rectangular(rows);
}

export interface UpdateOptions {
  /**
   * The Team table to add when the sheet has no Team section, or one with nobody in it (a
   * Settings sheet made before the tables could be found); else an empty one.
   */
  team?: TeamMember[];
  /**
   * The years whose China rows the Days off table should hold (chinaYearsFor): the rows whose
   * source is the State Council are replaced by those of these years ([] removes them).
   * Undefined leaves them as they are.
   */
  chinaYears?: readonly number[];
}

/** Two cells hold the same, the apostrophe that keeps text as text aside (Sheets reads text back without it). */
function sameCell(a: CellValue, b: CellValue): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a === 'string' && typeof b === 'string') return unquote(a) === unquote(b);
  return a === b;
}

/**
 * A cell as read, ready to be written back: text stays text. Sheets hands text back without the
 * apostrophe that kept it text (a code 007, a date written as text), so writing it back as read
 * would turn it into a number or a date.
 */
function asWritten(v: CellValue): CellValue {
  return typeof v === 'string' ? keepText(unquote(v)) : v;
}

function sameGrid(a: Grid, b: Grid): boolean {
  return a.length === b.length && a.every((r, i) => r.length === b[i].length && r.every((v, j) => sameCell(v, b[i][j])));
}

/**
 * The grid without the rows in `drop`, and with `insert` placed where row `at` of the grid was
 * (or at its end).
 */
function spliceRows(grid: CellValue[][], drop: ReadonlySet<number>, at: number, insert: CellValue[][]): CellValue[][] {
  const out: CellValue[][] = [];
  grid.forEach((r, i) => {
    if (i === at) out.push(...insert);
    if (!drop.has(i)) out.push(r);
  });
  if (at >= grid.length) out.push(...insert);
  return out;
}

/**
 * The sheet with what is missing filled in, or null when nothing needs writing: blank header
 * cells of the column mapping get the header detection found, the sheet column shows where each
 * table was found (it is for reading only), and sections, parameters or mapping rows the sheet
 * lacks are appended at its end with their defaults. No cell a person wrote changes; a retired
 * parameter's row is dropped, and the Days off rows from the State Council are refreshed when
 * `options.chinaYears` is given.
 */
export function updateSettingsSheet(grid: Grid, mapping: WorkbookMapping | null, lang: Lang, options: UpdateOptions = {}): CellValue[][] | null {
  if (grid.every(isBlankRow)) {
    return renderSettingsSheet({ ...defaultSettings(), team: options.team ?? [] }, mapping, lang);
  }
  const out = rectangular(grid);
  const roles = scanSheet(out);
  const present = new Set<SectionKey>();
  const params = new Set<ParamKey>();
  const fields = new Set<string>();
  let changed = false;
  let teamMembers = 0;
  const drop = new Set<number>();
  let firstChinaRow = -1;
  let daysOffEnd = -1;

  roles.forEach((role, i) => {
    if (role.kind === 'title') present.add(role.section);
    if (role.kind !== 'outside' && role.kind !== 'blank' && role.section === 'daysOff') daysOffEnd = i + 1;
    if (role.kind !== 'data') return;
    const cells = out[i];
    if (role.section === 'team' && cells.slice(1).some((v) => textOf(v) !== '')) teamMembers++;
    if (role.section === 'parameters') {
      const key = paramOf(textOf(cells[0]));
      if (key) params.add(key);
      else if (isRetiredParam(textOf(cells[0]))) drop.add(i);
    } else if (role.section === 'daysOff') {
      if (options.chinaYears !== undefined && isChinaRow(cells)) {
        drop.add(i);
        if (firstChinaRow < 0) firstChinaRow = i;
      }
    } else if (role.section === 'mapping') {
      const table = tableOf(cells[0]);
      const field = table && fieldOf(table, cells[1]);
      if (!table || !field) return; // the reader names the bad cell
      fields.add(`${table}|${field}`);
      const found = tableOfMapping(mapping, table);
      if (!found) return;
      if (textOf(cells[2]) !== found.sheet.trim()) {
        cells[2] = keepText(found.sheet);
        changed = true;
      }
      const header = detectedHeader(mapping, table, field);
      const v = cells[3];
      if ((v === '' || v === null || v === undefined) && header !== undefined) {
        cells[3] = keepText(header);
        changed = true;
      }
    }
  });

  const chinaRows = options.chinaYears === undefined ? [] : chinaDaysOff(options.chinaYears, lang);
  if (drop.size > 0 || (present.has('daysOff') && chinaRows.length > 0)) {
    const insert = present.has('daysOff') ? rectangular(chinaRows.map((d) => dayOffRow(d, lang)), out[0]?.length ?? 0) : [];
    const next = spliceRows(out, drop, firstChinaRow >= 0 ? firstChinaRow : daysOffEnd, insert);
    if (!sameGrid(next, out)) {
      out.splice(0, out.length, ...next);
      changed = true;
    }
  }

  const settings = { ...defaultSettings(), team: options.team ?? [], policy: DEFAULT_POLICY.map((p) => ({ ...p })), daysOff: chinaRows };
  const blocks: CellValue[][][] = [];
  // A Team section with nobody in it gets the team found now, as a section of its own below
  // (the reader merges repeated sections; the empty one is a person's to remove).
  if (present.has('team') && teamMembers === 0 && (options.team ?? []).some((m) => m.name || m.code || m.email)) present.delete('team');
  for (const section of SECTIONS) {
    if (!present.has(section)) {
      blocks.push(sectionBlock(section, sectionRows(section, settings, mapping, lang), lang));
    } else if (section === 'parameters') {
      const missing = PARAMETERS.filter((p) => !params.has(p.key));
      if (missing.length) blocks.push(sectionBlock(section, missing.map((p) => paramRow(p, settings, lang)), lang));
    } else if (section === 'mapping') {
      const missing = allFields().filter(([t, f]) => !fields.has(`${t}|${f}`));
      if (missing.length) blocks.push(sectionBlock(section, missing.map(([t, f]) => mappingRow(t, f, null, mapping, lang)), lang));
    }
  }
  if (blocks.length > 0) {
    if (!isBlankRow(out[out.length - 1])) out.push([]);
    for (const b of blocks) out.push(...b);
    changed = true;
  }
  return changed ? rectangular(out).map((r) => r.map(asWritten)) : null;
}
