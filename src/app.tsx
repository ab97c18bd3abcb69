/**
 * Top-level composition: skip link, header with the site navigation, the current page. Pages other than
 * the map are lazy-loaded; the map page itself lazy-loads MapLibre so that the search box and the text
 * verdict are usable first.
 */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { MapPage } from './components/map-page.tsx';
import { SiteFooter } from './components/site-footer.tsx';
import { SiteHeader } from './components/site-header.tsx';
import { UpdatePrompt } from './components/update-prompt.tsx';
import { PAGES, type PageId, usePage } from './routing.ts';

const FileCheckPage = lazy(() => import('./components/file-check-page.tsx'));
const ContractPage = lazy(() => import('./components/contract-page.tsx'));
const SourcesPage = lazy(() => import('./components/sources-page.tsx'));
const AccessibilityPage = lazy(() => import('./components/accessibility-page.tsx'));

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
