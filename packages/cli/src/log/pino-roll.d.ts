// pino-roll ships no type declarations: the part of its API the hub log uses.
declare module 'pino-roll' {
  import type { DestinationStream } from 'pino';

  /** A SonicBoom stream that moves on to a new numbered file past `size`. */
  interface RollStream extends DestinationStream {
    on(event: 'error', listener: (error: Error) => void): this;
    off(event: 'error', listener: (error: Error) => void): this;
    once(event: 'close' | 'ready', listener: () => void): this;
    flush(callback?: (error?: Error) => void): void;
    end(): void;
    readonly destroyed: boolean;
  }

  interface PinoRollOptions {
    file: string;
    /** `"10m"`, `"512k"`, `"1000b"`; a number is MB. */
    size?: string | number;
    frequency?: 'daily' | 'hourly' | number;
    extension?: string;
    limit?: { count: number; removeOtherLogFiles?: boolean };
    symlink?: boolean;
    mkdir?: boolean;
  }

  export default function pinoRoll(options: PinoRollOptions): Promise<RollStream>;
}
