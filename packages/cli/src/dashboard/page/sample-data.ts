/**
 * Test event data from the JSON Schema the hub's `hello` catalogue gives for an event type: every
 * required field gets a plausible value (a name-based guess, else the schema's first enum value,
 * minimum or a neutral value), so a test button sends an event the hub accepts.
 */
type Schema = Record<string, unknown>;

const GUESSES: Record<string, unknown> = {
  message: 'Test message from the dashboard',
  text: 'Test message from the dashboard',
  giftName: 'Rose',
  currency: 'USD',
  amount: 5,
  repeatCount: 1,
  repeatEnd: true,
  bpm: 120,
  viewers: 42,
  months: 1,
  tier: '1000',
};

function sample(schema: Schema, name: string, depth: number): unknown {
  if (depth > 5) return null;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if ('const' in schema) return schema.const;
  const options = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (Array.isArray(options) && options.length > 0) {
    const notNull = options.find((option) => option.type !== 'null') ?? options[0]!;
    return sample(notNull, name, depth + 1);
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const guess = GUESSES[name];
  switch (type) {
    case 'object':
      return sampleData(schema, depth + 1);
    case 'array':
      return [];
    case 'string':
      if (typeof guess === 'string') return guess;
      if (schema.format === 'uri') return 'https://example.com/';
      return 'test';
    case 'integer':
    case 'number': {
      if (typeof guess === 'number') return guess;
      const minimum =
        typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : 1;
      return Math.max(1, minimum);
    }
    case 'boolean':
      return typeof guess === 'boolean' ? guess : false;
    default:
      return typeof guess === 'undefined' ? null : guess;
  }
}

/** Data for an event whose `data` follows `schema` (required fields only). */
export function sampleData(schema: Schema | undefined, depth = 0): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (!schema) return data;
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  for (const name of required) {
    const property = properties[name];
    if (property) data[name] = sample(property, name, depth);
  }
  return data;
}
