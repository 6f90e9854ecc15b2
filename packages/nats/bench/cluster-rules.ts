// A bench rules process: runs the partitions it holds (one rule engine each, a counting rule) and
// reports on stdout (JSON lines) the partitions it holds and how many rule runs completed.
import { connect } from '@nats-io/transport-node';
import { EventBus, RuleEngine } from '@vmsc/core';
import { PartitionedRules } from '@vmsc/nats';

interface RulesArgs {
  natsUrl: string;
  ownerId: string;
  partitions: number;
  capacity: number;
  ttlMs: number;
}

const args = JSON.parse(process.argv[2]!) as RulesArgs;
const nc = await connect({ servers: args.natsUrl });
let runs = 0;
const rules = new PartitionedRules({
  connection: nc,
  ownerId: args.ownerId,
  partitions: args.partitions,
  capacity: args.capacity,
  ttlMs: args.ttlMs,
  open: (_partition, state) => {
    const bus = new EventBus();
    const engine = new RuleEngine({ bus });
    engine.addRules([
      {
        id: '0d5c2b1a-9e8f-4a7b-8c6d-5e4f3a2b1c0d',
        name: 'count chats',
        trigger: { types: ['chat'] },
        actions: [{ type: 'counter', name: 'chats' }],
      },
    ]);
    if (state) engine.loadState(state);
    engine.onRun(() => void runs++);
    return { bus, getState: () => engine.getState(), close: () => engine.close() };
  },
});
await rules.start();
setInterval(() => process.stdout.write(`${JSON.stringify({ partitions: rules.partitions.length, runs })}\n`), 20);
