import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { mayCall, useSignedInUser } from '../store/access';
import { useAppStore, type View } from '../store/app-store';
import '../screens/admin.css';

/**
 * Header links to the records, protocols, alert rules, users and audit screens, each shown
 * to whoever may use it. For clinical staff they fold into one menu so the chairs keep the
 * header's width (at 1280 px); the menu's label names the screen open from it.
 */
export function AdminNav({ view, folded = false }: { view: View; folded?: boolean }) {
  const { t } = useTranslation();
  const menu = useRef<HTMLDetailsElement>(null);
  const user = useSignedInUser();
  const show = useAppStore((state) => state.show);
  const links = [
    { kind: 'records', label: t('records.nav'), visible: mayCall(user, 'record/list') },
    { kind: 'clinicReport', label: t('records.clinic.nav'), visible: mayCall(user, 'report/clinic') },
    { kind: 'protocols', label: t('nav.protocols'), visible: mayCall(user, 'protocol/list') },
    { kind: 'rules', label: t('rules.nav'), visible: mayCall(user, 'rules/get') },
    // Clinical settings, for the clinicians they govern (main lets anyone signed in read them).
    // Clinicians read the clinic's settings; an administrator keeps its chairs there.
    { kind: 'clinicSettings', label: t('clinicSettings.nav'), visible: mayCall(user, 'rules/get') || mayCall(user, 'clinic/setChairs') },
    { kind: 'users', label: t('nav.users'), visible: mayCall(user, 'user/list') },
    { kind: 'audit', label: t('audit.nav'), visible: mayCall(user, 'audit/list') },
    { kind: 'backups', label: t('backups.nav'), visible: mayCall(user, 'backup/list') },
    { kind: 'monitors', label: t('monitors.nav'), visible: mayCall(user, 'monitor/configure') },
  ] as const;

  const visible = links.filter((link) => link.visible);
  const nav = (
    <nav className="admin-nav" aria-label={t('nav.label')}>
      {visible.map((link) => (
        <button
          key={link.kind}
          type="button"
          className={`admin-nav-link ${view.kind === link.kind ? 'current' : ''}`}
          data-testid={`nav-${link.kind}`}
          aria-current={view.kind === link.kind ? 'page' : undefined}
          onClick={() => {
            show({ kind: link.kind });
            if (menu.current) menu.current.open = false;
          }}
        >
          {link.label}
        </button>
      ))}
    </nav>
  );
  if (!folded || visible.length === 0) return nav;
  const current = visible.find((link) => link.kind === view.kind);
  return (
    <details className={`nav-menu ${current ? 'current' : ''}`} ref={menu}>
      <summary data-testid="nav-menu">{current?.label ?? t('nav.more')} ▾</summary>
      {nav}
    </details>
  );
}
