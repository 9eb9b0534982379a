import { useSearchParams } from 'react-router';
import { useT } from '../../i18n/use-t';
import { Breadcrumbs } from '../../layout/breadcrumbs';
import { usePageTitle } from '../../layout/use-page-title';
import { AdminNav } from './admin-nav';
import { AdminOnly } from './admin-only';
import { DeliveryList } from './delivery-list';
import './admin.css';

/** Platform admins: every hub event handed to a plugin, to find the ones that failed. */
export function DeliveriesPage() {
  const { t } = useT();
  usePageTitle(t('serviceAdmin.deliveriesTitle'));
  const [params] = useSearchParams();
  return (
    <div className="page">
      <AdminOnly>
        <Breadcrumbs trail={[{ to: '/admin', label: t('admin.title') }]} current={t('serviceAdmin.deliveriesTitle')} />
        <h1 id="deliveries">{t('serviceAdmin.deliveriesTitle')}</h1>
        <p className="maru-lead">{t('serviceAdmin.deliveriesIntro')}</p>
        <AdminNav />
        <DeliveryList headingId="deliveries" initialStatus={params.get('status')} />
      </AdminOnly>
    </div>
  );
}
