/**
 * Updatable messages (动态消息): `updatableMessage.createActivityId` hands out an id valid 24 h,
 * `setUpdatableMsg` changes a shared card's state. Validated as WeChat documents them: the id
 * must have been created here and not expired; state 0 (joining) needs `member_count` and
 * `room_limit`, state 1 (started) needs `path` and `version_type`.
 */
import { randomBytes } from 'node:crypto';
import type { OpenApiAnswer } from './responders';

const LIFETIME_S = 24 * 60 * 60;
const fail = (errcode: number, errmsg: string): OpenApiAnswer => ({ kind: 'json', body: { errcode, errmsg } });

export class UpdatableMessages {
  private readonly activities = new Map<string, number>();

  createActivityId(): OpenApiAnswer {
    const id = `local_${randomBytes(12).toString('hex')}`;
    const expiration = Math.floor(Date.now() / 1000) + LIFETIME_S;
    this.activities.set(id, expiration);
    return { kind: 'json', body: { errcode: 0, errmsg: 'ok', activity_id: id, expiration_time: expiration } };
  }

  setUpdatableMsg(params: Record<string, unknown>): OpenApiAnswer {
    const id = params.activity_id;
    const expires = typeof id === 'string' ? this.activities.get(id) : undefined;
    if (expires === undefined) return fail(47003, 'argument invalid! activity_id unknown');
    if (expires < Date.now() / 1000) return fail(47003, 'argument invalid! activity_id expired');
    const state = params.target_state;
    const list = ((params.template_info as { parameter_list?: { name?: unknown }[] } | undefined)?.parameter_list ??
      []) as { name?: unknown; value?: unknown }[];
    const names = new Set(list.map((p) => p.name));
    const need = state === 0 ? ['member_count', 'room_limit'] : state === 1 ? ['path', 'version_type'] : null;
    if (!need) return fail(47003, 'argument invalid! target_state must be 0 or 1');
    const missing = need.filter((name) => !names.has(name));
    if (missing.length > 0) return fail(47003, `argument invalid! parameter_list needs ${missing.join(', ')}`);
    return { kind: 'json', body: { errcode: 0, errmsg: 'ok' } };
  }

  reset(): void {
    this.activities.clear();
  }
}
