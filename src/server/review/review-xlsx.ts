/**
 * The review as an .xlsx workbook (exceljs, as the attendance export): a summary sheet (汇总: every
 * figure, its value, by month, and how many records stand behind it) and one evidence sheet per
 * figure listing those records — date, title, kind, detail, the row's own number and its link.
 */
import type { EvidenceRow, FigureValue, ReviewScope } from '../../contract';
import { addSheet, writeWorkbook } from '../xlsx';

export interface ReviewSheetInput {
  scope: ReviewScope & { name: string };
  year: number;
  generatedAt: string;
  figures: { value: FigureValue; rows: EvidenceRow[] }[];
}

const SCOPE_LABEL = { branch: '支部', pairing: '联建', committee: '党委' } as const;

/** Excel refuses sheet names longer than 31 characters or holding []:*?/\. */
export function sheetName(index: number, title: string): string {
  return `${index + 1}.${title.replace(/[[\]:*?/\\]/g, ' ')}`.slice(0, 31);
}

export function reviewFileName(input: ReviewSheetInput): string {
  return `述职评议-${input.scope.name}-${input.year}.xlsx`.replace(/[\\/:*?"<>|]/g, ' ');
}

const shown = (unit: FigureValue['unit'], value: number | null): number | string =>
  value === null ? '' : unit === 'rate' ? Math.round(value * 1000) / 10 : value;

export async function reviewWorkbook(input: ReviewSheetInput): Promise<Buffer> {
  return writeWorkbook((workbook) => {
    const summary = addSheet(workbook, '汇总', [
      { header: '分组', key: 'group', width: 12 },
      { header: '统计项', key: 'title', width: 24 },
      { header: '全年', key: 'value', width: 10 },
      ...Array.from({ length: 12 }, (_, i) => ({ header: `${i + 1}月`, key: `m${i + 1}`, width: 7 })),
      { header: '依据条数', key: 'count', width: 10 },
      { header: '依据表', key: 'sheet', width: 24 },
    ]);
    input.figures.forEach(({ value }, i) => {
      summary
        .addRow({
          group: value.group,
          title: value.unit === 'rate' ? `${value.title}（%）` : value.title,
          value: shown(value.unit, value.value),
          ...Object.fromEntries(value.byMonth.map((v, m) => [`m${m + 1}`, shown(value.unit, v)])),
          count: value.evidenceCount,
          sheet: sheetName(i, value.title),
        })
        .commit();
    });
    const foot = summary.addRow({
      group: `${SCOPE_LABEL[input.scope.kind]}：${input.scope.name}`,
      title: `${input.year} 年，生成于 ${input.generatedAt}`,
    });
    foot.font = { italic: true };
    foot.commit();
    summary.commit();

    input.figures.forEach(({ value, rows }, i) => {
      const sheet = addSheet(workbook, sheetName(i, value.title), [
        { header: '日期', key: 'date', width: 12 },
        { header: '记录', key: 'title', width: 36 },
        { header: '类型', key: 'kind', width: 12 },
        { header: '说明', key: 'detail', width: 40 },
        { header: value.unit === 'rate' ? '出席/应到' : '数量', key: 'n', width: 12 },
        { header: '链接', key: 'link', width: 48 },
      ]);
      for (const row of rows)
        sheet
          .addRow({
            date: row.date,
            title: row.title,
            kind: row.kind ?? '',
            detail: row.detail ?? '',
            n: value.unit === 'rate' ? `${row.num ?? 0}/${row.den ?? 0}` : value.unit === 'sum' ? (row.amount ?? 0) : 1,
            link: row.link,
          })
          .commit();
      sheet.commit();
    });
  });
}
