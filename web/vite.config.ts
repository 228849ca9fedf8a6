import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The React client, served by the Shortwave server from the same origin. In development,
// `npm run dev:web` proxies API and media requests to a server on :8080.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/avatars': 'http://localhost:8080',
      '/media': 'http://localhost:8080',
      '/uploads': 'http://localhost:8080',
    },
  },
});
