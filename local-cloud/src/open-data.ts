/**
 * Open data behind a `cloudID` (`wx.cloud.CloudID(id)` in the mini-program): CloudBase replaces
 * every TOP-LEVEL field of a callFunction's data whose value is a CloudID with
 * `{ cloudID, data }` (at most 5 per call; nested ones stay as they are), or, when the id is
 * invalid or expired, `{ cloudID, errCode, errMsg }`. The local mini-program sends a CloudID as
 * `{ "cloudID": "<id>" }` (the object's only key); local share contexts give ids of the form
 * `local-group.<chat name>.<expires ms>`, which decode to the group's `opengid`: stable per
 * (appid, chat name), as WeChat's is per (mini-program, group).
 */
import { createHash } from 'node:crypto';

const MAX_PER_CALL = 5;
const LOCAL_GROUP = /^local-group\.([^.]{1,64})\.(\d{10,16})$/;

export function localGroupCloudId(chat: string, expiresAtMs: number): string {
  return `local-group.${chat}.${expiresAtMs}`;
}

export function localOpengid(appId: string, chat: string): string {
  return `G${createHash('sha256').update(`${appId}:${chat}`).digest('base64url').slice(0, 27)}`;
}

function isCloudIdValue(value: unknown): value is { cloudID: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as { cloudID?: unknown }).cloudID === 'string'
  );
}

function decode(cloudID: string, appId: string, now: number): Record<string, unknown> {
  const match = LOCAL_GROUP.exec(cloudID);
  if (!match) return { cloudID, errCode: -601007, errMsg: 'cloudID invalid.' };
  if (Number(match[2]) < now) return { cloudID, errCode: -601006, errMsg: 'cloudID expired.' };
  return {
    cloudID,
    data: { opengid: localOpengid(appId, match[1]), watermark: { appid: appId, timestamp: Math.floor(now / 1000) } },
  };
}

/** The event with its top-level CloudIDs replaced by their open data. */
export function replaceCloudIds(event: unknown, appId: string, now = Date.now()): unknown {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return event;
  let replaced = 0;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) {
    if (isCloudIdValue(value) && replaced < MAX_PER_CALL) {
      out[key] = decode(value.cloudID, appId, now);
      replaced += 1;
    } else out[key] = value;
  }
  return out;
}
