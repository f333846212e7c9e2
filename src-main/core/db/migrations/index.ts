import { initialSchema } from './001-initial';
import { chartingSchema } from './002-charting';
import { alertingSchema } from './003-alerting';
import { doseOrderSourceSchema } from './004-dose-order-source';
import { incrementalStateSchema } from './005-incremental-state';
import { auditSchema } from './006-audit';
import { clinicConfigSchema } from './007-clinic-config';
import { treatmentCourseSchema } from './008-treatment-course';
import { monitorFeedSchema } from './009-monitor-feed';
import { leanAuditWritesSchema } from './010-lean-audit-writes';
import { inlineAuditRowsSchema } from './011-inline-audit-rows';

export interface Migration {
  /** Becomes the database's user_version once applied. Numbers run 1, 2, 3... without gaps. */
  version: number;
  name: string;
  sql: string;
}

/** Every schema change, in order. Never edit a shipped migration; add the next number. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initialSchema },
  { version: 2, name: 'charting', sql: chartingSchema },
  { version: 3, name: 'alerting', sql: alertingSchema },
  { version: 4, name: 'dose-order-source', sql: doseOrderSourceSchema },
  { version: 5, name: 'incremental-state', sql: incrementalStateSchema },
  { version: 6, name: 'audit', sql: auditSchema },
  { version: 7, name: 'clinic-config', sql: clinicConfigSchema },
  { version: 8, name: 'treatment-course', sql: treatmentCourseSchema },
  { version: 9, name: 'monitor-feed', sql: monitorFeedSchema },
  { version: 10, name: 'lean-audit-writes', sql: leanAuditWritesSchema },
  { version: 11, name: 'inline-audit-rows', sql: inlineAuditRowsSchema },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
