import { z } from 'zod';

// zod probes for eval with `new Function` to speed up parsing; under Vigil's CSP (no
// 'unsafe-eval') that probe is blocked and reported as a violation. Parse without it.
z.config({ jitless: true });
