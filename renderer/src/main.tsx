import './zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { followTheme } from './app/theme';
import { warmOptimizerWorker } from './strategy/optimizerWorker';
import './styles/base.css';
import './styles/components.css';
import './styles/app.css';
import './styles/data.css';
import './styles/portfolio.css';
import './styles/send.css';
import './styles/activity.css';
import './styles/networks.css';
import './styles/strategy.css';
import './styles/swap.css';
import './styles/receive.css';

followTheme();
const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Start the optimizer worker once the first screen is up, so the Strategy page's first answer is not a cold one.
if ('requestIdleCallback' in window) requestIdleCallback(warmOptimizerWorker, { timeout: 3000 });
else setTimeout(warmOptimizerWorker, 1000);
