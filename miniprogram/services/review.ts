/** The year-end review: minutes, 请假, cadence, contact points, figures with evidence, export, 首页, 我的记录. */
import type { ActionInput, ActionOutput, ReviewScope } from '../../src/contract';
import { callApi } from './api';

export const getMinutes = (eventId: string) => callApi('orgLife.get', { eventId });
export const saveMinutes = (input: ActionInput<'orgLife.save'>) => callApi('orgLife.save', input);
export const requestLeave = (eventId: string, reason: string) => callApi('leave.request', { eventId, reason });
export const withdrawLeave = (eventId: string) => callApi('leave.withdraw', { eventId });
export const branchCadence = (branchId?: string, month?: string) =>
  callApi('cadence.branch', { ...(branchId ? { branchId } : {}), ...(month ? { month } : {}) });
export const committeeCadence = (committeeId: string, month?: string) =>
  callApi('cadence.committee', { committeeId, ...(month ? { month } : {}) });
export const contactBoard = (committeeId: string, year: number) => callApi('contactPoint.board', { committeeId, year });
export const myContactPoints = (year: number) => callApi('contactPoint.mine', { year });
export const logContact = (input: ActionInput<'contactPoint.log'>) => callApi('contactPoint.log', input);
export const reviewScopes = () => callApi('review.scopes', {});
export const reviewFigures = (scope: ReviewScope, year: number) => callApi('review.figures', { scope, year });
export const reviewEvidence = (scope: ReviewScope, year: number, figure: string, month?: number) =>
  callApi('review.evidence', { scope, year, figure, ...(month ? { month } : {}) });
export const exportReview = (scope: ReviewScope, year: number) => callApi('review.export', { scope, year });
export const homeOverview = () => callApi('home.overview', {});
export const myRecords = (year: number) => callApi('me.records', { year });

export type ReviewFiguresView = ActionOutput<'review.figures'>;

/** Uploads one photo or file for a session's minutes (purpose `minutes`) and answers its fileID. */
export async function uploadMinutesFile(tempFilePath: string, name: string): Promise<string> {
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0];
  const { cloudPath } = await callApi('file.prepareUpload', { purpose: 'minutes', ...(ext ? { ext } : {}) });
  return new Promise((resolve, reject) => {
    wx.cloud.uploadFile({ cloudPath, filePath: tempFilePath, success: (res) => resolve(res.fileID), fail: reject });
  });
}

export const appointContactPoint = (input: ActionInput<'contactPoint.appoint'>) =>
  callApi('contactPoint.appoint', input);

export const setCadenceRules = (input: ActionInput<'cadence.setRules'>) => callApi('cadence.setRules', input);
