import type { AdminAction, AdminParams, AdminResult, ExplainEvent } from '@vmsc/core/protocol';

/** Sends one admin request and resolves with its result (the ack without `action`, `status`, `requestId`). */
export type AdminRequester = <A extends AdminAction>(action: A, params: AdminParams<A>) => Promise<AdminResult<A>>;

/** A rule by id (a UUID) or by name. */
function ruleRef(rule: string): { ruleId: string } | { ruleName: string } {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(rule) ? { ruleId: rule } : { ruleName: rule };
}

/**
 * Typed helpers for the admin actions (`client.admin.listRules()`), each one request and its
 * typed answer. A refused request rejects with an `AdminRequestError` carrying the protocol error
 * code (`FORBIDDEN` for a token without the `admin` scope, `INVALID_RULES` with every problem...).
 */
export class AdminApi {
  readonly #request: AdminRequester;

  constructor(request: AdminRequester) {
    this.#request = request;
  }

  /** Every rule of the hub, with its defaults filled in. */
  async listRules(): Promise<AdminResult<'listRules'>['rules']> {
    return (await this.#request('listRules', {})).rules;
  }

  /** Enables or disables a rule (by id or name); resolves with the updated rule. */
  async setRuleEnabled(rule: string, enabled: boolean): Promise<AdminResult<'setRuleEnabled'>['rule']> {
    return (await this.#request('setRuleEnabled', { ...ruleRef(rule), enabled })).rule;
  }

  /** Counters, variables, cooldowns, viewers (points) and the named queues. */
  getState(): Promise<AdminResult<'getState'>> {
    return this.#request('getState', {});
  }

  /** Reads the rules file(s) again; rejects with `INVALID_RULES` (every problem in `issues`) and the running rules stay. */
  async reloadRules(): Promise<AdminResult<'reloadRules'>['result']> {
    return (await this.#request('reloadRules', {})).result;
  }

  /** Every connector's status and health. */
  async connectorStatus(): Promise<AdminResult<'connectorStatus'>['connectors']> {
    return (await this.#request('connectorStatus', {})).connectors;
  }

  /** Why each rule (or only `rule`) would or would not run for this event; nothing runs. */
  explain(event: ExplainEvent, rule?: string): Promise<AdminResult<'explain'>> {
    return this.#request('explain', { event, ...(rule === undefined ? {} : ruleRef(rule)) });
  }

  /** Pauses a named queue. */
  async pauseQueue(queue: string): Promise<AdminResult<'pauseQueue'>['queue']> {
    return (await this.#request('pauseQueue', { queue })).queue;
  }

  /** Resumes a paused named queue. */
  async resumeQueue(queue: string): Promise<AdminResult<'resumeQueue'>['queue']> {
    return (await this.#request('resumeQueue', { queue })).queue;
  }

  /** Starts connecting a connector; resolves at once with its status. */
  async connectConnector(connectorId: string): Promise<AdminResult<'connectConnector'>['connector']> {
    return (await this.#request('connectConnector', { connectorId })).connector;
  }

  /** Disconnects a connector; resolves when it is disconnected. */
  async disconnectConnector(connectorId: string): Promise<AdminResult<'disconnectConnector'>['connector']> {
    return (await this.#request('disconnectConnector', { connectorId })).connector;
  }

  /** Chooses what the server pushes: run reports (`runs`), connector status changes (`connectors`), dedupe notices (`notices`). */
  subscribe(feeds: { runs?: boolean; connectors?: boolean; notices?: boolean }): Promise<AdminResult<'adminSubscribe'>> {
    return this.#request('adminSubscribe', feeds);
  }
}
