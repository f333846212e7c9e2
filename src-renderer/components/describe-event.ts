import type { TFunction } from 'i18next';
import { scoreCadss6 } from '../../shared/clinical/cadss';
import type { SessionEventPayload } from '../../shared/domain/session-event';

/** One line for a session event, in the user's language. */
export function describeEvent(t: TFunction, event: SessionEventPayload): string {
  switch (event.kind) {
    case 'sideEffect':
      return t(`events.sideEffect.${event.effect}`);
    case 'medication':
      return t('events.medicationLine', { name: event.name, dose: event.dose, unit: event.unit, route: t(`events.routes.${event.route}`) });
    case 'note':
      return event.text;
    case 'rateChange':
      return event.overrideReason ? t('events.rateChangeOverrideLine', { rate: event.rateMlPerHour, reason: event.overrideReason }) : t('events.rateChangeLine', { rate: event.rateMlPerHour });
    case 'cadss6':
      return t('events.cadssLine', { total: scoreCadss6(event.items) });
  }
}
