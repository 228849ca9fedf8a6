export { webClientRoutes } from './web-client.routes.js';
export { ensureWebClientBuilt } from './build-web-client.js';
