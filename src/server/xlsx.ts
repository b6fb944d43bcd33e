/**
 * An .xlsx workbook written with exceljs's streaming WorkbookWriter: rows are committed as they
 * are added, so a large export never holds a whole workbook model in the function's memory.
 * exceljs is loaded on the first export only: it is most of a bundle, and every other call of
 * the function would otherwise pay for evaluating it at cold start (scripts/bundle-parts.ts).
 */
import { PassThrough } from 'node:stream';
import type { stream } from 'exceljs';

export type Workbook = stream.xlsx.WorkbookWriter;
type Sheet = ReturnType<Workbook['addWorksheet']>;
type Column = { header: string; key: string; width: number };

/** A sheet with these columns under a bold header row. */
export function addSheet(workbook: Workbook, name: string, columns: Column[]): Sheet {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

/** Lets `fill` add and commit its sheets, then answers the finished file. */
export async function writeWorkbook(fill: (workbook: Workbook) => void | Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = '联建通';
  await fill(workbook);
  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}
