import type { Protocol } from '../../../shared/domain/protocol';
import { ok, type Result } from '../../../shared/result';
import { useAnswer } from '../../hooks/use-answer';
import { call } from '../../transport/client';

export interface ProtocolScope {
  familyId: number;
  name: string;
  version: number;
  /** The protocol has a rule set of its own, so the clinic set does not reach its sessions. */
  ownSet: boolean;
}

async function loadScopes(): Promise<Result<ProtocolScope[]>> {
  const list = await call('protocol/list', { includeRetired: false });
  if (!list.ok) return list;
  const protocols: Protocol[] = list.value;
  const scopes = await Promise.all(
    protocols.map(async (protocol) => {
      const rules = await call('rules/get', { protocolFamilyId: protocol.familyId });
      return { familyId: protocol.familyId, name: protocol.name, version: protocol.version, ownSet: rules.ok && rules.value.source === 'protocol' };
    }),
  );
  return ok(scopes);
}

const NO_SCOPES: ProtocolScope[] = [];

/** The protocols a rule set can belong to, each with whether it has its own set. */
export function useProtocolScopes(reloads: number): ProtocolScope[] {
  return useAnswer(loadScopes, { refresh: [reloads] }).value ?? NO_SCOPES;
}
