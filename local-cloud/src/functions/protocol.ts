/** Messages between the function pool (main thread) and one instance (worker thread). */
export interface InstanceData {
  /** Absolute path of the function's bundle (`<functionsDir>/<name>/index.js`). */
  entry: string;
  /** Quiet clouds: the instance drops its own console output. */
  discardOutput: boolean;
}

export interface InvokeMessage {
  type: 'invoke';
  callId: number;
  event: unknown;
  context: Record<string, unknown>;
  /** Per-call environment (identity, source); removed again when the call ends. */
  env: Record<string, string>;
}

export type InstanceMessage =
  | { type: 'ready' }
  | { type: 'load-failed'; message: string; stack?: string }
  | { type: 'result'; callId: number; ok: true; json: string }
  | { type: 'result'; callId: number; ok: false; message: string; stack?: string };
