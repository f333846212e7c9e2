import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALDRETE_ITEM_IDS } from '../../shared/clinical/aldrete';
import { CONTRAINDICATIONS } from '../../shared/clinical/screening-checklist';
import { isCurrentReading } from '../../shared/domain/reading';
import type { SessionRecord } from '../../shared/domain/reports';
import type { AppError } from '../../shared/result';
import { AlertText } from '../components/AlertText';
import { EventsList } from '../components/EventsList';
import { ReadingsTable } from '../components/ReadingsTable';
import { VitalsChart } from '../components/VitalsChart';
import { PRIORITY_SYMBOL } from '../components/AlertBanner';
import { errorText } from '../format/error-text';
import { dayOf, formatClockTime, formatClockTimeBeside, formatDateTime } from '../format/time';
import { call } from '../transport/client';
import { ExportButtons } from './ExportButtons';
import { PrintReportButton } from './PrintReportButton';
import { sessionExportChoices } from './session-exports';
import './record.css';

const round = (value: number) => Math.round(value * 10) / 10;

/** A closed or aborted session, opened again: its whole record, read-only, with its exports. */
export function RecordScreen({ sessionId }: { sessionId: number }) {
  const { t } = useTranslation();
  const [record, setRecord] = useState<SessionRecord | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let live = true;
    void call('record/get', { sessionId }).then((result) => {
      if (!live) return;
      if (result.ok) setRecord(result.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [sessionId]);

  if (error) return <main className="record-screen" role="alert">{errorText(t, error)}</main>;
  if (!record) return <main className="record-screen">{t('app.loading')}</main>;
  const { session, patient, protocol, doseOrder: order, screening, discharge } = record;

  return (
    <main className="record-screen" data-testid="record-screen" data-phase={session.phase}>
      <header className="record-header">
        <div>
          <h1>
            {patient.familyName}, {patient.givenName}
          </h1>
          <p className="muted">
            {t('records.header', { mrn: patient.mrn, dateOfBirth: patient.dateOfBirth, weight: session.weightKg, chair: session.chair })}
            {/* The header carries the day; the readings and timeline date only what fell on a later one (past midnight). */}
            {' · '}
            <span data-testid="record-session-date">{t('records.sessionDate', { at: formatDateTime(session.createdAt) })}</span>
            {protocol && <> · {t('session.protocolLine', { name: protocol.name, version: protocol.version })}</>}
          </p>
        </div>
        <div className="record-status">
          <span className={`phase-badge phase-${session.phase}`} data-testid="phase">
            {t(`session.phase.${session.phase}`)}
          </span>
          {record.signature && (
            <span className="ok" data-testid="signed-by">
              ✓ {t('close.signedBy', { name: record.signature.name })}
            </span>
          )}
        </div>
      </header>
      <ExportButtons choices={sessionExportChoices(t, session.id)} testId="record-export" />
      <PrintReportButton sessionId={session.id} />

      <div className="record-grid">
        <section className="record-card">
          <h2>{t('records.sections.dose')}</h2>
          {order ? (
            <dl>
              <dt>{t('records.dose.order')}</dt>
              <dd>{t(order.orderKind === 'perKgTotal' ? 'records.dose.perKgTotal' : 'records.dose.perKgPerHour', { dose: order.dosePerKg, weight: order.weightKg, mg: order.totalDoseMg })}</dd>
              <dt>{t('records.dose.volume')}</dt>
              <dd>{t('records.dose.volumeLine', { ml: order.volumeMl, rate: order.rateMlPerHour, minutes: order.durationMinutes })}</dd>
              <dt>{t('records.dose.orderedBy')}</dt>
              <dd>
                {order.userName}, {formatDateTime(order.at)} · {t(order.source === 'protocol' ? 'records.dose.standing' : 'records.dose.physician')}
                {order.overrideReason && <> · {t('records.dose.override', { reason: order.overrideReason })}</>}
              </dd>
              <dt>{t('records.dose.rateChanges')}</dt>
              <dd>{record.rateChanges.length === 0 ? t('records.none') : record.rateChanges.map((c) => `${formatClockTime(c.at)} ${c.rateMlPerHour} mL/h (${c.userName}${c.overrideReason ? ` · ${t('records.dose.override', { reason: c.overrideReason })}` : ''})`).join('; ')}</dd>
              <dt>{t('records.dose.delivered')}</dt>
              <dd>{record.delivered ? t('records.dose.deliveredLine', { mg: round(record.delivered.doseMg), ml: round(record.delivered.volumeMl) }) : '—'}</dd>
            </dl>
          ) : (
            <p>{t('records.dose.none')}</p>
          )}
        </section>

        <section className="record-card">
          <h2>{t('records.sections.screening')}</h2>
          {screening ? (
            <dl>
              <dt>{t('records.screening.recorded')}</dt>
              <dd>
                {formatDateTime(screening.at)} · {screening.userName}
              </dd>
              <dt>{t('records.screening.contraindications')}</dt>
              <dd>{CONTRAINDICATIONS.filter((key) => screening.contraindications[key]).map((key) => t(`screening.contraindication.${key}`, { defaultValue: key })).join(', ') || t('records.none')}</dd>
              <dt>{t('records.screening.coMedications')}</dt>
              <dd>{screening.coMedications.map((m) => `${m.name} (${t(`screening.medicationClass.${m.medicationClass}`, { defaultValue: m.medicationClass })})`).join(', ') || t('records.none')}</dd>
              <dt>{t('records.screening.consentEscort')}</dt>
              <dd>{t('records.screening.consentEscortLine', { consent: t(screening.consentGiven ? 'records.yes' : 'records.no'), escort: t(screening.escortArranged ? 'records.yes' : 'records.no') })}</dd>
            </dl>
          ) : (
            <p>{t('records.screening.none')}</p>
          )}
          {record.overrides.map((o) => (
            <p key={o.id} className="record-override" data-testid="record-override">
              {t(`records.overrideKind.${o.kind}`)}: {o.reason} — {o.userName}, {formatDateTime(o.at)}
            </p>
          ))}
        </section>

        <section className="record-card record-wide">
          <h2>{t('records.sections.trend')}</h2>
          <VitalsChart readings={record.standing.filter(isCurrentReading)} />
        </section>

        <section className="record-card record-wide">
          <h2>{t('records.sections.readings')}</h2>
          <ReadingsTable readings={record.readings} alerts={record.alerts} canEdit={false} day={dayOf(session.createdAt)} />
        </section>

        <section className="record-card record-wide">
          <h2>{t('records.sections.alerts')}</h2>
          {record.alerts.length === 0 ? (
            <p>{t('records.alerts.none')}</p>
          ) : (
            <table className="record-table" data-testid="record-alerts">
              <thead>
                <tr>
                  <th>{t('records.alerts.priority')}</th>
                  <th>{t('records.alerts.raised')}</th>
                  <th>{t('records.alerts.condition')}</th>
                  <th>{t('records.alerts.acknowledged')}</th>
                  <th>{t('records.alerts.ended')}</th>
                </tr>
              </thead>
              <tbody>
                {record.alerts.map((a) => (
                  <tr key={a.id} className={`priority-${a.priority}`}>
                    <td>
                      <span aria-hidden="true">{PRIORITY_SYMBOL[a.priority]}</span> {t(`alerts.priority.${a.priority}`, { defaultValue: a.priority })}
                    </td>
                    <td>{formatClockTime(a.raisedAt)}</td>
                    <td>
                      <AlertText alert={a} />
                      {a.escalatedAt !== null && <> · {t('records.alerts.escalated', { time: formatClockTime(a.escalatedAt) })}</>}
                      {a.audioPausedUntil !== null && <> · {t('records.alerts.audioPaused', { time: formatClockTime(a.audioPausedUntil) })}</>}
                    </td>
                    <td>{a.acknowledgedAt !== null ? t('records.alerts.ackLine', { time: formatClockTimeBeside(a.acknowledgedAt, a.raisedAt), name: a.acknowledgedByName ?? '', note: a.acknowledgeNote ?? '' }) : t('records.alerts.notAcknowledged')}</td>
                    <td>
                      {a.resolvedAt !== null
                        ? `${formatClockTime(a.resolvedAt)} · ${t(`alerts.resolved.${a.resolvedReason ?? ''}`, { defaultValue: a.resolvedReason ?? '' })}${a.resolvedByName ? ` (${a.resolvedByName})` : ''}`
                        : t('records.alerts.active')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section className="record-card">
          <h2>{t('records.sections.events')}</h2>
          <EventsList events={record.events} phaseEvents={record.phaseEvents} alerts={record.alerts} canRetract={false} day={dayOf(session.createdAt)} />
        </section>

        <section className="record-card">
          <h2>{t('records.sections.checks')}</h2>
          <ul className="record-checks">
            {record.checkpoints.map((c) => (
              <li key={c.id}>
                {t(`records.checkpoint.${c.id}`)}: {t(`records.checkStatus.${c.status}`)}
                {c.doneAt !== null && <> {formatClockTime(c.doneAt)}</>}
              </li>
            ))}
          </ul>
          <p>{record.missedChecks.length === 0 ? t('records.noMissedChecks') : t('records.missedChecks', { count: record.missedChecks.length })}</p>
          <h2>{t('records.sections.discharge')}</h2>
          {discharge ? (
            <p>
              {t('records.discharge.line', { total: discharge.aldreteTotal, name: discharge.userName, time: formatDateTime(discharge.at) })}{' '}
              ({ALDRETE_ITEM_IDS.map((id) => `${t(`aldrete.${id}.title`, { defaultValue: id })} ${discharge.aldrete[id]}`).join(', ')}) ·{' '}
              {t('records.discharge.escort', { answer: t(discharge.escortPresent ? 'records.yes' : 'records.no') })} ·{' '}
              {t('records.discharge.noDriving', { answer: t(discharge.noDrivingInstructionGiven ? 'records.yes' : 'records.no') })}
            </p>
          ) : (
            <p>{t('records.discharge.none')}</p>
          )}
          <h2>{t('records.sections.signature')}</h2>
          <p data-testid="record-signature">
            {record.signature ? t('records.signedBy', { name: record.signature.name, time: formatDateTime(record.signature.at) }) : t(session.phase === 'aborted' ? 'records.aborted' : 'records.notSigned')}
          </p>
        </section>
      </div>
    </main>
  );
}
