// Search (accounts, videos, hashtags, typeahead) and hashtag pages.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { profileSchema } from '../accounts/index.js';
import { listedVideoSchema } from '../engagement/index.js';
import { pageQuerySchema, pageSchema, problemResponses } from '../platform/http/index.js';
import {
  hashtagCountSchema,
  searchQuery,
  shortSearchQuery,
  tagParams,
  trendingQuery,
  typeaheadQuery,
  typeaheadSchema,
} from './search.schemas.js';
import type { SearchService } from './search.service.js';

export async function searchRoutes(app: FastifyInstance, options: { search: SearchService }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { search } = options;
  const tags = ['search'];

  api.get(
    '/api/v1/search/accounts',
    {
      schema: {
        tags,
        summary: 'Accounts by handle or name: forgiving of typos, accents and case',
        querystring: searchQuery,
        response: { 200: pageSchema(profileSchema), ...problemResponses(400) },
      },
    },
    async (request) => {
      const { q, limit, cursor } = request.query;
      return search.accounts(request.viewer?.accountId ?? null, q, limit, cursor);
    },
  );

  api.get(
    '/api/v1/search/videos',
    {
      schema: {
        tags,
        summary: 'Videos whose caption has every word (accents and case ignored), best first',
        querystring: searchQuery,
        response: { 200: pageSchema(listedVideoSchema), ...problemResponses(400) },
      },
    },
    async (request) => {
      const { q, limit, cursor } = request.query;
      return search.videos(request.viewer?.accountId ?? null, q, limit, cursor);
    },
  );

  api.get(
    '/api/v1/search/hashtags',
    {
      schema: {
        tags,
        summary: 'Hashtags starting with or close to the query, most used first',
        querystring: shortSearchQuery,
        response: {
          200: z.object({ items: z.array(hashtagCountSchema) }),
          ...problemResponses(400),
        },
      },
    },
    async (request) => ({
      items: await search.hashtags(
        request.viewer?.accountId ?? null,
        request.query.q,
        request.query.limit,
      ),
    }),
  );

  api.get(
    '/api/v1/search/typeahead',
    {
      schema: {
        tags,
        summary: 'Suggestions while typing: a few accounts and hashtags',
        querystring: typeaheadQuery,
        response: { 200: typeaheadSchema, ...problemResponses(400) },
      },
    },
    async (request) => search.typeahead(request.viewer?.accountId ?? null, request.query.q),
  );

  api.get(
    '/api/v1/hashtags/trending',
    {
      schema: {
        tags: ['hashtags'],
        summary: 'Hashtags on the most videos published recently',
        querystring: trendingQuery,
        response: {
          200: z.object({ items: z.array(hashtagCountSchema) }),
          ...problemResponses(400),
        },
      },
    },
    async (request) => ({
      items: await search.trending(
        request.viewer?.accountId ?? null,
        request.query.windowHours,
        request.query.limit,
      ),
    }),
  );

  api.get(
    '/api/v1/hashtags/:tag',
    {
      schema: {
        tags: ['hashtags'],
        summary: 'A hashtag: how many videos you can see carry it, and their views',
        params: tagParams,
        response: { 200: hashtagCountSchema, ...problemResponses(404) },
      },
    },
    async (request) => search.hashtag(request.viewer?.accountId ?? null, request.params.tag),
  );

  api.get(
    '/api/v1/hashtags/:tag/videos',
    {
      schema: {
        tags: ['hashtags'],
        summary: 'Videos with a hashtag, newest first',
        params: tagParams,
        querystring: pageQuerySchema,
        response: { 200: pageSchema(listedVideoSchema), ...problemResponses(400) },
      },
    },
    async (request) =>
      search.hashtagVideos(
        request.viewer?.accountId ?? null,
        request.params.tag,
        request.query.limit,
        request.query.cursor,
      ),
  );
}
