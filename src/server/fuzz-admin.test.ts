// The OpenAPI fuzz suite as the prefecture admin (src/server/fuzz-suite.ts).
import { fuzzSuite } from './fuzz-suite.ts';

fuzzSuite('qiannan.admin');
