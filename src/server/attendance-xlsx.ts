/**
 * The attendance report as an .xlsx workbook for the branch's files (streamed: xlsx.ts). Two sheets: 按支部 (counts per branch and the
 * total) and 名单 (every registered or checked-in member). Times are Asia/Shanghai wall time.
 */
import type { AttendanceReport } from '../contract';
import { addSheet, writeWorkbook } from './xlsx';

const TIMING = { onTime: '按时', late: '迟到' } as const;
const METHOD = { qr: '扫码签到', location: '定位签到', manual: '手工补签' } as const;
const REGISTRATION = { registered: '已报名', waitlisted: '候补', none: '未报名' } as const;

// Made on first use: the first Intl formatter loads ICU's Chinese data (~10 ms), which a cold
// start of every other call should not pay.
let shanghai: Intl.DateTimeFormat | undefined;
const wallTime = (iso: string): string =>
  (shanghai ??= new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  })).format(new Date(iso));

export function attendanceFileName(report: AttendanceReport): string {
  const day = wallTime(report.event.startsAt).slice(0, 10).replace(/\//g, '-');
  return `签到统计-${report.event.title}-${day}.xlsx`;
}

export async function attendanceWorkbook(report: AttendanceReport): Promise<Buffer> {
  return writeWorkbook((workbook) => {
    const byBranch = addSheet(workbook, '按支部', [
      { header: '支部', key: 'branch', width: 28 },
      { header: '报名', key: 'registered', width: 8 },
      { header: '出席', key: 'attended', width: 8 },
      { header: '迟到', key: 'late', width: 8 },
      { header: '缺席', key: 'absent', width: 8 },
      { header: '未报名到场', key: 'walkIns', width: 12 },
    ]);
    for (const row of report.byBranch) byBranch.addRow({ ...row, branch: row.branch.name }).commit();
    const total = byBranch.addRow({ ...report.totals, branch: '合计' });
    total.font = { bold: true };
    total.commit();
    byBranch.commit();

    const branchNames = new Map(report.byBranch.map((row) => [row.branch.id, row.branch.name]));
    const people = addSheet(workbook, '名单', [
      { header: '姓名', key: 'name', width: 12 },
      { header: '支部', key: 'branch', width: 28 },
      { header: '报名', key: 'registration', width: 8 },
      { header: '签到时间', key: 'at', width: 18 },
      { header: '按时/迟到', key: 'timing', width: 10 },
      { header: '签到方式', key: 'method', width: 10 },
      { header: '补签人', key: 'byName', width: 10 },
      { header: '补签原因', key: 'reason', width: 30 },
    ]);
    for (const person of report.people) {
      const checkIn = person.checkIn;
      people
        .addRow({
          name: person.name,
          branch: branchNames.get(person.branchId) ?? person.branchId,
          registration: REGISTRATION[person.registration],
          at: checkIn ? wallTime(checkIn.at) : '未签到',
          timing: checkIn ? TIMING[checkIn.timing] : '',
          method: checkIn ? METHOD[checkIn.method] : '',
          byName: checkIn?.byName ?? '',
          reason: checkIn?.reason ?? '',
        })
        .commit();
    }
    people.commit();
  });
}
