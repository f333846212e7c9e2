import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportedFile } from '../../shared/domain/reports';
import type { AppError, Result } from '../../shared/result';
import { errorText } from '../format/error-text';
import { bridge } from '../transport/client';
import { offerDownload } from './download';

export interface ExportChoice {
  id: string;
  label: string;
  run(): Promise<Result<ExportedFile>>;
}

/** One button per format; while main makes a file its button says so (a long PDF takes a moment), then the download is offered. */
export function ExportButtons({ choices, testId }: { choices: readonly ExportChoice[]; testId: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function run(choice: ExportChoice) {
    setBusy(choice.id);
    setError(null);
    setDone(null);
    const result = await choice.run();
    setBusy(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const desktop = bridge().desktop;
    if (!desktop) {
      offerDownload(result.value);
      setDone(result.value.fileName);
      return;
    }
    // The desktop app: the OS save dialog, and main writes the file atomically.
    const saved = await desktop.saveFile(result.value);
    if (saved.saved) setDone(saved.path);
  }

  return (
    <div className="export-buttons" data-testid={testId}>
      {choices.map((choice) => (
        <button key={choice.id} type="button" disabled={busy !== null} aria-busy={busy === choice.id} onClick={() => void run(choice)} data-testid={`${testId}-${choice.id}`}>
          {busy === choice.id ? t('records.export.preparing', { format: choice.label }) : choice.label}
        </button>
      ))}
      {busy !== null && <progress aria-label={t('records.export.progress')} />}
      <span role="status" className="muted">
        {done && t('records.export.done', { fileName: done })}
      </span>
      {error && (
        <span role="alert" className="field-error">
          {errorText(t, error)}
        </span>
      )}
    </div>
  );
}
