/** Which rule set the screen shows: the clinic-wide one, or one protocol family's. */
export type RuleScope = { kind: 'clinic' } | { kind: 'protocol'; familyId: number };

export const CLINIC_SCOPE: RuleScope = { kind: 'clinic' };

export function scopeValue(scope: RuleScope): string {
  return scope.kind === 'clinic' ? 'clinic' : `protocol-${scope.familyId}`;
}

export function scopeFromValue(value: string): RuleScope {
  const familyId = Number(value.replace('protocol-', ''));
  return value === 'clinic' || !Number.isInteger(familyId) ? CLINIC_SCOPE : { kind: 'protocol', familyId };
}

/** The rules/get and rules/set request part that names the scope. */
export function scopeRequest(scope: RuleScope): { protocolFamilyId?: number } {
  return scope.kind === 'clinic' ? {} : { protocolFamilyId: scope.familyId };
}
