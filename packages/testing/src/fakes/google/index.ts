export { startGoogleOAuthFake } from './oauth-server.js';
export type { GoogleOAuthFake, GoogleOAuthFakeOptions } from './oauth-server.js';
