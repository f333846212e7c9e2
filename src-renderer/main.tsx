// First: opens the link to main before the modules below are evaluated.
import { firstAuthStatus, transport } from './transport/first-link';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadSignedInApp } from './App';
import { initI18n } from './i18n';
import { useAppStore } from './store/app-store';
import { resync, startEventSync } from './store/sync';
import { mayChart } from './store/access';
import { startAlertSync } from './store/alerts-store';
import { startMonitorSync, useMonitorStore } from './store/monitor-store';
import { setLockedRefusalListener, bridge } from './transport/client';
import { applyAuthStatus, refreshAuthStatus } from './lock/auth-status';
import { startRestoreNoticeSync } from './screens/backups/restore-notice';
import './styles.css';
import { startThemeSync } from './workstation/theme';
import { startLanguageSync, workstationLanguage } from './workstation/language';

/**
 * The link came back after a drop: main says whether this window is still signed in (or
 * locked, or signed out meanwhile), then everything shown is reloaded: events sent during
 * the drop were missed.
 */
async function healAfterReconnect(): Promise<void> {
  await refreshAuthStatus();
  const { auth, locked } = useAppStore.getState();
  if (auth.kind !== 'signedIn' || locked || !mayChart(auth.user)) return;
  resync();
  void useMonitorStore.getState().refresh();
}

/** How long the first screen waits for main's answer before it shows the connecting notice instead. */
const CONNECTING_NOTICE_AFTER_MS = 300;

async function boot(): Promise<void> {
  startThemeSync();
  // The link is already opening, and main already asked who is signed in (first-link.ts).
  await initI18n(workstationLanguage());
  startLanguageSync();
  transport.onLinkState((link) => useAppStore.getState().setLink(link));
  transport.onReconnected(() => void healAfterReconnect());
  startEventSync();
  startAlertSync();
  startMonitorSync();
  bridge().subscribe('auth/changed', (status) => applyAuthStatus(status));
  startRestoreNoticeSync();
  setLockedRefusalListener(() => void refreshAuthStatus());
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  // The first render is the screen main's answer calls for (one render, not "Connecting…" then
  // the screen); the connecting notice shows only if main is slow to answer.
  const early = await Promise.race([firstAuthStatus, new Promise<null>((resolve) => setTimeout(resolve, CONNECTING_NOTICE_AFTER_MS, null))]);
  if (early?.ok) applyAuthStatus(early.value);
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  if (early === null) {
    const status = await firstAuthStatus;
    if (status.ok) applyAuthStatus(status.value);
  }
  // The screens after sign-in load while the first one is read and filled in.
  requestIdleCallback(preloadSignedInApp, { timeout: 2_000 });
}

void boot();
