import { useEffect, useState } from 'react';
import type { Protocol } from '../../../shared/domain/protocol';
import { call } from '../../transport/client';

export interface ProtocolScope {
  familyId: number;
  name: string;
  version: number;
  /** The protocol has a rule set of its own, so the clinic set does not reach its sessions. */
  ownSet: boolean;
}

async function loadScopes(): Promise<ProtocolScope[]> {
  const list = await call('protocol/list', { includeRetired: false });
  if (!list.ok) return [];
  const protocols: Protocol[] = list.value;
  return Promise.all(
    protocols.map(async (protocol) => {
      const rules = await call('rules/get', { protocolFamilyId: protocol.familyId });
      return { familyId: protocol.familyId, name: protocol.name, version: protocol.version, ownSet: rules.ok && rules.value.source === 'protocol' };
    }),
  );
}

/** The protocols a rule set can belong to, each with whether it has its own set. */
export function useProtocolScopes(reloads: number): ProtocolScope[] {
  const [scopes, setScopes] = useState<ProtocolScope[]>([]);
  useEffect(() => {
    let current = true;
    void loadScopes().then((loaded) => {
      if (current) setScopes(loaded);
    });
    return () => {
      current = false;
    };
  }, [reloads]);
  return scopes;
}
