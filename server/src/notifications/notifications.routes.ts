// Your notifications: the list, the unread count, marking read, and a live stream.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  pageQuerySchema,
  pageSchema,
  problemResponses,
  requireViewer,
} from '../platform/http/index.js';
import type { NotificationsHub } from './notifications-hub.js';
import { markReadBody, notificationSchema, unreadCountSchema } from './notifications.schemas.js';
import type { NotificationsService } from './notifications.service.js';

const tags = ['notifications'];
const KEEPALIVE_MS = 15_000;

export async function notificationsRoutes(
  app: FastifyInstance,
  options: { notifications: NotificationsService; hub: NotificationsHub },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { notifications, hub } = options;
  // End open streams first: the server would otherwise wait for every open page to leave.
  app.addHook('preClose', async () => hub.close());

  api.get(
    '/api/v1/me/notifications',
    {
      schema: {
        tags,
        summary: 'Your notifications, most recent activity first',
        querystring: pageQuerySchema,
        response: { 200: pageSchema(notificationSchema), ...problemResponses(400, 401) },
      },
    },
    async (request) =>
      notifications.list(requireViewer(request), request.query.limit, request.query.cursor),
  );

  api.get(
    '/api/v1/me/notifications/unread-count',
    {
      schema: {
        tags,
        summary: 'How many of your notifications are unread',
        response: { 200: unreadCountSchema, ...problemResponses(401) },
      },
    },
    async (request) => ({
      unreadCount: await notifications.unreadCount(requireViewer(request).accountId),
    }),
  );

  api.post(
    '/api/v1/me/notifications/read',
    {
      schema: {
        tags,
        summary: 'Mark notifications read: some by id, or all',
        body: markReadBody,
        response: { 200: unreadCountSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const ids = 'ids' in request.body ? request.body.ids : 'all';
      return { unreadCount: await notifications.markRead(requireViewer(request), ids) };
    },
  );

  api.get(
    '/api/v1/me/notifications/stream',
    {
      schema: {
        tags,
        summary: 'New notifications as they happen, as server-sent events',
        description:
          'Events: `unread` with `{"unreadCount"}` (first, and after every change) and `notification` with a Notification.',
        response: { 200: z.string().describe('text/event-stream'), ...problemResponses(401) },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const send = (event: string, data: unknown) =>
        raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      const sendUnread = async () =>
        send('unread', { unreadCount: await notifications.unreadCount(viewer.accountId) });

      let isOpen = true;
      let unsubscribe = () => {};
      const keepalive = setInterval(() => raw.write(': keepalive\n\n'), KEEPALIVE_MS);
      const end = () => {
        if (!isOpen) return;
        isOpen = false;
        clearInterval(keepalive);
        unsubscribe();
        raw.end();
      };
      request.raw.on('close', end);
      // Signals are handled one after another, so events leave in the order they happened.
      let queue = Promise.resolve();
      unsubscribe = await hub.subscribe(viewer.accountId, {
        end,
        onSignal: (signal) => {
          queue = queue
            .then(async () => {
              const notification = await notifications.findVisible(
                viewer.accountId,
                signal.notificationId,
              );
              if (!isOpen) return;
              if (notification) send('notification', notification);
              await sendUnread();
            })
            .catch((error: unknown) => request.log.warn({ err: error }, 'notification stream'));
        },
      });
      // The count now, after subscribing, so no change falls between the two.
      await sendUnread();
    },
  );
}
