/** Study (学习) and points (积分): the typed calls the study pages make. */
import type { ActionInput, OwnerRef } from '../../src/contract';
import { callApi } from './api';

export const getStudyToday = () => callApi('study.today', {});
export const checkInStudy = (input: ActionInput<'study.checkIn'>) => callApi('study.checkIn', input);
export const undoStudy = () => callApi('study.undo', {});
export const getStudyCalendar = (month?: string) => callApi('study.calendar', month ? { month } : {});
export const getStudyHistory = (cursor?: string) => callApi('study.history', cursor ? { cursor } : {});
export const pendingReflections = () => callApi('study.reflection.pending', {});
export const decideReflection = (checkInId: string, approve: boolean) =>
  callApi('study.reflection.decide', { checkInId, approve });
export const requestMakeUp = (input: ActionInput<'study.makeUp.request'>) => callApi('study.makeUp.request', input);
export const listMakeUps = (mine: boolean) => callApi('study.makeUp.list', { mine });
export const decideMakeUp = (id: string, approve: boolean, reason: string) =>
  callApi('study.makeUp.decide', { id, approve, reason });
export const getStudyPlan = (owner?: OwnerRef, month?: string) =>
  callApi('study.plan.get', { ...(owner ? { owner } : {}), ...(month ? { month } : {}) });
export const setStudyPlan = (input: ActionInput<'study.plan.set'>) => callApi('study.plan.set', input);
export const getStudyProgress = (owner?: OwnerRef) => callApi('study.plan.progress', owner ? { owner } : {});
export const getMyPoints = (cursor?: string) => callApi('points.mine', cursor ? { cursor } : {});
export const getRanking = (scope?: OwnerRef) => callApi('points.ranking', scope ? { scope } : {});
export const setRankingOptOut = (rankingOptOut: boolean) => callApi('points.optOut.set', { rankingOptOut });
export const getPointRules = (committeeId?: string) => callApi('points.rules.get', committeeId ? { committeeId } : {});
export const setPointRules = (input: ActionInput<'points.rules.set'>) => callApi('points.rules.set', input);
