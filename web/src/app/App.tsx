// The whole app: toasts around the router, created once.
import { RouterProvider } from 'react-router/dom';
import { ToastProvider } from '../ui/Toast';
import { createAppRouter } from './router';

const router = createAppRouter();

export function App() {
  return (
    <ToastProvider>
      <RouterProvider router={router} />
    </ToastProvider>
  );
}
