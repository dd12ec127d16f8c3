import { z } from 'zod';

/**
 * Zod compiles fast parsers with `new Function` after probing whether eval is allowed. Our CSP forbids eval, and the
 * probe alone is reported as a CSP violation: parse without code generation in the renderer and its workers.
 * Import this module before anything that parses.
 */
z.config({ jitless: true });
