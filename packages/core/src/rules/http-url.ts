/**
 * The URL rules of the `http` action: the origin (scheme, host, port) is literal text of the rules
 * file, never a template; the host must be in the allow-list; templated values in the path, query
 * and fragment are percent-encoded, so no value can change where the request goes.
 *
 * @packageDocumentation
 */

const PLACEHOLDER = /\{\{\s*[^{}]*?\s*\}\}/g;

/** An allow-list entry parsed: `host`, `host:port`, `*.domain` (any subdomain, not the domain itself). */
interface HostRule {
  host: string;
  wildcard: boolean;
  port: string | undefined;
}

function parseRule(entry: string): HostRule {
  const text = entry.trim().toLowerCase();
  const bracket = text.startsWith('[') ? text.indexOf(']') : -1;
  const colon = bracket >= 0 ? text.indexOf(':', bracket) : text.lastIndexOf(':');
  const host = colon >= 0 ? text.slice(0, colon) : text;
  const port = colon >= 0 ? text.slice(colon + 1) : undefined;
  return host.startsWith('*.') ? { host: host.slice(1), wildcard: true, port } : { host, wildcard: false, port };
}

/**
 * Which hosts `http` actions may call. An entry is `"example.com"` (any port), `"127.0.0.1:9000"`
 * (that port only) or `"*.example.com"` (its subdomains, any port). Matching ignores case.
 */
export class HostAllowList {
  readonly #rules: HostRule[];
  /** The entries as given, for messages. */
  readonly entries: readonly string[];

  constructor(entries: readonly string[]) {
    this.entries = [...entries];
    this.#rules = entries.map(parseRule);
  }

  /** Whether `url` (a parsed http(s) URL) may be called. */
  allows(url: URL): boolean {
    const host = url.hostname.toLowerCase();
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    return this.#rules.some(
      (rule) => (rule.wildcard ? host.endsWith(rule.host) : host === rule.host) && (rule.port === undefined || rule.port === port),
    );
  }

  /** "one of a, b" / "none (the allow-list is empty)", for messages. */
  describe(): string {
    return this.entries.length === 0 ? 'none: the allow-list is empty' : this.entries.join(', ');
  }
}

/**
 * Splits a URL template into its literal origin and the rest (path, query, fragment). Returns a
 * problem when the origin is not literal http(s) text.
 */
export function splitUrlTemplate(template: string): { origin: string; rest: string } | { problem: string } {
  const match = /^(https?):\/\/([^/?#]*)/i.exec(template);
  if (!match) return { problem: 'must be an absolute http:// or https:// URL' };
  const origin = match[0];
  if (origin.includes('{{')) return { problem: 'templates may go in the path, query and fragment, never in the scheme, host or port' };
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return { problem: `"${origin}" is not a valid URL origin` };
  }
  if (parsed.username || parsed.password) return { problem: 'credentials in the URL are not allowed: use secretHeaders' };
  return { origin, rest: template.slice(origin.length) };
}

/**
 * Checks that a relative URL template (the part after a configured target's base URL) cannot
 * change the origin: it starts with `/`, `?` or `#`, or is empty.
 */
export function relativeUrlProblem(template: string): string | undefined {
  if (template === '' || /^[/?#]/.test(template)) {
    if (template.startsWith('//')) return 'must not start with "//" (that names another host)';
    return undefined;
  }
  return 'with a "target", "url" is the path, query or fragment after the target\'s base URL (starting with "/", "?" or "#")';
}

/**
 * Renders the path/query/fragment part of a URL template: each `{{placeholder}}` is rendered on its
 * own and percent-encoded, the literal text is kept as written.
 */
export function renderUrlRest(rest: string, renderOne: (placeholder: string) => string): string {
  let out = '';
  let last = 0;
  for (const match of rest.matchAll(PLACEHOLDER)) {
    out += rest.slice(last, match.index);
    out += encodeURIComponent(renderOne(match[0]));
    last = match.index + match[0].length;
  }
  return out + rest.slice(last);
}
