import { useTranslation } from 'react-i18next';
import { mayCall, useSignedInUser } from '../store/access';
import { useAppStore, type View } from '../store/app-store';
import '../screens/admin.css';

/** Header links to the Protocols screen (everyone signed in), the Alert rules (clinical staff) and the Users screen (administrators). */
export function AdminNav({ view }: { view: View }) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const show = useAppStore((state) => state.show);
  const links = [
    { kind: 'records', label: t('records.nav'), visible: mayCall(user, 'record/list') },
    { kind: 'clinicReport', label: t('records.clinic.nav'), visible: mayCall(user, 'report/clinic') },
    { kind: 'protocols', label: t('nav.protocols'), visible: mayCall(user, 'protocol/list') },
    { kind: 'rules', label: t('rules.nav'), visible: mayCall(user, 'rules/get') },
    // Clinical settings, for the clinicians they govern (main lets anyone signed in read them).
    { kind: 'clinicSettings', label: t('clinicSettings.nav'), visible: mayCall(user, 'rules/get') },
    { kind: 'users', label: t('nav.users'), visible: mayCall(user, 'user/list') },
    { kind: 'audit', label: t('audit.nav'), visible: mayCall(user, 'audit/list') },
    { kind: 'backups', label: t('backups.nav'), visible: mayCall(user, 'backup/list') },
  ] as const;

  return (
    <nav className="admin-nav" aria-label={t('nav.label')}>
      {links
        .filter((link) => link.visible)
        .map((link) => (
          <button
            key={link.kind}
            type="button"
            className={`admin-nav-link ${view.kind === link.kind ? 'current' : ''}`}
            data-testid={`nav-${link.kind}`}
            aria-current={view.kind === link.kind ? 'page' : undefined}
            onClick={() => show({ kind: link.kind })}
          >
            {link.label}
          </button>
        ))}
    </nav>
  );
}
