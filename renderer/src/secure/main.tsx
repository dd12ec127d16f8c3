import '../zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SecureApp } from './SecureApp';
import '../styles/base.css';
import '../styles/components.css';
import './secure.css';

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
createRoot(root).render(
  <StrictMode>
    <SecureApp />
  </StrictMode>,
);
