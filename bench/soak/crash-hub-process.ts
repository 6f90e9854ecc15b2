// The hub of the crash soak as its own process (so that it can be killed with SIGKILL): `vmsc start`
// through startCommand, with the Twitch connector and the saved login aimed at the soak's fakes.
// Argument: one JSON object (see `HubArgs`). Run from the repository root with `node --import tsx`.
import { startCommand } from '../../packages/cli/src/commands/start.js';

interface HubArgs {
  dir: string;
  eventsub: string;
  helix: string;
  auth: string;
  oauth: string;
}

const args = JSON.parse(process.argv[2]!) as HubArgs;
const abort = new AbortController();
process.once('SIGTERM', () => abort.abort());
const code = await startCommand(
  {
    config: 'vmsc.config.json',
    signal: abort.signal,
    overrides: { twitch: { urls: { eventsub: args.eventsub, helix: args.helix, auth: args.auth } } },
    logins: { twitchOAuthUrl: args.oauth },
  },
  { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: args.dir },
);
process.exit(code);
