import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface BlockerListProps {
  title: string;
  /** Ids of main's unmet criteria, each translated through `blockers.<id>`. */
  blockers: readonly string[];
  readyText: string;
  testId: string;
  readyTestId: string;
}

/** What main says is still missing before the next phase, each item named; or a plain "ready". */
export function BlockerList({ title, blockers, readyText, testId, readyTestId }: BlockerListProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="blockers" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {blockers.length === 0 ? (
        <p className="blockers-ready" data-testid={readyTestId}>
          <span aria-hidden="true">✓ </span>
          {readyText}
        </p>
      ) : (
        <ul className="blocker-list" data-testid={testId}>
          {blockers.map((blocker) => (
            <li key={blocker} data-blocker={blocker}>
              <span className="blocker-symbol" aria-hidden="true">
                ✕
              </span>
              <span className="blocker-text">{t(`blockers.${blocker}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
