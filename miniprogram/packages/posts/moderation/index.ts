/** 风采审核: pending posts addressed to the secretary's branch; each opens its detail, where it is approved, rejected or (once published) hidden. */
import { moderationQueue } from '../../../services/posts';
import { postListPage } from '../post-list-page';

postListPage((cursor) => moderationQueue(cursor));
