/**
 * Reading the Settings sheet into validated Settings. Every value is checked; the first one the
 * run cannot use throws a SettingsError naming its row. A missing section or parameter row takes
 * its default; a section that is there but empty means "none" (an emptied visit policy plans no
 * visits).
 */
import type { CellValue } from '../cells';
import type { DayClock } from '../dates';
import type { AnyField, PolicyRow, Settings, TableKey, TeamMember, Tier } from '../model';
import { normalizeHeader, REQUIRED_FIELDS } from '../tables/synonyms';
import { parseWord, ROLE_WORDS } from '../vocabulary';
import { defaultSettings, isEmail } from './defaults';
import { SettingsError, shownValue, type SettingsColumn } from './errors';
import { fieldOf, scanSheet, type SectionKey, tableOf } from './layout';
import { CapacityReader } from './capacity';
import { DaysOffReader } from './daysOff';
import { isRetiredParam, paramOf, paramSpec, type ParamKey } from './parameters';
import { isNoneWord, numberOf, textOf } from './values';

export { describeSettingsError, isSettingsError, SettingsError } from './errors';

type Grid = readonly (readonly CellValue[])[];

function blank(v: CellValue): boolean {
  return v === '' || v === null || v === undefined;
}

const TIER = /^([abc])(?:类|级|类客户|级客户|tier)?$/;

function tierOf(v: CellValue): Tier | undefined {
  const m = TIER.exec(textOf(v).normalize('NFKC').toLowerCase().replace(/\s+/g, ''));
  return m ? (m[1].toUpperCase() as Tier) : undefined;
}

/** A count of visits or calls: a whole number 0–100, blank = 0. */
function countOf(v: CellValue): number | undefined {
  if (blank(v)) return 0;
  const n = numberOf(v);
  return n !== undefined && Number.isInteger(n) && n >= 0 && n <= 100 ? n : undefined;
}

function monthsOf(v: CellValue): number | undefined {
  const n = numberOf(v);
  return n !== undefined && n > 0 && n <= 120 ? n : undefined;
}

/** Splits an extra-headers cell on , ， 、 (and ; ；), keeping each header as written. */
function headerList(v: CellValue): string[] {
  return textOf(v).split(/[,，;；、]+/).map((h) => h.trim()).filter((h) => h !== '');
}

export function readSettingsSheet(grid: Grid, clock: DayClock): Settings {
  const settings = defaultSettings();
  const roles = scanSheet(grid);
  const present = new Set<SectionKey>();
  const paramRows = new Map<ParamKey, number>();
  const policy: PolicyRow[] = [];
  const policyRows = new Map<string, number>();
  const team: TeamMember[] = [];
  const choices: Settings['mappingChoices'] = [];
  const mappingRows = new Map<string, number>();
  const synonyms: Settings['synonyms'] = [];
  const capacity = new CapacityReader(clock);
  const daysOff = new DaysOffReader(clock);
  // table|normalized header → the field and row that claimed it, per section.
  const claimed: Record<'mapping' | 'extra', Map<string, { field: AnyField; row: number }>> = { mapping: new Map(), extra: new Map() };

  const bad = (section: SectionKey, row: number, column: SettingsColumn, value: CellValue, extra: Partial<SettingsError['params']> = {}) =>
    new SettingsError('badCell', { row, section, column, value, shown: shownValue(value, clock), ...extra });

  const claim = (section: 'mapping' | 'extra', table: TableKey, field: AnyField, header: string, row: number) => {
    const key = `${table}|${normalizeHeader(header)}`;
    const had = claimed[section].get(key);
    if (had && had.field !== field) {
      throw new SettingsError('headerTwice', { row, section, table, field, otherField: had.field, otherRow: had.row, header });
    }
    if (!had) claimed[section].set(key, { field, row });
  };

  roles.forEach((role, i) => {
    if (role.kind === 'title') present.add(role.section);
    if (role.kind !== 'data') return;
    const cells = grid[i];
    const row = i + 1;
    switch (role.section) {
      case 'parameters': {
        const name = textOf(cells[0]);
        if (name === '' && blank(cells[1])) return; // a note in the description column
        const key = paramOf(name);
        if (key === undefined && isRetiredParam(name)) return; // an old sheet's row: ignored, dropped on the next update
        if (key === undefined) throw new SettingsError('unknownSetting', { row, section: 'parameters', value: name === '' ? cells[0] : name });
        const earlier = paramRows.get(key);
        if (earlier !== undefined) throw new SettingsError('duplicateRow', { row, section: 'parameters', setting: key, otherRow: earlier });
        paramRows.set(key, row);
        const v = cells[1];
        if (blank(v)) return; // an emptied value takes the default
        const value = paramSpec(key).kind.read(v, clock);
        if (value === undefined) throw new SettingsError('badValue', { row, section: 'parameters', setting: key, value: v, shown: shownValue(v, clock) });
        (settings as unknown as Record<ParamKey, unknown>)[key] = value;
        return;
      }
      case 'policy': {
        const tier = tierOf(cells[0]);
        if (!tier) throw bad('policy', row, 'tier', cells[0]);
        const r = parseWord(ROLE_WORDS, textOf(cells[1]));
        if (!r) throw bad('policy', row, 'role', cells[1]);
        const visits = countOf(cells[2]);
        if (visits === undefined) throw bad('policy', row, 'visits', cells[2]);
        const calls = countOf(cells[3]);
        if (calls === undefined) throw bad('policy', row, 'calls', cells[3]);
        const months = monthsOf(cells[4]);
        if (months === undefined) throw bad('policy', row, 'months', cells[4]);
        const key = `${tier}|${r}`;
        const earlier = policyRows.get(key);
        if (earlier !== undefined) throw new SettingsError('duplicateRow', { row, section: 'policy', tier, role: r, otherRow: earlier });
        policyRows.set(key, row);
        policy.push({ tier, role: r, visits, calls, months });
        return;
      }
      case 'team': {
        const r = parseWord(ROLE_WORDS, textOf(cells[0]));
        if (!r) throw bad('team', row, 'role', cells[0]);
        const email = textOf(cells[3]);
        if (email !== '' && !isEmail(email)) throw bad('team', row, 'email', cells[3]);
        team.push({ role: r, name: textOf(cells[1]), code: textOf(cells[2]), email, region: textOf(cells[4]) });
        return;
      }
      case 'capacity':
        capacity.add(cells, row);
        return;
      case 'daysOff':
        daysOff.add(cells, row);
        return;
      case 'mapping': {
        const table = tableOf(cells[0]);
        if (!table) throw bad('mapping', row, 'table', cells[0]);
        const field = fieldOf(table, cells[1]);
        if (!field) throw bad('mapping', row, 'field', cells[1], { table });
        const key = `${table}|${field}`;
        const earlier = mappingRows.get(key);
        if (earlier !== undefined) throw new SettingsError('duplicateRow', { row, section: 'mapping', table, field, otherRow: earlier });
        mappingRows.set(key, row);
        const h = cells[3];
        if (blank(h)) return; // blank: detection decides
        if (isNoneWord(h)) {
          if ((REQUIRED_FIELDS[table] as readonly AnyField[]).includes(field)) throw new SettingsError('requiredUnused', { row, section: 'mapping', table, field });
          choices.push({ table, field, header: null });
          return;
        }
        const header = textOf(h);
        if (header === '') return; // TRUE/FALSE or a date: no header a person would type
        claim('mapping', table, field, header, row);
        choices.push({ table, field, header });
        return;
      }
      case 'extra': {
        const table = tableOf(cells[0]);
        if (!table) throw bad('extra', row, 'table', cells[0]);
        const field = fieldOf(table, cells[1]);
        if (!field) throw bad('extra', row, 'field', cells[1], { table });
        const headers = headerList(cells[2]);
        if (headers.length === 0) {
          if (!blank(cells[2])) throw bad('extra', row, 'headers', cells[2]);
          return; // a table and field with nothing to add yet
        }
        for (const h of headers) claim('extra', table, field, h, row);
        synonyms.push({ table, field, headers });
        return;
      }
    }
  });

  if (settings.abcAShare > settings.abcBShare) {
    const aRow = paramRows.get('abcAShare');
    const bRow = paramRows.get('abcBShare');
    throw new SettingsError('sharesOrder', {
      row: (aRow ?? bRow)!,
      section: 'parameters',
      a: settings.abcAShare,
      b: settings.abcBShare,
      ...(aRow !== undefined ? { aRow } : {}),
      ...(bRow !== undefined ? { bRow } : {}),
    });
  }
  if (present.has('policy')) settings.policy = policy;
  if (present.has('team')) settings.team = team;
  if (present.has('mapping')) settings.mappingChoices = choices;
  if (present.has('extra')) settings.synonyms = synonyms;
  settings.capacity = capacity.result();
  settings.daysOff = daysOff.result(settings.team);
  return settings;
}
