/**
 * Reads a response body as text and, when it is JSON, parses it: Kick's API and OAuth server answer
 * JSON, but a proxy or an outage may answer anything.
 */
export async function readJsonBody(response: Response): Promise<{ json: unknown }> {
  const raw = await response.text().catch(() => '');
  try {
    return { json: JSON.parse(raw) as unknown };
  } catch {
    return { json: undefined };
  }
}
