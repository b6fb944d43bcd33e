/** 风采: activity posts come with their own issue; until then an honest empty state. */
import { placeholderTab } from '../../utils/session-view';

Page(placeholderTab('暂无活动风采', '活动结束后，大家分享的照片和心得会展示在这里'));
