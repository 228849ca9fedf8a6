// Every page of the app. Home is in the first download; every other page's code is fetched
// when it is first visited (route `lazy`), so the initial script stays small.
import { createBrowserRouter, type RouteObject } from 'react-router';
import { HomePage } from '../features/feed/HomePage';
import { AppShell } from './AppShell';
import { BootScreen } from './BootScreen';
import { NotFoundPage } from './NotFoundPage';
import { OwnProfileRedirect } from './OwnProfileRedirect';
import { RequireAccount } from './RequireAccount';
import { RouteErrorPage } from './RouteErrorPage';

const pagesForEveryone: RouteObject[] = [
  { index: true, element: <HomePage feed="for-you" /> },
  { path: 'following', element: <HomePage feed="following" /> },
  { path: 'fresh', element: <HomePage feed="fresh" /> },
  { path: 'trending', element: <HomePage feed="trending" /> },
  {
    path: 'signup',
    lazy: { Component: async () => (await import('../features/auth/SignUpPage')).SignUpPage },
  },
  {
    path: 'login',
    lazy: { Component: async () => (await import('../features/auth/LogInPage')).LogInPage },
  },
  {
    path: 'discover',
    lazy: { Component: async () => (await import('../features/search/DiscoverPage')).DiscoverPage },
  },
  {
    path: 'tag/:name',
    lazy: {
      Component: async () => (await import('../features/hashtags/HashtagPage')).HashtagPage,
    },
  },
  {
    path: ':profilePath/followers',
    lazy: {
      Component: async () => (await import('../features/profile/FollowListPage')).FollowersPage,
    },
  },
  {
    path: ':profilePath/following',
    lazy: {
      Component: async () => (await import('../features/profile/FollowListPage')).FollowingPage,
    },
  },
  {
    path: 'v/:videoId',
    lazy: {
      loader: async () => (await import('../features/watch/watch.loader')).loadWatchPage,
      Component: async () => (await import('../features/watch/WatchPage')).WatchPage,
    },
  },
  {
    // /@handle: react-router matches whole segments only, so the loader checks for the "@".
    path: ':profilePath',
    lazy: {
      loader: async () => (await import('../features/profile/profile.loader')).loadProfilePage,
      Component: async () => (await import('../features/profile/ProfilePage')).ProfilePage,
    },
  },
  { path: '*', element: <NotFoundPage /> },
];

const pagesForAccounts: RouteObject[] = [
  {
    path: 'upload',
    lazy: { Component: async () => (await import('../features/upload/UploadPage')).UploadPage },
  },
  {
    path: 'inbox',
    lazy: {
      Component: async () => (await import('../features/notifications/InboxPage')).InboxPage,
    },
  },
  {
    path: 'admin/moderation',
    lazy: {
      Component: async () => (await import('../features/moderation/ModerationPage')).ModerationPage,
    },
  },
  { path: 'me', element: <OwnProfileRedirect /> },
  {
    path: 'profile/edit',
    lazy: {
      Component: async () => (await import('../features/profile/EditProfilePage')).EditProfilePage,
    },
  },
  {
    path: 'settings',
    lazy: {
      Component: async () => (await import('../features/settings/SettingsPage')).SettingsPage,
    },
  },
];

export const routes: RouteObject[] = [
  {
    path: '/',
    Component: AppShell,
    HydrateFallback: BootScreen,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [...pagesForEveryone, { Component: RequireAccount, children: pagesForAccounts }],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
