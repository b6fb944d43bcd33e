/** Document ids we assign ourselves (so a transaction can `set` a new document): 32 hex, like CloudBase's. */
import { randomBytes } from 'node:crypto';

export function newId(): string {
  return randomBytes(16).toString('hex');
}
