export { startWebhookReceiver } from './receiver.js';
export type { WebhookReceiver, WebhookReceiverOptions, WebhookRequest, WebhookAnswer } from './receiver.js';
