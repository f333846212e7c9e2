import { z } from 'zod';

/**
 * Frames on the loopback WebSocket (src-main/hosts). The same contract as Electron IPC:
 * a call carries a channel and a request, the reply carries the Result value.
 */
export const ClientFrameSchema = z.object({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  channel: z.string(),
  request: z.unknown(),
});
export type ClientFrame = z.infer<typeof ClientFrameSchema>;

export type ServerFrame =
  | { type: 'result'; id: number; result: unknown }
  | { type: 'event'; name: string; payload: unknown; seq: number }
  /**
   * First frame on every socket: whether it continues the connection a resume token named
   * (its sign-in kept in main), and the single-use token for the next drop (see
   * src-main/hosts/resume-tokens.ts).
   */
  | { type: 'hello'; resumed: boolean; resumeToken: string };
