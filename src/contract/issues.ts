/**
 * Turns a schema failure into field issues with Chinese messages. Messages written in the schema
 * (fields.ts) pass through; the generic ones below cover the rest, e.g. an unknown field.
 */
import type { ZodError, ZodIssue } from 'zod';
import type { FieldIssue } from './errors';

function messageOf(issue: ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `不支持的字段：${issue.keys.join('、')}`;
    case 'invalid_type':
      return issue.received === 'undefined' ? '缺少必填项' : '格式不正确';
    case 'custom':
    case 'invalid_string':
    case 'too_small':
    case 'too_big':
      return issue.message;
    default:
      return '格式不正确';
  }
}

export function fieldIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: messageOf(issue) }));
}
