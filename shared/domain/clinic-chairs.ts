import { z } from 'zod';
import { compareChairs } from './chair-order';
import { ChairSchema } from './session';

/** How many chairs a clinic may define (a room of recliners, not a hospital ward). */
export const CLINIC_CHAIRS_MAX_COUNT = 40;

/**
 * One chair of the clinic. The id is stable across a rename, so main can tell "Chair 3 is now
 * Recliner 3" (its monitor bindings follow it) from "Chair 3 removed, Recliner 3 added" (refused
 * while a monitor is bound). Sessions keep the name the chair had when they were charted: the
 * record says where the patient sat, in the words of that day.
 */
export const ClinicChairSchema = z.object({ id: z.number().int().positive(), name: ChairSchema }).strict();
export type ClinicChair = z.infer<typeof ClinicChairSchema>;

/** Two chair names are the same chair when they differ only in case or surrounding spaces. */
export function chairKey(name: string): string {
  return name.trim().toLocaleLowerCase();
}

/** The clinic's chairs, as the admin orders them: no empty or duplicate name, no repeated id, at most the max count. */
export const ClinicChairsSchema = z
  .array(ClinicChairSchema)
  .max(CLINIC_CHAIRS_MAX_COUNT, `A clinic has at most ${CLINIC_CHAIRS_MAX_COUNT} chairs`)
  .superRefine((chairs, context) => {
    const names = new Set<string>();
    const ids = new Set<number>();
    for (const [index, chair] of chairs.entries()) {
      if (names.has(chairKey(chair.name))) context.addIssue({ code: 'custom', path: [index, 'name'], message: `${chair.name} is named twice` });
      if (ids.has(chair.id)) context.addIssue({ code: 'custom', path: [index, 'id'], message: `Chair id ${chair.id} is used twice` });
      names.add(chairKey(chair.name));
      ids.add(chair.id);
    }
  });

/**
 * The registry of a clinic that had none yet: every chair already used (a session opened in it,
 * a monitor bound to it), one entry per name whatever its case, in counting order.
 */
export function chairsFromUse(names: readonly string[]): ClinicChair[] {
  const byKey = new Map<string, string>();
  for (const name of names) if (name.trim() !== '' && !byKey.has(chairKey(name))) byKey.set(chairKey(name), name.trim());
  return [...byKey.values()].sort(compareChairs).map((name, index) => ({ id: index + 1, name }));
}

/** The registry's names in the order a person counts them (Chair 2 before Chair 10). */
export function chairNames(chairs: readonly ClinicChair[]): string[] {
  return chairs.map((chair) => chair.name).sort(compareChairs);
}
