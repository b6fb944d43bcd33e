/** 我的风采: the member's own posts in every state, newest first, with why one was rejected or hidden. */
import { myPosts } from '../../../services/posts';
import { postListPage } from '../post-list-page';

postListPage((cursor) => myPosts(cursor));
