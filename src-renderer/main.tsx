import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadSignedInApp } from './App';
import { initI18n } from './i18n';
import { useAppStore } from './store/app-store';
import { startEventSync } from './store/sync';
import { startAlertSync } from './store/alerts-store';
import { startMonitorSync } from './store/monitor-store';
import { setBridge, call, setLockedRefusalListener, bridge } from './transport/client';
import { applyAuthStatus, refreshAuthStatus } from './lock/auth-status';
import { pickTransport } from './transport/bridge';
import { startRestoreNoticeSync } from './screens/backups/restore-notice';
import './styles.css';
import { startThemeSync } from './workstation/theme';
import { startLanguageSync, workstationLanguage } from './workstation/language';

async function boot(): Promise<void> {
  startThemeSync();
  await initI18n(workstationLanguage());
  startLanguageSync();
  const transport = pickTransport();
  setBridge(transport.bridge, transport.kind);
  transport.onLinkState((link) => useAppStore.getState().setLink(link));
  startEventSync();
  startAlertSync();
  startMonitorSync();
  bridge().subscribe('auth/changed', (status) => applyAuthStatus(status));
  startRestoreNoticeSync();
  setLockedRefusalListener(() => void refreshAuthStatus());
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  const status = await call('auth/status', {});
  if (status.ok) applyAuthStatus(status.value);
  // The screens after sign-in load while the first one is read and filled in.
  requestIdleCallback(preloadSignedInApp, { timeout: 2_000 });
}

void boot();
