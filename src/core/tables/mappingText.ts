/** Mapping errors and warnings as one sentence in the file's language, saying what to do. */
import type { Lang } from '../locale';
import type { AnyField, TableKey } from '../model';
import { HEADER_SCAN_ROWS, MappingError, MappingWarning } from './detect';
import { fieldLabel, tableLabel } from './synonyms';
import { quote, triedList } from './wording';

/** "Orders · Amount" / "订单 · 金额": how the Settings sheet's column mapping names a row. */
function mappingRow(table: TableKey, field: AnyField, lang: Lang): string {
  return `${tableLabel(table, lang)} · ${fieldLabel(table, field as never, lang)}`;
}

// Where a person fixes a mapping: the Settings sheet is named 设置 in a Chinese file.
const MAPPING_ZH = '“设置”表的列映射';
const MAPPING_EN = "the Settings sheet's column mapping";
const MAPPING_EN_START = "The Settings sheet's column mapping";

export function describeMappingError(e: MappingError, lang: Lang): string {
  const { table, field } = e.params;
  const t = tableLabel(table, lang);
  const f = fieldLabel(table, field as never, lang);
  const row = mappingRow(table, field, lang);
  switch (e.key) {
    case 'missingColumn': {
      const tried = triedList(e.params.tried ?? [], lang);
      if (e.params.sheet !== undefined) {
        const sheet = quote(e.params.sheet, lang);
        return lang === 'zh'
          ? `在工作表${sheet}第 ${e.params.headerRow} 行的标题中找不到${t}表的“${f}”列（找过的标题：${tried}）。请在${MAPPING_ZH}中（${row}）填写这一列的标题，或把列标题改成其中之一。`
          : `Kehu cannot find the ${f} column of the ${t} table on sheet ${sheet} (header row ${e.params.headerRow}; headers tried: ${tried}). Type that column's header into ${MAPPING_EN} (${row}), or rename the column to one of these.`;
      }
      return lang === 'zh'
        ? `找不到${t}表：没有哪个工作表的前 ${HEADER_SCAN_ROWS} 行里有“${f}”列的标题（找过的标题：${tried}）。请在${MAPPING_ZH}中（${row}）填写这一列的标题，或把列标题改成其中之一。`
        : `Kehu cannot find the ${t} table: no sheet has a header for its ${f} column in its first ${HEADER_SCAN_ROWS} rows (headers tried: ${tried}). Type that column's header into ${MAPPING_EN} (${row}), or rename the column to one of these.`;
    }
    case 'choiceNotFound': {
      const header = quote(e.params.header ?? '', lang);
      const sheet = quote(e.params.sheet ?? '', lang);
      return lang === 'zh'
        ? `${MAPPING_ZH}把${row}设为标题${header}，但工作表${sheet}第 ${e.params.headerRow} 行没有这个标题。请改正列映射里的标题，或清空该单元格让 Kehu 自动查找。`
        : `${MAPPING_EN_START} names the header ${header} for ${row}, but sheet ${sheet} has no such header on row ${e.params.headerRow}. Correct the header in the column mapping, or clear the cell to let Kehu find the column.`;
    }
    case 'requiredUnused':
      return lang === 'zh'
        ? `${MAPPING_ZH}把${row}设为不使用，但 Kehu 需要这一列。请填写它的标题，或清空该单元格让 Kehu 自动查找。`
        : `${MAPPING_EN_START} marks ${row} as not used, but Kehu needs that column. Type its header, or clear the cell to let Kehu find it.`;
    case 'choiceConflict': {
      const other = mappingRow(table, e.params.otherField ?? field, lang);
      const header = quote(e.params.header ?? '', lang);
      return lang === 'zh'
        ? `${MAPPING_ZH}把${row}和${other}都设为标题${header}。一个标题只能对应一个字段，请改正其中一个。`
        : `${MAPPING_EN_START} names the header ${header} for both ${row} and ${other}. A header stands for one field: correct one of them.`;
    }
  }
}

export function describeMappingWarning(w: MappingWarning, lang: Lang): string {
  switch (w.key) {
    case 'alsoLooksLike': {
      const t = tableLabel(w.table, lang);
      return lang === 'zh'
        ? `工作表${quote(w.other, lang)}看起来也像${t}表（对上 ${w.otherMatched} 列）；Kehu 使用的是工作表${quote(w.sheet, lang)}（对上 ${w.matched} 列）。`
        : `Sheet ${quote(w.other, lang)} also looks like the ${t} table (${w.otherMatched} columns matched); Kehu uses sheet ${quote(w.sheet, lang)} (${w.matched} columns matched).`;
    }
    case 'contactsWithoutKind':
      return lang === 'zh'
        ? `工作表${quote(w.sheet, lang)}看起来像联系记录，但没有“方式”列（找过的标题：${triedList(w.tried, lang)}），所以没有当作联系记录使用。`
        : `Sheet ${quote(w.sheet, lang)} looks like a contact log but has no Kind column (headers tried: ${triedList(w.tried, lang)}), so it is not used as one.`;
  }
}
