// The OpenAPI fuzz suite as a county approver (src/server/fuzz-suite.ts).
import { fuzzSuite } from './fuzz-suite.ts';

fuzzSuite('duyun.approver');
