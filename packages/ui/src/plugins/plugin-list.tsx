import { useTranslation } from 'react-i18next';
import { ItemList, type ListProps } from '../common/item-list';
import { PluginCard, type PluginCardProps, type PluginSummary } from './plugin-card';

export interface PluginListProps extends ListProps {
  plugins: PluginSummary[];
  headingLevel?: 2 | 3 | 4;
  /** Per-plugin props: capability saving, busy state, actions. */
  cardProps?: (plugin: PluginSummary) => Omit<PluginCardProps, 'plugin' | 'headingLevel'>;
}

/** Every plugin the hub loaded or refused, with its loading, error and empty states. */
export function PluginList({ plugins, headingLevel, cardProps, ...list }: PluginListProps) {
  const { t } = useTranslation('maru-ui');
  return (
    <ItemList
      {...list}
      items={plugins}
      itemKey={(plugin) => plugin.name}
      label={t('plugin.listLabel')}
      defaultEmptyMessage={t('plugin.empty')}
      layout="stack"
      renderItem={(plugin) => <PluginCard plugin={plugin} headingLevel={headingLevel} {...cardProps?.(plugin)} />}
    />
  );
}
