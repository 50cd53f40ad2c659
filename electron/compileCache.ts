/**
 * Imported first by the backend (issue 14): Node's compile cache for the code the backend loads after start-up —
 * pdfmake with pdfkit and fontkit at the first print or the warm-up (about 100 → 70 ms here), the worker bundles —
 * as scripts/run-built.cjs does for `npm run web` and `gjj`. A runtime without it (older Node) simply goes on.
 */
import * as nodeModule from 'node:module';

(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
