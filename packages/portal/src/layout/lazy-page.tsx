import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { PageLoading } from './page-loading';

/** A page loaded when first opened: visitors download only browsing, not the screens of signed-in work. */
export const lazyPage = <T extends Record<string, unknown>>(
  load: () => Promise<T>,
  name: keyof T,
): LazyExoticComponent<ComponentType> => lazy(async () => ({ default: (await load())[name] as ComponentType }));

/** The element of a lazily loaded page, with the loading indicator while its code arrives. */
export const later = (Page: LazyExoticComponent<ComponentType>) => (
  <Suspense fallback={<PageLoading />}>
    <Page />
  </Suspense>
);
