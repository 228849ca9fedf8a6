// The rules of comments: who may comment and reply (one level, TikTok's shape), who may delete,
// pinning, comment likes, "comments off", and each creator's keyword filter.
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import type { Page, Viewer } from '../platform/http/index.js';
import { decodeCursor, toPage } from '../platform/http/index.js';
import type { Queue } from '../platform/queue/index.js';
import { parseHashtagsAndMentions, type VideosService } from '../videos/index.js';
import { commentNotFound, commentsOff, notYourComment, notYourVideo } from './comments.errors.js';
import { presentComment, type PresentedComment } from './comments.presenter.js';
import type { CommentOrder, CommentsStore, ListedComment } from './comments.store.js';
import { keywordPattern, normaliseKeywords } from './keyword-filter.js';

/** Events other capabilities subscribe to (notifications). */
export const COMMENT_EVENTS = {
  posted: 'comment.posted',
  liked: 'comment.liked',
  unliked: 'comment.unliked',
} as const;
export type CommentPostedEvent = {
  commentId: string;
  videoId: string;
  authorId: string;
  creatorId: string;
  /** The comment replied to (for a reply to a reply, that one, not the thread's root). */
  repliedToId: string | null;
  repliedToAuthorId: string | null;
  mentions: string[];
};
export type CommentLikedEvent = {
  commentId: string;
  videoId: string;
  accountId: string;
  authorId: string;
};

export class CommentsService {
  constructor(
    private readonly deps: {
      store: CommentsStore;
      videos: VideosService;
      queue: Queue;
      log: Logger;
    },
  ) {}

  /** Comments on a video, the pinned one first; an empty page when comments are off. */
  async list(
    viewerId: string | null,
    videoId: string,
    order: CommentOrder,
    limit: number,
    cursor?: string,
  ): Promise<Page<PresentedComment>> {
    const video = await this.deps.videos.getVisible(viewerId, videoId);
    if (!video.commentsEnabled && viewerId !== video.accountId)
      return { items: [], nextCursor: null };
    const after = cursor ? decodeCursor(cursor, 2) : undefined;
    const key: [number | Date, string] | undefined = after
      ? [order === 'top' ? Number(after[0]) : new Date(String(after[0])), String(after[1])]
      : undefined;
    const pinned = cursor ? undefined : await this.deps.store.findPinned(video.id, viewerId);
    const rows = await this.deps.store.listTopLevel(video.id, viewerId, order, limit, key);
    const page = toPage(
      rows,
      limit,
      (row) => [order === 'top' ? row.likeCount : row.createdAt.toISOString(), row.id],
      presentComment,
    );
    return { ...page, items: pinned ? [presentComment(pinned), ...page.items] : page.items };
  }

  async listReplies(viewerId: string | null, commentId: string, limit: number, cursor?: string) {
    const parent = await this.getVisible(viewerId, commentId);
    const after = cursor ? decodeCursor(cursor, 2) : undefined;
    const rows = await this.deps.store.listReplies(
      parent.id,
      viewerId,
      limit,
      after ? { createdAt: new Date(String(after[0])), id: String(after[1]) } : undefined,
    );
    return toPage(rows, limit, (row) => [row.createdAt.toISOString(), row.id], presentComment);
  }

  /** A comment the viewer may see, on a video the viewer may see; else "not found". */
  private async getVisible(viewerId: string | null, commentId: string): Promise<ListedComment> {
    const comment = await this.deps.store.findVisible(commentId, viewerId);
    if (!comment) throw commentNotFound();
    await this.deps.videos.getVisible(viewerId, comment.videoId).catch(() => {
      throw commentNotFound();
    });
    return comment;
  }

  async post(
    viewer: Viewer,
    videoId: string,
    input: { body: string; parentId?: string | undefined },
  ): Promise<PresentedComment> {
    const video = await this.deps.videos.getVisible(viewer.accountId, videoId);
    if (!video.commentsEnabled) throw commentsOff();
    const repliedTo = input.parentId
      ? await this.getVisible(viewer.accountId, input.parentId)
      : undefined;
    if (repliedTo && repliedTo.videoId !== video.id) throw commentNotFound();
    const id = uuidv7();
    const { hashtags, mentions } = parseHashtagsAndMentions(input.body);
    await this.deps.store.transaction(async (trx) => {
      await this.deps.store.insert(
        {
          id,
          videoId: video.id,
          authorId: viewer.accountId,
          // One level of replies: answering a reply joins its thread.
          parentId: repliedTo ? (repliedTo.parentId ?? repliedTo.id) : null,
          body: input.body,
          hashtags,
          mentions,
        },
        trx,
      );
      const event: CommentPostedEvent = {
        commentId: id,
        videoId: video.id,
        authorId: viewer.accountId,
        creatorId: video.accountId,
        repliedToId: repliedTo?.id ?? null,
        repliedToAuthorId: repliedTo?.authorId ?? null,
        mentions,
      };
      await this.deps.queue.publish(COMMENT_EVENTS.posted, event, { trx });
    });
    return presentComment((await this.deps.store.findVisible(id, viewer.accountId))!);
  }

  /** Authors delete their own comments; creators delete any comment on their videos. */
  async delete(viewer: Viewer, commentId: string): Promise<void> {
    const comment = await this.getVisible(viewer.accountId, commentId);
    if (comment.authorId !== viewer.accountId && comment.creatorId !== viewer.accountId)
      throw notYourComment();
    await this.deps.store.delete(comment.id);
  }

  async like(viewer: Viewer, commentId: string) {
    const comment = await this.getVisible(viewer.accountId, commentId);
    await this.deps.store.transaction(async (trx) => {
      if (!(await this.deps.store.insertLike(comment.id, viewer.accountId, trx))) return;
      await this.deps.queue.publish(COMMENT_EVENTS.liked, this.likeEvent(viewer, comment), {
        trx,
      });
    });
    return this.likeState(viewer, comment.id);
  }

  private likeEvent(viewer: Viewer, comment: ListedComment): CommentLikedEvent {
    return {
      commentId: comment.id,
      videoId: comment.videoId,
      accountId: viewer.accountId,
      authorId: comment.authorId,
    };
  }

  async unlike(viewer: Viewer, commentId: string) {
    const comment = await this.getVisible(viewer.accountId, commentId);
    await this.deps.store.transaction(async (trx) => {
      if (!(await this.deps.store.deleteLike(comment.id, viewer.accountId, trx))) return;
      await this.deps.queue.publish(COMMENT_EVENTS.unliked, this.likeEvent(viewer, comment), {
        trx,
      });
    });
    return this.likeState(viewer, comment.id);
  }

  hasLiked(commentId: string, accountId: string): Promise<boolean> {
    return this.deps.store.hasLiked(commentId, accountId);
  }

  private async likeState(viewer: Viewer, commentId: string) {
    const comment = (await this.deps.store.findVisible(commentId, viewer.accountId))!;
    return { likeCount: comment.likeCount, isLiked: comment.isLikedByViewer };
  }

  /** The creator pins one top-level comment; pinning another replaces it. */
  async pin(viewer: Viewer, videoId: string, commentId: string): Promise<void> {
    const video = await this.deps.videos.getVisible(viewer.accountId, videoId);
    if (video.accountId !== viewer.accountId) throw notYourVideo();
    const comment = await this.getVisible(viewer.accountId, commentId);
    if (comment.videoId !== video.id || comment.parentId !== null) throw commentNotFound();
    await this.deps.store.pin(video.id, comment.id);
  }

  async unpin(viewer: Viewer, videoId: string): Promise<void> {
    const video = await this.deps.videos.getVisible(viewer.accountId, videoId);
    if (video.accountId !== viewer.accountId) throw notYourVideo();
    await this.deps.store.unpin(video.id);
  }

  async getFilter(viewer: Viewer): Promise<{ keywords: string[] }> {
    return { keywords: (await this.deps.store.findFilter(viewer.accountId))?.keywords ?? [] };
  }

  /** Comments matching a keyword (whole words, any case) are hidden from all but their author. */
  async setFilter(viewer: Viewer, keywords: string[]): Promise<{ keywords: string[] }> {
    const normalised = normaliseKeywords(keywords);
    await this.deps.store.saveFilter(viewer.accountId, normalised, normalised.map(keywordPattern));
    return { keywords: normalised };
  }

  /** For notifications: the comment, if `viewerId` may see it. */
  findVisible(viewerId: string, commentId: string) {
    return this.deps.store.findVisible(commentId, viewerId);
  }
}
