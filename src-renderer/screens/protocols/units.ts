import type { TFunction } from 'i18next';
import type { OrderKind } from '../../../shared/domain/protocol';
import type { UnitKind } from './protocol-fields';

/** The unit a protocol number is in: the dose numbers follow the order kind (mg/kg or mg/kg/h). */
export function unitText(t: TFunction, unit: UnitKind, orderKind: OrderKind): string {
  switch (unit) {
    case 'dose':
      return t(`protocols.unit.${orderKind}`);
    case 'minutes':
      return t('protocols.unit.minutes');
    case 'mgPerMl':
      return t('protocols.unit.mgPerMl');
  }
}
