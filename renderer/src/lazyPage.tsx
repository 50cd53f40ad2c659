import { Spin } from 'antd';
import { lazy, Suspense, type ComponentType } from 'react';
import type { PageProps } from './routes';

/**
 * A page loaded on first visit (its own chunk), so the first screen does not wait for every page's code. The
 * Suspense boundary is the page's own: the app shell around it stays as it is while the chunk arrives.
 */
export function lazyPage(load: () => Promise<ComponentType<PageProps>>): ComponentType<PageProps> {
  const Page = lazy(() => load().then((c) => ({ default: c })));
  return function LazyPage(props: PageProps) {
    return (
      <Suspense fallback={<Spin style={{ display: 'block', margin: '48px auto' }} />}>
        <Page {...props} />
      </Suspense>
    );
  };
}
