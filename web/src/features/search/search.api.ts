// The calls behind Discover: typeahead suggestions, the three kinds of results, trending tags.
import { unwrap } from '@shortwave/api-client';
import { api } from '../../api/client';

const query = (q: string, cursor: string | undefined) => ({
  q,
  limit: 20,
  ...(cursor ? { cursor } : {}),
});

export function getSuggestions(q: string) {
  return unwrap(api.GET('/api/v1/search/typeahead', { params: { query: { q } } }));
}

export function searchAccounts(q: string, cursor: string | undefined) {
  return unwrap(api.GET('/api/v1/search/accounts', { params: { query: query(q, cursor) } }));
}

export function searchVideos(q: string, cursor: string | undefined) {
  return unwrap(api.GET('/api/v1/search/videos', { params: { query: query(q, cursor) } }));
}

export function searchHashtags(q: string) {
  return unwrap(api.GET('/api/v1/search/hashtags', { params: { query: { q, limit: 30 } } }));
}

export function listTrendingHashtags() {
  return unwrap(api.GET('/api/v1/hashtags/trending', { params: { query: { limit: 12 } } }));
}
