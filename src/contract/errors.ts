/**
 * The closed set of error codes the API can answer with, shared by the functions and the
 * mini-program. Each code has a default Chinese message a member can act on; a handler may
 * give a more specific message, never a stack trace or an internal detail.
 */
export const ERROR_MESSAGES = {
  INVALID_INPUT: '填写的内容有误，请检查后重试',
  UNAUTHENTICATED: '无法确认你的微信身份，请重新打开小程序',
  NOT_MEMBER: '请先加入支部后再使用此功能',
  FORBIDDEN: '你没有权限进行此操作',
  NOT_FOUND: '内容不存在或已被删除',
  CONFLICT: '数据已发生变化，请刷新后重试',
  CAPACITY_FULL: '名额已满',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  ALREADY_MEMBER: '你已经是支部党员，无需重复加入',
  INVITE_INVALID: '邀请码不存在，请核对后重新输入',
  INVITE_EXPIRED: '邀请码已过期，请联系支部书记获取新的邀请码',
  INVITE_EXHAUSTED: '邀请码使用次数已满，请联系支部书记',
  INVITE_REVOKED: '邀请码已停用，请联系支部书记获取新的邀请码',
  JOIN_PENDING: '你的入支申请正在等待支部书记审核',
  SECRETARY_MUST_HAND_OVER: '请先把书记职务移交给其他党员',
  TRANSFER_PENDING: '你已有一个待处理的转接申请',
  ALREADY_DECIDED: '已经处理过了，无需重复操作',
  PAIRING_SELF: '不能与本组织自己结对，请选择其他组织',
  PAIRING_DUPLICATE: '与该组织已有结对或待确认的结对邀请',
  PAIRING_CLOSED: '该联建未生效或已结束，不能再修改',
  NEED_ALREADY_MATCHED: '该需求已由其他组织认领',
  LEDGER_CLOSED: '该难题已办结或已放弃，不能再修改',
  FILE_INVALID: '附件无效，请重新上传',
  EVENT_NOT_EDITABLE: '活动已取消或已结束，不能再修改',
  EVENT_INCOMPLETE: '请先填写学习主题和活动地点，再发布活动',
  EVENT_CANCELLED: '活动已取消',
  SIGNUP_CLOSED: '报名已截止',
  REGISTRATION_LOCKED: '活动已开始，不能再取消报名',
  NOT_REGISTERED: '你还没有报名此活动',
  CHECKIN_NOT_OPEN: '签到尚未开始，请在活动开始前再来签到',
  CHECKIN_CLOSED: '活动已结束，签到已关闭',
  CHECKIN_CODE_EXPIRED: '签到码已过期，请扫描现场屏幕上的最新签到码',
  CHECKIN_CODE_INVALID: '签到码无效，请扫描现场屏幕上的签到码',
  CHECKIN_CODE_OTHER_EVENT: '这是其他活动的签到码，请确认活动后重新扫描',
  OUT_OF_RANGE: '你不在活动地点附近，请到现场后再签到',
  LOCATION_REQUIRED: '请允许获取位置后重试，或扫描现场屏幕上的签到码',
  PRINT_CODE_NEEDS_LOCATION: '请先为活动选择签到位置并开启“要求定位签到”，再打印签到码',
  ALREADY_CHECKED_IN: '该党员已经签到',
  NOT_CHECKED_IN: '该党员尚未签到',
  THEME_DAY_RULE_MISSING: '尚未设置主题党日规则，请先设置每月的固定日期',
  STUDY_REFLECTION_RISKY: '学习心得中有不适宜发布的内容，请修改后再提交',
  STUDY_CHECK_UNAVAILABLE: '内容检查暂时不可用，心得未保存，请稍后重试',
  STUDY_MAKE_UP_WINDOW: '只能为最近几天内漏掉的学习申请补学',
  STUDY_ALREADY_STUDIED: '这一天已有学习记录，无需补学',
  CONTENT_RISKY: '内容未通过安全检测，请修改后再发布',
  NOT_ATTENDED: '只有参加或组织了该活动的党员可以发布活动风采',
  MINUTES_TOO_EARLY: '活动开始后才能填写会议记录',
  LEAVE_CLOSED: '活动已开始，不能再请假',
  MINUTES_CONTENT_REFUSED: '会议记录中有不适宜发布的内容，请修改后再保存',
  MINUTES_CHECK_UNAVAILABLE: '内容检查暂时不可用，会议记录未保存，请稍后重试',
  LEAVE_REASON_REFUSED: '请假原因中有不适宜的内容，请换一种说法后再提交',
  LEAVE_CHECK_UNAVAILABLE: '内容检查暂时不可用，请假未提交，请稍后重试',
  INTERNAL: '服务暂时不可用，请稍后再试',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** Field-level problems attached to INVALID_INPUT, so forms can mark the offending field. */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `name` or `items.0.title`; empty for the whole payload. */
  path: string;
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: FieldIssue[];
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** The one error class handlers throw; the router turns anything else into INTERNAL. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: FieldIssue[];
  /** What went wrong underneath, for the server log only. */
  readonly cause?: unknown;

  constructor(code: ErrorCode, message?: string, options?: { details?: FieldIssue[]; cause?: unknown }) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
    if (options?.details) this.details = options.details;
    if (options?.cause !== undefined) this.cause = options.cause;
  }

  toBody(): ErrorBody {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}
