/**
 * A team list the file already keeps (a "销售团队" / "Team" sheet: role, name, code, e-mail,
 * region) is copied into the Settings sheet's Team table when that table is first made, so the
 * invites reach people without retyping them. After that, the Settings sheet is the one source.
 */
import type { CellValue } from '../cells';
import type { Role, TeamMember } from '../model';
import { normalizeWord, parseWord, ROLE_WORDS } from '../vocabulary';

const COLUMNS: Record<keyof TeamMember, string[]> = {
  role: ['角色', '岗位', '职位', '职务', 'role', 'position', 'title'],
  name: ['姓名', '名字', '人员', 'name'],
  code: ['代码', '工号', '编号', '员工编号', '销售员码', '对口销售员码', 'code', 'id', 'staff id'],
  email: ['邮箱', '电子邮件', '电子邮箱', 'email', 'e-mail', 'mail'],
  region: ['区域', '地区', '负责区域', 'region', 'area', 'territory'],
};

const text = (v: CellValue | undefined): string => (v === undefined || v === null ? '' : String(v).trim());

/** The team found on a sheet whose header row (within the first rows) has a role, an e-mail and a name or code; else null. */
export function teamFromSheet(rows: readonly (readonly CellValue[])[], headerRows = 5): TeamMember[] | null {
  for (let h = 0; h < Math.min(headerRows, rows.length); h++) {
    const header = rows[h].map((v) => normalizeWord(text(v)));
    const at = {} as Record<keyof TeamMember, number>;
    for (const key of Object.keys(COLUMNS) as (keyof TeamMember)[]) {
      at[key] = header.findIndex((cell) => COLUMNS[key].some((w) => normalizeWord(w) === cell));
    }
    if (at.role < 0 || at.email < 0 || (at.name < 0 && at.code < 0)) continue;
    const team: TeamMember[] = [];
    for (const row of rows.slice(h + 1)) {
      const role = parseWord(ROLE_WORDS, text(row[at.role])) as Role | null;
      if (!role) continue;
      const get = (k: keyof TeamMember) => (at[k] >= 0 ? text(row[at[k]]) : '');
      team.push({ role, name: get('name'), code: get('code'), email: get('email'), region: get('region') });
    }
    return team.length > 0 ? team : null;
  }
  return null;
}
