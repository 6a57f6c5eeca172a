/**
 * miniprogram-simulate, typed for what these tests use. Its own typings import
 * miniprogram-api-typings, whose global `require` would replace Node's for the whole program.
 */

/** A rendered node: a custom component or one of WeChat's built-ins. */
export interface SimNode {
  readonly dom: HTMLElement | undefined;
  readonly data: unknown;
  /** Delivers an event to the node on the next microtask, as the simulator does. */
  dispatchEvent(name: string, options?: { detail?: unknown }): void;
  querySelector(selector: string): SimNode | undefined;
  addEventListener(name: string, handler: (event: { detail: unknown }) => void): void;
  setData(data: Record<string, unknown>): void;
}

/** A rendered root component and its instance (`this` inside the component). */
export interface SimRoot<TInstance> extends SimNode {
  readonly instance: TInstance;
  attach(parent: Element): void;
  detach(): void;
}

/** A component definition registered directly, as WeChat's built-ins are. */
export interface SimDefinition {
  id: string;
  tagName: string;
  template: string;
  properties?: Record<string, unknown>;
}

interface Simulate {
  load(componentPath: string): string;
  load(definition: SimDefinition): string;
  render<TInstance>(id: string, properties?: Record<string, unknown>): SimRoot<TInstance>;
  sleep(ms: number): Promise<void>;
}

export const simulate = require('miniprogram-simulate') as Simulate;
