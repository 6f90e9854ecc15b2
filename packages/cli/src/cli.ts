import { parseArgs } from 'node:util';
import type { CommandIo, ExitCode } from './commands/io.js';
import { authCommand } from './commands/auth.js';
import { demoCommand } from './commands/demo.js';
import { doctorCommand } from './commands/doctor.js';
import { replayCommand } from './commands/replay.js';
import { rulesValidateCommand } from './commands/rules-validate.js';
import { simulateCommand } from './commands/simulate.js';
import { startCommand } from './commands/start.js';
import { workerCommand } from './commands/worker.js';

const usage = `vmsc — the VMSC hub

usage:
  vmsc start [--config vmsc.config.json]
                                run the hub: connectors, rules, custom WS server, journal (Ctrl-C stops)
  vmsc worker [--config vmsc.config.json]
                                a cluster worker: its share of cluster.worker.channels, published to NATS JetStream
  vmsc auth twitch|youtube|kick [--config vmsc.config.json] [--client-id-env NAME] [--client-secret-env NAME]
                 [--scopes a,b] [--store .vmsc-auth.json]
                                sign in (device code flow) and save the login, owner-only, for vmsc start
  vmsc doctor [--config vmsc.config.json]
                                check every connector's credentials and scopes; say how to fix what is missing
  vmsc demo [--port 7895] [--duration <s>] [--once] [--allow-origin <origin> ...]
                                every platform's fake, the real connectors, sample rules and a
                                scripted stream: see events flow and rules fire (Ctrl-C stops)
  vmsc simulate <type> [--source s] [--data key=value ...] [--user name] [--url ws://127.0.0.1:7895]
                                inject a test event into a running hub (token from $VMSC_TOKEN)
  vmsc rules validate <file>    validate a rules file, printing every problem with its path
  vmsc replay <file> [--rules rules.json] [--realtime]
                                play a journal (JSON Lines) back through the bus and the rules
  vmsc help                     this text
`;

/** Parses a non-negative number option, naming the option when it is not one. */
function parseNumber(text: string, option: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0) throw new Error(`${option} must be a non-negative number, got "${text}"`);
  return value;
}

/** Runs the `vmsc` command line with `argv` (without node and script). */
export async function runCli(argv: readonly string[], io: CommandIo): Promise<ExitCode> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'start': {
        const { values } = parseArgs({ args: [...rest], options: { config: { type: 'string' } } });
        return await startCommand(values.config ? { config: values.config } : {}, io);
      }
      case 'worker': {
        const { values } = parseArgs({ args: [...rest], options: { config: { type: 'string' } } });
        return await workerCommand(values.config ? { config: values.config } : {}, io);
      }
      case 'auth': {
        const { values, positionals } = parseArgs({
          args: [...rest],
          allowPositionals: true,
          options: {
            config: { type: 'string' },
            'client-id-env': { type: 'string' },
            'client-secret-env': { type: 'string' },
            scopes: { type: 'string' },
            store: { type: 'string' },
            port: { type: 'string' },
          },
        });
        return await authCommand(
          positionals[0],
          {
            ...(values.config ? { config: values.config } : {}),
            ...(values['client-id-env'] ? { clientIdEnv: values['client-id-env'] } : {}),
            ...(values['client-secret-env'] ? { clientSecretEnv: values['client-secret-env'] } : {}),
            ...(values.scopes ? { scopes: values.scopes.split(/[\s,]+/).filter(Boolean) } : {}),
            ...(values.store ? { store: values.store } : {}),
            ...(values.port !== undefined ? { port: parseNumber(values.port, '--port') } : {}),
          },
          io,
        );
      }
      case 'doctor': {
        const { values } = parseArgs({ args: [...rest], options: { config: { type: 'string' } } });
        return await doctorCommand(values.config ? { config: values.config } : {}, io);
      }
      case 'demo': {
        const { values } = parseArgs({
          args: [...rest],
          options: {
            port: { type: 'string' },
            duration: { type: 'string' },
            once: { type: 'boolean' },
            'allow-origin': { type: 'string', multiple: true },
          },
        });
        return await demoCommand(
          {
            ...(values.port !== undefined ? { port: parseNumber(values.port, '--port') } : {}),
            ...(values.duration !== undefined ? { durationS: parseNumber(values.duration, '--duration') } : {}),
            once: Boolean(values.once),
            ...(values['allow-origin'] ? { allowOrigins: values['allow-origin'] } : {}),
          },
          io,
        );
      }
      case 'simulate': {
        const { values, positionals } = parseArgs({
          args: [...rest],
          allowPositionals: true,
          options: {
            source: { type: 'string' },
            data: { type: 'string', multiple: true },
            user: { type: 'string' },
            url: { type: 'string' },
            'token-env': { type: 'string' },
          },
        });
        return await simulateCommand(
          positionals[0],
          {
            ...(values.source ? { source: values.source } : {}),
            ...(values.data ? { data: values.data } : {}),
            ...(values.user ? { user: values.user } : {}),
            ...(values.url ? { url: values.url } : {}),
            ...(values['token-env'] ? { tokenEnv: values['token-env'] } : {}),
          },
          io,
        );
      }
      case 'rules': {
        const [sub, file] = rest;
        if (sub !== 'validate') break;
        return await rulesValidateCommand(file, io);
      }
      case 'replay': {
        const { values, positionals } = parseArgs({
          args: [...rest],
          allowPositionals: true,
          options: { rules: { type: 'string' }, realtime: { type: 'boolean' } },
        });
        return await replayCommand(
          positionals[0],
          { ...(values.rules ? { rules: values.rules } : {}), realtime: Boolean(values.realtime) },
          io,
        );
      }
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(usage);
        return 0;
      default:
        break;
    }
  } catch (error) {
    io.stderr.write(`vmsc: ${(error as Error).message}\n`);
    return 2;
  }
  io.stderr.write(command ? `vmsc: unknown command "${argv.join(' ')}"\n\n${usage}` : usage);
  return 2;
}
