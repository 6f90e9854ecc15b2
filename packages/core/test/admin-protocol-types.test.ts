import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  adminAckSchemas,
  adminActions,
  adminRequestSchemas,
  clientActions,
  type AdminAction,
  type AdminActionMap,
  type AdminParams,
  type AdminResult,
  type AdminRule,
  type AdminConnectorInfo,
  type AdminQueueStatus,
  type AdminReloadResult,
  type ClientAction,
  type ClientMessage,
  type ServerMessage,
} from '@vmsc/core/protocol';

// The type assertions are checked by `tsc` (pnpm typecheck); a wrong type fails the build.
describe('the admin action map of the custom WebSocket protocol', () => {
  it('pins the admin action names', () => {
    expectTypeOf<AdminAction>().toEqualTypeOf<
      | 'listRules'
      | 'setRuleEnabled'
      | 'getState'
      | 'reloadRules'
      | 'connectorStatus'
      | 'explain'
      | 'pauseQueue'
      | 'resumeQueue'
      | 'connectConnector'
      | 'disconnectConnector'
      | 'adminSubscribe'
    >();
    expect([...adminActions].sort()).toEqual(Object.keys(adminAckSchemas).sort());
    expect(Object.keys(adminRequestSchemas).sort()).toEqual(Object.keys(adminAckSchemas).sort());
    for (const action of adminActions) expect(clientActions).toContain(action);
    expectTypeOf<AdminAction>().toExtend<ClientAction>();
  });

  it('pairs each request with its answer', () => {
    expectTypeOf<AdminActionMap['listRules']['response']['rules']>().toEqualTypeOf<AdminRule[]>();
    expectTypeOf<AdminResult<'setRuleEnabled'>>().toEqualTypeOf<{ rule: AdminRule }>();
    expectTypeOf<AdminResult<'reloadRules'>>().toEqualTypeOf<{ result: AdminReloadResult }>();
    expectTypeOf<AdminResult<'connectorStatus'>>().toEqualTypeOf<{ connectors: AdminConnectorInfo[] }>();
    expectTypeOf<AdminResult<'pauseQueue'>>().toEqualTypeOf<{ queue: AdminQueueStatus }>();
    expectTypeOf<AdminResult<'adminSubscribe'>>().toEqualTypeOf<{ runs: boolean; connectors: boolean; notices?: boolean | undefined }>();
    expectTypeOf<AdminParams<'pauseQueue'>>().toEqualTypeOf<{ queue: string }>();
    expectTypeOf<AdminParams<'connectConnector'>>().toEqualTypeOf<{ connectorId: string }>();
    expectTypeOf<AdminParams<'setRuleEnabled'>['enabled']>().toEqualTypeOf<boolean>();
    expectTypeOf<AdminParams<'listRules'>>().toEqualTypeOf<{}>();
    expectTypeOf<AdminActionMap['explain']['request']>().toExtend<ClientMessage>();
    expectTypeOf<AdminActionMap['explain']['response']>().toExtend<ServerMessage>();
    expectTypeOf<AdminActionMap[AdminAction]['response']['status']>().toEqualTypeOf<'ok'>();
  });

  it('the schemas refuse malformed requests', () => {
    expect(adminRequestSchemas.setRuleEnabled.safeParse({ action: 'setRuleEnabled', enabled: true }).success).toBe(false);
    expect(adminRequestSchemas.setRuleEnabled.safeParse({ action: 'setRuleEnabled', ruleName: 'x', enabled: 'yes' }).success).toBe(false);
    expect(adminRequestSchemas.pauseQueue.safeParse({ action: 'pauseQueue', queue: '' }).success).toBe(false);
    expect(adminRequestSchemas.setRuleEnabled.safeParse({ action: 'setRuleEnabled', ruleName: 'x', enabled: false }).success).toBe(true);
  });
});
