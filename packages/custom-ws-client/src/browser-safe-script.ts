/**
 * What jsonpath-plus's `./Safe-Script.js` resolves to in the browser build: its script evaluator
 * (jsep, a JavaScript expression parser, about a third of jsonpath-plus) left out. VMSC never
 * evaluates scripts: `compilePath` refuses script expressions and evaluates with `eval: false`, so
 * jsonpath-plus never constructs this class; should it ever, it throws instead of evaluating.
 *
 * @internal
 */
export class SafeScript {
  constructor(expression: string) {
    throw new Error(`script expressions are not supported in the browser build: ${JSON.stringify(expression)}`);
  }
}
