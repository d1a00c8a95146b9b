/**
 * Entry point: guards the network, sets up translations, then renders the page
 * for the current pathname. Links between pages are plain navigations (each
 * page is entered with a fresh load, which is what capability links need).
 */
import { lazy, StrictMode, Suspense } from 'react'
import { createRoot } from 'react-dom/client'
import { useTranslation } from 'react-i18next'
import { HomePage } from './home/HomePage'
import { initI18n } from './i18n/i18n'
import { PageShell } from './PageShell'
import { parseRoute } from './routes'
import { installSameOriginGuard } from './sameOriginGuard'
import { WorkshopPage } from './workshop/WorkshopPage'
import './styles.css'

installSameOriginGuard()
initI18n()

// Its own chunk, and none of the board's: a roadmap reader never downloads tldraw.
const RoadmapPage = lazy(() => import('./roadmap/RoadmapPage').then((m) => ({ default: m.RoadmapPage })))
// The déclaration d'accessibilité: its own small chunk, no tldraw either.
const AccessibilityPage = lazy(() =>
  import('./accessibility/AccessibilityPage').then((m) => ({ default: m.AccessibilityPage })),
)

function App() {
  const route = parseRoute(window.location.pathname)
  switch (route.page) {
    case 'home':
      return <HomePage />
    case 'workshop':
      return <WorkshopPage workshopId={route.workshopId} />
    case 'list':
      return <WorkshopPage workshopId={route.workshopId} list />
    case 'roadmap':
      return (
        <Suspense fallback={null}>
          <RoadmapPage processId={route.processId} />
        </Suspense>
      )
    case 'accessibility':
      return (
        <Suspense fallback={null}>
          <AccessibilityPage />
        </Suspense>
      )
    case 'notFound':
      return <NotFound />
  }
}

function NotFound() {
  const { t } = useTranslation()
  return (
    <PageShell>
      <section className="card narrow">
        <h1>{t('notFound.title')}</h1>
        <a href="/">{t('notFound.back')}</a>
      </section>
    </PageShell>
  )
}

const root = document.getElementById('root')
if (!root) throw new Error('#root missing from index.html')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
