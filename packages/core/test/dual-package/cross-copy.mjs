// Loads the two builds of @vmsc/core in one process (the dual-package hazard: one package
// `import`s core, another `require`s it), then checks that each copy recognises the other's errors,
// secrets and backoffs, and that a bus, a connector and a rule engine from different copies work
// together. Prints one JSON object { check: boolean } on stdout. Run by dual-package.test.ts.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const dist = process.argv[2];
const esm = await import(new URL('index.js', dist).href);
const cjs = createRequire(import.meta.url)(fileURLToPath(new URL('index.cjs', dist)));

const results = {};
/** Records whether `test()` returns true; a throw (a missing export, say) records false. */
const check = (name, test) => {
  try {
    results[name] = test() === true;
  } catch {
    results[name] = false;
  }
};

check('two copies are loaded', () => esm.VmscError !== cjs.VmscError && esm.EventBus !== cjs.EventBus);

for (const [from, to, label] of [
  [cjs, esm, 'cjs->esm'],
  [esm, cjs, 'esm->cjs'],
]) {
  const notFound = new from.NotFoundError('no such channel');
  check(`${label}: instanceof NotFoundError`, () => notFound instanceof to.NotFoundError);
  check(`${label}: instanceof VmscError`, () => notFound instanceof to.VmscError);
  check(`${label}: instanceof Error`, () => notFound instanceof Error);
  check(`${label}: not instanceof AuthError`, () => !(notFound instanceof to.AuthError));
  check(`${label}: isVmscError(e)`, () => to.isVmscError(notFound));
  check(`${label}: isVmscError(e, 'NotFoundError')`, () => to.isVmscError(notFound, 'NotFoundError'));
  check(`${label}: not isVmscError(e, 'AuthError')`, () => !to.isVmscError(notFound, 'AuthError'));
  check(`${label}: not isVmscError(plain Error)`, () => !to.isVmscError(new Error('x')) && !(new Error('x') instanceof to.VmscError));

  const rule = new from.RuleNotFoundError('big gifts');
  check(
    `${label}: RuleNotFoundError instanceof NotFoundError`,
    () => rule instanceof to.NotFoundError && rule instanceof to.RuleNotFoundError,
  );
  const validation = new from.ValidationError('bad event', [{ path: 'data.giftId', message: 'required' }]);
  check(`${label}: ValidationError keeps its issues`, () => validation instanceof to.ValidationError && validation.issues.length === 1);

  // A connector package's error class, written against one copy with no extra code.
  class TwitchMissingScopesError extends from.AuthError {}
  const scopes = new TwitchMissingScopesError('missing moderator:read:followers');
  check(`${label}: connector subclass instanceof AuthError`, () => scopes instanceof to.AuthError && scopes instanceof to.VmscError);
  check(
    `${label}: connector subclass by name`,
    () => to.isVmscError(scopes, 'TwitchMissingScopesError') && to.isVmscError(scopes, 'AuthError'),
  );
  check(`${label}: connector subclass name`, () => scopes.name === 'TwitchMissingScopesError');

  const secret = new from.Secret('token-abcdef');
  check(`${label}: Secret passes through toSecret`, () => to.toSecret(secret) === secret && secret instanceof to.Secret);
  check(`${label}: redact with a Secret`, () => to.redact('url?token=token-abcdef', [secret]) === 'url?token=[redacted]');

  const backoff = new from.Backoff({ initialDelayMs: 5, jitterMs: 0 });
  check(`${label}: Reconnector keeps the Backoff`, () => new to.Reconnector({ backoff }).backoff === backoff);

  // A connector built on one copy publishing into a bus of the other; an engine from the first.
  const bus = new to.EventBus();
  class DemoConnector extends from.BaseConnector {
    constructor(options) {
      super('demo', options);
    }
    async connect() {}
    async disconnect() {}
    fail(error) {
      return this.toVmscError(error);
    }
    send(event) {
      this.bus.publish(event);
    }
  }
  const connector = new DemoConnector({ bus });
  const authFromOther = new to.AuthError('bad token');
  check(`${label}: connector keeps the other copy's VmscError`, () => connector.fail(authFromOther) === authFromOther);
  const seen = [];
  bus.onAny((event) => seen.push(event));
  const engine = new from.RuleEngine({ bus, logger: () => undefined });
  const calls = [];
  engine.registerAction('record', (params, context) => {
    calls.push(context.event.id);
  });
  engine.addRule({ id: crypto.randomUUID(), name: 'gifts', trigger: { types: ['gift'] }, actions: [{ type: 'call', action: 'record' }] });
  const gift = from.createEvent({
    source: 'tiktok',
    type: 'gift',
    user: { id: '1', username: 'rosefan', nickname: 'Rose Fan' },
    data: { giftName: 'Rose', giftId: 5655, diamondCount: 1, repeatCount: 1, repeatEnd: true },
  });
  connector.send(gift);
  await engine.idle();
  check(`${label}: bus delivers the other copy's connector event`, () => seen.length === 1 && seen[0] === gift);
  check(`${label}: rule engine runs on the other copy's bus`, () => calls.length === 1 && calls[0] === gift.id);
  const trigger = await engine.trigger('no such rule').then(
    () => undefined,
    (error) => error,
  );
  check(
    `${label}: engine rejection recognised`,
    () => trigger instanceof to.RuleNotFoundError && to.isVmscError(trigger, 'RuleNotFoundError'),
  );
}

process.stdout.write(JSON.stringify(results));
