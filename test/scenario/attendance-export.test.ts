/**
 * attendance.export through the gateway: the workbook lands in the local cloud's storage, its
 * temporary link serves it, and it reads back with the counts of attendance.get.
 */
import ExcelJS from 'exceljs';
import type { AttendanceExport, AttendanceReport } from '../../src/contract';
import { call, errorCode, makeBranch, MINUTE, publishedEvent, type TestBranch } from './event-support';
import { startApiCloud, type ApiCloud } from './support';

let cloud: ApiCloud;
let branch: TestBranch;

beforeAll(async () => {
  cloud = await startApiCloud();
  await cloud.reset();
  branch = await makeBranch(cloud, 'b-xlsx', 4);
}, 60_000);
afterAll(() => cloud.stop());

it('exports the per-branch counts and the list as .xlsx with a temporary link', async () => {
  const event = await publishedEvent(cloud, branch, 10 * MINUTE, { capacity: 3 });
  const [a, b, , d] = branch.members as [string, string, string, string];
  for (const openid of [a, b]) await call(cloud, 'registration.signUp', { eventId: event.id }, openid);
  const { token } = await call(cloud, 'checkin.code', { eventId: event.id }, branch.secretary);
  await call(cloud, 'checkin.scan', { eventId: event.id, token }, a);
  await call(cloud, 'checkin.manual', { eventId: event.id, memberId: d, reason: '现场登记' }, branch.secretary);
  const report: AttendanceReport = await call(cloud, 'attendance.get', { eventId: event.id }, branch.secretary);

  const exported: AttendanceExport = await call(
    cloud,
    'attendance.export',
    { eventId: event.id },
    branch.committeeMember,
  );
  expect(exported.fileId).toMatch(/^cloud:\/\//);
  expect(exported.fileName).toMatch(/^签到统计-集中学习-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const response = await fetch(exported.url);
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());

  const byBranch = workbook.getWorksheet('按支部')!;
  expect(byBranch.getRow(1).values).toEqual([undefined, '支部', '报名', '出席', '迟到', '缺席', '未报名到场']);
  const { registered, attended, late, absent, walkIns } = report.totals;
  expect(byBranch.getRow(2).values).toEqual([undefined, 'b-xlsx 党支部', registered, attended, late, absent, walkIns]);
  expect(byBranch.getRow(3).values).toEqual([undefined, '合计', 2, 1, 0, 1, 1]);
  const people = workbook.getWorksheet('名单')!;
  expect(people.rowCount).toBe(1 + report.people.length);
  const manualRow = people.getRows(2, report.people.length)!.find((row) => row.getCell(8).value === '现场登记');
  expect(manualRow?.getCell(6).value).toBe('手工补签');

  expect(errorCode(await cloud.api('attendance.export', { eventId: event.id }, branch.members[0]!))).toBe('FORBIDDEN');
}, 30_000);
