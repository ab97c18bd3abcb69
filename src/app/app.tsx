/**
 * Top-level composition: skip link, header with the site navigation, the current page. Pages other than
 * the map are lazy-loaded; the map page itself lazy-loads MapLibre so that the search box and the text
 * verdict are usable first.
 */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { MapPage } from '../features/map/map-page.tsx';
import { PAGES, type PageId, usePage } from '../lib/routing.ts';
import { SiteFooter } from './site-footer.tsx';
import { SiteHeader } from './site-header.tsx';
import { UpdatePrompt } from './update-prompt.tsx';

const FileCheckPage = lazy(() => import('../features/file-check/file-check-page.tsx'));
const ContractPage = lazy(() => import('../features/pages/contract-page.tsx'));
const SourcesPage = lazy(() => import('../features/pages/sources-page.tsx'));
const AccessibilityPage = lazy(() => import('../features/pages/accessibility-page.tsx'));

function PageContent({ page }: { page: PageId }) {
  switch (page) {
    case 'carte':
      return <MapPage />;
    case 'fichier':
      return <FileCheckPage />;
    case 'contrat':
      return <ContractPage />;
    case 'sources':
      return <SourcesPage />;
    case 'accessibilite':
      return <AccessibilityPage />;
  }
}

export function App() {
  const page = usePage();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    const label = PAGES.find((candidate) => candidate.id === page)?.label ?? '';
    document.title = `${label} — Périmètre, Contrat de Ville de Croix`;
    // Move focus to the new page's content after an in-app navigation (not on first load).
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [page]);
  return (
    <>
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <SiteHeader page={page} />
      <main id="contenu" ref={main} tabIndex={-1} className={`page page-${page}`}>
        <Suspense fallback={<p className="loading">Chargement…</p>}>
          <PageContent page={page} />
        </Suspense>
      </main>
      <UpdatePrompt />
      <SiteFooter />
    </>
  );
}
