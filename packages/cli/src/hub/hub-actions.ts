import { ActionRegistry, chatTargetsOf, replyAction, type Connector, type ValidateRulesOptions } from '@vmsc/core';

/**
 * What the hub's rules are validated against: the built-in action types plus the ones the hub
 * registers (`reply`, answered through its connectors). Given the connectors, a `reply` whose trigger
 * only matches sources that cannot send, or that names a connector that cannot, is an issue; without
 * them (`vmsc rules validate`) only the shape of each action is checked.
 */
export function hubRuleValidation(connectors?: readonly Connector[]): ValidateRulesOptions {
  const actions = new ActionRegistry();
  actions.register(replyAction(connectors ?? []));
  if (!connectors) return { actions };
  return { actions, ...chatTargetsOf(connectors) };
}
