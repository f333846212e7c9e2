import { useTranslation } from 'react-i18next';
import { phq9CourseChange } from '../../shared/clinical/phq9';
import type { PatientHistoryEntry } from '../../shared/domain/views';

/** First and latest PHQ-9 of the course, the change, and whether it reads as response or remission. */
export function CourseSummary({ sessions }: { sessions: readonly PatientHistoryEntry[] }) {
  const { t } = useTranslation();
  // Main lists the newest session first.
  const scored = sessions.filter((entry) => entry.phq9 !== null);
  const latest = scored[0]?.phq9;
  const first = scored.at(-1)?.phq9;
  if (!latest || !first) return null;
  const change = phq9CourseChange(first.total, latest.total);
  return (
    <dl className="course-figures" data-testid="course-summary">
      <div>
        <dt>{t('course.firstPhq9')}</dt>
        <dd data-testid="course-first">{first.total}</dd>
      </div>
      <div>
        <dt>{t('course.latestPhq9')}</dt>
        <dd data-testid="course-latest">
          {latest.total} · {t(`course.phq9.band.${latest.band}`)}
        </dd>
      </div>
      {change.changePercent !== null && (
        <div>
          <dt>{t('course.change')}</dt>
          <dd data-testid="course-change">{t('course.changePercent', { percent: change.changePercent > 0 ? `+${change.changePercent}` : String(change.changePercent) })}</dd>
        </div>
      )}
      <div>
        <dt>{t('course.response')}</dt>
        <dd data-testid="course-response">{change.response ? t('course.yes') : t('course.no')}</dd>
      </div>
      <div>
        <dt>{t('course.remission')}</dt>
        <dd data-testid="course-remission">{change.remission ? t('course.yes') : t('course.no')}</dd>
      </div>
    </dl>
  );
}
