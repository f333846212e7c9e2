import { chairKey, chairNames, type ClinicChair } from '../../../shared/domain/clinic-chairs';
import type { ClinicConfig } from '../../../shared/domain/clinic-config';
import { fail } from '../../../shared/result';
import type { ClinicConfigService } from './clinic-config';
import type { DeviceService } from './devices';
import type { SessionService } from './sessions';

/**
 * The clinic's chairs as main holds to them: a session opens only in a chair of the registry,
 * a monitor is bound only to one, and a chair leaves the registry (or changes its name) only
 * when nothing depends on the old name: no open session in it; a bound monitor follows a
 * rename (same id) and blocks a removal.
 */
export function createChairRegistry({ clinicConfig, sessions, devices }: { clinicConfig: ClinicConfigService; sessions: SessionService; devices: DeviceService }) {
  const chairs = (): ClinicChair[] => clinicConfig.current().chairs;

  /** The registry's spelling of `name` (case and spaces as the admin wrote them), or a refusal naming `field`. */
  function resolve(name: string, field: string): string {
    const found = chairs().find((chair) => chairKey(chair.name) === chairKey(name));
    if (!found) {
      fail({
        code: 'invalid_request',
        field,
        reason: 'unknown_chair',
        params: { chair: name },
        message: `${name} is not one of the clinic's chairs (an administrator adds chairs in Clinic settings)`,
      });
    }
    return found.name;
  }

  /** Refuses a change that would strand an open session or a bound monitor; answers the renames to carry bindings across. */
  function checkChange(before: readonly ClinicChair[], after: readonly ClinicChair[], fieldPrefix: string): { from: string; to: string }[] {
    const openByChair = new Map(sessions.open().map((session) => [chairKey(session.chair), session]));
    const boundDevices = devices.list().filter((device) => device.chair !== null);
    const renames: { from: string; to: string }[] = [];
    for (const old of before) {
      const index = after.findIndex((chair) => chair.id === old.id);
      const now = after[index];
      if (now && chairKey(now.name) === chairKey(old.name)) continue;
      // Removed and added again under the same name (a new row in the editor): still the same chair to everyone.
      if (!now && after.some((chair) => chairKey(chair.name) === chairKey(old.name))) continue;
      const field = now ? `${fieldPrefix}.${index}.name` : fieldPrefix;
      const session = openByChair.get(chairKey(old.name));
      if (session) {
        fail({
          code: 'conflict',
          field,
          reason: now ? 'chair_rename_open_session' : 'chair_remove_open_session',
          params: { chair: old.name },
          message: `${old.name} has an open session: close or end it before ${now ? 'renaming' : 'removing'} the chair`,
        });
      }
      const device = boundDevices.find((candidate) => chairKey(candidate.chair ?? '') === chairKey(old.name));
      if (device && !now) {
        fail({
          code: 'conflict',
          field,
          reason: 'chair_remove_bound_monitor',
          params: { chair: old.name, deviceId: device.deviceId },
          message: `Monitor ${device.deviceId} is bound to ${old.name}: unbind it (Monitors) before removing the chair`,
        });
      }
      if (now) renames.push({ from: old.name, to: now.name });
    }
    return renames;
  }

  return {
    /** The registry's names in counting order (chair/list). */
    names: (): string[] => chairNames(chairs()),
    resolve,

    /**
     * A new clinic configuration version (caller holds the act's transaction): the chair change
     * checked first, nothing written on a refusal; monitors bound to a renamed chair follow it.
     * Answers whether any binding moved.
     */
    set(config: ClinicConfig, reason: string, userId: number, fieldPrefix: string): { bindingsMoved: boolean } {
      const renames = checkChange(chairs(), config.chairs, fieldPrefix);
      clinicConfig.set(config, reason, userId);
      let bindingsMoved = false;
      // Bindings as they were before any move, so two chairs swapping names swap their monitors.
      const bound = devices.list();
      for (const { from, to } of renames) {
        for (const device of bound) {
          if (device.chair === null || chairKey(device.chair) !== chairKey(from)) continue;
          devices.bind(device.deviceId, to, userId);
          bindingsMoved = true;
        }
      }
      return { bindingsMoved };
    },
  };
}

export type ChairRegistry = ReturnType<typeof createChairRegistry>;
