// The comments of one video as the sheet shows them: pages of top-level comments in the chosen
// order, each thread's replies once opened, and the changes the viewer makes.
import { useCallback, useEffect, useState } from 'react';
import {
  fetchComments,
  fetchReplies,
  type Comment,
  type CommentOrder,
  type CommentPage,
} from './comments.api';

export type Thread = { items: Comment[]; nextCursor: string | null; isOpen: boolean };

export function useComments(videoId: string, order: CommentOrder) {
  const [comments, setComments] = useState<Comment[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const [threads, setThreads] = useState<Record<string, Thread>>({});
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let isCurrent = true;
    setStatus('loading');
    setComments([]);
    setThreads({});
    fetchComments(videoId, order, null).then(
      (page) => {
        if (!isCurrent) return;
        setComments(page.items);
        setNextCursor(page.nextCursor);
        setStatus('ready');
      },
      () => {
        if (isCurrent) setStatus('error');
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [videoId, order, attempt]);

  const loadMore = useCallback(async () => {
    if (!nextCursor) return;
    const page = await fetchComments(videoId, order, nextCursor);
    setComments((current) => {
      const seen = new Set(current.map((comment) => comment.id));
      return [...current, ...page.items.filter((comment) => !seen.has(comment.id))];
    });
    setNextCursor(page.nextCursor);
  }, [videoId, order, nextCursor]);

  const openReplies = useCallback(async (parentId: string, cursor: string | null = null) => {
    const page: CommentPage = await fetchReplies(parentId, cursor);
    setThreads((current) => {
      const before = cursor ? (current[parentId]?.items ?? []) : [];
      const seen = new Set(before.map((reply) => reply.id));
      return {
        ...current,
        [parentId]: {
          items: [...before, ...page.items.filter((reply) => !seen.has(reply.id))],
          nextCursor: page.nextCursor,
          isOpen: true,
        },
      };
    });
  }, []);

  const closeReplies = (parentId: string) =>
    setThreads((current) => {
      const thread = current[parentId];
      return thread ? { ...current, [parentId]: { ...thread, isOpen: false } } : current;
    });

  /** Puts a changed or new comment in its place (a reply under its thread, opened). */
  const upsert = (comment: Comment) => {
    if (comment.parentId) {
      const parentId = comment.parentId;
      setThreads((current) => {
        const thread = current[parentId] ?? { items: [], nextCursor: null, isOpen: true };
        const exists = thread.items.some((reply) => reply.id === comment.id);
        return {
          ...current,
          [parentId]: {
            ...thread,
            isOpen: true,
            items: exists
              ? thread.items.map((reply) => (reply.id === comment.id ? comment : reply))
              : [...thread.items, comment],
          },
        };
      });
      return;
    }
    setComments((current) =>
      current.some((existing) => existing.id === comment.id)
        ? current.map((existing) => (existing.id === comment.id ? comment : existing))
        : pinnedFirst([comment, ...current]),
    );
  };

  const changeReplyCount = (parentId: string, change: number) =>
    setComments((current) =>
      current.map((comment) =>
        comment.id === parentId
          ? { ...comment, replyCount: Math.max(0, comment.replyCount + change) }
          : comment,
      ),
    );

  const remove = (comment: Comment) => {
    if (comment.parentId) {
      const parentId = comment.parentId;
      setThreads((current) => {
        const thread = current[parentId];
        if (!thread) return current;
        return {
          ...current,
          [parentId]: { ...thread, items: thread.items.filter((reply) => reply.id !== comment.id) },
        };
      });
      changeReplyCount(parentId, -1);
      return;
    }
    setComments((current) => current.filter((existing) => existing.id !== comment.id));
  };

  return {
    comments,
    threads,
    status,
    hasMore: nextCursor !== null,
    loadMore,
    openReplies,
    closeReplies,
    upsert,
    remove,
    changeReplyCount,
    retry: () => setAttempt((count) => count + 1),
  };
}

/** The pinned comment stays on top, as the server lists it. */
function pinnedFirst(comments: Comment[]): Comment[] {
  const pinned = comments.filter((comment) => comment.isPinned);
  return pinned.length === 0 ? comments : [...pinned, ...comments.filter((c) => !c.isPinned)];
}
