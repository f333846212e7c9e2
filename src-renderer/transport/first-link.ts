import { pickTransport } from './bridge';
import { call, setBridge } from './client';

/**
 * The link to main, opened as the first bundle starts to run: main.tsx imports this module
 * first, so the socket's handshake and main's answer to "who is signed in here" travel while
 * the rest of the bundle (React, the strings) is still being evaluated (issue 10: first screen).
 */
export const transport = pickTransport();
setBridge(transport.bridge, transport.kind);

export const firstAuthStatus = call('auth/status', {});
