// A list the API hands out in cursor pages (`{ items, nextCursor }`): the first page on mount
// (and again whenever `key` changes), "Load more" for the next one, a way to retry after a
// failure, and local edits (an approved request leaves the list at once).
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeProblem } from './problems';

export type CursorPage<Item> = { items: Item[]; nextCursor?: string | null };

export type CursorPages<Item> = {
  status: 'loading' | 'failed' | 'ready';
  items: Item[];
  /** Why the last load failed, in words. */
  error: string | null;
  hasMore: boolean;
  isLoadingMore: boolean;
  loadMore: () => void;
  reload: () => void;
  update: (change: (items: Item[]) => Item[]) => void;
};

export function useCursorPages<Item>(
  key: string,
  fetchPage: (cursor: string | undefined) => Promise<CursorPage<Item>>,
): CursorPages<Item> {
  const [state, setState] = useState<{
    key: string;
    status: 'loading' | 'failed' | 'ready';
    items: Item[];
    error: string | null;
    nextCursor: string | null;
    isLoadingMore: boolean;
  }>({ key, status: 'loading', items: [], error: null, nextCursor: null, isLoadingMore: false });
  const [version, setVersion] = useState(0);
  // The fetcher usually closes over props; the latest one is used without refetching.
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const generation = useRef(0);

  useEffect(() => {
    const current = ++generation.current;
    setState({
      key,
      status: 'loading',
      items: [],
      error: null,
      nextCursor: null,
      isLoadingMore: false,
    });
    fetchRef.current(undefined).then(
      (page) =>
        current === generation.current &&
        setState({
          key,
          status: 'ready',
          items: page.items,
          error: null,
          nextCursor: page.nextCursor ?? null,
          isLoadingMore: false,
        }),
      (error: unknown) =>
        current === generation.current &&
        setState({
          key,
          status: 'failed',
          items: [],
          error: describeProblem(error),
          nextCursor: null,
          isLoadingMore: false,
        }),
    );
  }, [key, version]);

  const stateRef = useRef(state);
  stateRef.current = state;
  const loadMore = useCallback(() => {
    const previous = stateRef.current;
    if (!previous.nextCursor || previous.isLoadingMore) return;
    const current = generation.current;
    setState((latest) => ({ ...latest, isLoadingMore: true }));
    fetchRef.current(previous.nextCursor).then(
      (page) =>
        current === generation.current &&
        setState((latest) => ({
          ...latest,
          items: [...latest.items, ...page.items],
          nextCursor: page.nextCursor ?? null,
          isLoadingMore: false,
          error: null,
        })),
      (error: unknown) =>
        current === generation.current &&
        setState((latest) => ({ ...latest, isLoadingMore: false, error: describeProblem(error) })),
    );
  }, []);

  const reload = useCallback(() => setVersion((current) => current + 1), []);
  const update = useCallback(
    (change: (items: Item[]) => Item[]) =>
      setState((previous) => ({ ...previous, items: change(previous.items) })),
    [],
  );

  // A key change shows "loading" at once rather than the previous key's items.
  const isStale = state.key !== key;
  return {
    status: isStale ? 'loading' : state.status,
    items: isStale ? [] : state.items,
    error: isStale ? null : state.error,
    hasMore: !isStale && state.nextCursor !== null,
    isLoadingMore: state.isLoadingMore,
    loadMore,
    reload,
    update,
  };
}
