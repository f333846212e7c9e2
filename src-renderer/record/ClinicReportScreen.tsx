import { format, startOfMonth } from 'date-fns';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CLINIC_EXPORT_FORMATS, type ClinicReport } from '../../shared/domain/reports';
import type { AppError } from '../../shared/result';
import { errorText } from '../format/error-text';
import { call } from '../transport/client';
import { DateRangeFields } from './DateRangeFields';
import { ExportButtons } from './ExportButtons';
import './record.css';

const seconds = (value: number | null) => (value === null ? '—' : `${Math.round(value)} s`);

/** The clinic over a range of days: sessions per protocol and outcome, alerts by condition, acknowledgement times; exported as PDF or CSV. */
export function ClinicReportScreen() {
  const { t } = useTranslation();
  const [from, setFrom] = useState(() => format(startOfMonth(Date.now()), 'yyyy-MM-dd'));
  const [to, setTo] = useState(() => format(Date.now(), 'yyyy-MM-dd'));
  const [report, setReport] = useState<ClinicReport | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let live = true;
    void call('report/clinic', { from, to }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setReport(result.value);
        setError(null);
      } else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [from, to]);

  const protocolData = useMemo(
    () => (report?.byProtocol ?? []).map((p) => ({ name: p.protocolName, [t('records.outcome.completed')]: p.completed, [t('records.outcome.aborted')]: p.aborted, [t('records.outcome.open')]: p.open })),
    [report, t],
  );
  const conditionData = useMemo(() => (report?.byCondition ?? []).map((c) => ({ name: `${c.condition} (${t(`alerts.priority.${c.priority}`)})`, perSession: c.perSession })), [report, t]);

  return (
    <main className="records-screen" data-testid="clinic-report-screen">
      <h1>{t('records.clinic.title')}</h1>
      <form className="records-filter" onSubmit={(e) => e.preventDefault()}>
        <DateRangeFields from={from} to={to} onFrom={setFrom} onTo={setTo} testIdPrefix="clinic" />
        <ExportButtons
          choices={CLINIC_EXPORT_FORMATS.map((format) => ({ id: format, label: t(`records.clinic.format.${format}`), run: () => call('export/clinic', { from, to, format }) }))}
          testId="clinic-export"
        />
      </form>
      {error && (
        <p role="alert" className="field-error">
          {errorText(t, error)}
        </p>
      )}
      {report && (
        <>
          <div className="clinic-figures">
            <div>
              <strong>{report.sessions.length}</strong> {t('records.clinic.sessions')}
            </div>
            <div>
              {t('records.clinic.ack', { median: seconds(report.acknowledgement.medianSeconds), p90: seconds(report.acknowledgement.p90Seconds) })}
            </div>
            <div>{t('records.clinic.overrides', { contraindication: report.overrides.contraindication, recovery: report.overrides.minimumRecovery, dose: report.overrides.doseSoftLimit, rate: report.overrides.rateSoftLimit })}</div>
            <div>{t('records.clinic.missed', { count: report.missedChecks })}</div>
          </div>
          <div className="clinic-charts">
            <section className="record-card">
              <h2>{t('records.clinic.byProtocol')}</h2>
              <ResponsiveContainer width="100%" height={220}>
                <BarChart data={protocolData}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="name" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey={t('records.outcome.completed')} stackId="o" fill="var(--ok)" isAnimationActive={false} />
                  <Bar dataKey={t('records.outcome.aborted')} stackId="o" fill="var(--high)" isAnimationActive={false} />
                  <Bar dataKey={t('records.outcome.open')} stackId="o" fill="var(--muted)" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </section>
            <section className="record-card">
              <h2>{t('records.clinic.byCondition')}</h2>
              <ResponsiveContainer width="100%" height={220}>
                <BarChart data={conditionData} layout="vertical" margin={{ left: 40 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis type="number" />
                  <YAxis type="category" dataKey="name" width={180} />
                  <Tooltip />
                  <Bar dataKey="perSession" name={t('records.clinic.perSession')} fill="var(--primary)" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </section>
          </div>
          <table className="record-table" data-testid="clinic-table">
            <thead>
              <tr>
                <th>{t('records.clinic.columns.priority')}</th>
                <th>{t('records.clinic.columns.condition')}</th>
                <th>{t('records.clinic.columns.alerts')}</th>
                <th>{t('records.clinic.columns.perSession')}</th>
              </tr>
            </thead>
            <tbody>
              {report.byCondition.map((c) => (
                <tr key={`${c.condition}-${c.priority}`}>
                  <td>{t(`alerts.priority.${c.priority}`)}</td>
                  <td>{c.condition}</td>
                  <td>{c.count}</td>
                  <td>{c.perSession.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </main>
  );
}
