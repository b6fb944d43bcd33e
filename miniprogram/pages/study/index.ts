/** 学习: the daily study feature comes with its own issue; until then an honest empty state. */
import { placeholderTab } from '../../utils/session-view';

Page(placeholderTab('暂无学习内容', '支部发布学习资料后会显示在这里，每天学习可打卡'));
