// Follows and follow requests, followers and following lists, privacy, blocks, mutes, and
// whom to follow next.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { handleParams, profileSchema } from '../accounts/index.js';
import {
  pageQuerySchema,
  pageSchema,
  problemResponses,
  requireViewer,
} from '../platform/http/index.js';
import {
  followResultSchema,
  followSuggestionSchema,
  privacyBody,
  privacySchema,
  relationshipSchema,
  suggestionsQuery,
} from './social.schemas.js';
import type { SocialService } from './social.service.js';
import type { SuggestionsService } from './suggestions.js';

const tags = ['social'];
const accountPage = pageSchema(profileSchema);

/** The first language tag of Accept-Language ("pt-BR,pt;q=0.9" -> "pt-BR"). */
const languageOf = (request: FastifyRequest) =>
  /^\s*([a-zA-Z]{2,3}(?:-[A-Za-z0-9]{2,8})*)/.exec(request.headers['accept-language'] ?? '')?.[1] ??
  null;

export async function socialRoutes(
  app: FastifyInstance,
  options: { social: SocialService; suggestions: SuggestionsService },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { social, suggestions } = options;
  const noContent = { 204: z.null(), ...problemResponses(400, 401, 403, 404) };

  api.put(
    '/api/v1/accounts/:handle/follow',
    {
      schema: {
        tags,
        summary: 'Follow an account; a private account gets a request to approve',
        params: handleParams,
        response: { 200: followResultSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      following: await social.follow(requireViewer(request), request.params.handle),
    }),
  );

  api.delete(
    '/api/v1/accounts/:handle/follow',
    {
      schema: {
        tags,
        summary: 'Unfollow, or withdraw a follow request',
        params: handleParams,
        response: noContent,
      },
    },
    async (request, reply) => {
      await social.unfollow(requireViewer(request), request.params.handle);
      return reply.code(204).send(null);
    },
  );

  for (const list of ['followers', 'following'] as const) {
    api.get(
      `/api/v1/accounts/:handle/${list}`,
      {
        schema: {
          tags,
          summary:
            list === 'followers'
              ? 'Who follows this account, newest first'
              : 'Whom this account follows, newest first',
          description: 'A private account shows its lists to approved followers only.',
          params: handleParams,
          querystring: pageQuerySchema,
          response: { 200: accountPage, ...problemResponses(400, 403, 404) },
        },
      },
      async (request) => {
        const viewerId = request.viewer?.accountId ?? null;
        const { limit, cursor } = request.query;
        return list === 'followers'
          ? social.listFollowers(viewerId, request.params.handle, limit, cursor)
          : social.listFollowing(viewerId, request.params.handle, limit, cursor);
      },
    );
  }

  api.get(
    '/api/v1/accounts/:handle/relationship',
    {
      schema: {
        tags,
        summary: 'How you and this account are connected',
        params: handleParams,
        response: { 200: relationshipSchema, ...problemResponses(401, 404) },
      },
    },
    async (request) => social.relationship(requireViewer(request), request.params.handle),
  );

  api.get(
    '/api/v1/me/follow-requests',
    {
      schema: {
        tags,
        summary: 'People waiting for you to approve their follow request, newest first',
        querystring: pageQuerySchema,
        response: { 200: accountPage, ...problemResponses(400, 401) },
      },
    },
    async (request) =>
      social.listFollowRequests(requireViewer(request), request.query.limit, request.query.cursor),
  );

  for (const answer of ['approve', 'decline'] as const) {
    api.post(
      `/api/v1/me/follow-requests/:handle/${answer}`,
      {
        schema: {
          tags,
          summary: answer === 'approve' ? 'Approve a follow request' : 'Decline a follow request',
          params: handleParams,
          response: noContent,
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        if (answer === 'approve') await social.approveRequest(viewer, request.params.handle);
        else await social.declineRequest(viewer, request.params.handle);
        return reply.code(204).send(null);
      },
    );
  }

  api.delete(
    '/api/v1/me/followers/:handle',
    {
      schema: {
        tags,
        summary: 'Remove a follower (they are not told, and may ask again)',
        params: handleParams,
        response: noContent,
      },
    },
    async (request, reply) => {
      await social.removeFollower(requireViewer(request), request.params.handle);
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/api/v1/me/privacy',
    {
      schema: {
        tags,
        summary: 'Whether your account is private',
        response: { 200: privacySchema, ...problemResponses(401) },
      },
    },
    async (request) => social.getPrivacy(requireViewer(request)),
  );

  api.put(
    '/api/v1/me/privacy',
    {
      schema: {
        tags,
        summary: 'Make your account private or public',
        body: privacyBody,
        response: { 200: privacySchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => social.setPrivate(requireViewer(request), request.body.isPrivate),
  );

  for (const relation of ['block', 'mute'] as const) {
    api.put(
      `/api/v1/accounts/:handle/${relation}`,
      {
        schema: {
          tags,
          summary:
            relation === 'block'
              ? 'Block: you become invisible to each other, follows both ways end, no interaction'
              : 'Mute: their videos and activity leave your feeds and notifications; they are not told',
          params: handleParams,
          response: noContent,
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        if (relation === 'block') await social.block(viewer, request.params.handle);
        else await social.mute(viewer, request.params.handle);
        return reply.code(204).send(null);
      },
    );
    api.delete(
      `/api/v1/accounts/:handle/${relation}`,
      {
        schema: {
          tags,
          summary: relation === 'block' ? 'Unblock' : 'Unmute',
          params: handleParams,
          response: noContent,
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        if (relation === 'block') await social.unblock(viewer, request.params.handle);
        else await social.unmute(viewer, request.params.handle);
        return reply.code(204).send(null);
      },
    );
  }

  for (const list of ['blocks', 'mutes'] as const) {
    api.get(
      `/api/v1/me/${list}`,
      {
        schema: {
          tags,
          summary: list === 'blocks' ? 'Accounts you blocked' : 'Accounts you muted',
          querystring: pageQuerySchema,
          response: { 200: accountPage, ...problemResponses(400, 401) },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        const { limit, cursor } = request.query;
        return list === 'blocks'
          ? social.listBlocked(viewer, limit, cursor)
          : social.listMuted(viewer, limit, cursor);
      },
    );
  }

  api.get(
    '/api/v1/me/follow-suggestions',
    {
      schema: {
        tags,
        summary: 'Accounts to follow: friends of friends, then popular in your language',
        querystring: suggestionsQuery,
        response: {
          200: z.object({ items: z.array(followSuggestionSchema) }),
          ...problemResponses(400, 401),
        },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const language = request.query.language ?? languageOf(request);
      return {
        items: await suggestions.suggest(viewer.accountId, language, request.query.limit),
      };
    },
  );
}
