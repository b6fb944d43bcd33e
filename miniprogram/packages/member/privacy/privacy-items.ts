/**
 * What 联建通 collects and why, in the same words as the privacy guide filled in on the WeChat
 * admin site (用户隐私保护指引). Keep both in step: a new kind of data needs an entry here, there,
 * and (for a privacy API) in app.json `requiredPrivateInfos`.
 */
export interface PrivacyItem {
  key: string;
  title: string;
  /** When it is collected. */
  when: string;
  /** What it is used for and who sees it. */
  why: string;
}

export const PRIVACY_ITEMS: readonly PrivacyItem[] = [
  {
    key: 'openid',
    title: '微信身份标识',
    when: '打开小程序时由微信提供（不含手机号、头像和昵称）',
    why: '识别你是谁、属于哪个支部，确保只有本人能报名、签到和查看本支部内容。',
  },
  {
    key: 'name',
    title: '真实姓名',
    when: '使用邀请码加入支部时由你填写',
    why: '支部书记据此核对党员身份；在报名名单、签到表和出勤统计中显示，供组织工作使用。',
  },
  {
    key: 'location',
    title: '位置信息',
    when: '活动要求定位签到时你点击签到；书记设置活动签到地点时',
    why: '只用于当场判断你是否在活动地点附近，签到记录只保存“是否在范围内”和签到方式，不保存你的位置和行动轨迹。不同意时可以改用扫描现场签到码。',
  },
  {
    key: 'file',
    title: '你选择的文件',
    when: '书记上传联建协议等附件时，从微信聊天中选择',
    why: '只上传你选中的文件，供联建双方查看和下载，不读取其他文件。',
  },
  {
    key: 'clipboard',
    title: '剪贴板（仅写入）',
    when: '书记点击复制邀请信息时',
    why: '把邀请码和说明写入剪贴板，方便发到群里；不读取剪贴板里的内容。',
  },
  {
    key: 'records',
    title: '报名、签到和组织关系记录',
    when: '你报名、签到、加入或转出支部时',
    why: '统计活动出勤和年度述职评议考核的数据；组织关系变动留有记录，便于核对。',
  },
];
